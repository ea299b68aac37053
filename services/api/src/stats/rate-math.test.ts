import { describe, expect, it } from "vitest";
import { average, percentile, replyDays, share } from "./rate-math.ts";

describe("the rate arithmetic", () => {
  it("share divides, and says null rather than 0 when there is nothing to divide by", () => {
    expect(share(3, 4)).toBe(0.75);
    expect(share(0, 4)).toBe(0);
    expect(share(0, 0)).toBeNull();
  });

  it("p90 is the nearest rank: one of the values, the 9th of 10, the largest of few", () => {
    expect(percentile([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 90)).toBe(9);
    expect(percentile([5, 1, 3], 90)).toBe(5);
    expect(percentile([4], 90)).toBe(4);
    expect(
      percentile(
        Array.from({ length: 100 }, (_v, i) => i + 1),
        90,
      ),
    ).toBe(90);
    expect(
      percentile(
        Array.from({ length: 101 }, (_v, i) => i + 1),
        90,
      ),
    ).toBe(91);
    expect(percentile([], 90)).toBeNull();
    expect(() => percentile([1], 0)).toThrow(RangeError);
  });

  it("average and the working-days summary round the mean to one decimal", () => {
    expect(average([])).toBeNull();
    expect(average([1, 2])).toBe(1.5);
    expect(replyDays([20, 21, 23])).toEqual({ replies: 3, average: 21.3, p90: 23 });
    expect(replyDays([])).toEqual({ replies: 0, average: null, p90: null });
  });
});
