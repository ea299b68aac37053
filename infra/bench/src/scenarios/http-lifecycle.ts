import { driveLifecycleOverHttp, issueLifecycleKeys, type KeysByRole } from "../api-lifecycle.ts";
import { countOf, type EngineContext, emptyTables, openEngine, resetState, waitForEmptyOutbox } from "../context.ts";
import type { Environment } from "../environment.ts";
import { type LifecycleRun, runLifecycles } from "../lifecycle-run.ts";
import { cpuMeter, cpuSecondsOfPid, kernelSecondsOfPid, type ServerPids } from "../processes.ts";
import { type Services, startServices } from "../services.ts";
import { pool, round } from "../stats.ts";
import { type ServiceMemoryResult, sampleServiceMemory } from "./service-memory.ts";
import { type StatementProfile, statementProfile } from "./throughput.ts";

/** Latencies here run from the request sent to the answer read. */
export interface HttpLifecycleResult extends LifecycleRun {
  /** Until the worker process's relay has put every outbox message into BullMQ. */
  endToEnd: { seconds: number; transitionsPerSecond: number };
  /** CPU seconds during the level: bench (the HTTP clients), the api process, the worker process, PostgreSQL. */
  cpuSeconds: Record<string, number>;
  /** At the highest level: statements per committed transition (pg_stat_statements; the api's, the worker's relay's). */
  statements?: StatementProfile;
}

export interface HttpLifecyclesResult {
  levels: HttpLifecycleResult[];
  /** Scenario 6 for the api and the worker process, over all levels. */
  memory: ServiceMemoryResult;
}

/**
 * Scenario 1 through HTTP: the lifecycle of scenario 1 sent to the api process (services/api, its own pool of
 * connections as deployed) by C clients, each with its own keep-alive connection, while a worker process
 * relays the outbox, as `pnpm start` runs them. One api and one worker serve every level, so that scenario 6
 * sees their memory across the whole run; the tables are emptied between levels (never Redis: the worker's
 * queues live there). A level starts no new lifecycle after `budgetMs`.
 */
export async function httpLifecycles(
  environment: Environment,
  options: {
    proposals: number;
    concurrency: number[];
    budgetMs: number;
    settleSeconds: number;
    /** Where the api and the worker write their CPU profiles (`--cpu-profile`); none when absent. */
    profileDir?: string | undefined;
    log: (message: string) => void;
  },
): Promise<HttpLifecyclesResult> {
  // Two connections for the resets and the outbox counts: the load itself goes through the api's pool.
  const engine = await openEngine(environment, 2);
  try {
    // Everything, Redis included, before the worker starts on it.
    await resetState(environment, engine.db, engine.producer);
    const starting = performance.now();
    const services = await startServices(environment, { worker: true, profileDir: options.profileDir });
    const ready = performance.now();
    const memory = sampleServiceMemory({ api: services.api.pid, worker: services.worker?.pid });
    try {
      const keys = await issueLifecycleKeys(services.url, services.adminKey);
      // Once, for every level: JIT, the api's pool, prepared plans; then the warmed-up RSS is the baseline.
      const warmup = warmupLifecycles(options.proposals);
      await pool(warmup, Math.min(warmup, Math.max(...options.concurrency)), async () => {
        await driveLifecycleOverHttp(services.url, keys, []);
      });
      await waitForEmptyOutbox(engine.db);
      memory.markBaseline();
      const seconds = (from: number, to: number) => round((to - from) / 1000, 1);
      options.log(
        `   api + worker processes ready in ${seconds(starting, ready)} s, warmed up in ${seconds(ready, performance.now())} s`,
      );
      const levels: HttpLifecycleResult[] = [];
      for (const concurrency of options.concurrency) {
        await emptyTables(engine.db);
        options.log(
          `1. HTTP: up to ${options.proposals} lifecycles in ${options.budgetMs / 1000} s, ${concurrency} clients, api + worker processes`,
        );
        const statements = concurrency === Math.max(...options.concurrency);
        const level = await runLevel(engine, services, keys, {
          ...options,
          concurrency,
          statements,
          servers: environment.servers,
        });
        options.log(
          `   ${level.proposals} lifecycles: ${level.transitionsPerSecond} transitions/s committed, p50 ${level.latencyMs.p50} ms`,
        );
        levels.push(level);
      }
      return { levels, memory: await memory.finish(options.settleSeconds) };
    } finally {
      memory.stop();
      await services.stop();
    }
  } finally {
    await engine.close();
  }
}

/** Fewer than the engine-direct warm-up: the api process stays up from level to level, and starting it is slow. */
const warmupLifecycles = (proposals: number) => Math.min(10, Math.max(2, Math.floor(proposals / 50)));

async function runLevel(
  engine: EngineContext,
  services: Services,
  keys: KeysByRole,
  options: { proposals: number; concurrency: number; budgetMs: number; statements: boolean; servers: ServerPids },
): Promise<HttpLifecycleResult> {
  const { db } = engine;
  if (options.statements) await db.pool.query("SELECT pg_stat_statements_reset()").catch(() => {});
  const cpu = cpuMeter(options.servers);
  const serviceCpu = {
    api: cpuSecondsOfPid(services.api.pid),
    apiKernel: kernelSecondsOfPid(services.api.pid),
    worker: cpuSecondsOfPid(services.worker?.pid),
  };
  const { run, startedAt } = await runLifecycles(options, (latencies) =>
    driveLifecycleOverHttp(services.url, keys, latencies),
  );
  await waitForEmptyOutbox(db);
  const endSeconds = (performance.now() - startedAt) / 1000;
  const { bench, postgres } = cpu();
  const { transitions } = run;
  const statements = options.statements ? await statementProfile(engine, transitions) : undefined;
  if (transitions !== (await countOf(db, "SELECT count(*)::int AS n FROM proposal_events"))) {
    throw new Error("the history holds another number of events than the answers said were applied");
  }
  return {
    ...run,
    endToEnd: { seconds: round(endSeconds), transitionsPerSecond: round(transitions / endSeconds, 0) },
    cpuSeconds: {
      bench,
      api: round(cpuSecondsOfPid(services.api.pid) - serviceCpu.api, 1),
      apiKernel: round(kernelSecondsOfPid(services.api.pid) - serviceCpu.apiKernel, 1),
      worker: round(cpuSecondsOfPid(services.worker?.pid) - serviceCpu.worker, 1),
      postgres,
    },
    ...(statements ? { statements } : {}),
  };
}
