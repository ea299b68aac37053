import { describe, expect, it } from "vitest";
import { percentiles, pool } from "./stats.ts";

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
