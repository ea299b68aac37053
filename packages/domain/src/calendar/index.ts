export * from "./business-calendar.ts";
export { calendars, cnMainlandCalendar } from "./cn-mainland.ts";
