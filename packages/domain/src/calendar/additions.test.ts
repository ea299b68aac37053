import { describe, expect, it } from "vitest";
import { calendarOf, defaultPolicy, type Policy } from "../policy.ts";
import {
  type CalendarAdditions,
  localDaysProblems,
  officialYearFileSchema,
  officialYearOf,
  officialYearProblems,
  withAdditions,
} from "./additions.ts";
import { addWorkingDays, isWorkingDay, localDateOf, yearStatusOf } from "./business-calendar.ts";
import { cnMainlandCalendar as cn } from "./cn-mainland.ts";

/** 2027 as the State Council's notice could give it: the Spring Festival with two make-up weekend days. */
const notice2027 = officialYearFileSchema.parse({
  calendarId: "cn-mainland",
  year: 2027,
  source: "国务院办公厅关于2027年部分节假日安排的通知 (a test notice)",
  holidays: [
    { name: "春节", from: "2027-02-05", to: "2027-02-12", makeUpWorkdays: ["2027-02-14", "2027-02-20"] },
    { name: "劳动节", from: "2027-05-01", to: "2027-05-05", makeUpWorkdays: ["2027-04-25"] },
  ],
});

const additions = (over: Partial<CalendarAdditions> = {}): CalendarAdditions => ({
  calendarId: "cn-mainland",
  version: "1",
  years: [officialYearOf(notice2027)],
  localClosedDays: [],
  ...over,
});

const policyWith = (calendarAdditions?: CalendarAdditions): Policy => ({
  ...defaultPolicy,
  ...(calendarAdditions ? { calendarAdditions } : {}),
});

describe("a loaded official year", () => {
  it("overrides the provisional 2027, and its make-up days count as working days", () => {
    const shipped = calendarOf(policyWith());
    const loaded = calendarOf(policyWith(additions()));
    expect(yearStatusOf("2027-02-01", shipped)).toBe("provisional");
    expect(yearStatusOf("2027-02-01", loaded)).toBe("official");
    expect(loaded.years.filter((y) => y.year === 2027)).toHaveLength(1);
    // Sun 14 February: a weekend day made a working day by the notice; a day off on the provisional year.
    expect(isWorkingDay("2027-02-14", shipped)).toBe(false);
    expect(isWorkingDay("2027-02-14", loaded)).toBe(true);
    expect(isWorkingDay("2027-02-20", loaded)).toBe(true);
    expect(isWorkingDay("2027-04-25", loaded)).toBe(true);
    // Thu 11 and Fri 12 February: working days on the provisional year (its make-up days stop at Wed 10), off now.
    expect(isWorkingDay("2027-02-11", shipped)).toBe(true);
    expect(isWorkingDay("2027-02-11", loaded)).toBe(false);
    // Five working days after Wed 3 February: Thu 4, Sun 14, Mon 15, Tue 16, Wed 17 (provisional: Tue 16).
    const dueIn = (calendar: typeof cn) => localDateOf(addWorkingDays("2027-02-03T02:00:00Z", 5, calendar), calendar);
    expect(dueIn(shipped)).toBe("2027-02-16");
    expect(dueIn(loaded)).toBe("2027-02-17");
    // The shipped years are untouched.
    expect(isWorkingDay("2026-02-14", loaded)).toBe(true);
    expect(yearStatusOf("2026-06-01", loaded)).toBe("official");
  });

  it("refuses a notice with impossible dates, a weekday made up, overlapping holidays or a date of another year", () => {
    const bad = officialYearFileSchema.parse({
      ...notice2027,
      holidays: [
        { name: "春节", from: "2027-02-05", to: "2027-02-12", makeUpWorkdays: ["2027-02-15"] },
        { name: "元宵", from: "2027-02-10", to: "2027-02-30", makeUpWorkdays: [] },
        { name: "国庆节", from: "2028-10-01", to: "2027-10-07", makeUpWorkdays: ["2027-02-06"] },
      ],
    });
    const problems = officialYearProblems(bad, cn).join("\n");
    expect(problems).toMatch(/2027-02-15 is not a weekend day/);
    expect(problems).toMatch(/2027-02-30 is not a date/);
    expect(problems).toMatch(/2028-10-01 is not in 2027/);
    expect(problems).toMatch(/国庆节: ends \(2027-10-07\) before it starts/);
    expect(problems).toMatch(/春节 and 元宵 overlap/);
    expect(problems).toMatch(/2027-02-06 lies inside 春节/);
    expect(officialYearProblems(notice2027, cn)).toEqual([]);
    expect(officialYearFileSchema.safeParse({ ...notice2027, source: " " }).success).toBe(false);
    expect(officialYearFileSchema.safeParse({ ...notice2027, extra: 1 }).success).toBe(false);
  });
});

describe("a committee's own days off", () => {
  it("are days off for the committee that added them and for no other, and only on their calendar", () => {
    const guangxi = additions({
      years: [],
      localClosedDays: [{ name: "壮族三月三", from: "2027-04-08", to: "2027-04-09" }],
    });
    const county = additions({
      years: [],
      localClosedDays: [{ name: "闭会日", from: "2027-04-12", to: "2027-04-12" }],
    });
    const first = calendarOf(policyWith(guangxi));
    const second = calendarOf(policyWith(county));
    expect(isWorkingDay("2027-04-08", first)).toBe(false);
    expect(isWorkingDay("2027-04-08", second)).toBe(true);
    expect(isWorkingDay("2027-04-12", first)).toBe(true);
    expect(isWorkingDay("2027-04-12", second)).toBe(false);
    // Wed 7 April + 2 working days: Mon 12 and Tue 13 for the first committee, Thu 8 and Fri 9 for the second.
    const dueIn = (calendar: typeof cn) => localDateOf(addWorkingDays("2027-04-07T02:00:00Z", 2, calendar), calendar);
    expect(dueIn(first)).toBe("2027-04-13");
    expect(dueIn(second)).toBe("2027-04-09");
    // Additions for another calendar change nothing here.
    expect(withAdditions(cn, { ...guangxi, calendarId: "cn-hongkong" })).toBe(cn);
    expect(
      localDaysProblems({
        calendarId: "cn-mainland",
        localClosedDays: [{ name: "x", from: "2027-04-09", to: "2027-04-08" }],
      }),
    ).toEqual(["x: ends (2027-04-08) before it starts"]);
  });
});
