/**
 * The notice kinds, in a module of their own that imports nothing: the console's bundle reads them (through
 * `@huiyin/notify/wording`) and must not pull in zod and the domain's schemas with them (issue 15: the first page's
 * JavaScript). effects.ts re-exports them with the rest of the effects' vocabulary.
 *
 * What a notice is about: the machine's `notify` topic, stored as `notices.kind`.
 */
export const NOTICE_KINDS = [
  "deadline.reminder",
  "deadline.due",
  "deadline.escalation",
  "proposal.submitted",
  "proposal.registered",
  "proposal.returned",
  "proposal.rejected",
  "proposal.converted",
  "proposal.merged",
  "proposal.assigned",
  "assignment.announced",
  "assignment.objected",
  "key.designated",
  "coOpinion.received",
  "extension.requested",
  "extension.decided",
  "reply.received",
  "reply.returned",
  "reply.released",
  "rehandle.requested",
  "followUp.reported",
  "tracking.closed",
  "assignment.changed",
  "consultation.required",
  "consultation.arranged",
  "consultation.recorded",
  "lookback.reportRequested",
  "lookback.reported",
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
