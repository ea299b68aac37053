import { z } from "zod";
import type { Duration } from "../duration.ts";

/** A local calendar date, `YYYY-MM-DD`, in the calendar's own time zone. */
export type LocalDate = string;
/** An instant: a `Date` or an ISO 8601 string with an offset (`...Z`). */
export type Instant = Date | string;

const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

/** One public holiday as the State Council notice announces it: a run of days off and its make-up working days. */
export const holidaySchema = z.strictObject({
  name: z.string().min(1),
  from: localDateSchema,
  to: localDateSchema,
  /** 调休: weekend days that become working days for this holiday. */
  makeUpWorkdays: z.array(localDateSchema),
});

/**
 * One year of a calendar's data: what is published once a year (usually in November for the next year).
 * `provisional`: computed from the statutory rules because the year's notice is not loaded (see statutory.ts); its
 * holidays may move and it has no make-up working days. Absent means `official`.
 */
export const calendarYearSchema = z.strictObject({
  year: z.number().int(),
  status: z.enum(["official", "provisional"]).optional(),
  source: z.string().optional(),
  holidays: z.array(holidaySchema),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

/** A run of days off of one jurisdiction beyond the national ones (a local holiday, a committee's closed days). */
export const localClosedDaySchema = z.strictObject({
  name: z.string().min(1),
  from: localDateSchema,
  to: localDateSchema,
});
export type LocalClosedDay = z.infer<typeof localClosedDaySchema>;

/**
 * A business calendar: which local days are working days. Plain data, so a jurisdiction can ship its own.
 *
 * The time zone is a fixed UTC offset: Asia/Shanghai has had no daylight saving time since 1991, so local days
 * are exact without a time-zone database. Years missing from `years` count weekends only.
 */
export const businessCalendarSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  utcOffsetMinutes: z.number().int().min(-840).max(840),
  /** Days of the week that are not working days, 0 = Sunday ... 6 = Saturday. */
  weekend: z.array(z.number().int().min(0).max(6)),
  years: z.array(calendarYearSchema),
  /**
   * Days off of this jurisdiction beyond the national ones: a region's own holidays (e.g. 三月三 in Guangxi) and a
   * committee's closed days. Each is a run of days off; a local day never turns a day off into a working day.
   */
  localClosedDays: z.array(localClosedDaySchema).optional(),
});
export type BusinessCalendar = z.infer<typeof businessCalendarSchema>;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a local date; the unit every computation here works in. */
type DayNumber = number;

function toMs(at: Instant): number {
  const ms = typeof at === "string" ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(at)}`);
  return ms;
}

function dayOfDate(date: LocalDate): DayNumber {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a local date: ${date}`);
  return ms / DAY_MS;
}

function dateOfDay(day: DayNumber): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function localDay(at: Instant, calendar: BusinessCalendar): DayNumber {
  return Math.floor((toMs(at) + calendar.utcOffsetMinutes * 60_000) / DAY_MS);
}

/** The local date of an instant in the calendar's zone. */
export function localDateOf(at: Instant, calendar: BusinessCalendar): LocalDate {
  return dateOfDay(localDay(at, calendar));
}

/** The last millisecond of a local date: deadlines end at the end of their local day (see README). */
export function endOfLocalDate(date: LocalDate, calendar: BusinessCalendar): Date {
  return endOfDay(dayOfDate(date), calendar);
}

function endOfDay(day: DayNumber, calendar: BusinessCalendar): Date {
  return new Date((day + 1) * DAY_MS - calendar.utcOffsetMinutes * 60_000 - 1);
}

/** A local date at a local time of day (`HH:MM`), as an instant. */
export function atLocalTime(date: LocalDate, time: string, calendar: BusinessCalendar): Date {
  const [h = 0, m = 0] = time.split(":").map(Number);
  return new Date(dayOfDate(date) * DAY_MS + (h * 60 + m - calendar.utcOffsetMinutes) * 60_000);
}

function inRange(date: LocalDate, from: LocalDate, to: LocalDate): boolean {
  // ISO dates compare correctly as strings.
  return date >= from && date <= to;
}

/** Whether a local date is a working day: make-up days win over weekends, holidays over ordinary weekdays. */
export function isWorkingDay(date: LocalDate, calendar: BusinessCalendar): boolean {
  if (calendar.localClosedDays?.some((d) => inRange(date, d.from, d.to))) return false;
  const year = calendar.years.find((y) => y.year === Number(date.slice(0, 4)));
  if (year?.holidays.some((h) => h.makeUpWorkdays.includes(date))) return true;
  if (year?.holidays.some((h) => inRange(date, h.from, h.to))) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return !calendar.weekend.includes(weekday);
}

/** Whether the calendar has holiday data for the year of a date (outside it only weekends count). */
export function coversDate(date: LocalDate, calendar: BusinessCalendar): boolean {
  return calendar.years.some((y) => y.year === Number(date.slice(0, 4)));
}

/**
 * The calendar with `year` in place of what it had for that year (a provisional year replaced by the loaded
 * notice, or a notice corrected): one year is one unit of calendar data.
 */
export function withYear(calendar: BusinessCalendar, year: CalendarYear): BusinessCalendar {
  const years = calendar.years.filter((y) => y.year !== year.year);
  return { ...calendar, years: [...years, year].sort((a, b) => a.year - b.year) };
}

/** What the calendar knows of the year of a date: the State Council's notice, the statutory rules alone, or nothing. */
export function yearStatusOf(date: LocalDate, calendar: BusinessCalendar): "official" | "provisional" | "missing" {
  const year = calendar.years.find((y) => y.year === Number(date.slice(0, 4)));
  return year ? (year.status ?? "official") : "missing";
}

/**
 * What a period from `from` to `to` was counted on: `official` when every year it touches has the State Council's
 * notice, else `provisional` (a year computed from the statutory rules; the end may move when the notice is
 * loaded), else `missing` (weekends only).
 */
export function calendarStatusBetween(
  from: Instant,
  to: Instant,
  calendar: BusinessCalendar,
): "official" | "provisional" | "missing" {
  const first = Number(localDateOf(from, calendar).slice(0, 4));
  const last = Number(localDateOf(to, calendar).slice(0, 4));
  let status: "official" | "provisional" | "missing" = "official";
  for (let year = Math.min(first, last); year <= Math.max(first, last); year += 1) {
    const of = yearStatusOf(`${year}-01-01`, calendar);
    if (of === "missing") return "missing";
    if (of === "provisional") status = "provisional";
  }
  return status;
}

/**
 * Whether the calendar knows the months ahead with official data: the years from the local date of `at` to the
 * one `months` later that are provisional or missing. An operator is warned (API, logs, metrics) while this is
 * not empty: a deadline counted on a provisional year may move when the notice is loaded.
 */
export function calendarGaps(
  at: Instant,
  calendar: BusinessCalendar,
  months = 12,
): { year: number; status: "provisional" | "missing" }[] {
  const start = localDay(at, calendar);
  const first = Number(dateOfDay(start).slice(0, 4));
  const last = Number(dateOfDay(shiftMonths(start, months)).slice(0, 4));
  const gaps: { year: number; status: "provisional" | "missing" }[] = [];
  for (let year = first; year <= last; year += 1) {
    const status = yearStatusOf(`${year}-01-01`, calendar);
    if (status !== "official") gaps.push({ year, status });
  }
  return gaps;
}

function shiftWorkingDays(day: DayNumber, n: number, calendar: BusinessCalendar): DayNumber {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = day;
  while (left > 0) {
    d += step;
    if (isWorkingDay(dateOfDay(d), calendar)) left -= 1;
  }
  return d;
}

function shiftMonths(day: DayNumber, n: number): DayNumber {
  const date = new Date(day * DAY_MS);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + n;
  // Clamp to the target month's last day: one month after 31 January is 28 (or 29) February.
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(date.getUTCDate(), lastOfTarget)) / DAY_MS;
}

function shiftDay(day: DayNumber, duration: Duration, sign: 1 | -1, calendar: BusinessCalendar): DayNumber {
  if ("days" in duration) return day + sign * duration.days;
  if ("workingDays" in duration) return shiftWorkingDays(day, sign * duration.workingDays, calendar);
  return shiftMonths(day, sign * duration.months);
}

/** The local date a duration after (or, with a negative sign, before) the local date of `at`. */
export function shiftLocalDate(at: Instant, duration: Duration, calendar: BusinessCalendar, sign: 1 | -1 = 1) {
  return dateOfDay(shiftDay(localDay(at, calendar), duration, sign, calendar));
}

/**
 * The end of the `n`th working day after the local day of `at` (day 1 is the first working day after it,
 * so "within 10 working days of submission" is `addWorkingDays(submittedAt, 10, calendar)`).
 */
export function addWorkingDays(at: Instant, n: number, calendar: BusinessCalendar): Date {
  return endOfDay(shiftWorkingDays(localDay(at, calendar), n, calendar), calendar);
}

/**
 * The deadline a policy duration after `at`: the end of the local day reached by counting the duration from the
 * local day of `at` (calendar days, working days per the calendar, or months with the day clamped to the month);
 * with `endOnWorkingDay`, moved on to the next working day when that day is a day off.
 */
export function addDuration(
  at: Instant,
  duration: Duration,
  calendar: BusinessCalendar,
  options: { endOnWorkingDay?: boolean } = {},
): Date {
  let day = shiftDay(localDay(at, calendar), duration, 1, calendar);
  // The legal convention for periods (民法典 Art. 203): a period in days or months whose last day is a day off ends
  // on the next working day. A period in working days always ends on one.
  if (options.endOnWorkingDay) while (!isWorkingDay(dateOfDay(day), calendar)) day += 1;
  return endOfDay(day, calendar);
}
