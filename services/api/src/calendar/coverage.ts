import { type BusinessCalendar, calendarGaps } from "@huiyin/domain";
import type { Logger } from "@huiyin/logger";

/** How far ahead an operator wants official calendar data: deadlines of a year's work reach that far. */
export const COVERAGE_MONTHS = 12;

/** A sentence for people when the next months are not all official, or null when they are. */
export function coverageWarning(calendar: BusinessCalendar, now: Date): string | null {
  const gaps = calendarGaps(now, calendar, COVERAGE_MONTHS);
  if (gaps.length === 0) return null;
  const years = gaps.map((gap) => `${gap.year} (${gap.status})`).join(", ");
  return `The calendar ${calendar.id} has no State Council notice for ${years}: working-day deadlines there are counted on the statutory holidays alone and may move when the notice is loaded.`;
}

/** The Prometheus lines of calendar coverage: 0 when the next 12 months are all official. */
export function coverageMetrics(calendar: BusinessCalendar, now: Date): string {
  const gaps = calendarGaps(now, calendar, COVERAGE_MONTHS);
  const count = (status: string) => gaps.filter((gap) => gap.status === status).length;
  const label = `calendar="${calendar.id}"`;
  return [
    "# HELP huiyin_calendar_years_not_official Years within the next 12 months without the State Council's notice, by what the calendar has instead.",
    "# TYPE huiyin_calendar_years_not_official gauge",
    `huiyin_calendar_years_not_official{${label},status="provisional"} ${count("provisional")}`,
    `huiyin_calendar_years_not_official{${label},status="missing"} ${count("missing")}`,
    "",
  ].join("\n");
}

/** Logs the warning now and once a day while it holds; returns the timer's stop. */
export function warnWhileUncovered(
  logger: Logger,
  calendarNow: () => Promise<BusinessCalendar>,
  now: () => Date,
): () => void {
  // The calendar is read again each time: a year loaded meanwhile (PUT /v1/calendar/years/:year) ends the warning.
  const check = () =>
    void calendarNow()
      .then((calendar) => {
        const warning = coverageWarning(calendar, now());
        if (warning) {
          logger.warn({ calendarId: calendar.id, gaps: calendarGaps(now(), calendar, COVERAGE_MONTHS) }, warning);
        }
      })
      .catch((error: unknown) => logger.warn({ err: error }, "calendar coverage not checked"));
  check();
  const timer = setInterval(check, 86_400_000);
  timer.unref();
  return () => clearInterval(timer);
}
