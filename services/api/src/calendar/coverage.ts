import { type BusinessCalendar, calendarGaps } from "@huiyin/domain";
import type { Logger } from "@huiyin/logger";
import { Gauge, type Registry } from "@huiyin/runtime";

/** How far ahead an operator wants official calendar data: deadlines of a year's work reach that far. */
export const COVERAGE_MONTHS = 12;

/** A sentence for people when the next months are not all official, or null when they are. */
export function coverageWarning(calendar: BusinessCalendar, now: Date): string | null {
  const gaps = calendarGaps(now, calendar, COVERAGE_MONTHS);
  if (gaps.length === 0) return null;
  const years = gaps.map((gap) => `${gap.year} (${gap.status})`).join(", ");
  return `The calendar ${calendar.id} has no State Council notice for ${years}: working-day deadlines there are counted on the statutory holidays alone and may move when the notice is loaded.`;
}

/**
 * `huiyin_calendar_years_not_official{calendar, status}` on the api's registry, read at each scrape: the years within
 * the next 12 months without the State Council's notice, by what the calendar has instead (0 when all are official).
 */
export function coverageMetrics(
  registry: Registry,
  calendarNow: () => Promise<BusinessCalendar>,
  now: () => Date,
): void {
  new Gauge({
    name: "huiyin_calendar_years_not_official",
    help: "Years within the next 12 months without the State Council's notice, by what the calendar has instead.",
    labelNames: ["calendar", "status"] as const,
    registers: [registry],
    async collect() {
      const calendar = await calendarNow();
      const gaps = calendarGaps(now(), calendar, COVERAGE_MONTHS);
      for (const status of ["provisional", "missing"]) {
        this.set({ calendar: calendar.id, status }, gaps.filter((gap) => gap.status === status).length);
      }
    },
  });
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
