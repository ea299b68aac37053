import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { anonRssMiB, type ServerPids } from "../processes.ts";
import { nearBaseline, round } from "../stats.ts";

export interface MemoryResult {
  /** The bench process (the engine's client side: Prisma, pg, XState, BullMQ). */
  benchRssMiB: { baseline: number; peak: number; after: number; afterGc: number };
  /** V8 heap in use: tells a leak (heap grows) from pages V8 keeps for reuse (RSS stays, heap does not). */
  benchHeapUsedMiB: { baseline: number; afterGc: number };
  /** Sum of anonymous RSS of all PostgreSQL processes (shared buffers excluded), and of Redis. */
  postgresAnonMiB: { baseline: number; peak: number; after: number };
  redisAnonMiB: { baseline: number; peak: number; after: number };
  /** True when the bench process is back within 10% (or 20 MiB) of its baseline after a full GC. */
  returnedToBaseline: boolean;
  /** The same for the V8 heap in use (10% or 5 MiB). */
  heapReturnedToBaseline: boolean;
}

const mib = (bytes: number) => bytes / 2 ** 20;

/**
 * Scenario 6: resident memory before `work` (scenarios 1–2), at each `sample()` it calls between its measured
 * windows (reading /proc costs CPU, which would count against the figure being measured), after it and after a GC.
 * The peak is the highest sample: taken right after each window, while what it allocated is still held.
 */
export async function measureMemory<T>(
  servers: ServerPids,
  work: (sample: () => void) => Promise<T>,
): Promise<{ result: T; memory: MemoryResult }> {
  const gc = exposeGc();
  gc();
  const heapBaseline = mib(process.memoryUsage().heapUsed);
  const baseline = {
    bench: mib(process.memoryUsage().rss),
    postgres: anonRssMiB(servers.postgres),
    redis: anonRssMiB(servers.redis),
  };
  const peak = { ...baseline };
  const sample = () => {
    peak.bench = Math.max(peak.bench, mib(process.memoryUsage().rss));
    peak.postgres = Math.max(peak.postgres, anonRssMiB(servers.postgres));
    peak.redis = Math.max(peak.redis, anonRssMiB(servers.redis));
  };
  const result = await work(sample);
  sample();
  const after = {
    bench: mib(process.memoryUsage().rss),
    postgres: anonRssMiB(servers.postgres),
    redis: anonRssMiB(servers.redis),
  };
  gc();
  await new Promise((resolve) => setTimeout(resolve, 500));
  gc();
  const afterGc = mib(process.memoryUsage().rss);
  const heapAfterGc = mib(process.memoryUsage().heapUsed);
  return {
    result,
    memory: {
      benchRssMiB: {
        baseline: round(baseline.bench, 0),
        peak: round(peak.bench, 0),
        after: round(after.bench, 0),
        afterGc: round(afterGc, 0),
      },
      benchHeapUsedMiB: { baseline: round(heapBaseline, 0), afterGc: round(heapAfterGc, 0) },
      postgresAnonMiB: {
        baseline: round(baseline.postgres, 0),
        peak: round(peak.postgres, 0),
        after: round(after.postgres, 0),
      },
      redisAnonMiB: { baseline: round(baseline.redis, 0), peak: round(peak.redis, 0), after: round(after.redis, 0) },
      returnedToBaseline: nearBaseline(baseline.bench, afterGc, { fraction: 0.1, slack: 20 }),
      heapReturnedToBaseline: nearBaseline(heapBaseline, heapAfterGc, { fraction: 0.1, slack: 5 }),
    },
  };
}

function exposeGc(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}
