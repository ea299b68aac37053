import { describe, expect, it } from "vitest";
import { addWorkingDays, type BusinessCalendar } from "./business-calendar.ts";
import { cnMainlandCalendar } from "./cn-mainland.ts";
import { workingDaysBetween, workingDaysLeft } from "./working-days.ts";

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

describe("workingDaysBetween", () => {
  it("counts the working days after the start's local day up to the end's, weekends excluded", () => {
    // Monday 2027-03-01 09:00 Beijing to Monday 2027-03-08: Tue..Fri and Mon = 5.
    expect(workingDaysBetween("2027-03-01T01:00:00Z", "2027-03-08T01:00:00Z", plain)).toBe(5);
    // The same local day, and an end before the start: none.
    expect(workingDaysBetween("2027-03-01T01:00:00Z", "2027-03-01T09:00:00Z", plain)).toBe(0);
    expect(workingDaysBetween("2027-03-08T01:00:00Z", "2027-03-01T01:00:00Z", plain)).toBe(0);
    // The local day is the calendar's: 2027-03-05 23:30 UTC is Saturday 07:30 in Beijing, no working day more.
    expect(workingDaysBetween("2027-03-01T01:00:00Z", "2027-03-05T23:30:00Z", plain)).toBe(4);
  });

  it("skips the official holidays and counts make-up working days (the real calendar)", () => {
    // National Day 2025: 1-8 October off, Sunday 28 September and Saturday 11 October worked.
    const days = workingDaysBetween("2025-09-26T02:00:00Z", "2025-10-13T02:00:00Z", cnMainlandCalendar);
    // 28 Sep (make-up), 29, 30 Sep, 9, 10 Oct, 11 Oct (make-up), 13 Oct = 7.
    expect(days).toBe(7);
  });

  it("is the inverse of addWorkingDays", () => {
    for (const n of [1, 5, 22, 60]) {
      const from = "2026-01-12T03:00:00Z";
      expect(workingDaysBetween(from, addWorkingDays(from, n, cnMainlandCalendar), cnMainlandCalendar)).toBe(n);
    }
  });
});
