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
  for (let day = first + 1; day <= last; day += 1) {
    if (isWorkingDay(new Date(day * DAY_MS).toISOString().slice(0, 10), calendar)) count += 1;
  }
  return count;
}
