import { reconcileAlarms } from "@huiyin/engine";
import { deleteBenchKeys, type EngineContext } from "../context.ts";
import type { Environment } from "../environment.ts";
import { round } from "../stats.ts";
import { bulkBaseline } from "./deadlines.ts";

export interface RecoveryResult {
  /** FLUSHALL on the embedded Redis; on a user's Redis only the bench's keys are deleted. */
  wiped: "FLUSHALL" | "bench keys";
  pendingAlarms: number;
  seconds: number;
  alarmsPerSecond: number;
  /** BullMQ's addBulk of as many jobs of the same shape (at most 100,000), measured just before. */
  baseline: { jobs: number; jobsPerSecond: number };
  /** Delayed jobs in BullMQ afterwards: should equal pendingAlarms. */
  delayedJobsAfter: number;
}

/**
 * Scenario 4: Redis loses everything; the reconciler rebuilds every pending alarm's delayed job from the
 * database (reconcileAlarms, as the worker runs it at start and periodically).
 */
export async function recoverAlarms(environment: Environment, engine: EngineContext): Promise<RecoveryResult> {
  const { rows } = await engine.db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM alarms WHERE status = 'pending'",
  );
  await deleteBenchKeys(environment, engine.producer);
  // The limit, measured right before (on a shared machine the load can change between scenarios), with as many jobs
  // as there are alarms (the "addBulk of as many jobs": a sorted set twice as long, an AOF twice as large) up
  // to the default 100,000; a larger run scales it.
  const sample = Math.min(rows[0]?.n ?? 0, 100_000);
  const baseline = await bulkBaseline(engine, sample);
  const started = performance.now();
  const pendingAlarms = await reconcileAlarms(engine.deps);
  const seconds = (performance.now() - started) / 1000;
  const delayedJobsAfter = await engine.deps.queues.alarms.getDelayedCount();
  if (pendingAlarms !== rows[0]?.n) throw new Error(`reconciled ${pendingAlarms} of ${rows[0]?.n} pending alarms`);
  return {
    wiped: environment.embedded ? "FLUSHALL" : "bench keys",
    pendingAlarms,
    seconds: round(seconds),
    alarmsPerSecond: round(pendingAlarms / seconds, 0),
    baseline: { jobs: sample, jobsPerSecond: baseline.jobsPerSecond },
    delayedJobsAfter,
  };
}
