import { percentiles, pool, round } from "./stats.ts";

/** What one level of scenario 1 measured, through the engine directly or through HTTP. */
export interface LifecycleRun {
  concurrency: number;
  /** Lifecycles asked for, and those completed within the time budget. */
  proposalsRequested: number;
  proposals: number;
  transitions: number;
  /** From the first event sent to the last commit. */
  seconds: number;
  transitionsPerSecond: number;
  latencyMs: Record<string, number>;
}

/**
 * Up to `proposals` lifecycles by `concurrency` clients at once. A client starts no new lifecycle once
 * `budgetMs` has passed, so that a slow machine still finishes (the ones under way complete). `drive` pushes
 * the latency of each transition onto the array it is given. Returns the figures and when the run began and
 * its last commit came, in `performance.now()` time, for what the caller measures after it.
 */
export async function runLifecycles(
  options: { proposals: number; concurrency: number; budgetMs: number },
  drive: (latencies: number[]) => Promise<unknown>,
): Promise<{ run: LifecycleRun; startedAt: number; committedAt: number }> {
  const latencies: number[] = [];
  let completed = 0;
  const startedAt = performance.now();
  const stopAt = startedAt + options.budgetMs;
  await pool(options.proposals, options.concurrency, async () => {
    if (performance.now() > stopAt) return;
    await drive(latencies);
    completed += 1;
  });
  const committedAt = performance.now();
  const seconds = (committedAt - startedAt) / 1000;
  return {
    run: {
      concurrency: options.concurrency,
      proposalsRequested: options.proposals,
      proposals: completed,
      transitions: latencies.length,
      seconds: round(seconds),
      transitionsPerSecond: round(latencies.length / seconds, 0),
      latencyMs: percentiles(latencies, [50, 95, 99]),
    },
    startedAt,
    committedAt,
  };
}
