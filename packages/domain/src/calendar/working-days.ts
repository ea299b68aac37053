import { type BusinessCalendar, type Instant, isWorkingDay, localDateOf } from "./business-calendar.ts";

const DAY_MS = 86_400_000;

/**
 * The working days from `from` to `to` as a reply period counts them: the working days after the local day of
 * `from` up to and including the local day of `to` (the inverse of `addWorkingDays`: a reply on the day
 * `addWorkingDays(from, n)` ends took n working days; one sent the same local day took 0). 0 when `to` is not after
 * `from`'s day. Statistics use it for the working days to reply (平均办理用时).
 */
export function workingDaysBetween(from: Instant, to: Instant, calendar: BusinessCalendar): number {
  const first = Date.parse(`${localDateOf(from, calendar)}T00:00:00Z`) / DAY_MS;
  const last = Date.parse(`${localDateOf(to, calendar)}T00:00:00Z`) / DAY_MS;
  let count = 0;
  // Bounded by the distance in days (deadlines and reply periods are months at most).
  for (let day = first + 1; day <= last; day += 1) {
    if (isWorkingDay(new Date(day * DAY_MS).toISOString().slice(0, 10), calendar)) count += 1;
  }
  return count;
}

/**
 * Working days from today to the local day a deadline falls due, in the deadline's calendar: 0 when it is due
 * today, 1 when due on the next working day, negative (the working days since) when it is overdue. Days off in
 * between do not count, so "2" on a Friday means Tuesday.
 */
export function workingDaysLeft(now: Date, dueAt: Date, calendar: BusinessCalendar): number {
  return dueAt >= now || localDateOf(now, calendar) === localDateOf(dueAt, calendar)
    ? workingDaysBetween(now, dueAt, calendar)
    : -workingDaysBetween(dueAt, now, calendar);
}
