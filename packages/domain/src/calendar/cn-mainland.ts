import type { BusinessCalendar, CalendarYear } from "./business-calendar.ts";
import year2025 from "./data/cn-mainland-2025.json" with { type: "json" };
import year2026 from "./data/cn-mainland-2026.json" with { type: "json" };

const years: CalendarYear[] = [year2025, year2026];

/**
 * Mainland China's working calendar: Saturday and Sunday off, the State Council's public holidays and their
 * make-up working days. Add a year by adding its notice as a JSON file under `data/`.
 */
export const cnMainlandCalendar: BusinessCalendar = {
  id: "cn-mainland",
  name: "中国大陆 (国务院节假日安排)",
  utcOffsetMinutes: 8 * 60,
  weekend: [0, 6],
  years,
};

/** The calendars a policy can name by `calendarId`. */
export const calendars: Readonly<Record<string, BusinessCalendar>> = { [cnMainlandCalendar.id]: cnMainlandCalendar };
