import { addDuration, atLocalTime, type Instant, shiftLocalDate } from "./calendar/index.ts";
import { type Duration, isZeroDuration } from "./duration.ts";
import { calendarOf, type DeadlineRule, type Policy, type RecipientRole } from "./policy.ts";

export interface ScheduledReminder {
  at: string;
  offset: Duration;
}
export interface ScheduledEscalation {
  level: number;
  at: string;
  recipientRole: RecipientRole;
}
/** When a deadline falls due, and when its reminders and escalation levels fire: everything a scheduler needs. */
export interface DeadlineSchedule {
  dueAt: string;
  reminders: ScheduledReminder[];
  escalations: ScheduledEscalation[];
}

/**
 * Compresses an instant towards `origin` by the policy's time scale: `origin + (instant - origin) × scale`.
 * Calendar arithmetic happens in policy time first, so with a scale of 1/86400 "10 working days" lasts as many
 * seconds as it has calendar days, weekends and holidays included.
 */
export function scaleInstant(origin: Instant, instant: Instant, timeScale: number): Date {
  const o = new Date(origin).getTime();
  return new Date(o + Math.round((new Date(instant).getTime() - o) * timeScale));
}

export interface ScheduleOptions {
  /** Overrides the due time computed from the rule (an approved extension, an assignment's own due date). */
  dueAt?: Instant;
  /** Reminders at or before this instant are dropped (a deadline opened late, e.g. after an extension). */
  notBefore?: Instant;
}

/**
 * The schedule of a deadline that starts at `origin` under `rule`: due at the end of the local day the duration
 * reaches; each reminder on the local day that far before the due day, at the policy's reminder time; each
 * escalation level at the due time plus its `after` (end of that local day). All instants are then compressed
 * by the policy's time scale towards `origin`. Pure: the same arguments always give the same schedule.
 */
export function scheduleDeadline(
  rule: DeadlineRule,
  origin: Instant,
  policy: Policy,
  options: ScheduleOptions = {},
): DeadlineSchedule {
  const calendar = calendarOf(policy);
  const due = options.dueAt
    ? new Date(options.dueAt)
    : addDuration(origin, rule.duration, calendar, { endOnWorkingDay: policy.deadlineOnDayOff === "next-working-day" });
  const scale = (t: Instant) => scaleInstant(origin, t, policy.timeScale).toISOString();
  const notBefore = options.notBefore ? new Date(options.notBefore).getTime() : new Date(origin).getTime();
  const reminders = rule.reminders
    .map((offset) => ({
      at: scale(atLocalTime(shiftLocalDate(due, offset, calendar, -1), policy.reminderTime, calendar)),
      offset,
    }))
    .filter((r) => Date.parse(r.at) > notBefore && Date.parse(r.at) < Date.parse(scale(due)));
  const escalations = rule.escalations.map((e) => ({
    level: e.level,
    at: scale(isZeroDuration(e.after) ? due : addDuration(due, e.after, calendar)),
    recipientRole: e.recipientRole,
  }));
  return { dueAt: scale(due), reminders, escalations };
}
