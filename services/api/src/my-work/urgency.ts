import { type BusinessCalendar, isWorkingDay, localDateOf } from "@huiyin/domain";

const DAY_MS = 86_400_000;

/**
 * Working days from today to the local day a deadline falls due, in the deadline's calendar: 0 when it is due
 * today, 1 when due on the next working day, negative (the working days since) when it is overdue. Days off in
 * between do not count, so "2" on a Friday means Tuesday.
 */
export function workingDaysLeft(now: Date, dueAt: Date, calendar: BusinessCalendar): number {
  const today = localDateOf(now, calendar);
  const dueDay = localDateOf(dueAt, calendar);
  if (today === dueDay) return 0;
  const [from, to, sign] = today < dueDay ? [today, dueDay, 1] : [dueDay, today, -1];
  let count = 0;
  // Bounded by the distance in days (deadlines are months at most): count the working days in (from, to].
  for (let day = Date.parse(`${from}T00:00:00Z`) + DAY_MS; day <= Date.parse(`${to}T00:00:00Z`); day += DAY_MS) {
    if (isWorkingDay(new Date(day).toISOString().slice(0, 10), calendar)) count += 1;
  }
  return sign * count;
}

export interface Urgency {
  /** Past its due time now. */
  overdue: boolean;
  dueAt: Date | null;
}

/**
 * Most urgent first: overdue before not overdue, then the earliest due time (the longest overdue, or the soonest
 * due), then what has no deadline at all, oldest id first as a stable tie-break.
 */
export function byUrgency<T extends Urgency & { proposalId: string }>(a: T, b: T): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueAt && b.dueAt && a.dueAt.getTime() !== b.dueAt.getTime()) return a.dueAt.getTime() - b.dueAt.getTime();
  if (a.dueAt && !b.dueAt) return -1;
  if (!a.dueAt && b.dueAt) return 1;
  return a.proposalId < b.proposalId ? -1 : a.proposalId > b.proposalId ? 1 : 0;
}
