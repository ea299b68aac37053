export * from "./additions.ts";
export * from "./business-calendar.ts";
export { calendars, cnMainlandCalendar } from "./cn-mainland.ts";
export {
  provisionalYear,
  STATUTORY_YEARS,
  type StatutoryDates,
  type StatutoryHoliday,
  statutoryDatesOf,
  statutoryHolidays,
} from "./statutory.ts";
export { workingDaysBetween, workingDaysLeft } from "./working-days.ts";
