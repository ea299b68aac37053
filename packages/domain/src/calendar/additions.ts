import { z } from "zod";
import {
  type BusinessCalendar,
  type CalendarYear,
  calendarYearSchema,
  holidaySchema,
  localClosedDaySchema,
  withYear,
} from "./business-calendar.ts";

/**
 * What a committee adds to a shipped calendar without a release: the official years loaded after the release (the
 * State Council's notice, with its make-up working days) and its jurisdiction's own days off (a local holiday, the
 * committee's closed days). `version` names the committee's last calendar change it reflects: a proposal records
 * the version its deadlines were counted on, and a newer one is applied to it through the engine (the workflow's
 * recompute event), so that the same additions always give the same deadlines.
 */
export const calendarAdditionsSchema = z.strictObject({
  calendarId: z.string().min(1),
  version: z.string().min(1),
  years: z.array(calendarYearSchema),
  localClosedDays: z.array(localClosedDaySchema),
});
export type CalendarAdditions = z.infer<typeof calendarAdditionsSchema>;

/** The calendar with the additions applied: a loaded year replaces the shipped one (provisional or not). */
export function withAdditions(calendar: BusinessCalendar, additions: CalendarAdditions | undefined): BusinessCalendar {
  if (!additions || additions.calendarId !== calendar.id) return calendar;
  let result = calendar;
  for (const year of additions.years) result = withYear(result, { ...year, status: "official" });
  if (additions.localClosedDays.length === 0) return result;
  return { ...result, localClosedDays: [...(calendar.localClosedDays ?? []), ...additions.localClosedDays] };
}

/**
 * One official year as an operator loads it (a JSON file in the calendar folder, or `PUT /v1/calendar/years/:year`):
 * the holidays and make-up working days (调休) of the State Council's notice, and the notice itself (`source`: its
 * title and date), so that every deadline counted on it can be traced to it.
 */
export const officialYearFileSchema = z.strictObject({
  calendarId: z.string().min(1),
  year: z.number().int().min(1949).max(2200),
  source: z.string().trim().min(1, "name the notice the year comes from (its title and date)"),
  holidays: z.array(holidaySchema).min(1, "a year's notice has holidays"),
});
export type OfficialYearFile = z.infer<typeof officialYearFileSchema>;

/** A committee's local days off as loaded (`PUT /v1/calendar/local-days`): the whole list replaces the last one. */
export const localDaysFileSchema = z.strictObject({
  calendarId: z.string().min(1),
  localClosedDays: z.array(localClosedDaySchema),
});
export type LocalDaysFile = z.infer<typeof localDaysFileSchema>;

const isRealDate = (date: string) => {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
};
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * What is wrong with an official year beyond its shape, for the calendar it is for: dates that do not exist or lie
 * outside the year, a holiday that ends before it starts, holidays that overlap, a make-up working day that is not
 * a weekend day or lies inside a holiday. Empty when the year is sound.
 */
export function officialYearProblems(file: OfficialYearFile, calendar: BusinessCalendar): string[] {
  const problems: string[] = [];
  const inYear = (date: string) => date.startsWith(`${file.year}-`);
  const spans = [...file.holidays].sort((a, b) => (a.from < b.from ? -1 : 1));
  for (const holiday of file.holidays) {
    for (const date of [holiday.from, holiday.to, ...holiday.makeUpWorkdays]) {
      if (!isRealDate(date)) problems.push(`${holiday.name}: ${date} is not a date`);
      else if (!inYear(date)) problems.push(`${holiday.name}: ${date} is not in ${file.year}`);
    }
    if (holiday.to < holiday.from) problems.push(`${holiday.name}: ends (${holiday.to}) before it starts`);
    for (const date of holiday.makeUpWorkdays) {
      if (isRealDate(date) && !calendar.weekend.includes(weekdayOf(date))) {
        problems.push(`${holiday.name}: make-up working day ${date} is not a weekend day`);
      }
      const inside = file.holidays.find((other) => date >= other.from && date <= other.to);
      if (inside) problems.push(`${holiday.name}: make-up working day ${date} lies inside ${inside.name}`);
    }
  }
  for (let i = 1; i < spans.length; i += 1) {
    const [before, after] = [spans[i - 1], spans[i]];
    if (before && after && after.from <= before.to) problems.push(`${before.name} and ${after.name} overlap`);
  }
  return problems;
}

/** The calendar year an official file becomes. */
export function officialYearOf(file: OfficialYearFile): CalendarYear {
  return { year: file.year, status: "official", source: file.source, holidays: file.holidays };
}

/** What is wrong with local days off: dates that do not exist, a run that ends before it starts. */
export function localDaysProblems(file: LocalDaysFile): string[] {
  const problems: string[] = [];
  for (const day of file.localClosedDays) {
    for (const date of [day.from, day.to]) if (!isRealDate(date)) problems.push(`${day.name}: ${date} is not a date`);
    if (day.to < day.from) problems.push(`${day.name}: ends (${day.to}) before it starts`);
  }
  return problems;
}
