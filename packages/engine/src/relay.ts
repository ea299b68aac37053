import { type Database, isDatabaseUnavailable } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import { jobCatalog, jobOptions, type OutboxJobName, type OutboxQueueName } from "@huiyin/queue";
import type { Queue } from "bullmq";
import type pg from "pg";
import type { Clock } from "./clock.ts";
import { inTransaction } from "./sql.ts";

export interface RelayDeps {
  db: Database;
  queues: Record<OutboxQueueName, Queue>;
  logger: Logger;
  clock: Clock;
}

/** Rows claimed at most per relay batch (one transaction, one `addBulk` per queue run). */
const RELAY_BATCH = 200;

/**
 * Relay batches in flight at once while a backlog lasts (a claim that came back full). A relay shares its process's
 * event loop with the work whose effects it relays: in the bench's engine run (32 clients in the relay's process) two
 * lanes fell behind, end to end 0.91–0.92 of the committed rate; four kept up, 0.95–0.96 (issue 18; bigger batches,
 * 500 instead of 200, did nothing: it is turns of the loop the relay lacked, not round trips). Each lane holds a pool
 * connection only while it claims and sends.
 */
const RELAY_LANES = 4;

/**
 * How long the relay lets commits gather after a notification before it claims them. Each wake-up costs a claim, a
 * round trip to Redis and a COMMIT whatever it carries: at ~200 transitions/s through HTTP the worker woke for one
 * or two rows each time and spent ~1.4 ms of CPU per transition on the 2 cores the api shares (issue 18). 10 ms
 * gathers the commits of that moment; a reminder, a notice or a webhook reaches its queue that much later.
 */
export const RELAY_GATHER_MS = 10;

/**
 * Moves committed outbox messages to BullMQ. Each batch is claimed with `FOR UPDATE SKIP LOCKED`, so any
 * number of relays (one per worker process, and `RELAY_LANES` lanes in each under a backlog) share the work without sending a message
 * twice at once; a relay that dies after `add` but before its commit leaves the rows unsent (the mark is part of
 * the claiming statement, committed only once Redis has the jobs), to be sent again, and the deterministic job id
 * makes that second `add` a no-op. Nothing committed is ever lost.
 *
 * The claim walks `outbox_unsent_idx`, a partial index of the unsent rows alone (a day of sent rows is kept for
 * the rebuild, and an index of every row made the claim walk them).
 */
export async function relayBatch(deps: RelayDeps, limit = RELAY_BATCH): Promise<number> {
  // BEGIN goes out with the claim (`inTransaction`); COMMIT once Redis has the jobs.
  return inTransaction(deps.db.pool, async (client) => {
    const { rows: claimed } = await client.query<{
      id: string;
      action: string;
      job_name: string;
      job_id: string;
      payload: Record<string, unknown>;
      run_at: Date | null;
    }>(
      `UPDATE outbox SET sent_at = now(), attempts = attempts + 1
        WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, action, job_name, job_id, payload, run_at`,
      [limit],
    );
    // RETURNING keeps no order: the batch goes out in the order it was written.
    const rows = claimed.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    const now = deps.clock.now().getTime();
    // Consecutive enqueues to one queue go in one `addBulk` (one round trip to Redis instead of one per job), and
    // consecutive cancels are sent together (pipelined on the connection, one wait for all of them); the batch is
    // still sent in order, so a cancel after an enqueue of the same job removes it.
    let bulk: { queue: Queue; jobs: Parameters<Queue["addBulk"]>[0] } | undefined;
    let removals: Promise<unknown>[] = [];
    const flush = async () => {
      if (bulk) await bulk.queue.addBulk(bulk.jobs);
      bulk = undefined;
      if (removals.length > 0) await Promise.all(removals);
      removals = [];
    };
    for (const row of rows) {
      const name = row.job_name as OutboxJobName;
      const definition = jobCatalog[name];
      const queue = deps.queues[definition.queue];
      if (row.action === "cancel") {
        if (bulk) await flush();
        // An alarm already running cannot be removed; it will find its alarm cancelled and do nothing.
        removals.push(queue.remove(row.job_id).catch(() => 0));
      } else {
        if (removals.length > 0 || (bulk && bulk.queue !== queue)) await flush();
        bulk ??= { queue, jobs: [] };
        const delay = row.run_at ? row.run_at.getTime() - now : 0;
        bulk.jobs.push({ name, data: row.payload, opts: jobOptions(name, row.job_id, delay) });
      }
    }
    await flush();
    if (rows.length > 0) deps.logger.debug({ count: rows.length }, "outbox relayed");
    return rows.length;
  });
}

/** How long sent outbox rows stay for inspection ("did this job go out, and when?") before they are deleted. */
export const OUTBOX_RETENTION_MS = 24 * 3600_000;

/**
 * Deletes outbox rows sent more than `retentionMs` ago, at most `limit` at a time (short transactions, no
 * long lock on a big table); returns how many went. Without it the outbox grows by every message ever sent:
 * about 2.3 KB per pending deadline (bench, scenario 3), as much again as the deadline and its alarms. Unsent
 * rows are never touched; a relay that crashed after `add` leaves its rows unsent, so they are sent again.
 */
export async function pruneOutbox(deps: Pick<RelayDeps, "db">, retentionMs = OUTBOX_RETENTION_MS, limit = 5_000) {
  let deleted = 0;
  for (;;) {
    const { rowCount } = await deps.db.pool.query(
      `DELETE FROM outbox WHERE id IN (
         SELECT id FROM outbox WHERE sent_at < now() - make_interval(secs => $1) ORDER BY sent_at LIMIT $2
       )`,
      [retentionMs / 1000, limit],
    );
    deleted += rowCount ?? 0;
    if ((rowCount ?? 0) < limit) return deleted;
  }
}

/** The unsent outbox rows: how many, and how long the oldest has waited. */
export interface OutboxBacklog {
  count: number;
  oldestAgeSeconds: number;
}

/** One indexed look at the unsent rows (`outbox_unsent_idx`, a partial index of them alone). */
export async function outboxBacklog(deps: Pick<RelayDeps, "db">): Promise<OutboxBacklog> {
  const { rows } = await deps.db.pool.query<{ count: string; oldest_age: number | null }>(
    `SELECT count(*) AS count, extract(epoch FROM now() - min(created_at))::float8 AS oldest_age
       FROM outbox WHERE sent_at IS NULL`,
  );
  const row = rows[0];
  return { count: Number(row?.count ?? 0), oldestAgeSeconds: Math.max(0, row?.oldest_age ?? 0) };
}

/** A backlog whose oldest row waited this long is worth a log line: a healthy relay sends within a poll. */
const BACKLOG_LOG_AGE_SECONDS = 5;

export interface Relay {
  /** The backlog at the last look (every `backlogEveryMs`); undefined before the first, or while PG is away. */
  backlog(): OutboxBacklog | undefined;
  stop(): Promise<void>;
}

/** The longest pause between two relay attempts while they fail (the database away): short, so the backlog
 * drains within seconds of its return. */
const RELAY_BACKOFF_MAX_MS = 5_000;
/** The longest pause between two attempts to LISTEN again after the session was lost. */
const LISTEN_BACKOFF_MAX_MS = 30_000;

/**
 * Runs `relayBatch` `gatherMs` after PostgreSQL notifies that an event committed (`huiyin_outbox`) and at least
 * every `pollMs`, so that a missed notification (a reconnect) delays a message by one poll at most; and
 * `pruneOutbox` every `pruneEveryMs` (sent rows older than `retentionMs` go).
 *
 * Survives PostgreSQL going away: a failing batch is retried with a doubling pause (up to 5 s), and the LISTEN
 * session, which a restart ends, is opened again (with a doubling pause, up to 30 s; polling covers the gap).
 */
export async function startRelay(
  deps: RelayDeps,
  options: {
    pollMs?: number;
    pruneEveryMs?: number;
    retentionMs?: number;
    backlogEveryMs?: number;
    /** How long a notification waits for the commits that follow it before the relay claims (`RELAY_GATHER_MS`). */
    gatherMs?: number;
  } = {},
): Promise<Relay> {
  const pollMs = options.pollMs ?? 1_000;
  const gatherMs = options.gatherMs ?? RELAY_GATHER_MS;
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let failures = 0;
  let pausedUntil = 0;
  const log = deps.logger.child({ component: "outbox-relay" });

  const drain = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    if (Date.now() < pausedUntil) return Promise.resolve();
    running = (async () => {
      do {
        again = false;
        try {
          // A batch short of the limit took every row committed when it claimed (uncommitted rows are invisible,
          // not locked), so the drain ends there: what commits later notifies and drains again. Under a trickle of
          // commits that is one claim per wake-up, not one more that finds nothing (issue 18: empty claims were a
          // third of the statements per transition through HTTP). Under a backlog (a full batch) `RELAY_LANES`
          // lanes drain it: while one waits for Redis, the others claim (SKIP LOCKED keeps their batches apart). A
          // cancel and the enqueue of the same job may then race; the alarm row decides, so a job that stays rings
          // for nothing (its alarm is cancelled).
          const lane = async () => {
            while (!stopped && (await relayBatch(deps, RELAY_BATCH)) === RELAY_BATCH) {}
          };
          if ((await relayBatch(deps, RELAY_BATCH)) === RELAY_BATCH && !stopped) {
            const lanes = await Promise.allSettled(Array.from({ length: RELAY_LANES }, lane));
            const failed = lanes.find((outcome) => outcome.status === "rejected");
            if (failed) throw failed.reason;
          }
          if (failures > 0) log.info({ failures }, "relaying the outbox again");
          failures = 0;
        } catch (error) {
          failures += 1;
          const pauseMs = Math.min(pollMs * 2 ** (failures - 1), RELAY_BACKOFF_MAX_MS);
          pausedUntil = Date.now() + pauseMs;
          // The first failure of a streak is an error; the repeats of the same outage are warnings. The database
          // being away is said in a line (code and message), anything else with its stack.
          const level = failures === 1 ? "error" : "warn";
          const why = isDatabaseUnavailable(error) ? briefly(error) : { err: error };
          log[level]({ ...why, failures, retryInMs: pauseMs }, "relaying the outbox failed; retrying");
          again = false;
        }
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  // A notification starts a claim `gatherMs` later, not at once: the commits of that moment join the same batch
  // (one claim, one addBulk, one COMMIT for all of them) instead of waking the relay once each.
  let gathering: NodeJS.Timeout | undefined;
  const notified = () => {
    if (gatherMs <= 0) return void drain();
    if (gathering || stopped) return;
    gathering = setTimeout(() => {
      gathering = undefined;
      void drain();
    }, gatherMs);
  };

  /** The LISTEN session, and how to give it back without our listeners (so it is never released twice). */
  let listener: { client: pg.PoolClient; close(): void } | undefined;
  let listenFailures = 0;
  let relisten: NodeJS.Timeout | undefined;
  const listenLater = () => {
    if (stopped) return;
    listenFailures += 1;
    const pauseMs = Math.min(1_000 * 2 ** (listenFailures - 1), LISTEN_BACKOFF_MAX_MS);
    relisten = setTimeout(() => void listen(), pauseMs);
    relisten.unref();
  };
  const listen = async () => {
    let client: pg.PoolClient | undefined;
    let lost = false;
    // One release, whichever comes first: the connection breaking, or LISTEN failing.
    const onNotification = notified;
    const onEnd = () => lose(new Error("the LISTEN connection ended"));
    const detach = (error?: Error) => {
      lost = true;
      client?.off("notification", onNotification).off("error", lose).off("end", onEnd);
      if (listener?.client === client) listener = undefined;
      client?.release(error);
    };
    function lose(error: Error) {
      if (lost) return;
      detach(error);
      if (stopped) return;
      log.warn(briefly(error), "the LISTEN session was lost; polling until it is back");
      listenLater();
    }
    try {
      client = await deps.db.pool.connect();
      client.on("notification", onNotification).on("error", lose).on("end", onEnd);
      await client.query("LISTEN huiyin_outbox");
      if (lost) return;
      if (stopped) return detach();
      listener = { client, close: () => detach() };
      if (listenFailures > 0) log.info("listening for outbox notifications again");
      listenFailures = 0;
      // What committed while nobody listened goes now, not at the next poll.
      void drain();
    } catch (error) {
      if (client) lose(error as Error);
      else {
        log.warn(briefly(error), "LISTEN failed; relying on polling until it works");
        listenLater();
      }
    }
  };
  await listen();
  const timer = setInterval(() => void drain(), pollMs);
  void drain();
  const prune = () =>
    pruneOutbox(deps, options.retentionMs).then(
      (count) => count > 0 && log.info({ count }, "sent outbox rows pruned"),
      (error: unknown) => log.error({ err: error }, "pruning the outbox failed; retrying later"),
    );
  const pruner = setInterval(() => void prune(), options.pruneEveryMs ?? 10 * 60_000);
  pruner.unref();

  // The backlog is visible while it lasts (after a database or Redis outage, under a burst): a log line at each look
  // while rows wait longer than a healthy relay would let them, one when it is gone, and the gauges of /metrics.
  let backlog: OutboxBacklog | undefined;
  let reported = false;
  const watchBacklog = () =>
    outboxBacklog(deps).then(
      (seen) => {
        backlog = seen;
        if (seen.count > 0 && seen.oldestAgeSeconds >= BACKLOG_LOG_AGE_SECONDS) {
          reported = true;
          log.warn(
            { backlog: seen.count, oldestAgeSeconds: Math.round(seen.oldestAgeSeconds) },
            "outbox backlog: rows wait to be relayed",
          );
        } else if (reported && seen.count === 0) {
          reported = false;
          log.info("outbox backlog drained");
        }
      },
      () => {
        backlog = undefined;
      },
    );
  const backlogTimer = setInterval(() => void watchBacklog(), options.backlogEveryMs ?? 5_000);
  backlogTimer.unref();

  return {
    backlog: () => backlog,
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearInterval(pruner);
      clearTimeout(relisten);
      clearInterval(backlogTimer);
      clearTimeout(gathering);
      await running;
      const current = listener;
      if (current) {
        await current.client.query("UNLISTEN *").catch(() => {});
        current.close();
      }
    },
  };
}

/** An error as code and message, for a log line about a known condition (the database away) that needs no stack. */
function briefly(error: unknown): { code?: string; reason: string } {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return {
    ...(typeof code === "string" ? { code } : {}),
    reason: typeof message === "string" ? message : String(error),
  };
}
