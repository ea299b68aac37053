import type { DeadlineKind, RecipientRole, ScheduledEscalation, ScheduledReminder } from "@huiyin/domain";

/**
 * The effects the machine declares and the engine carries out. They are XState actions with these types and
 * JSON-serialisable `params`; the machine's own implementations do nothing, so `transition()` returns them for
 * the engine to write to its outbox.
 */
export const EFFECT_TYPES = ["deadline.open", "deadline.close", "notify", "webhook.emit"] as const;
export type EffectType = (typeof EFFECT_TYPES)[number];

/** Someone to notify: a party (`proposer` + id, `unit` + unitId, `staff`, `leader` + id) or an escalation role. */
export interface Recipient {
  role: RecipientRole;
  id?: string;
  unitId?: string;
}

/** Store the deadline and schedule its alarms. Everything needed is here: the engine never reads the policy. */
export interface DeadlineOpenParams {
  /** Deterministic (`dl<counter>-<kind>`), unique within the proposal, without ':' (BullMQ job ids). */
  deadlineId: string;
  kind: DeadlineKind;
  dueAt: string;
  reminders: ScheduledReminder[];
  escalations: ScheduledEscalation[];
  /** The unit the deadline binds, for per-unit deadlines (first contact, co-opinion, reply, follow-up). */
  unitId?: string;
  /** Who is reminded and told at the due time. */
  owners: Recipient[];
}

/** Cancel the deadline's pending alarms and mark it closed. */
export interface DeadlineCloseParams {
  deadlineId: string;
  kind: DeadlineKind;
  unitId?: string;
  /** fulfilled: the obligation was met; superseded: replaced by a new deadline; left: the proposal moved on. */
  reason: "fulfilled" | "superseded" | "left";
}

export const NOTIFY_TOPICS = [
  "deadline.reminder",
  "deadline.due",
  "deadline.escalation",
  "proposal.submitted",
  "proposal.returned",
  "proposal.rejected",
  "proposal.converted",
  "proposal.merged",
  "proposal.assigned",
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
] as const;
export type NotifyTopic = (typeof NOTIFY_TOPICS)[number];

/** Tell people something. The notifier picks channels; `deadlineId` and `level` let it deduplicate alarms. */
export interface NotifyParams {
  topic: NotifyTopic;
  recipients: Recipient[];
  deadlineId?: string;
  level?: number;
  /** A short reason or note to include, when the event carried one. */
  note?: string;
}

/** Tell integrators. `proposal.stage` on entering every stage, `proposal.closed` with the reason on closing. */
/** What integrators hear: a stage entered, the proposal closed, or a missed deadline escalated to a level. */
export type WebhookParams =
  | { topic: "proposal.stage" | "proposal.closed"; stage: string; reason?: string }
  | { topic: "deadline.escalated"; deadlineId: string; deadlineKind: string; level: number; recipientRole: string };

export type Effect =
  | { type: "deadline.open"; params: DeadlineOpenParams }
  | { type: "deadline.close"; params: DeadlineCloseParams }
  | { type: "notify"; params: NotifyParams }
  | { type: "webhook.emit"; params: WebhookParams };

/**
 * The effects among the actions `transition()` / `initialTransition()` return, as plain `{ type, params }`
 * objects ready for an outbox row (XState's executable actions also carry `exec` and `info`, which are not data).
 */
export function toEffects(actions: readonly { type: string; params?: unknown }[]): Effect[] {
  return actions
    .filter((a) => (EFFECT_TYPES as readonly string[]).includes(a.type))
    .map((a) => ({ type: a.type, params: a.params }) as Effect);
}
