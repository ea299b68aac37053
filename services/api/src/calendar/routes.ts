import { type BusinessCalendar, calendarGaps } from "@huiyin/domain";
import type { Clock } from "@huiyin/engine";
import { Router } from "express";
import { COVERAGE_MONTHS, coverageWarning } from "./coverage.ts";

/**
 * `GET /v1/calendar`: the working calendar deadlines are counted on, year by year, with where each year comes from
 * (`official`: the State Council's notice; `provisional`: the statutory rules alone) and a warning while the next
 * 12 months are not all official. Every role may read it: a unit or a proposer needs it to read a due date.
 */
export function calendarRoutes(calendar: BusinessCalendar, clock: Clock): Router {
  const router = Router();
  router.get("/calendar", (_request, response) => {
    const now = clock.now();
    response.json({
      id: calendar.id,
      name: calendar.name,
      utcOffsetMinutes: calendar.utcOffsetMinutes,
      weekend: calendar.weekend,
      years: calendar.years.map((year) => ({
        year: year.year,
        status: year.status ?? "official",
        source: year.source ?? null,
        holidays: year.holidays,
      })),
      localClosedDays: calendar.localClosedDays ?? [],
      coverage: {
        months: COVERAGE_MONTHS,
        gaps: calendarGaps(now, calendar, COVERAGE_MONTHS),
        warning: coverageWarning(calendar, now),
      },
    });
  });
  return router;
}
