/**
 * When the daily digest goes out: a wall-clock time (`08:00`) in an IANA time zone (`Asia/Shanghai`). Pure: every
 * function takes the instant it reasons about. Time zones with daylight saving time are handled through `Intl`
 * (the offset is looked up at the instant, not assumed), so `Europe/Berlin` works as well as the committees' own.
 */

/** A calendar date in the digest's time zone, `YYYY-MM-DD`: the day a digest is for. */
export type LocalDate = string;

export interface DigestTime {
  hour: number;
  minute: number;
}

/** One digest run: the local date it is for and the instant of that date's digest time. */
export interface DigestSlot {
  date: LocalDate;
  at: Date;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Reads `HH:MM` (24-hour). Throws on anything else: the configuration validates it first. */
export function parseDigestTime(value: string): DigestTime {
  const match = TIME.exec(value);
  if (!match) throw new Error(`not a time of day (HH:MM): ${value}`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** The cron pattern of a daily run at this time (minute hour * * *); the scheduler adds the time zone. */
export function cronPatternOf(time: DigestTime): string {
  return `${time.minute} ${time.hour} * * *`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(at: Date, timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The offset of the zone from UTC at an instant, in milliseconds (+8 h for Asia/Shanghai). */
function offsetAt(at: Date, timeZone: string): number {
  const local = wallClock(at, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The local date of an instant in the zone: 2026-03-01T23:30Z is 2026-03-02 in Asia/Shanghai. */
export function localDateIn(at: Date, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(at, timeZone);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The local date `days` after (or before) another. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * The instant of the digest time on a local date. A time that the zone skips (inside a spring-forward gap) comes
 * out shifted by the gap, a time it repeats takes the first occurrence: cron does the same on such days.
 */
export function slotOn(date: LocalDate, time: DigestTime, timeZone: string): DigestSlot {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day, time.hour, time.minute);
  // Two rounds: the offset at the first guess may differ from the offset at the answer across a DST change.
  let at = wall - offsetAt(new Date(wall), timeZone);
  at = wall - offsetAt(new Date(at), timeZone);
  return { date, at: new Date(at) };
}

/** The latest digest slot at or before an instant: the day a run at that instant is for. */
export function latestSlot(at: Date, time: DigestTime, timeZone: string): DigestSlot {
  const today = slotOn(localDateIn(at, timeZone), time, timeZone);
  return today.at.getTime() <= at.getTime() ? today : slotOn(addDays(today.date, -1), time, timeZone);
}

/** The next digest slot strictly after an instant: when the scheduler fires next. */
export function nextSlot(at: Date, time: DigestTime, timeZone: string): DigestSlot {
  const today = slotOn(localDateIn(at, timeZone), time, timeZone);
  return today.at.getTime() > at.getTime() ? today : slotOn(addDays(today.date, 1), time, timeZone);
}
