import { describe, expect, it } from "vitest";
import { lunarDatesOf } from "../../test/lunar-reference.ts";
import { days, months, workingDays } from "../duration.ts";
import {
  addDuration,
  addWorkingDays,
  type BusinessCalendar,
  calendarGaps,
  isWorkingDay,
  localDateOf,
  withYear,
  yearStatusOf,
} from "./business-calendar.ts";
import { cnMainlandCalendar } from "./cn-mainland.ts";
import { provisionalYear, STATUTORY_YEARS, statutoryDatesOf, statutoryHolidays } from "./statutory.ts";

const DAY_MS = 86_400_000;
const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;
const due = (at: string, duration: Parameters<typeof addDuration>[1], calendar = cnMainlandCalendar) =>
  localDateOf(addDuration(at, duration, calendar), calendar);

function daysOff(calendar: BusinessCalendar, year: number): string[] {
  const off: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = plusDays(d, 1)) {
    if (!isWorkingDay(d, calendar)) off.push(d);
  }
  return off;
}

describe("the statutory dates table", () => {
  it("matches an independent lunar calendar for every year it ships", () => {
    expect(STATUTORY_YEARS.from).toBeLessThanOrEqual(2025);
    expect(STATUTORY_YEARS.to).toBeGreaterThanOrEqual(2050);
    for (let year = STATUTORY_YEARS.from; year <= STATUTORY_YEARS.to; year += 1) {
      expect(statutoryDatesOf(year), String(year)).toEqual(lunarDatesOf(year));
    }
  });

  it("agrees with the State Council's notices the project ships: every statutory day is a day off there", () => {
    for (const year of [2025, 2026]) {
      const dates = statutoryDatesOf(year);
      if (!dates) throw new Error(`no statutory dates for ${year}`);
      const statutory = statutoryHolidays(dates).flatMap((holiday) => holiday.days);
      expect(statutory).toHaveLength(13);
      for (const day of statutory) expect(isWorkingDay(day, cnMainlandCalendar), day).toBe(false);
      expect(yearStatusOf(`${year}-06-01`, cnMainlandCalendar)).toBe("official");
    }
  });
});

describe("a provisional year (no notice loaded)", () => {
  it("2027: the Spring Festival's two weekend days are made up on the first working days after it", () => {
    expect(yearStatusOf("2027-02-06", cnMainlandCalendar)).toBe("provisional");
    // 除夕 Fri 5 Feb, 初一–初三 Sat 6 to Mon 8 Feb; Sat and Sun are owed: Tue 9 and Wed 10 Feb.
    for (const day of ["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"]) {
      expect(isWorkingDay(day, cnMainlandCalendar), day).toBe(false);
    }
    expect(isWorkingDay("2027-02-04", cnMainlandCalendar)).toBe(true);
    expect(isWorkingDay("2027-02-11", cnMainlandCalendar)).toBe(true);
    // Five working days after Wed 3 Feb: Thu 4, Thu 11, Fri 12, Mon 15, Tue 16 (not 10 Feb, as weekends alone give).
    expect(localDateOf(addWorkingDays("2027-02-03T02:00:00Z", 5, cnMainlandCalendar), cnMainlandCalendar)).toBe(
      "2027-02-16",
    );
  });

  it("follows the statutory rules in every year the table covers: the 13 days, Art. 6's make-up days, no 调休", () => {
    for (let year = 2027; year <= STATUTORY_YEARS.to; year += 1) {
      const dates = statutoryDatesOf(year);
      if (!dates) throw new Error(`no statutory dates for ${year}`);
      const computed = provisionalYear(dates, [0, 6]);
      expect(computed.status).toBe("provisional");
      expect(computed.holidays.every((holiday) => holiday.makeUpWorkdays.length === 0)).toBe(true);
      const calendar = withYear(cnMainlandCalendar, computed);
      const statutory = [...new Set(statutoryHolidays(dates).flatMap((holiday) => holiday.days))];
      for (const day of statutory) expect(isWorkingDay(day, calendar), `${year} ${day}`).toBe(false);
      // Days off on weekdays beyond the statutory ones: exactly one for each statutory day on a weekend.
      const extra = daysOff(calendar, year).filter((day) => !isWeekend(day) && !statutory.includes(day));
      const owed = statutory.filter(isWeekend).filter((day) => day.startsWith(String(year))).length;
      expect(extra.length, String(year)).toBe(owed);
      // Each make-up day follows a holiday with nothing but days off in between.
      for (const day of extra) {
        let before = plusDays(day, -1);
        while (!statutory.includes(before)) {
          expect(isWorkingDay(before, calendar), `${year}: ${day} is not right after its holiday`).toBe(false);
          before = plusDays(before, -1);
        }
      }
    }
  });

  it("gives way to the official year once its notice is loaded, with its make-up working days", () => {
    const notice = {
      year: 2027,
      source: "a notice as the State Council would publish it",
      holidays: [{ name: "春节", from: "2027-02-05", to: "2027-02-12", makeUpWorkdays: ["2027-02-14", "2027-02-20"] }],
    };
    const loaded = withYear(cnMainlandCalendar, notice);
    expect(yearStatusOf("2027-02-01", loaded)).toBe("official");
    expect(isWorkingDay("2027-02-14", loaded)).toBe(true); // a Sunday, made a working day
    expect(isWorkingDay("2027-02-14", cnMainlandCalendar)).toBe(false);
    expect(isWorkingDay("2027-02-11", loaded)).toBe(false);
    expect(loaded.years.filter((y) => y.year === 2027)).toHaveLength(1);
  });

  it("warns when the next 12 months are not all official", () => {
    expect(calendarGaps("2026-12-03T00:00:00Z", cnMainlandCalendar)).toEqual([{ year: 2027, status: "provisional" }]);
    expect(calendarGaps("2025-06-01T00:00:00Z", cnMainlandCalendar)).toEqual([]);
    expect(calendarGaps("2070-01-01T00:00:00Z", cnMainlandCalendar)).toEqual([
      { year: 2070, status: "missing" },
      { year: 2071, status: "missing" },
    ]);
  });
});

describe("a period that ends on a day off", () => {
  it("moves on to the next working day when asked (National Day), and stays otherwise", () => {
    // One month from 1 September 2026 is 1 October: National Day, off until Wed 7 October.
    expect(due("2026-09-01T02:00:00Z", months(1))).toBe("2026-10-01");
    const moved = addDuration("2026-09-01T02:00:00Z", months(1), cnMainlandCalendar, { endOnWorkingDay: true });
    expect(localDateOf(moved, cnMainlandCalendar)).toBe("2026-10-08");
    // Ten calendar days from Tue 22 September 2026 end on Fri 2 October: moved to Thu 8 October too.
    const tenDays = addDuration("2026-09-22T02:00:00Z", days(10), cnMainlandCalendar, { endOnWorkingDay: true });
    expect(localDateOf(tenDays, cnMainlandCalendar)).toBe("2026-10-08");
    // A working day is left where it is.
    const onWorkday = addDuration("2026-09-15T02:00:00Z", months(1), cnMainlandCalendar, { endOnWorkingDay: true });
    expect(localDateOf(onWorkday, cnMainlandCalendar)).toBe("2026-10-15");
    // Working days end on a working day anyway: Mon 21 September + 5 skips Mid-Autumn (Fri 25 to Sun 27).
    expect(due("2026-09-21T02:00:00Z", workingDays(5))).toBe("2026-09-29");
  });
});

describe("a jurisdiction's own days off", () => {
  it("are days off there and nowhere else, and working days skip them", () => {
    const guangxi: BusinessCalendar = {
      ...cnMainlandCalendar,
      id: "cn-guangxi",
      localClosedDays: [{ name: "壮族三月三", from: "2027-04-08", to: "2027-04-09" }],
    };
    expect(isWorkingDay("2027-04-08", guangxi)).toBe(false);
    expect(isWorkingDay("2027-04-08", cnMainlandCalendar)).toBe(true);
    // Wed 7 April + 2 working days: Thu 8 and Fri 9 are off in Guangxi, so Mon 12 and Tue 13.
    expect(localDateOf(addWorkingDays("2027-04-07T02:00:00Z", 2, guangxi), guangxi)).toBe("2027-04-13");
    expect(localDateOf(addWorkingDays("2027-04-07T02:00:00Z", 2, cnMainlandCalendar), cnMainlandCalendar)).toBe(
      "2027-04-09",
    );
  });
});
