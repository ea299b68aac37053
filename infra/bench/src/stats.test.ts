import { describe, expect, it } from "vitest";
import { medianRound, nearBaseline, percentiles, pool } from "./stats.ts";

describe("percentiles", () => {
  it("takes the nearest rank", () => {
    const sample = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentiles(sample, [50, 95, 99])).toEqual({ p50: 50, p95: 95, p99: 99 });
  });
});

describe("pool", () => {
  it("runs every index once with bounded concurrency", async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let most = 0;
    const latencies = await pool(20, 3, async (index) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push(index);
      inFlight -= 1;
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect(most).toBe(3);
    expect(latencies).toHaveLength(20);
  });
});

describe("nearBaseline", () => {
  it("allows a fraction of the baseline or a fixed slack, whichever is larger", () => {
    const tolerance = { fraction: 0.1, slack: 20 };
    expect(nearBaseline(100, 120, tolerance)).toBe(true);
    expect(nearBaseline(100, 121, tolerance)).toBe(false);
    expect(nearBaseline(400, 440, tolerance)).toBe(true);
    expect(nearBaseline(400, 441, tolerance)).toBe(false);
    expect(nearBaseline(100, 60, tolerance)).toBe(true);
  });
});

describe("medianRound", () => {
  it("picks the whole run whose figure is the median, the lower middle of an even count", () => {
    const runs = [
      { at: 1, perSecond: 300 },
      { at: 2, perSecond: 200 },
      { at: 3, perSecond: 250 },
    ];
    expect(medianRound(runs, (run) => run.perSecond)).toEqual({ at: 3, perSecond: 250 });
    expect(medianRound(runs.slice(0, 2), (run) => run.perSecond)).toEqual({ at: 2, perSecond: 200 });
    expect(medianRound([runs[0]], (run) => run?.perSecond ?? 0)).toBe(runs[0]);
    expect(() => medianRound([], () => 0)).toThrow();
  });
});
