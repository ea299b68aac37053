import type { BusinessCalendar, CalendarYear } from "./business-calendar.ts";
import year2025 from "./data/cn-mainland-2025.json" with { type: "json" };
import year2026 from "./data/cn-mainland-2026.json" with { type: "json" };
import { provisionalYear, STATUTORY_YEARS, statutoryDatesOf } from "./statutory.ts";

const WEEKEND = [0, 6];
const official: CalendarYear[] = [year2025, year2026];

/**
 * Every year the project can know: the State Council's notices it ships, and for each later year of the statutory
 * table a provisional year computed from the statutory rules (marked `provisional`), so that a deadline in a year
 * whose notice is not out yet still skips the Spring Festival.
 */
function knownYears(): CalendarYear[] {
  const years = [...official];
  const last = Math.max(...official.map((y) => y.year));
  for (let year = last + 1; year <= STATUTORY_YEARS.to; year += 1) {
    const dates = statutoryDatesOf(year);
    if (dates) years.push(provisionalYear(dates, WEEKEND));
  }
  return years;
}

/**
 * Mainland China's working calendar: Saturday and Sunday off, the State Council's public holidays and their
 * make-up working days. Add a year by adding its notice as a JSON file under `data/`.
 */
export const cnMainlandCalendar: BusinessCalendar = {
  id: "cn-mainland",
  name: "中国大陆 (国务院节假日安排)",
  utcOffsetMinutes: 8 * 60,
  weekend: WEEKEND,
  years: knownYears(),
};

/** The calendars a policy can name by `calendarId`. */
export const calendars: Readonly<Record<string, BusinessCalendar>> = { [cnMainlandCalendar.id]: cnMainlandCalendar };
