import { randomUUID } from "node:crypto";
import type { Logger } from "@huiyin/logger";
import { isCluster, type RedisConnection } from "@huiyin/queue";

/**
 * Noticing that Redis lost its data: a FLUSHALL, a Redis restarted without persistence (or from an old
 * snapshot), a failover to an empty replica. BullMQ cannot tell: a worker simply finds no jobs, and every delayed
 * alarm, queued notice and webhook delivery that was in Redis is gone without a trace. So each process keeps a
 * marker key (the "epoch") under the queue prefix and reads it every second or two, one cheap GET:
 *
 * - the key is gone: Redis lost its data. The first process to see it writes a new epoch (SET NX);
 * - the key holds another epoch than the one this process knew: another process saw the loss first and wrote
 *   the new one (this process may have missed the gap between the two);
 * - Redis's `run_id` changed (standalone only): Redis restarted; with persistence the marker is back, but a
 *   restart from an older snapshot still lost what came after it, so it counts as a loss too.
 *
 * On each of them the process rebuilds its jobs from PostgreSQL (`onLoss`); every rebuild is idempotent
 * (deterministic job ids), so two processes rebuilding at once, or a false alarm, cost work and nothing else.
 * The key carries the queue prefix, so with Redis Cluster it lives in the same slot as the queues.
 */

export type LossReason = "marker-gone" | "marker-changed" | "redis-restarted";

/** What one look at Redis saw. */
export interface Observation {
  /** The epoch key's value; null when the key is gone. */
  marker: string | null;
  /** `INFO server`'s run_id, when it was read. */
  runId?: string | undefined;
}

/** What a process remembers from its previous look. */
export interface Known {
  marker: string;
  runId?: string | undefined;
}

/**
 * The pure core: given what the process knew (undefined before its first look) and what it sees now, did Redis
 * lose its data since? The first look never counts: a process starting rebuilds anyway (its reconcile at start).
 */
export function judgeObservation(known: Known | undefined, seen: Observation): LossReason | undefined {
  if (!known) return undefined;
  if (seen.marker === null) return "marker-gone";
  if (seen.marker !== known.marker) return "marker-changed";
  if (known.runId !== undefined && seen.runId !== undefined && seen.runId !== known.runId) return "redis-restarted";
  return undefined;
}

/** The epoch key of a queue prefix (`{huiyin}` → `{huiyin}:huiyin:epoch`). */
export const epochKey = (prefix: string): string => `${prefix}:huiyin:epoch`;

export interface DataLossWatchOptions {
  redis: RedisConnection;
  prefix: string;
  logger: Logger;
  /** How often the marker is read (default 1 s). */
  everyMs?: number;
  /** Rebuilds this process's jobs from the database; awaited before the next look, and retried there if it threw. */
  onLoss: (reason: LossReason) => Promise<void>;
}

export interface DataLossWatch {
  /** How many times Redis was found to have lost its data. */
  losses(): number;
  close(): Promise<void>;
}

/**
 * `INFO server`'s run_id, on a standalone Redis (a cluster's INFO goes to any one node: not comparable). A server
 * that refuses INFO (renamed away on some managed services) leaves the marker alone to judge by.
 */
async function runIdOf(redis: RedisConnection): Promise<string | undefined> {
  if (isCluster(redis)) return undefined;
  const info = await redis.info("server").catch(() => "");
  return /^run_id:(\S+)/m.exec(info)?.[1];
}

/** Reads the epoch, writing a new one first when there is none. */
async function observe(redis: RedisConnection, key: string): Promise<Observation & { written: string | null }> {
  const runId = await runIdOf(redis);
  const marker = await redis.get(key);
  if (marker !== null) return { marker, runId, written: null };
  await redis.set(key, randomUUID(), "NX");
  return { marker: null, runId, written: await redis.get(key) };
}

/** Starts watching; the first look is the baseline. */
export function watchForDataLoss(options: DataLossWatchOptions): DataLossWatch {
  const key = epochKey(options.prefix);
  const log = options.logger.child({ component: "redis-data-loss" });
  let known: Known | undefined;
  let losses = 0;
  let stopped = false;
  let running: Promise<void> | undefined;

  // A rebuild that failed (the database away at that moment) is owed: tried again at every look until it succeeds.
  let owed: LossReason | undefined;

  const look = async (): Promise<void> => {
    const seen = await observe(options.redis, key);
    const fresh = judgeObservation(known, seen);
    const marker = seen.written ?? seen.marker;
    if (marker !== null) known = { marker, runId: seen.runId };
    if (fresh) {
      losses += 1;
      log.warn({ reason: fresh, epochKey: key }, "Redis lost its data: rebuilding every job from PostgreSQL");
    }
    const reason = fresh ?? owed;
    if (!reason || stopped) return;
    owed = reason;
    const started = Date.now();
    await options.onLoss(reason);
    owed = undefined;
    log.warn({ reason, tookMs: Date.now() - started }, "jobs rebuilt after Redis lost its data");
  };
  // One look at a time: a rebuild that takes longer than the period delays the next look, never stacks them.
  const tick = () => {
    if (running || stopped) return;
    running = look()
      .catch((error: unknown) => log.warn({ err: error }, "checking Redis for data loss failed; trying again"))
      .finally(() => {
        running = undefined;
      });
  };

  tick();
  const timer = setInterval(tick, options.everyMs ?? 1_000);
  timer.unref();
  return {
    losses: () => losses,
    async close() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
