import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "./business-calendar.ts";
import { cnMainlandCalendar } from "./cn-mainland.ts";
import { workingDaysLeft } from "./working-days.ts";

const plain: BusinessCalendar = { ...cnMainlandCalendar, years: [], localClosedDays: [] };
// 2026-12-04 is a Friday in Beijing (UTC+8).
const friday = new Date("2026-12-04T02:00:00Z");

describe("workingDaysLeft", () => {
  it("counts working days to the due day, skipping the weekend", () => {
    expect(workingDaysLeft(friday, new Date("2026-12-04T15:00:00Z"), plain)).toBe(0); // Friday 23:00 local
    expect(workingDaysLeft(friday, new Date("2026-12-07T10:00:00Z"), plain)).toBe(1); // Monday
    expect(workingDaysLeft(friday, new Date("2026-12-08T10:00:00Z"), plain)).toBe(2); // Tuesday
  });

  it("is negative by the working days since the due day when overdue", () => {
    const monday = new Date("2026-12-07T02:00:00Z");
    expect(workingDaysLeft(monday, new Date("2026-12-03T10:00:00Z"), plain)).toBe(-2); // Thursday: Fri, Mon
  });

  it("skips a statutory holiday of the calendar's data", () => {
    // 2026-10-01..07 is the National Day holiday; 30 September to 8 October is one working day.
    const lastDay = new Date("2026-09-30T02:00:00Z");
    expect(workingDaysLeft(lastDay, new Date("2026-10-08T02:00:00Z"), cnMainlandCalendar)).toBe(1);
    expect(workingDaysLeft(lastDay, new Date("2026-10-08T02:00:00Z"), plain)).toBe(6);
  });
});
