import { startRelay } from "@huiyin/engine";
import { countOf, type EngineContext, openEngine, resetState, waitForEmptyOutbox } from "../context.ts";
import type { Environment } from "../environment.ts";
import { driveLifecycle } from "../lifecycle.ts";
import { type LifecycleRun, runLifecycles } from "../lifecycle-run.ts";
import { cpuMeter } from "../processes.ts";
import { type Profiler, startProfiler } from "../profile.ts";
import { pool, round } from "../stats.ts";

export interface ThroughputResult extends LifecycleRun {
  poolConnections: number;
  /** From the first event in until the last outbox message is in BullMQ (events in, committed and relayed). */
  endToEnd: { outboxMessages: number; seconds: number; transitionsPerSecond: number; relayTailSeconds: number };
  /** CPU seconds spent by each side during the run: who was busy. */
  cpuSeconds: Record<string, number>;
  /** Statements the database executed per committed transition (pg_stat_statements), and the costliest ones. */
  statements?: StatementProfile;
  /** Self time by component in the CPU profile of this run, percent. */
  profile?: Record<string, number>;
  /**
   * Each interleaved round of the level, when it ran several: the engine's transitions/s and its baselines'
   * transactions/s (this result is the engine's median round; the baselines report theirs).
   */
  rounds?: { engine: number; sameRows?: number; raw?: number }[];
  /** Average stored size of a proposal's snapshot and of a history row's payload, in bytes. */
  rowBytes: { snapshot: number; payload: number };
  /** What the run wrote, per committed transition: WAL bytes, and the share of `proposals` updates that were HOT. */
  writes: { walBytesPerTransition: number; proposalUpdates: number; hotShare: number };
}

interface WriteCounters {
  lsn: string;
  updates: number;
  hot: number;
}

/** The WAL position and the `proposals` update counters (the statistics collector's, flushed within a second or so). */
async function writeCounters(engine: EngineContext): Promise<WriteCounters> {
  const { rows } = await engine.db.pool.query<{ lsn: string; updates: string; hot: string }>(
    `SELECT pg_current_wal_lsn()::text AS lsn, n_tup_upd::text AS updates, n_tup_hot_upd::text AS hot
       FROM pg_stat_user_tables WHERE relname = 'proposals'`,
  );
  const row = rows[0];
  return { lsn: row?.lsn ?? "0/0", updates: Number(row?.updates ?? 0), hot: Number(row?.hot ?? 0) };
}

const lsnBytes = (lsn: string) => {
  const [high, low] = lsn.split("/");
  return Number.parseInt(high ?? "0", 16) * 2 ** 32 + Number.parseInt(low ?? "0", 16);
};

export interface StatementProfile {
  perTransition: number;
  top: { query: string; callsPerTransition: number; msPerTransition: number }[];
}

const warmupProposals = (proposals: number) => Math.min(30, Math.max(5, Math.floor(proposals / 20)));

/**
 * Scenario 1: up to N proposals, each created and driven to closed.completed, by C clients at once, through
 * the engine directly (createProposal / applyEvent) with a pool of C connections, while the outbox relay
 * runs beside it as in a worker process (LISTEN/NOTIFY and a poll, on its own connection). A client starts
 * no new lifecycle once `budgetMs` has passed, so that a slow machine still finishes; the report says how
 * many completed. Committed/s counts to the last commit; end to end counts until the relay has put every
 * outbox message into BullMQ.
 */
export async function engineThroughput(
  environment: Environment,
  options: { proposals: number; concurrency: number; budgetMs: number; statements: boolean; profileTo?: string },
): Promise<ThroughputResult> {
  const { proposals, concurrency } = options;
  const engine = await openEngine(environment, concurrency + 2);
  try {
    await warmUp(engine, environment, proposals, concurrency);
    if (options.statements) await engine.db.pool.query("SELECT pg_stat_statements_reset()").catch(() => {});
    const relay = await startRelay(engine.deps, { pollMs: 100 });
    try {
      let profiler: Profiler | undefined;
      if (options.profileTo) profiler = await startProfiler();
      const before = await writeCounters(engine);
      const cpu = cpuMeter(environment.servers);
      const { run, startedAt, committedAt } = await runLifecycles(options, (latencies) =>
        driveLifecycle(engine.deps, latencies),
      );
      await waitForEmptyOutbox(engine.db);
      const finished = performance.now();
      const cpuSeconds = cpu();
      const profile = profiler && options.profileTo ? await profiler.stop(options.profileTo) : undefined;
      const { transitions } = run;
      const endSeconds = (finished - startedAt) / 1000;
      const statements = options.statements ? await statementProfile(engine, transitions) : undefined;
      // The counters reach pg_stat_user_tables when each backend reports (at most a second after its commit).
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const after = await writeCounters(engine);
      const updates = after.updates - before.updates;
      return {
        ...run,
        poolConnections: concurrency,
        endToEnd: {
          outboxMessages: await countOf(engine.db, "SELECT count(*)::int AS n FROM outbox"),
          seconds: round(endSeconds),
          transitionsPerSecond: round(transitions / endSeconds, 0),
          relayTailSeconds: round((finished - committedAt) / 1000),
        },
        cpuSeconds,
        ...(statements ? { statements } : {}),
        ...(profile ? { profile } : {}),
        rowBytes: await averageRowBytes(engine),
        writes: {
          walBytesPerTransition: round((lsnBytes(after.lsn) - lsnBytes(before.lsn)) / Math.max(1, transitions), 0),
          proposalUpdates: updates,
          hotShare: updates > 0 ? round((after.hot - before.hot) / updates, 2) : 0,
        },
      };
    } finally {
      await relay.stop();
    }
  } finally {
    await engine.close();
  }
}

async function warmUp(engine: EngineContext, environment: Environment, proposals: number, concurrency: number) {
  // JIT, prepared plans, pool connections: then empty tables again so that every run starts alike.
  await pool(warmupProposals(proposals), concurrency, () => driveLifecycle(engine.deps, []).then(() => {}));
  await resetState(environment, engine.db, engine.producer);
}

async function averageRowBytes(engine: EngineContext): Promise<ThroughputResult["rowBytes"]> {
  const { rows } = await engine.db.pool.query<{ snapshot: number; payload: number }>(
    `SELECT (SELECT avg(pg_column_size(snapshot)) FROM proposals)::int AS snapshot,
            (SELECT avg(pg_column_size(payload)) FROM proposal_events)::int AS payload`,
  );
  return rows[0] ?? { snapshot: 0, payload: 0 };
}

export async function statementProfile(
  engine: EngineContext,
  transitions: number,
): Promise<StatementProfile | undefined> {
  try {
    const { rows } = await engine.db.pool.query<{ query: string; calls: string; ms: number }>(
      `SELECT query, calls::text, total_exec_time AS ms FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY calls DESC`,
    );
    const relevant = rows.filter((row) => !row.query.includes("pg_stat_statements"));
    const calls = relevant.reduce((sum, row) => sum + Number(row.calls), 0);
    return {
      perTransition: round(calls / transitions, 1),
      top: relevant.slice(0, 14).map((row) => ({
        query: row.query.replace(/\s+/g, " ").slice(0, 110),
        callsPerTransition: round(Number(row.calls) / transitions, 2),
        msPerTransition: round(row.ms / transitions, 3),
      })),
    };
  } catch {
    return undefined;
  }
}
