import type { ProposalRecord } from "./proposal-record.ts";

/** A column of a file: the field it shows and its heading, in the office's words. */
export interface Column<Key extends string = string> {
  key: Key;
  header: string;
}

type RecordColumn = Column<keyof ProposalRecord>;

const c = (key: keyof ProposalRecord, header: string): RecordColumn => ({ key, header });

/**
 * The proposal list (`GET /v1/exports/proposals`): every column the office files by, the content last so that the
 * importer can read the file back (`imports/proposal-rows.ts` reads these headings).
 */
export const PROPOSAL_COLUMNS: readonly RecordColumn[] = [
  c("number", "编号"),
  c("id", "提案ID"),
  c("session", "届次"),
  c("period", "提交时段"),
  c("title", "标题"),
  c("category", "类别"),
  c("proposers", "提案者"),
  c("proposerIds", "提案者编号"),
  c("proposerType", "提案者类型"),
  c("channel", "来源渠道"),
  c("units", "承办单位"),
  c("unitIds", "承办单位编号"),
  c("stage", "阶段"),
  c("key", "重点提案"),
  c("submittedAt", "提交日期"),
  c("registeredAt", "立案日期"),
  c("assignedAt", "交办日期"),
  c("replyDue", "答复期限"),
  c("repliedAt", "办复日期"),
  c("grade", "答复类别"),
  c("evaluation", "评价"),
  c("reasons", "理由"),
  c("suggestions", "建议"),
  c("createdAt", "创建时间"),
  c("updatedAt", "更新时间"),
];

/** A unit's 交办清单: what it was given to handle, by when, and where each stands. */
export const ASSIGNMENT_COLUMNS: readonly RecordColumn[] = [
  c("number", "编号"),
  c("id", "提案ID"),
  c("title", "标题"),
  c("proposers", "提案者"),
  c("proposerIds", "提案者编号"),
  c("units", "承办单位"),
  c("assignedAt", "交办日期"),
  c("replyDue", "答复期限"),
  c("stage", "阶段"),
  c("repliedAt", "办复日期"),
  c("grade", "答复类别"),
];

/** The 提案汇编: every registered proposal with its content and its reply; `attachments` is added per row. */
export const COMPILATION_COLUMNS: readonly RecordColumn[] = [
  c("number", "编号"),
  c("id", "提案ID"),
  c("title", "标题"),
  c("category", "类别"),
  c("proposers", "提案者"),
  c("proposerIds", "提案者编号"),
  c("proposerType", "提案者类型"),
  c("channel", "来源渠道"),
  c("units", "承办单位"),
  c("reasons", "理由"),
  c("suggestions", "建议"),
  c("grade", "答复类别"),
  c("replies", "答复"),
  c("evaluation", "评价"),
];

/** The heading of the compilation's list of attachments (file names, one per line). */
export const ATTACHMENTS_HEADER = "附件";
