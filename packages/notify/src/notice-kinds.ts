import { NOTICE_KINDS, type NoticeKind } from "@huiyin/domain";

/**
 * What the notifier does with each notice kind (`@huiyin/domain`'s `NOTICE_KINDS`). The table is exhaustive: a
 * kind added to the domain does not compile until it says here whether people get it by e-mail unless they chose
 * otherwise, and what its messages are called in each language.
 */
export interface NoticeKindRule {
  /** The default channels include e-mail (a person's own choice in `Person.channels` overrides them). */
  emailByDefault: boolean;
  /** The name in a message's subject, per language; null: the subject shows the kind as it is. */
  name: { "zh-CN": string; en: string } | null;
}

const deadline = (zh: string, en: string): NoticeKindRule => ({ emailByDefault: true, name: { "zh-CN": zh, en } });
const inApp: NoticeKindRule = { emailByDefault: false, name: null };

export const NOTICE_KIND_RULES: Record<NoticeKind, NoticeKindRule> = {
  "deadline.reminder": deadline("办理提醒", "Reminder"),
  "deadline.due": deadline("到期通知", "Due now"),
  "deadline.escalation": deadline("逾期督办", "Escalation"),
  "proposal.submitted": inApp,
  "proposal.returned": inApp,
  "proposal.rejected": inApp,
  "proposal.converted": inApp,
  "proposal.merged": inApp,
  "proposal.assigned": inApp,
  "assignment.objected": inApp,
  "key.designated": inApp,
  "coOpinion.received": inApp,
  "extension.requested": inApp,
  "extension.decided": inApp,
  "reply.received": inApp,
  "reply.returned": inApp,
  "reply.released": inApp,
  "rehandle.requested": inApp,
  "followUp.reported": inApp,
};

/** The daily digest's kind, as people's channel choices name it: not a notice, but chosen like one. */
export const DIGEST_KIND = "digest";

/** The kind of a stored notice, when it is one the domain defines (rows are text; a foreign one stays as it is). */
export function noticeKindOf(value: string): NoticeKind | undefined {
  return (NOTICE_KINDS as readonly string[]).includes(value) ? (value as NoticeKind) : undefined;
}
