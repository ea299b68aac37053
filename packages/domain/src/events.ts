import { z } from "zod";
import type { Actor } from "./actor.ts";
import { calendarAdditionsSchema } from "./calendar/index.ts";
import { proposalContentSchema, proposerSchema } from "./content.ts";
import { REJECTION_GROUNDS } from "./rejection-grounds.ts";
import type { NumberFacts, SessionFacts } from "./year.ts";

const text = z.string().trim().min(1);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const isoInstant = z.iso.datetime({ offset: true });

export const ASSIGNMENT_MODES = ["sole", "lead-co", "separate"] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];
export const UNIT_ROLES = ["lead", "co", "separate"] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];
export const REPLY_CLASSES = ["A", "B", "C"] as const;
export type ReplyClass = (typeof REPLY_CLASSES)[number];
export const EVALUATION_RESULTS = ["satisfied", "basically-satisfied", "unsatisfied"] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];
export const SUPERVISION_MODES = ["on-site", "joint", "online", "tracking"] as const;
export const CONVERT_TARGETS = ["opinion", "public-sentiment", "letter"] as const;
export const CONTACT_CHANNELS = ["meeting", "visit", "phone", "online", "letter"] as const;

export const assignedUnitSchema = z.strictObject({ unitId: text, role: z.enum(UNIT_ROLES) });
export type AssignedUnit = z.infer<typeof assignedUnitSchema>;

/**
 * Whether units and mode agree: `sole` has one `lead`; `lead-co` one `lead` and at least one `co`; `separate` at
 * least two `separate` units; no unit twice. Shared by the schema and the machine's guard.
 */
export function assignmentProblem(mode: AssignmentMode, units: readonly AssignedUnit[]): string | undefined {
  if (new Set(units.map((u) => u.unitId)).size !== units.length) return "a unit is listed twice";
  const count = (role: UnitRole) => units.filter((u) => u.role === role).length;
  if (mode === "sole" && !(units.length === 1 && count("lead") === 1))
    return "sole handling takes exactly one lead unit";
  if (mode === "lead-co" && !(count("lead") === 1 && count("co") >= 1 && count("separate") === 0)) {
    return "lead + co handling takes one lead unit and at least one co-unit";
  }
  if (mode === "separate" && !(count("separate") >= 2 && count("separate") === units.length)) {
    return "separate handling takes at least two units, all with role 'separate'";
  }
  return undefined;
}

const deadlineRef = { deadlineId: text };

/** An attachment's id, as `POST /v1/proposals/:id/attachments` gives it out. */
export const ATTACHMENT_ID = /^att_[0-9a-f]{32}$/;

/**
 * Files an event carries (a reply's reply letter 答复函, a submission's supporting documents): ids of attachments
 * uploaded to the proposal before, by the same party. Optional and ignored by the machine, so older events and
 * snapshots read as before; the API checks the ids, and an attachment is seen as the payload of its event is.
 */
export const attachmentIdsSchema = z
  .array(z.string().regex(ATTACHMENT_ID, "expected an attachment id (att_…)"))
  .min(1)
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, "an attachment is listed twice");
const attachments = { attachmentIds: attachmentIdsSchema.optional() };

/**
 * Every public event body by `type` (the vocabulary of `docs/domain.md`). The HTTP API validates request
 * bodies with `proposalEventSchema`; the engine then stamps `actor` and `at` (see `ProposalEvent`).
 */
export const eventBodySchemas = {
  submit: z.strictObject({
    type: z.literal("submit"),
    content: proposalContentSchema.optional(),
    ...attachments,
  }),
  withdraw: z.strictObject({ type: z.literal("withdraw"), reason: text }),
  "review.register": z.strictObject({
    type: z.literal("review.register"),
    category: text,
    key: z.boolean().optional(),
  }),
  // The ground from the regulations' list (statistics count by it); optional for callers from before it existed.
  "review.reject": z.strictObject({
    type: z.literal("review.reject"),
    reason: text,
    ground: z.enum(REJECTION_GROUNDS).optional(),
  }),
  "review.convert": z.strictObject({
    type: z.literal("review.convert"),
    target: z.enum(CONVERT_TARGETS),
    reason: text,
  }),
  "review.merge": z.strictObject({ type: z.literal("review.merge"), intoId: text }),
  "review.return": z.strictObject({ type: z.literal("review.return"), reason: text }),
  resubmit: z.strictObject({ type: z.literal("resubmit"), content: proposalContentSchema, ...attachments }),
  assign: z
    .strictObject({
      type: z.literal("assign"),
      mode: z.enum(ASSIGNMENT_MODES),
      units: z.array(assignedUnitSchema).min(1),
      /** Overrides the policy's reply deadline (end of that local day); capped like an extension. */
      replyDueDate: localDate.optional(),
    })
    .superRefine((body, ctx) => {
      const problem = assignmentProblem(body.mode, body.units);
      if (problem) ctx.addIssue({ code: "custom", path: ["units"], message: problem });
    }),
  "unit.acknowledge": z.strictObject({ type: z.literal("unit.acknowledge") }),
  "unit.object": z.strictObject({ type: z.literal("unit.object"), reason: text }),
  "key.designate": z.strictObject({ type: z.literal("key.designate"), leaderId: text }),
  "handle.contact": z.strictObject({
    type: z.literal("handle.contact"),
    channel: z.enum(CONTACT_CHANNELS),
    contactedAt: isoInstant,
    summary: text,
  }),
  "handle.coOpinion": z.strictObject({ type: z.literal("handle.coOpinion"), opinion: text, ...attachments }),
  "handle.requestExtension": z.strictObject({
    type: z.literal("handle.requestExtension"),
    newDueDate: localDate,
    reason: text,
  }),
  "extension.approve": z.strictObject({ type: z.literal("extension.approve"), unitId: text.optional() }),
  "extension.deny": z.strictObject({ type: z.literal("extension.deny"), unitId: text.optional(), reason: text }),
  "handle.reply": z.strictObject({
    type: z.literal("handle.reply"),
    classification: z.enum(REPLY_CLASSES),
    text,
    signedOffBy: text,
    ...attachments,
  }),
  "supervise.record": z.strictObject({
    type: z.literal("supervise.record"),
    mode: z.enum(SUPERVISION_MODES),
    note: text,
  }),
  "supervise.acceptReply": z.strictObject({ type: z.literal("supervise.acceptReply"), unitId: text.optional() }),
  "supervise.returnReply": z.strictObject({
    type: z.literal("supervise.returnReply"),
    unitId: text.optional(),
    reason: text,
  }),
  evaluate: z.strictObject({
    type: z.literal("evaluate"),
    result: z.enum(EVALUATION_RESULTS),
    comment: z.string(),
    /** With "unsatisfied": true asks for re-handling (refused past the limit); false declines it. Default: asks while allowed. */
    rehandle: z.boolean().optional(),
    /** Separate handling: the units whose part is to be handled again (default: all). */
    unitIds: z.array(text).min(1).optional(),
    /** Lead + co and separate handling: a result per handling unit (default: `result` for every unit). */
    units: z
      .array(z.strictObject({ unitId: text, result: z.enum(EVALUATION_RESULTS) }))
      .min(1)
      .refine((us) => new Set(us.map((u) => u.unitId)).size === us.length, "a unit is rated twice")
      .optional(),
  }),
  /** Staff change an accepted reply's grade (A/B/C) with a reason; the history keeps both grades. */
  "supervise.reclassify": z.strictObject({
    type: z.literal("supervise.reclassify"),
    unitId: text.optional(),
    classification: z.enum(REPLY_CLASSES),
    reason: text,
  }),
  "followup.report": z.strictObject({
    type: z.literal("followup.report"),
    progress: text,
    resolved: z.boolean(),
    ...attachments,
  }),
  /** Staff close a B reply's tracking (跟踪落实) with a reason: one unit's (`unitId`) or every open one. */
  "tracking.close": z.strictObject({ type: z.literal("tracking.close"), unitId: text.optional(), reason: text }),
  /**
   * Staff change the handling units after handling started: units added (with their role) and removed, with a
   * reason. The mode stays; the resulting units must fit it as an assignment's would.
   */
  "handle.reassign": z
    .strictObject({
      type: z.literal("handle.reassign"),
      add: z.array(assignedUnitSchema).optional(),
      remove: z.array(text).optional(),
      reason: text,
    })
    .refine((body) => (body.add?.length ?? 0) + (body.remove?.length ?? 0) > 0, "add or remove at least one unit"),
  /** A face-to-face consultation (面对面协商) after a repeated "unsatisfied": when and where it is to be held. */
  "consultation.arrange": z.strictObject({
    type: z.literal("consultation.arrange"),
    scheduledAt: isoInstant,
    place: text,
  }),
  /** The consultation as held: when, who took part, what was agreed. */
  "consultation.record": z.strictObject({
    type: z.literal("consultation.record"),
    heldAt: isoInstant,
    participants: z.array(text).min(1),
    summary: text,
  }),
  /** 回头看: staff or a leader open a follow-up review of a closed proposal's promises (A and B replies). */
  "lookback.open": z.strictObject({ type: z.literal("lookback.open"), note: text }),
  /** What the follow-up review found; optionally a report asked of a unit (`unitId`, `request`) by `dueDate`. */
  "lookback.record": z
    .strictObject({
      type: z.literal("lookback.record"),
      findings: text,
      unitId: text.optional(),
      request: text.optional(),
      dueDate: localDate.optional(),
    })
    .refine((body) => (body.unitId === undefined) === (body.request === undefined), "unitId and request go together")
    .refine((body) => body.dueDate === undefined || body.unitId !== undefined, "dueDate needs a report request"),
  /**
   * The engine's own, queued by a `review.merge` of another proposal (`fromId`) into this one: its proposers are
   * linked to this proposal (told of its reply, may read and rate it). Sent by the system only.
   */
  "merge.link": z.strictObject({
    type: z.literal("merge.link"),
    fromId: text,
    proposers: z.array(proposerSchema).min(1),
  }),
  /** A unit's report to a follow-up review that asked for one. */
  "lookback.report": z.strictObject({ type: z.literal("lookback.report"), report: text }),
  "deadline.remind": z.strictObject({
    type: z.literal("deadline.remind"),
    ...deadlineRef,
    level: z.number().int().optional(),
  }),
  "deadline.due": z.strictObject({
    type: z.literal("deadline.due"),
    ...deadlineRef,
    level: z.number().int().optional(),
  }),
  "deadline.escalate": z.strictObject({
    type: z.literal("deadline.escalate"),
    ...deadlineRef,
    level: z.number().int().min(1),
  }),
} as const;

/** One deadline a calendar change moves: the deadline it was, and its due time before and after (ISO instants). */
export const deadlineCorrectionSchema = z.strictObject({
  deadlineId: text,
  kind: text,
  unitId: z.string().optional(),
  oldDueAt: isoInstant,
  newDueAt: isoInstant,
});
export type DeadlineCorrection = z.infer<typeof deadlineCorrectionSchema>;

/**
 * Events only the system sends, never accepted over HTTP. `deadlines.recomputed`: the committee's calendar changed
 * (an official year loaded, local days off changed); the proposal adopts `calendar` and its open deadlines that the
 * change moves are closed and opened again at their new due time, alarms and all. `corrections` is what the sender
 * computed from the snapshot it read: the machine refuses the event (`CORRECTIONS_CHANGED`) unless it computes the
 * same, so that the history row says exactly what was moved.
 */
export const systemEventBodySchemas = {
  "deadlines.recomputed": z.strictObject({
    type: z.literal("deadlines.recomputed"),
    calendar: calendarAdditionsSchema,
    corrections: z.array(deadlineCorrectionSchema),
  }),
} as const;

export type ProposalEventType = keyof typeof eventBodySchemas | keyof typeof systemEventBodySchemas;
export const PROPOSAL_EVENT_TYPES = [
  ...Object.keys(eventBodySchemas),
  ...Object.keys(systemEventBodySchemas),
] as ProposalEventType[];
export const TIMER_EVENT_TYPES = ["deadline.remind", "deadline.due", "deadline.escalate"] as const;
export type TimerEventType = (typeof TIMER_EVENT_TYPES)[number];

/** One schema for every public event body, discriminated on `type`. */
export const proposalEventSchema = z.discriminatedUnion("type", [
  eventBodySchemas.submit,
  eventBodySchemas.withdraw,
  eventBodySchemas["review.register"],
  eventBodySchemas["review.reject"],
  eventBodySchemas["review.convert"],
  eventBodySchemas["review.merge"],
  eventBodySchemas["review.return"],
  eventBodySchemas.resubmit,
  eventBodySchemas.assign,
  eventBodySchemas["unit.acknowledge"],
  eventBodySchemas["unit.object"],
  eventBodySchemas["key.designate"],
  eventBodySchemas["handle.contact"],
  eventBodySchemas["handle.coOpinion"],
  eventBodySchemas["handle.requestExtension"],
  eventBodySchemas["extension.approve"],
  eventBodySchemas["extension.deny"],
  eventBodySchemas["handle.reply"],
  eventBodySchemas["supervise.record"],
  eventBodySchemas["supervise.acceptReply"],
  eventBodySchemas["supervise.returnReply"],
  eventBodySchemas.evaluate,
  eventBodySchemas["supervise.reclassify"],
  eventBodySchemas["followup.report"],
  eventBodySchemas["tracking.close"],
  eventBodySchemas["handle.reassign"],
  eventBodySchemas["consultation.arrange"],
  eventBodySchemas["consultation.record"],
  eventBodySchemas["lookback.open"],
  eventBodySchemas["lookback.record"],
  eventBodySchemas["lookback.report"],
  eventBodySchemas["merge.link"],
  eventBodySchemas["deadline.remind"],
  eventBodySchemas["deadline.due"],
  eventBodySchemas["deadline.escalate"],
]);
/** Every event the machine takes: the public ones and the system's own. */
export const machineEventSchema = z.discriminatedUnion("type", [
  ...proposalEventSchema.options,
  systemEventBodySchemas["deadlines.recomputed"],
]);
export type ProposalEventBody = z.infer<typeof machineEventSchema>;

/** What the engine adds to every body before the machine sees it. */
export interface EventStamp {
  actor: Actor;
  /** ISO instant the engine accepted the event; all due dates are computed from it. */
  at: string;
}

/**
 * Facts the machine cannot look up itself (it does no IO), so the engine stamps them: for `review.merge`,
 * whether the target proposal is registered.
 */
export interface MergeFacts {
  intoRegistered: boolean;
}

type BodyOf<T extends ProposalEventType> = Extract<ProposalEventBody, { type: T }>;

/** An event as the machine receives it: a validated body plus the engine's stamp. */
export type ProposalEvent =
  | (Exclude<ProposalEventBody, { type: "review.merge" | "submit" | "review.register" }> & EventStamp)
  | (BodyOf<"review.merge"> & MergeFacts & EventStamp)
  | (BodyOf<"submit"> & SessionFacts & EventStamp)
  | (BodyOf<"review.register"> & NumberFacts & EventStamp);
export type ProposalEventOf<T extends ProposalEventType> = Extract<ProposalEvent, { type: T }>;
