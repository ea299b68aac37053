import {
  applyEvent,
  createProposal,
  DEFAULT_ALARM_CONCURRENCY,
  type EngineWorkers,
  relayBatch,
  startEngineWorkers,
} from "@huiyin/engine";
import { createQueue, jobId, jobOptions } from "@huiyin/queue";
import { type Job, Worker } from "bullmq";
import { cloneIdOf, cloneProposal } from "../clone.ts";
import { BENCH_PREFIX, type EngineContext, resetState } from "../context.ts";
import type { Environment } from "../environment.ts";
import { proposalInput, proposer } from "../lifecycle.ts";
import { percentiles, round } from "../stats.ts";

export interface DeadlinesResult {
  deadlines: number;
  alarmsPerDeadline: number;
  /** Writing the rows in bulk (SQL, not the engine: scenario 1 measures the engine's own writes). */
  rowsSeconds: number;
  /** The outbox relay putting every alarm of every deadline into BullMQ as a delayed job. */
  relay: { seconds: number; deadlinesPerSecond: number; jobsPerSecond: number };
  /** BullMQ's own limit: `addBulk` (chunks of 1,000) of as many delayed jobs of the same shape, at most 100,000. */
  baseline: { seconds: number; jobsPerSecond: number; redisBytesPerJob: number };
  redisBytesPerDeadline: number;
  postgresBytesPerDeadline: { deadlineAndAlarms: number; outbox: number };
  /** The reconciliation pass that startEngineWorkers runs at start, over every pending alarm. */
  startupReconcileSeconds: number;
  lateness: LatenessResult;
}

export interface LatenessResult {
  due: number;
  workerConcurrency: number;
  /** dueAt → the `deadline.remind` event's time in the engine's transaction, ms. */
  engineMs: Record<string, number>;
  /** The same number of no-op BullMQ jobs due in one second, same concurrency: dueAt → processor start. */
  baselineMs: Record<string, number>;
}

/**
 * The alarm worker's concurrency: the engine's default (`ALARM_CONCURRENCY`), and the no-op baseline's, so that both
 * have as many jobs in flight.
 */
const WORKER_CONCURRENCY = DEFAULT_ALARM_CONCURRENCY;
/** The most jobs the addBulk baseline adds. */
const BASELINE_JOBS = 100_000;

/**
 * Scenario 3. One real proposal is created and submitted through the engine (its review deadline opens
 * with its alarms); its rows — proposal, deadline, alarms, outbox messages — are cloned in bulk into
 * `deadlines` proposals, then the relay schedules every alarm in BullMQ. Bytes per pending deadline are
 * the growth of Redis memory and of the deadline and alarm tables. Then `dueTogether` of those deadlines
 * are moved to fall due in one second, and the engine's workers fire them.
 */
export async function scheduleDeadlines(
  environment: Environment,
  engine: EngineContext,
  options: { deadlines: number; dueTogether: number },
): Promise<{ result: DeadlinesResult; workers: EngineWorkers }> {
  const { deadlines } = options;
  await resetState(environment, engine.db, engine.producer);
  const template = await templateProposal(engine);
  const alarmsPerDeadline = await count(engine, "SELECT count(*)::int AS n FROM alarms WHERE proposal_id = $1", [
    template,
  ]);

  // A rate and bytes per job: 100,000 jobs tell them as well as 400,000, in a quarter of the time.
  const baseline = await bulkBaseline(engine, Math.min(deadlines * alarmsPerDeadline, BASELINE_JOBS));
  const redisBefore = await usedMemory(engine);
  const pgBefore = await tableBytes(engine);

  let started = performance.now();
  await cloneRows(engine, template, deadlines);
  const rowsSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  while ((await relayBatch(engine.deps, 1_000)) > 0) {}
  const relaySeconds = (performance.now() - started) / 1000;
  const jobs = deadlines * alarmsPerDeadline;
  const redisAfter = await usedMemory(engine);
  await engine.db.pool.query("VACUUM ANALYZE deadlines, alarms, outbox");
  const pgAfter = await tableBytes(engine);

  started = performance.now();
  const workers = await startEngineWorkers(engine.deps, {
    connection: engine.workerConnection,
    prefix: BENCH_PREFIX,
    concurrency: WORKER_CONCURRENCY,
    relayPollMs: 100,
  });
  const startupReconcileSeconds = (performance.now() - started) / 1000;
  const lateness = await firingLateness(engine, template, Math.min(options.dueTogether, deadlines));

  return {
    workers,
    result: {
      deadlines,
      alarmsPerDeadline,
      rowsSeconds: round(rowsSeconds),
      relay: {
        seconds: round(relaySeconds),
        deadlinesPerSecond: round(deadlines / relaySeconds, 0),
        jobsPerSecond: round(jobs / relaySeconds, 0),
      },
      baseline,
      redisBytesPerDeadline: round((redisAfter - redisBefore) / deadlines, 0),
      postgresBytesPerDeadline: {
        deadlineAndAlarms: round((pgAfter.deadlines - pgBefore.deadlines) / deadlines, 0),
        outbox: round((pgAfter.outbox - pgBefore.outbox) / deadlines, 0),
      },
      startupReconcileSeconds: round(startupReconcileSeconds),
      lateness,
    },
  };
}

/** A proposal in review with its review deadline open: created and submitted through the engine. */
async function templateProposal(engine: EngineContext): Promise<string> {
  const { proposal } = await createProposal(engine.deps, { input: proposalInput(), actor: proposer });
  await applyEvent(engine.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: proposer });
  // Only the alarms' messages are cloned; anything else the template produced (notices) stays behind.
  await engine.db.pool.query("DELETE FROM outbox WHERE proposal_id = $1 AND job_name <> 'deadline.alarm'", [
    proposal.id,
  ]);
  return proposal.id;
}

async function cloneRows(engine: EngineContext, template: string, deadlines: number): Promise<void> {
  await cloneProposal(engine, template, deadlines, ["proposals", "deadlines", "alarms", "outbox"]);
  // The template itself is not one of the pending deadlines measured.
  await engine.db.pool.query("UPDATE outbox SET sent_at = now() WHERE proposal_id = $1", [template]);
  await engine.db.pool.query("UPDATE alarms SET status = 'cancelled' WHERE proposal_id = $1", [template]);
}

/** BullMQ alone: as many delayed jobs of the alarm's shape through `addBulk`, its fastest way in. */
export async function bulkBaseline(engine: EngineContext, jobs: number): Promise<DeadlinesResult["baseline"]> {
  const queue = createQueue("bench-baseline", engine.producer, { prefix: BENCH_PREFIX });
  try {
    const before = await usedMemory(engine);
    const started = performance.now();
    for (let from = 0; from < jobs; from += 1_000) {
      const batch = Array.from({ length: Math.min(1_000, jobs - from) }, (_, offset) => {
        const proposalId = cloneIdOf(from + offset);
        const id = `${proposalId}.review-1.remind.1`;
        return {
          name: "deadline.alarm",
          data: { alarmId: id, proposalId, deadlineId: "review-1" },
          opts: jobOptions("deadline.alarm", jobId("deadline.alarm", id), 86_400_000 + ((from + offset) % 3600) * 1000),
        };
      });
      await queue.addBulk(batch);
    }
    const seconds = (performance.now() - started) / 1000;
    const after = await usedMemory(engine);
    await queue.obliterate({ force: true });
    return {
      seconds: round(seconds),
      jobsPerSecond: round(jobs / seconds, 0),
      redisBytesPerJob: round((after - before) / jobs, 0),
    };
  } finally {
    await queue.close();
  }
}

/**
 * Moves the review reminder of `due` cloned proposals to fall due within one second, a few seconds from
 * now (in the database and in BullMQ, as a rescheduling would), and waits until the engine's alarm worker
 * has applied every `deadline.remind`. Beside it, the same number of no-op jobs on a bare BullMQ worker.
 */
async function firingLateness(engine: EngineContext, template: string, due: number): Promise<LatenessResult> {
  const baselineMs = await noopLateness(engine, due);
  const { rows } = await engine.db.pool.query<{ id: string; proposal_id: string; deadline_id: string }>(
    `SELECT id, proposal_id, deadline_id FROM alarms
      WHERE kind = 'remind' AND status = 'pending' AND proposal_id <> $1 ORDER BY proposal_id LIMIT $2`,
    [template, due],
  );
  const second = Math.ceil(Date.now() / 1000) * 1000 + 2_000;
  const fireAt = rows.map((_, index) => second + Math.floor((index * 1000) / rows.length));
  await engine.db.pool.query(
    "UPDATE alarms AS a SET fire_at = v.fire_at FROM unnest($1::text[], $2::timestamptz[]) AS v(id, fire_at) WHERE a.id = v.id",
    [rows.map((row) => row.id), fireAt.map((at) => new Date(at))],
  );
  const queue = engine.deps.queues.alarms;
  await Promise.all(rows.map((row) => queue.remove(jobId("deadline.alarm", row.id))));
  const now = Date.now();
  await queue.addBulk(
    rows.map((row, index) => ({
      name: "deadline.alarm",
      data: { alarmId: row.id, proposalId: row.proposal_id, deadlineId: row.deadline_id },
      opts: jobOptions("deadline.alarm", jobId("deadline.alarm", row.id), (fireAt[index] ?? now) - now),
    })),
  );
  const ids = rows.map((row) => row.id);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const fired = await count(
      engine,
      "SELECT count(*)::int AS n FROM alarms WHERE id = ANY($1) AND status <> 'pending'",
      [ids],
    );
    if (fired === ids.length) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { rows: late } = await engine.db.pool.query<{ ms: number }>(
    `SELECT extract(epoch FROM (e.at - a.fire_at)) * 1000 AS ms FROM alarms a
       JOIN proposal_events e ON e.proposal_id = a.proposal_id AND e.idempotency_key = 'alarm.' || a.id
      WHERE a.id = ANY($1)`,
    [ids],
  );
  if (late.length < ids.length)
    throw new Error(`only ${late.length} of ${ids.length} due reminders fired within 2 minutes`);
  return {
    due: ids.length,
    workerConcurrency: WORKER_CONCURRENCY,
    engineMs: percentiles(
      late.map((row) => Number(row.ms)),
      [50, 99, 100],
    ),
    baselineMs,
  };
}

async function noopLateness(engine: EngineContext, due: number): Promise<Record<string, number>> {
  const name = "bench-noop";
  const queue = createQueue(name, engine.producer, { prefix: BENCH_PREFIX });
  const lateness: number[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  const worker = new Worker(
    name,
    async (job: Job<{ dueAt: number }>) => {
      lateness.push(Date.now() - job.data.dueAt);
      if (lateness.length === due) done();
    },
    { connection: engine.workerConnection, prefix: BENCH_PREFIX, concurrency: WORKER_CONCURRENCY },
  );
  try {
    const second = Math.ceil(Date.now() / 1000) * 1000 + 1_000;
    const now = Date.now();
    await queue.addBulk(
      Array.from({ length: due }, (_, index) => {
        const dueAt = second + Math.floor((index * 1000) / due);
        return { name, data: { dueAt }, opts: { delay: dueAt - now, removeOnComplete: true } };
      }),
    );
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 60_000))]);
    return percentiles(lateness, [50, 99, 100]);
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
  }
}

async function usedMemory(engine: EngineContext): Promise<number> {
  const info = await engine.producer.info("memory");
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

async function tableBytes(engine: EngineContext): Promise<{ deadlines: number; outbox: number }> {
  const { rows } = await engine.db.pool.query<{ deadlines: string; outbox: string }>(
    `SELECT (pg_total_relation_size('deadlines') + pg_total_relation_size('alarms'))::text AS deadlines,
            pg_total_relation_size('outbox')::text AS outbox`,
  );
  return { deadlines: Number(rows[0]?.deadlines ?? 0), outbox: Number(rows[0]?.outbox ?? 0) };
}

async function count(engine: EngineContext, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await engine.db.pool.query<{ n: number }>(sql, params);
  return rows[0]?.n ?? 0;
}
