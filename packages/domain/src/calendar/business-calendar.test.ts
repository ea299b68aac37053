import { describe, expect, it } from "vitest";
import { days, months, workingDays } from "../duration.ts";
import {
  addDuration,
  addWorkingDays,
  businessCalendarSchema,
  calendarYearSchema,
  coversDate,
  endOfLocalDate,
  isWorkingDay,
  localDateOf,
} from "./business-calendar.ts";
import { cnMainlandCalendar as cn } from "./cn-mainland.ts";

const local = (d: Date) => localDateOf(d, cn);

describe("CN mainland data", () => {
  it("validates against the calendar schema: 2025 and 2026 official, later years provisional, none beyond the table", () => {
    expect(() => businessCalendarSchema.parse(cn)).not.toThrow();
    for (const y of cn.years) expect(() => calendarYearSchema.parse(y)).not.toThrow();
    expect(coversDate("2025-06-01", cn) && coversDate("2026-12-31", cn)).toBe(true);
    expect(cn.years.filter((y) => y.year <= 2026).every((y) => (y.status ?? "official") === "official")).toBe(true);
    expect(cn.years.filter((y) => y.year >= 2027).every((y) => y.status === "provisional")).toBe(true);
    expect(coversDate("2027-01-01", cn)).toBe(true);
    expect(coversDate("2099-01-01", cn)).toBe(false);
  });

  it("has 2025's holidays and make-up working days (Spring Festival, Labour Day, National Day)", () => {
    expect(isWorkingDay("2025-01-28", cn)).toBe(false); // 除夕, a Tuesday
    expect(isWorkingDay("2025-02-04", cn)).toBe(false);
    expect(isWorkingDay("2025-01-26", cn)).toBe(true); // Sunday, 调休
    expect(isWorkingDay("2025-02-08", cn)).toBe(true); // Saturday, 调休
    expect(isWorkingDay("2025-04-27", cn)).toBe(true); // Sunday before Labour Day
    expect(isWorkingDay("2025-05-05", cn)).toBe(false); // Monday, holiday
    expect(isWorkingDay("2025-10-08", cn)).toBe(false);
    expect(isWorkingDay("2025-10-11", cn)).toBe(true); // Saturday, 调休
    expect(isWorkingDay("2025-10-12", cn)).toBe(false); // plain Sunday
    expect(isWorkingDay("2025-10-13", cn)).toBe(true); // plain Monday
  });

  it("has 2026's holidays and make-up working days", () => {
    expect(isWorkingDay("2026-01-02", cn)).toBe(false); // Friday off for New Year
    expect(isWorkingDay("2026-01-04", cn)).toBe(true); // Sunday, 调休
    expect(isWorkingDay("2026-02-14", cn)).toBe(true);
    expect(isWorkingDay("2026-02-23", cn)).toBe(false); // Monday, 初七
    expect(isWorkingDay("2026-02-28", cn)).toBe(true);
    expect(isWorkingDay("2026-05-09", cn)).toBe(true);
    expect(isWorkingDay("2026-06-19", cn)).toBe(false); // Dragon Boat, Friday
    expect(isWorkingDay("2026-09-20", cn)).toBe(true);
    expect(isWorkingDay("2026-09-25", cn)).toBe(false); // Mid-Autumn, Friday
    expect(isWorkingDay("2026-10-10", cn)).toBe(true);
  });

  it("counts 2025 and 2026 working days per month as published", () => {
    const count = (year: number, month: number) => {
      let n = 0;
      for (let d = 1; d <= 31; d++) {
        const date = new Date(Date.UTC(year, month - 1, d));
        if (date.getUTCMonth() !== month - 1) break;
        if (isWorkingDay(date.toISOString().slice(0, 10), cn)) n++;
      }
      return n;
    };
    // 2025: 261 weekdays − 18 weekday holidays + 5 make-up days = 248; October: 23 − 6 + 1 (Sat 11) = 18.
    expect(Array.from({ length: 12 }, (_, i) => count(2025, i + 1)).reduce((a, b) => a + b)).toBe(248);
    expect(count(2025, 10)).toBe(18);
    // 2026: February: 20 weekdays − 6 weekday holidays + 2 make-up Saturdays = 16.
    expect(count(2026, 2)).toBe(16);
  });
});

describe("local days in Asia/Shanghai", () => {
  it("puts an instant on its Shanghai date, not its UTC date", () => {
    expect(localDateOf("2025-01-27T16:30:00Z", cn)).toBe("2025-01-28");
    expect(localDateOf("2025-01-27T15:59:59Z", cn)).toBe("2025-01-27");
  });

  it("ends a local day at 23:59:59.999 Shanghai time", () => {
    expect(endOfLocalDate("2025-03-10", cn).toISOString()).toBe("2025-03-10T15:59:59.999Z");
  });
});

describe("working-day arithmetic", () => {
  it("skips the 2025 Spring Festival and counts its make-up Saturday", () => {
    // Submitted Friday 24 January 2025. Working days after it: Sun 26 (调休), Mon 27, then the holiday to 4 Feb,
    // then 5, 6, 7, Sat 8 (调休), 10, 11, 12, 13 → the 10th is Thursday 13 February.
    expect(local(addWorkingDays("2025-01-24T02:00:00Z", 10, cn))).toBe("2025-02-13");
  });

  it("skips National Day 2025 (review of a proposal submitted the day before the holiday)", () => {
    // Tue 30 Sep; 1–8 Oct off; Thu 9, Fri 10, Sat 11 (调休), Mon 13–Fri 17, Mon 20, Tue 21 → the 10th is 21 Oct.
    expect(local(addWorkingDays("2025-09-30T01:00:00Z", 10, cn))).toBe("2025-10-21");
  });

  it("crosses from 2025 into 2026 over New Year and its make-up Sunday", () => {
    // Wed 31 Dec 2025; 1–3 Jan off; Sun 4 Jan is a working day (1st), Mon 5 (2nd), Tue 6 (3rd).
    expect(local(addWorkingDays("2025-12-31T01:00:00Z", 3, cn))).toBe("2026-01-06");
  });

  it("walks backwards for reminders", () => {
    expect(local(addWorkingDays("2026-02-24T01:00:00Z", -2, cn))).toBe("2026-02-13");
  });
});

describe("addDuration", () => {
  it("adds calendar days to the end of the local day", () => {
    expect(addDuration("2025-03-01T01:00:00Z", days(10), cn).toISOString()).toBe("2025-03-11T15:59:59.999Z");
  });

  it("adds months, clamping to the end of a shorter month", () => {
    expect(local(addDuration("2025-03-15T01:00:00Z", months(3), cn))).toBe("2025-06-15");
    expect(local(addDuration("2025-01-31T01:00:00Z", months(1), cn))).toBe("2025-02-28");
    expect(local(addDuration("2025-08-31T01:00:00Z", months(6), cn))).toBe("2026-02-28");
  });

  it("adds working days through the calendar", () => {
    expect(local(addDuration("2025-04-25T01:00:00Z", workingDays(2), cn))).toBe("2025-04-28"); // Sun 27 is 调休
  });

  it("counts weekends only in a year without data", () => {
    // Fri 1 Jan 2027 has no holiday data: Mon 4 is the first working day after it.
    expect(local(addWorkingDays("2027-01-01T01:00:00Z", 1, cn))).toBe("2027-01-04");
  });
});
