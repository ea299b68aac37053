import { describe, expect, it } from "vitest";
import { addDays, cronPatternOf, latestSlot, localDateIn, nextSlot, parseDigestTime, slotOn } from "./digest-time.ts";

const eight = parseDigestTime("08:00");
const iso = (slot: { date: string; at: Date }) => [slot.date, slot.at.toISOString()];

describe("digest time", () => {
  it("reads HH:MM and writes the daily cron pattern", () => {
    expect(parseDigestTime("08:00")).toEqual({ hour: 8, minute: 0 });
    expect(parseDigestTime("23:59")).toEqual({ hour: 23, minute: 59 });
    expect(() => parseDigestTime("24:00")).toThrow();
    expect(() => parseDigestTime("8:00")).toThrow();
    expect(cronPatternOf(parseDigestTime("07:30"))).toBe("30 7 * * *");
  });

  it("puts an instant on its Shanghai date, which is not its UTC date in the early morning", () => {
    const at = new Date("2026-03-01T23:30:00Z"); // 07:30 on 2 March in Beijing
    expect(localDateIn(at, "Asia/Shanghai")).toBe("2026-03-02");
    expect(localDateIn(at, "UTC")).toBe("2026-03-01");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("finds 08:00 Beijing time at midnight UTC", () => {
    expect(iso(slotOn("2026-03-02", eight, "Asia/Shanghai"))).toEqual(["2026-03-02", "2026-03-02T00:00:00.000Z"]);
    expect(iso(slotOn("2026-03-02", eight, "UTC"))).toEqual(["2026-03-02", "2026-03-02T08:00:00.000Z"]);
  });

  it("runs next at the coming 08:00 in the zone: later the same UTC day in Shanghai's case, the next in UTC's", () => {
    const at = new Date("2026-03-01T23:30:00Z");
    expect(iso(nextSlot(at, eight, "Asia/Shanghai"))).toEqual(["2026-03-02", "2026-03-02T00:00:00.000Z"]);
    expect(iso(nextSlot(at, eight, "UTC"))).toEqual(["2026-03-02", "2026-03-02T08:00:00.000Z"]);
    // Exactly at the time: that run is now, the next is tomorrow's.
    expect(iso(nextSlot(new Date("2026-03-02T00:00:00Z"), eight, "Asia/Shanghai"))).toEqual([
      "2026-03-03",
      "2026-03-03T00:00:00.000Z",
    ]);
  });

  it("says which day a run is for: the latest digest time at or before it", () => {
    const zone = "Asia/Shanghai";
    expect(iso(latestSlot(new Date("2026-03-02T00:00:00Z"), eight, zone))).toEqual([
      "2026-03-02",
      "2026-03-02T00:00:00.000Z",
    ]);
    // A run two hours late is still that day's; a minute early is the day before's.
    expect(latestSlot(new Date("2026-03-02T02:00:00Z"), eight, zone).date).toBe("2026-03-02");
    expect(latestSlot(new Date("2026-03-01T23:59:00Z"), eight, zone).date).toBe("2026-03-01");
    // 23:30 UTC on 1 March is 07:30 on 2 March in Beijing, before its 08:00: the digest of 1 March.
    expect(latestSlot(new Date("2026-03-01T23:30:00Z"), eight, zone).date).toBe("2026-03-01");
    expect(latestSlot(new Date("2026-03-01T23:30:00Z"), eight, "UTC").date).toBe("2026-03-01");
  });

  it("follows daylight saving time where the zone has it", () => {
    const berlin = "Europe/Berlin";
    expect(slotOn("2026-03-28", eight, berlin).at.toISOString()).toBe("2026-03-28T07:00:00.000Z"); // CET
    expect(slotOn("2026-03-29", eight, berlin).at.toISOString()).toBe("2026-03-29T06:00:00.000Z"); // CEST
    expect(nextSlot(new Date("2026-03-28T07:00:00Z"), eight, berlin).at.toISOString()).toBe("2026-03-29T06:00:00.000Z");
  });
});
