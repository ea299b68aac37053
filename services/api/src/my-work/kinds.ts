/**
 * The kinds of work, each named for the action that waits, in the order a proposal asks for them. An allowed event
 * is work when it is the caller's duty in that state; optional actions (withdraw, supervision notes, designating a
 * key proposal, asking for an extension, regrading) are allowed in many states and wait for nobody.
 */
export const WORK_KINDS = {
  submit: ["submit"],
  resubmit: ["resubmit"],
  review: ["review.register"],
  assign: ["assign"],
  confirm: ["unit.acknowledge"],
  contact: ["handle.contact"],
  coOpinion: ["handle.coOpinion"],
  reply: ["handle.reply"],
  extension: ["extension.approve"],
  check: ["supervise.acceptReply"],
  evaluate: ["evaluate"],
  followUp: ["followup.report"],
  consultation: ["consultation.arrange", "consultation.record"],
  /** A unit's report asked by a follow-up review (回头看) of a closed proposal. */
  lookback: ["lookback.report"],
} as const satisfies Record<string, readonly string[]>;
export type WorkKind = keyof typeof WORK_KINDS | "escalation";
export const ALL_WORK_KINDS = [...(Object.keys(WORK_KINDS) as (keyof typeof WORK_KINDS)[]), "escalation"] as const;

/**
 * Whether an event the machine allows the caller is work that waits now. The machine accepts extension.approve and
 * extension.deny from staff anywhere in handle (their payload names the unit whose request is decided, and a payload
 * rule refuses when none is pending), so by role and state alone every handling proposal would be staff's
 * "extension" work; only a unit's part with a pending request makes it so. Read from the persisted snapshot's
 * context, as the SQL of duty-sql.ts does.
 */
export function waitsNow(type: string, snapshot: unknown): boolean {
  if (type !== "extension.approve" && type !== "extension.deny") return true;
  const parts = (snapshot as { context?: { parts?: { pendingExtension?: unknown }[] } } | null)?.context?.parts;
  return Array.isArray(parts) && parts.some((part) => Boolean(part?.pendingExtension));
}
