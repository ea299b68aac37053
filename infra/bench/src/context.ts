import { createDatabase, type Database } from "@huiyin/db";
import { createGroupCommit, type EngineDeps, systemClock } from "@huiyin/engine";
import { createLogger, type Logger } from "@huiyin/logger";
import {
  createQueue,
  createRedisConnection,
  type OutboxQueueName,
  outboxJobs,
  queuesOf,
  type RedisConnection,
  whenReady,
} from "@huiyin/queue";
import { proposalWorkflow } from "@huiyin/workflow-proposal";
import type { Queue } from "bullmq";
import type { Environment } from "./environment.ts";

/** Every BullMQ key of the bench lives under this prefix (a Cluster hash tag, as in production). */
export const BENCH_PREFIX = "{huiyin-bench}";

/**
 * The engine as a worker process holds it: a Prisma client over a `pg` pool of `connections`, BullMQ
 * queues on a producer connection, and a worker connection for BullMQ workers.
 */
export interface EngineContext {
  deps: EngineDeps & { queues: Record<OutboxQueueName, Queue> };
  db: Database;
  producer: RedisConnection;
  workerConnection: RedisConnection;
  logger: Logger;
  close(): Promise<void>;
}

export async function openEngine(environment: Environment, connections: number): Promise<EngineContext> {
  const db = createDatabase(environment.databaseUrl, { maxConnections: connections });
  // Silent: a deployment logs at `info`, but what a log line costs depends on where it goes; the figures
  // here are the engine's own.
  const logger = createLogger({ service: "bench", level: "silent", format: "json" });
  const connect = (role: "producer" | "worker") =>
    createRedisConnection({ urls: [environment.redisUrl], mode: "standalone", role, name: `bench-${role}` }, () => {});
  const producer = connect("producer");
  const workerConnection = connect("worker");
  await whenReady(producer);
  const names = queuesOf(outboxJobs);
  const queues = Object.fromEntries(
    names.map((name) => [name, createQueue(name, producer, { prefix: BENCH_PREFIX })]),
  ) as Record<OutboxQueueName, Queue>;
  return {
    // As the api holds it: concurrent events share transactions under load (group commit).
    deps: { db, logger, clock: systemClock, workflow: proposalWorkflow, queues, groupCommit: createGroupCommit() },
    db,
    producer,
    workerConnection,
    logger,
    async close() {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
      producer.disconnect();
      workerConnection.disconnect();
      await db.close();
    },
  };
}

/** Empties every table the engine writes and every bench key in Redis, so that each measurement starts alike. */
export async function resetState(environment: Environment, db: Database, redis: RedisConnection): Promise<void> {
  await emptyTables(db);
  await deleteBenchKeys(environment, redis);
}

/** Only the tables: safe while a worker process runs, where FLUSHALL would pull its queues from under it. */
export async function emptyTables(db: Database): Promise<void> {
  await db.pool.query(
    "TRUNCATE proposals, proposal_events, dropped_events, deadlines, alarms, outbox, notices, notice_deliveries CASCADE",
  );
  await db.pool.query("VACUUM ANALYZE");
}

/** Until the relay (ours or a worker process's) has put every outbox message into BullMQ. */
export async function waitForEmptyOutbox(db: Database): Promise<void> {
  while ((await countOf(db, "SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL")) > 0) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The `n` column of a one-row count query. */
export async function countOf(db: Database, sql: string): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(sql);
  return rows[0]?.n ?? 0;
}

/** FLUSHALL on our own Redis; on the user's, only the bench's keys go. */
export async function deleteBenchKeys(environment: Environment, redis: RedisConnection): Promise<void> {
  if (environment.embedded) {
    await redis.flushall();
    return;
  }
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${BENCH_PREFIX}*`, "COUNT", 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== "0");
}
