import type { DeadlineKind, NoticeKind } from "@huiyin/domain";
import type { Language } from "./directory.ts";
import { COMMITTEE_DEADLINE_KINDS, COMMITTEE_ESCALATION, NOTICE_KIND_RULES, noticeKindOf } from "./notice-kinds.ts";

/** Everything a message says, gathered by the notifier from the notice, the proposal and the directory. */
export interface NoticeFacts {
  noticeId: string;
  /** The notice kind (the machine's topic, `NOTICE_KINDS`), as the notice row stores it. */
  kind: string;
  level: number;
  /** `number`: the proposal's number (提案号) as its session writes it, once it was registered. */
  proposal: { id: string; title: string; number?: string | null };
  deadline?: { kind: DeadlineKind | string; dueAt: Date; unitName?: string };
  /** When the message is written: how late an escalation is counts from the due time to now. */
  now: Date;
  /** Names of the people notified before this escalation level (lower levels, the unit itself). */
  notifiedBefore: string[];
  note?: string;
  /** A decision on an extension request (`extension.decided`). */
  extension?: { approved: boolean; dueDate?: string };
  /** The handling units the notice names (`assignment.announced`), by their directory name, and their part. */
  units?: { name: string; role: string }[];
  /** The accepted replies the notice carries (`reply.released`), with the replying unit's directory name. */
  replies?: { unitName: string; classification: string; text: string }[];
  links: { proposal: string; acknowledge?: string };
  /** The time zone dates are shown in; the committees' own by default. */
  timeZone?: string;
}

/** The kind whose messages add the level, how late it is and who was told before. */
const ESCALATION = "deadline.escalation" satisfies NoticeKind;

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const EXPECTED: Record<Language, Record<string, string>> = {
  "zh-CN": {
    review: "完成提案审查并作出立案与否的决定",
    resubmission: "修改后重新提交提案",
    objection: "如认为不属于本单位职责，提出异议并说明理由",
    firstContact: "办理前与提案者联系沟通",
    coOpinion: "向主办单位提交会办意见",
    reply: "书面答复提案者（须经单位领导签发）",
    check: "审核承办单位的答复",
    evaluation: "对答复进行满意度测评",
    rehandle: "重新办理并再次答复",
    followUp: "报告跟踪落实情况",
    consultation: "安排并记录与提案者的面对面协商",
    lookbackReport: "报告回头看所要求的落实情况",
  },
  en: {
    review: "review the proposal and decide whether to register it",
    resubmission: "revise and resubmit the proposal",
    objection: "object, with a reason, if the proposal is outside the unit's remit",
    firstContact: "contact the proposer before handling",
    coOpinion: "send the co-handling opinion to the lead unit",
    reply: "reply to the proposer in writing, signed off by the unit's leader",
    check: "check the handling unit's reply",
    evaluation: "evaluate the reply",
    rehandle: "handle the proposal again and reply",
    followUp: "report on the follow-up of the reply",
    consultation: "arrange and record the face-to-face consultation with the proposers",
    lookbackReport: "report to the follow-up review on what the reply promised",
  },
};

const DEADLINE_NAMES: Record<Language, Record<string, string>> = {
  "zh-CN": {
    review: "审查期限",
    resubmission: "修改重提期限",
    objection: "异议期限",
    firstContact: "办前沟通期限",
    coOpinion: "会办意见期限",
    reply: "答复期限",
    check: "答复审核期限",
    evaluation: "测评期限",
    rehandle: "重新办理期限",
    followUp: "跟踪落实期限",
    consultation: "面对面协商期限",
    lookbackReport: "回头看报告期限",
  },
  en: {
    review: "review",
    resubmission: "resubmission",
    objection: "objection window",
    firstContact: "first contact with the proposer",
    coOpinion: "co-handling opinion",
    reply: "written reply",
    check: "check of the reply",
    evaluation: "evaluation",
    rehandle: "re-handling",
    followUp: "follow-up report",
    consultation: "face-to-face consultation",
    lookbackReport: "follow-up review report",
  },
};

const CONVERTED = "proposal.converted" satisfies NoticeKind;

const CONVERT_TARGET_NAMES: Record<Language, Record<string, string>> = {
  "zh-CN": { opinion: "转为意见建议", "public-sentiment": "转为社情民意信息", letter: "转有关方面来信处理" },
  en: {
    opinion: "converted into an opinion",
    "public-sentiment": "converted into a public-sentiment report",
    letter: "passed on as a letter",
  },
};

const UNIT_ROLE_NAMES: Record<Language, Record<string, string>> = {
  "zh-CN": { lead: "主办", co: "会办", separate: "分办" },
  en: { lead: "lead unit", co: "co-handling unit", separate: "handles a separate part" },
};

const REPLY_CLASS_NAMES: Record<Language, Record<string, string>> = {
  "zh-CN": {
    A: "A类（所提问题已经解决或采纳）",
    B: "B类（正在解决或列入计划解决）",
    C: "C类（因条件限制暂不能解决，留作参考）",
  },
  en: {
    A: "A (solved or adopted)",
    B: "B (being solved or planned)",
    C: "C (cannot be solved now, kept for reference)",
  },
};

/** Whether the notice urges the committee office about its own late work (超期催办) rather than a unit (逾期督办). */
function isCommitteeEscalation(facts: NoticeFacts): boolean {
  return facts.kind === ESCALATION && facts.deadline !== undefined && COMMITTEE_DEADLINE_KINDS.has(facts.deadline.kind);
}

/** The name and opening sentence of the notice's kind; a stored kind the domain does not define shows as it is. */
function wordingOf(facts: NoticeFacts, language: Language): { name: string; summary?: string } {
  if (isCommitteeEscalation(facts)) {
    return { name: COMMITTEE_ESCALATION.name[language], summary: COMMITTEE_ESCALATION.summary[language] };
  }
  const known = noticeKindOf(facts.kind);
  if (!known) return { name: facts.kind };
  const rule = NOTICE_KIND_RULES[known];
  return { name: rule.name[language], summary: rule.summary[language] };
}

/** A date and time as people of the language write it, in the zone (`2026年3月2日 23:59`, `March 2, 2026 at 11:59 PM`). */
export function formatDate(date: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { timeZone, dateStyle: "long", timeStyle: "short" }).format(date);
}

/** How late, in the largest unit that says it: days, else hours, else minutes (compressed time is minutes). */
export function formatLateness(ms: number, language: Language): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (language === "zh-CN") {
    if (days > 0) return `${days} 天`;
    if (hours > 0) return `${hours} 小时`;
    return `${minutes} 分钟`;
  }
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (days > 0) return plural(days, "day");
  if (hours > 0) return plural(hours, "hour");
  return plural(minutes, "minute");
}

/** What a deadline kind is called in messages (`答复期限`, `written reply`); an unknown kind as it is. */
export function deadlineName(kind: string, language: Language): string {
  return DEADLINE_NAMES[language][kind] ?? kind;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The lines of the message body, in order; each line is a label and a value, or a paragraph (label only). */
function lines(facts: NoticeFacts, language: Language): { label: string; value?: string; href?: string }[] {
  const zh = language === "zh-CN";
  const timeZone = facts.timeZone ?? "Asia/Shanghai";
  const out: { label: string; value?: string; href?: string }[] = [];
  const summary = wordingOf(facts, language).summary;
  if (summary) out.push({ label: summary });
  out.push({ label: zh ? "提案" : "Proposal", value: `${titled(facts.proposal)} (${facts.proposal.id})` });
  if (facts.units && facts.units.length > 0) {
    const named = facts.units.map((u) => {
      const role = UNIT_ROLE_NAMES[language][u.role] ?? u.role;
      return zh ? `${u.name}（${role}）` : `${u.name} (${role})`;
    });
    out.push({ label: zh ? "承办单位" : "Handling units", value: named.join(zh ? "、" : ", ") });
  }
  if (facts.extension) {
    const { approved, dueDate } = facts.extension;
    const decision = zh
      ? approved
        ? `同意延期${dueDate ? `，答复期限延至 ${dueDate}` : ""}`
        : "不同意延期"
      : approved
        ? `approved${dueDate ? `, the reply is now due on ${dueDate}` : ""}`
        : "denied";
    out.push({ label: zh ? "审批结果" : "Decision", value: decision });
  }
  for (const reply of facts.replies ?? []) {
    const grade = REPLY_CLASS_NAMES[language][reply.classification] ?? reply.classification;
    out.push({ label: zh ? `${reply.unitName}的答复` : `Reply of ${reply.unitName}`, value: grade });
    out.push({ label: reply.text });
  }
  const deadline = facts.deadline;
  if (deadline) {
    out.push({ label: zh ? "期限" : "Deadline", value: deadlineName(deadline.kind, language) });
    if (deadline.unitName) out.push({ label: zh ? "承办单位" : "Handling unit", value: deadline.unitName });
    out.push({ label: zh ? "截止时间" : "Due", value: formatDate(deadline.dueAt, language, timeZone) });
  }
  if (facts.kind === ESCALATION) {
    const committee = isCommitteeEscalation(facts);
    const levelLabel = zh ? (committee ? "催办级别" : "督办级别") : committee ? "Reminder level" : "Escalation level";
    out.push({ label: levelLabel, value: String(facts.level) });
    if (deadline) {
      out.push({
        label: zh ? (committee ? "已超期" : "已逾期") : "Overdue by",
        value: formatLateness(facts.now.getTime() - deadline.dueAt.getTime(), language),
      });
    }
    const before = facts.notifiedBefore.length > 0 ? facts.notifiedBefore.join(zh ? "、" : ", ") : zh ? "无" : "nobody";
    out.push({ label: zh ? "此前已通知" : "Notified before", value: before });
  }
  if (deadline) {
    out.push({ label: zh ? "需要完成" : "Expected", value: EXPECTED[language][deadline.kind] ?? deadline.kind });
  }
  if (facts.note) {
    // A conversion's note is the form the proposal now takes: said in words, not as the API's value.
    const note = facts.kind === CONVERTED ? (CONVERT_TARGET_NAMES[language][facts.note] ?? facts.note) : facts.note;
    out.push({ label: zh ? "说明" : "Note", value: note });
  }
  out.push({ label: zh ? "查看提案" : "Open the proposal", value: facts.links.proposal, href: facts.links.proposal });
  if (facts.links.acknowledge) {
    out.push({
      label: zh ? "确认已阅" : "Acknowledge",
      value: facts.links.acknowledge,
      href: facts.links.acknowledge,
    });
  }
  return out;
}

/** A proposal's title, after its number once it has one: the office refers to proposals by number (第0123号). */
export function titled(proposal: { title: string; number?: string | null }): string {
  return proposal.number ? `${proposal.number} ${proposal.title}` : proposal.title;
}

function subjectOf(facts: NoticeFacts, language: Language): string {
  const zh = language === "zh-CN";
  const kindName = wordingOf(facts, language).name;
  const level = facts.kind === ESCALATION ? (zh ? `（第${facts.level}级）` : ` (level ${facts.level})`) : "";
  return zh
    ? `【回音】${kindName}${level}：${titled(facts.proposal)}`
    : `[huiyin] ${kindName}${level}: ${titled(facts.proposal)}`;
}

/**
 * The e-mail for a notice in the recipient's language: subject, plain text and HTML with the same content.
 * It opens with what happened (the kind's `summary`); a reminder says which proposal, which deadline, when it is due
 * and what is expected; an escalation adds the level, how late it is and who was notified before (a late review or
 * check of the committee office's own is a 超期催办 to the office, not a 逾期督办); a notice to the proposers names
 * the handling units or carries the accepted replies; all link to the proposal (and to acknowledge, if given).
 */
export function renderNotice(facts: NoticeFacts, language: Language): RenderedMessage {
  const body = lines(facts, language);
  const subject = subjectOf(facts, language);
  const separator = language === "zh-CN" ? "：" : ": ";
  const text = `${body.map((line) => (line.value ? `${line.label}${separator}${line.value}` : line.label)).join("\n")}\n`;
  const rows = body
    .map((line) => {
      // A paragraph (the opening sentence, a reply's text) spans the table, its line breaks kept.
      if (line.value === undefined) {
        return `<tr><td colspan="2" style="white-space:pre-wrap">${escapeHtml(line.label)}</td></tr>`;
      }
      const value = line.value;
      const cell = line.href ? `<a href="${escapeHtml(line.href)}">${escapeHtml(value)}</a>` : escapeHtml(value);
      return `<tr><th align="left">${escapeHtml(line.label)}</th><td>${cell}</td></tr>`;
    })
    .join("");
  const html = `<!doctype html><html lang="${language}"><body><h1>${escapeHtml(subject)}</h1><table>${rows}</table></body></html>`;
  return { subject, text, html };
}
