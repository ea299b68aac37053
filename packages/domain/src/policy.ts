import { z } from "zod";
import {
  type BusinessCalendar,
  businessCalendarSchema,
  calendarAdditionsSchema,
  calendars,
  withAdditions,
} from "./calendar/index.ts";
import { type Duration, days, durationSchema, months, workingDays } from "./duration.ts";

/** Every time limit of the lifecycle has a kind; a policy gives each kind its duration, reminders and escalation. */
export const DEADLINE_KINDS = [
  "review",
  "resubmission",
  "objection",
  "firstContact",
  "coOpinion",
  "reply",
  "check",
  "evaluation",
  "rehandle",
  "followUp",
  "consultation",
  "lookbackReport",
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const deadlineKindSchema = z.enum(DEADLINE_KINDS);

/**
 * Who a notice goes to. The first four are the parties of a proposal; the others are the escalation chain's
 * organisational roles, which the notifier resolves to people (e.g. `unit-head` of the deadline's unit,
 * `supervising-leader` = the key proposal's leader when there is one).
 */
export const RECIPIENT_ROLES = [
  "proposer",
  "staff",
  "unit",
  "leader",
  "staff-head",
  "committee-leader",
  "unit-head",
  "co-unit-head",
  "supervising-leader",
  "chairs-meeting",
] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];
export const recipientRoleSchema = z.enum(RECIPIENT_ROLES);

export const escalationRuleSchema = z.strictObject({
  level: z.number().int().min(1),
  /** How long after the due time this level fires; zero means at the due time. */
  after: durationSchema,
  recipientRole: recipientRoleSchema,
});
export type EscalationRule = z.infer<typeof escalationRuleSchema>;

export const deadlineRuleSchema = z.strictObject({
  duration: durationSchema,
  /** Reminders, each a duration before the due time. */
  reminders: z.array(durationSchema),
  /** Escalation levels in ascending order. */
  escalations: z
    .array(escalationRuleSchema)
    .refine((levels) => levels.every((l, i) => l.level === i + 1), "escalation levels must be 1, 2, 3, ... in order"),
});
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

/** The policy's fields; `policySchema` adds the rules between them. */
const policyFields = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  /** Names a calendar in `calendars`; `calendar` (inline data) wins when present. */
  calendarId: z.string().min(1),
  calendar: businessCalendarSchema.optional(),
  /**
   * How fast policy time runs: every interval the policy computes is multiplied by it. 1 is real time;
   * 1/86400 makes a policy day last one second (for demos and tests).
   */
  timeScale: z.number().positive().max(1),
  /** Local time of day (`HH:MM`) at which reminders fire on their day. */
  reminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  deadlines: z.strictObject({
    ...(Object.fromEntries(DEADLINE_KINDS.map((k) => [k, deadlineRuleSchema])) as Record<
      Exclude<DeadlineKind, AddedDeadlineKind>,
      typeof deadlineRuleSchema
    >),
    // Kinds added after policies were first snapshotted with proposals: absent, they take `ADDED_DEADLINES`.
    consultation: deadlineRuleSchema.optional(),
    lookbackReport: deadlineRuleSchema.optional(),
  }),
  /** The latest a reply may be due, counted from assignment, whatever extensions are approved. */
  extensionCap: durationSchema,
  /** How many times an "unsatisfied" evaluation sends a proposal back for re-handling. */
  rehandleLimit: z.number().int().min(0),
  /** The longest title that still reads as one matter (一事一案). */
  titleMaxLength: z.number().int().positive(),
  /**
   * A deadline counted in days or months whose last day is a weekend or holiday: `next-working-day` moves it on
   * to the next working day (the legal convention, 民法典 Art. 203); `keep` leaves it there. Absent means `keep`,
   * so that policies snapshotted before this setting existed compute as they did.
   */
  deadlineOnDayOff: z.enum(["keep", "next-working-day"]).optional(),
  /**
   * A joint proposal's (联名) result when several proposers rate the reply: `lowest` is the lowest rating given
   * within the evaluation window, `lead` the lead proposer's alone. Every rating is kept and counted either way.
   * Absent means `lowest`, so that policies snapshotted before this setting existed keep working.
   */
  evaluationResult: z.enum(["lowest", "lead"]).optional(),
  /**
   * The reply duration of proposals submitted during the plenary session (大会期间) and between sessions (闭会期间),
   * e.g. Sichuan since 2024: 5 and 3 months. Replaces `deadlines.reply.duration` for the kind of proposal it is
   * given for (its reminders and escalations stay). Absent means `deadlines.reply.duration` for both, so that
   * existing policies and snapshots compute as they did. Never beyond `extensionCap` (checked where both are months).
   */
  replyDurations: z.strictObject({ plenary: durationSchema, interim: durationSchema }).optional(),
  /**
   * The committee's policy version this policy is (`GET /v1/policy/versions`): stamped when a proposal snapshots it,
   * so that each proposal says which version it runs under. Absent in the shipped default and in older snapshots.
   */
  version: z.number().int().positive().optional(),
  /** The committee: one deployment may host several (a province and its counties). Absent means `default`. */
  committeeId: z.string().min(1).optional(),
  /**
   * What the committee added to the named calendar without a release (loaded official years, local days off), at
   * the version the proposal's deadlines were counted on. Moved on by the workflow's recompute event.
   */
  calendarAdditions: calendarAdditionsSchema.optional(),
  /**
   * After how many "unsatisfied" results (counted over the evaluation windows, re-handling included) a
   * face-to-face consultation (面对面协商) is arranged and recorded before the proposal closes; 0 never. Absent
   * means 0, as before this setting existed.
   */
  consultationAfterUnsatisfied: z.number().int().min(0).optional(),
  /**
   * Where the evaluation window starts: at the unit's `reply` (the reference's rule; the window still never ends
   * before the staff check releases the reply) or at the staff `acceptance`. Absent means `acceptance`, as before.
   */
  evaluationFrom: z.enum(["reply", "acceptance"]).optional(),
  /**
   * Under lead + co handling, the lead unit replies only once every co-unit has sent its opinion or its opinion
   * deadline has passed. Absent means false, as before this setting existed.
   */
  leadWaitsForCoOpinions: z.boolean().optional(),
});

export const policySchema = policyFields.refine(
  (policy) =>
    !policy.replyDurations ||
    !("months" in policy.extensionCap) ||
    [policy.replyDurations.plenary, policy.replyDurations.interim].every(
      (duration) => !("months" in duration) || duration.months <= (policy.extensionCap as { months: number }).months,
    ),
  { message: "a reply duration longer than extensionCap", path: ["replyDurations"] },
);
export type Policy = z.infer<typeof policySchema>;

const asReply = (): DeadlineRule["escalations"] => [
  { level: 1, after: days(0), recipientRole: "unit-head" },
  { level: 2, after: workingDays(5), recipientRole: "supervising-leader" },
  { level: 3, after: workingDays(15), recipientRole: "chairs-meeting" },
];

/** Deadline kinds added after policies were first snapshotted: a snapshot may lack them. */
type AddedDeadlineKind = "consultation" | "lookbackReport";

/** The rules of the added kinds, for a policy that does not name them. */
export const ADDED_DEADLINES: Record<AddedDeadlineKind, DeadlineRule> = {
  // Arranging and holding the consultation after a repeated "unsatisfied": the committee office's own work.
  consultation: {
    duration: months(1),
    reminders: [days(7)],
    escalations: [{ level: 1, after: days(0), recipientRole: "staff-head" }],
  },
  // A unit's report asked by a follow-up review (回头看), when the review names no date of its own.
  lookbackReport: {
    duration: months(1),
    reminders: [days(7)],
    escalations: [{ level: 1, after: days(0), recipientRole: "unit-head" }],
  },
};

/** The rule a policy gives `kind`, with the added kinds' defaults for policies snapshotted before them. */
export function deadlineRuleOf(policy: Policy, kind: DeadlineKind): DeadlineRule {
  return policy.deadlines[kind] ?? ADDED_DEADLINES[kind as AddedDeadlineKind];
}

/**
 * The defaults of the domain document (`docs/domain.md`, "Deadlines, reminders and escalation"). The name keeps
 * its wording: policies are snapshotted with their proposals, so it is data, not a citation.
 */
export const defaultPolicy: Policy = {
  id: "default",
  name: "Default policy (domain reference)",
  calendarId: "cn-mainland",
  timeScale: 1,
  reminderTime: "09:00",
  deadlines: {
    review: {
      duration: workingDays(10),
      reminders: [workingDays(2)],
      escalations: [
        { level: 1, after: days(0), recipientRole: "staff-head" },
        { level: 2, after: workingDays(5), recipientRole: "committee-leader" },
      ],
    },
    // No escalation: at the due time an unrevised proposal lapses.
    resubmission: { duration: workingDays(10), reminders: [days(3)], escalations: [] },
    // A window, not a task: when it closes, objections are refused and silence counts as acceptance.
    objection: { duration: days(10), reminders: [], escalations: [] },
    firstContact: {
      duration: workingDays(15),
      reminders: [workingDays(3)],
      escalations: [{ level: 1, after: days(0), recipientRole: "unit-head" }],
    },
    coOpinion: {
      duration: months(1),
      reminders: [days(7)],
      escalations: [{ level: 1, after: days(0), recipientRole: "co-unit-head" }],
    },
    reply: { duration: months(3), reminders: [days(14), days(3)], escalations: asReply() },
    check: {
      duration: workingDays(5),
      reminders: [],
      escalations: [{ level: 1, after: days(0), recipientRole: "staff-head" }],
    },
    // At the due time the evaluation is recorded as "no answer".
    evaluation: { duration: workingDays(15), reminders: [workingDays(3)], escalations: [] },
    rehandle: { duration: months(1), reminders: [days(7)], escalations: asReply() },
    followUp: { duration: months(6), reminders: [days(14)], escalations: asReply() },
    ...ADDED_DEADLINES,
  },
  extensionCap: months(6),
  rehandleLimit: 1,
  titleMaxLength: 60,
  deadlineOnDayOff: "next-working-day",
  evaluationResult: "lowest",
  // A second "unsatisfied" leads to a face-to-face consultation before closing.
  consultationAfterUnsatisfied: 2,
  // The evaluation window runs from the reply (15 working days of it).
  evaluationFrom: "reply",
  leadWaitsForCoOpinions: true,
};

/**
 * A jurisdiction's override: any top-level field, and per deadline kind any of duration / reminders /
 * escalations (lists replace, they do not merge). Unknown keys are errors, so a typo cannot pass silently.
 */
export const policyOverrideSchema = policyFields
  // The version, the committee and the calendar additions are stamped by the system, never written in a policy.
  .omit({ deadlines: true, version: true, committeeId: true, calendarAdditions: true })
  .partial()
  .extend({ deadlines: z.partialRecord(deadlineKindSchema, deadlineRuleSchema.partial()).optional() })
  .strict();
export type PolicyOverride = z.infer<typeof policyOverrideSchema>;

/**
 * Validates a jurisdiction's override (parsed JSON) and applies it to `base`. Throws a `ZodError` listing every
 * problem when the override or the resulting policy is invalid.
 */
export function parsePolicyOverride(jurisdictionJson: unknown, base: Policy = defaultPolicy): Policy {
  const override = policyOverrideSchema.parse(jurisdictionJson);
  const { deadlines, ...rest } = override;
  const merged = { ...base, ...rest, deadlines: { ...base.deadlines } };
  for (const kind of DEADLINE_KINDS) {
    const patch = deadlines?.[kind];
    if (patch) merged.deadlines[kind] = { ...deadlineRuleOf(base, kind), ...patch };
  }
  return policySchema.parse(merged);
}

/** The reply deadline's rule for a plenary or an interim proposal (`replyDurations`, else the one duration). */
export function replyRuleOf(policy: Policy, plenary: boolean): DeadlineRule {
  const rule = policy.deadlines.reply;
  const duration = policy.replyDurations?.[plenary ? "plenary" : "interim"];
  return duration ? { ...rule, duration } : rule;
}

/** The calendar a policy computes with. Throws when it names a calendar this package does not have. */
/**
/**
 * The calendar a policy computes with: the named (or inline) calendar with the committee's additions the policy
 * carries (loaded official years, local days off). Throws when it names a calendar this package does not have.
 */
export function calendarOf(policy: Policy): BusinessCalendar {
  const calendar = policy.calendar ?? calendars[policy.calendarId];
  if (!calendar) throw new RangeError(`unknown calendar: ${policy.calendarId}`);
  return withAdditions(calendar, policy.calendarAdditions);
}

export type { Duration };
