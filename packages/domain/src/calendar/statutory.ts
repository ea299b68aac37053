import type { CalendarYear, LocalDate } from "./business-calendar.ts";
import table from "./data/cn-statutory-dates.json" with { type: "json" };

/**
 * The dates of one Gregorian year that the statutory holidays follow from: the lunar ones (除夕, 正月初一, 端午,
 * 中秋) and the solar term 清明. Shipped as a table (data/cn-statutory-dates.json), checked in a test against a
 * lunar calendar library, so that this package needs no lunar arithmetic at run time.
 */
export interface StatutoryDates {
  year: number;
  newYearsEve: LocalDate;
  springFestival: LocalDate;
  qingming: LocalDate;
  dragonBoat: LocalDate;
  midAutumn: LocalDate;
}

const byYear = new Map<number, StatutoryDates>(table.years.map((row) => [row.year, row]));

/** The years the shipped table covers, first and last. */
export const STATUTORY_YEARS = { from: Math.min(...byYear.keys()), to: Math.max(...byYear.keys()) } as const;

export function statutoryDatesOf(year: number): StatutoryDates | undefined {
  return byYear.get(year);
}

const DAY_MS = 86_400_000;
const plusDays = (date: LocalDate, n: number): LocalDate =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const run = (from: LocalDate, count: number): LocalDate[] => Array.from({ length: count }, (_, i) => plusDays(from, i));

/** One holiday of the national rules and its days off for everyone (全体公民放假的节日). */
export interface StatutoryHoliday {
  name: string;
  days: LocalDate[];
}

/**
 * The statutory days off of a year under the national rules on public holidays as revised in 2024 (Art. 2):
 * 元旦 1 day, 春节 4 days (除夕 and 正月初一 to 初三), 清明节 1, 劳动节 2 (1–2 May), 端午节 1, 中秋节 1, 国庆节 3
 * (1–3 October): 13 days.
 */
export function statutoryHolidays(dates: StatutoryDates): StatutoryHoliday[] {
  const y = dates.year;
  return [
    { name: "元旦", days: [`${y}-01-01`] },
    { name: "春节", days: [dates.newYearsEve, ...run(dates.springFestival, 3)] },
    { name: "清明节", days: [dates.qingming] },
    { name: "劳动节", days: run(`${y}-05-01`, 2) },
    { name: "端午节", days: [dates.dragonBoat] },
    { name: "中秋节", days: [dates.midAutumn] },
    { name: "国庆节", days: run(`${y}-10-01`, 3) },
  ];
}

/**
 * A year computed from the statutory rules alone, for a year whose State Council notice (国务院办公厅关于…部分节假日
 * 安排的通知, with its make-up working days, 调休) is not loaded yet:
 * - the statutory days of `statutoryHolidays`;
 * - for each statutory day that falls on a weekend, a compensatory day off (补假, Art. 6), placed on the first
 *   working day after the holiday that is not already a day off;
 * - no make-up working days: only the notice can move a weekend to a working day.
 * Holidays that touch or overlap (中秋 falling in the first days of October) are joined into one, and a day that two
 * holidays share is one day off: the rules say nothing of it, and the notice will. Marked `provisional`.
 */
export function provisionalYear(dates: StatutoryDates, weekend: readonly number[]): CalendarYear {
  const isWeekend = (date: LocalDate) => weekend.includes(new Date(`${date}T00:00:00Z`).getUTCDay());
  const merged = mergeTouching(statutoryHolidays(dates));
  const off = new Set(merged.flatMap((holiday) => holiday.days));
  const holidays = merged.map((holiday) => {
    const owed = holiday.days.filter(isWeekend).length;
    const last = holiday.days.at(-1) as LocalDate;
    let to = last;
    for (let day = plusDays(last, 1), given = 0; given < owed; day = plusDays(day, 1)) {
      if (isWeekend(day) || off.has(day)) continue;
      off.add(day);
      to = day;
      given += 1;
    }
    // The days between the last statutory day and the last compensatory one are weekends or days off already.
    return { name: holiday.name, from: holiday.days[0] as LocalDate, to, makeUpWorkdays: [] };
  });
  return {
    year: dates.year,
    status: "provisional",
    source: "全国年节及纪念日放假办法 (2024) Art. 2 and Art. 6; no State Council notice loaded",
    holidays,
  };
}

function mergeTouching(holidays: StatutoryHoliday[]): StatutoryHoliday[] {
  const sorted = holidays
    .map((holiday) => ({ ...holiday, days: [...new Set(holiday.days)].sort() }))
    .sort((a, b) => ((a.days[0] ?? "") < (b.days[0] ?? "") ? -1 : 1));
  const out: StatutoryHoliday[] = [];
  for (const holiday of sorted) {
    const previous = out.at(-1);
    const first = holiday.days[0] as LocalDate;
    if (previous && plusDays(previous.days.at(-1) as LocalDate, 1) >= first) {
      previous.name = `${previous.name}、${holiday.name}`;
      previous.days = [...new Set([...previous.days, ...holiday.days])].sort();
    } else {
      out.push({ ...holiday });
    }
  }
  return out;
}
