import { Lunar, Solar } from "lunar-typescript";
import type { StatutoryDates } from "../src/calendar/statutory.ts";

/**
 * The lunar and solar-term dates of a Gregorian year, computed by a lunar calendar library. Used only by the
 * script that writes the shipped table and by the test that checks it (a dev dependency; never at run time).
 */
export function lunarDatesOf(year: number): StatutoryDates {
  const springFestival = Lunar.fromYmd(year, 1, 1).getSolar();
  // 清明 is a solar term: take it from the lunar year that contains 5 April of this Gregorian year.
  const qingming = Solar.fromYmd(year, 4, 5).getLunar().getJieQiTable()["清明"];
  if (!qingming || qingming.getYear() !== year) throw new Error(`no 清明 in ${year}`);
  return {
    year,
    newYearsEve: springFestival.next(-1).toYmd(),
    springFestival: springFestival.toYmd(),
    qingming: qingming.toYmd(),
    dragonBoat: Lunar.fromYmd(year, 5, 5).getSolar().toYmd(),
    midAutumn: Lunar.fromYmd(year, 8, 15).getSolar().toYmd(),
  };
}
