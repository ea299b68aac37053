import { z } from "zod";
import { durationSchema } from "./duration.ts";
import { REPLY_CLASSES, UNIT_ROLES } from "./events.ts";
import { NOTICE_KINDS } from "./notice-kinds.ts";
import { deadlineKindSchema, recipientRoleSchema } from "./policy.ts";

/**
 * The contract between a workflow that declares effects and the engine that carries them out, and between the
 * engine that writes notices and everything that reads them (the notifier's inbox and e-mail, the digest, the
 * api's inbox). One definition, schema-checked where data crosses in (the engine parses every effect a machine
 * returns), typed everywhere else by inference. Adding a notice kind is one line in `NOTICE_KINDS`; the compiler
 * then points at each handler that must say what it does with it (packages/notify's `NOTICE_KIND_RULES`).
 */

/** The effect types a machine may declare as XState actions; other actions are not effects. */
export const EFFECT_TYPES = ["deadline.open", "deadline.close", "notify", "webhook.emit", "event.send"] as const;
export type EffectType = (typeof EFFECT_TYPES)[number];

// The notice kinds live in a module without zod, which the console imports (`@huiyin/domain/notice-kinds`).
export { NOTICE_KINDS, type NoticeKind } from "./notice-kinds.ts";
export const noticeKindSchema = z.enum(NOTICE_KINDS);

/**
 * Someone to notify, as a notice names them (`notices.recipients`): a party (`proposer` + id, `unit` + unitId,
 * `staff`, `leader` + id) or an escalation role, scoped (`unit-head` + unitId, `supervising-leader` + id) or not
 * (then resolved per notice from its deadline and proposal).
 */
export const recipientSchema = z.object({
  role: recipientRoleSchema,
  id: z.string().optional(),
  unitId: z.string().optional(),
});
export type Recipient = z.infer<typeof recipientSchema>;

const scheduledReminderSchema = z.object({ at: z.string(), offset: durationSchema });
const scheduledEscalationSchema = z.object({
  level: z.number().int(),
  at: z.string(),
  recipientRole: recipientRoleSchema,
});

/** Store the deadline and schedule its alarms. Everything needed is here: the engine never reads the policy. */
export const deadlineOpenParamsSchema = z.object({
  /** Deterministic (`dl<counter>-<kind>`), unique within the proposal, without ':' (BullMQ job ids). */
  deadlineId: z.string(),
  kind: deadlineKindSchema,
  dueAt: z.string(),
  reminders: z.array(scheduledReminderSchema),
  escalations: z.array(scheduledEscalationSchema),
  /** The unit the deadline binds, for per-unit deadlines (first contact, co-opinion, reply, follow-up). */
  unitId: z.string().optional(),
  /** Who is reminded and told at the due time. */
  owners: z.array(recipientSchema),
});
export type DeadlineOpenParams = z.infer<typeof deadlineOpenParamsSchema>;

/** Cancel the deadline's pending alarms and mark it closed. */
export const deadlineCloseParamsSchema = z.object({
  deadlineId: z.string(),
  kind: deadlineKindSchema,
  unitId: z.string().optional(),
  /** fulfilled: the obligation was met; superseded: replaced by a new deadline; left: the proposal moved on. */
  reason: z.enum(["fulfilled", "superseded", "left"]),
});
export type DeadlineCloseParams = z.infer<typeof deadlineCloseParamsSchema>;

/** Tell people something. The notifier picks channels; `deadlineId` and `level` let it deduplicate alarms. */
export const notifyParamsSchema = z.object({
  topic: noticeKindSchema,
  recipients: z.array(recipientSchema),
  deadlineId: z.string().optional(),
  level: z.number().int().optional(),
  /** A short reason or note to include, when the event carried one. */
  note: z.string().optional(),
  /** A decision on an extension request (`extension.decided`): approved with the new due date, or denied. */
  extension: z.object({ approved: z.boolean(), dueDate: z.string().optional() }).optional(),
  /** The handling units a notice names (`assignment.announced`); the notifier shows their directory names. */
  units: z.array(z.object({ unitId: z.string(), role: z.enum(UNIT_ROLES) })).optional(),
  /**
   * The replies a notice carries (`reply.released`): only replies staff accepted may be addressed to proposers
   * (workflows/proposal's disclosure rules), so the machine sends them on acceptance, never on the reply itself.
   */
  replies: z
    .array(z.object({ unitId: z.string(), classification: z.enum(REPLY_CLASSES), text: z.string(), at: z.string() }))
    .optional(),
});
export type NotifyParams = z.infer<typeof notifyParamsSchema>;

/** What integrators hear: a stage entered, the proposal closed, or a missed deadline escalated to a level. */
export const webhookParamsSchema = z.union([
  z.object({
    topic: z.enum(["proposal.stage", "proposal.closed"]),
    stage: z.string(),
    reason: z.string().optional(),
  }),
  z.object({
    topic: z.literal("deadline.escalated"),
    deadlineId: z.string(),
    deadlineKind: z.string(),
    level: z.number().int(),
    recipientRole: z.string(),
  }),
]);
export type WebhookParams = z.infer<typeof webhookParamsSchema>;

/**
 * Send an event to another instance of the workflow (a merged proposal links its proposers to the one it was merged
 * into). The engine queues it through the outbox in the same transaction, and applies it at least once, by its
 * queued-event worker, as the system (`QUEUE_ACTOR`), exactly once per outbox message.
 */
export const eventSendParamsSchema = z.object({
  proposalId: z.string().min(1),
  event: z.looseObject({ type: z.string().min(1) }),
});
export type EventSendParams = z.infer<typeof eventSendParamsSchema>;

/** One declared effect, as a machine returns it and the engine writes it: `{ type, params }`. */
export const effectSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("deadline.open"), params: deadlineOpenParamsSchema }),
  z.object({ type: z.literal("deadline.close"), params: deadlineCloseParamsSchema }),
  z.object({ type: z.literal("notify"), params: notifyParamsSchema }),
  z.object({ type: z.literal("webhook.emit"), params: webhookParamsSchema }),
  z.object({ type: z.literal("event.send"), params: eventSendParamsSchema }),
]);
export type Effect = z.infer<typeof effectSchema>;

/** Whether an action's type names an effect (the rest are XState's own or carry no IO meaning). */
export const isEffectType = (type: string): type is EffectType => (EFFECT_TYPES as readonly string[]).includes(type);
