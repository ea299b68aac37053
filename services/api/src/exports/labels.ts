import type { ProposerType, SourceChannel } from "@huiyin/domain";

/**
 * The words a committee office reads in its files, per code. The exports write the words and the importer reads
 * either the word or the code, so a file goes out and comes back the same.
 */
export const PROPOSER_TYPE_LABELS: Record<ProposerType, string> = {
  member: "委员",
  joint: "联名",
  "party-group": "党派团体",
  "sector-group": "界别",
  "special-committee": "专委会",
  collective: "集体",
};

export const CHANNEL_LABELS: Record<SourceChannel, string> = {
  plenary: "大会期间",
  interim: "闭会期间",
  "public-platform": "提案线索",
};

export const STAGE_LABELS: Record<string, string> = {
  submit: "提交",
  review: "审查",
  assign: "交办",
  handle: "办理",
  supervise: "督办",
  evaluate: "评价",
  closed: "办结",
};

export const UNIT_ROLE_LABELS: Record<string, string> = { lead: "主办", co: "协办", separate: "分办" };

export const EVALUATION_LABELS: Record<string, string> = {
  satisfied: "满意",
  "basically-satisfied": "基本满意",
  unsatisfied: "不满意",
  "no-answer": "未评价",
};

/** The code a cell names, by its word or by the code itself; undefined when it names none. */
export function codeOf<Code extends string>(labels: Record<Code, string>, cell: string): Code | undefined {
  const value = cell.trim();
  for (const [code, label] of Object.entries(labels) as [Code, string][]) {
    if (value === code || value === label) return code;
  }
  return undefined;
}
