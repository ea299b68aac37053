/** Percentiles of a sample, by nearest rank; the sample is sorted in place. */
export function percentiles(sample: number[], ranks: readonly number[]): Record<string, number> {
  sample.sort((a, b) => a - b);
  const result: Record<string, number> = {};
  for (const rank of ranks) {
    const index = Math.min(sample.length - 1, Math.max(0, Math.ceil((rank / 100) * sample.length) - 1));
    result[`p${rank}`] = round(sample[index] ?? Number.NaN);
  }
  return result;
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** Runs `work(i)` for i in [0, total) with at most `concurrency` in flight; returns each call's latency in ms. */
export async function pool(
  total: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const lane = async () => {
    for (;;) {
      const index = next;
      next += 1;
      if (index >= total) return;
      const started = performance.now();
      await work(index);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
  return latencies;
}

/**
 * Whether `after` is back near `baseline`: within `fraction` of it or `slack` above it, whichever is larger
 * (a small process has little room in 10% of itself, a big one has noise beyond a fixed amount).
 */
export function nearBaseline(baseline: number, after: number, tolerance: { fraction: number; slack: number }): boolean {
  return after <= Math.max(baseline * (1 + tolerance.fraction), baseline + tolerance.slack);
}

/** The run whose `figure` is the median of `runs` (the lower middle one of an even count). */
export function medianRound<T>(runs: readonly T[], figure: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => figure(a) - figure(b));
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (middle === undefined) throw new Error("medianRound: no runs");
  return middle;
}
