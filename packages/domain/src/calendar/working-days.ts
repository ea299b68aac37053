import { type BusinessCalendar, isWorkingDay, localDateOf } from "./business-calendar.ts";

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
