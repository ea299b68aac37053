import { createDatabase, type Database } from "@huiyin/db";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@huiyin/infra-local/testing";
import { createLogger } from "@huiyin/logger";
import {
  createQueue,
  createRedisConnection,
  type OutboxQueueName,
  outboxJobs,
  queuesOf,
  type RedisConnection,
  whenReady,
} from "@huiyin/queue";
import type { Queue } from "bullmq";
import type { EngineDeps } from "../src/apply.ts";
import { systemClock } from "../src/clock.ts";
import type { Workflow } from "../src/workflow.ts";
import { ticketWorkflow } from "./ticket-workflow.ts";

export interface Harness {
  deps: EngineDeps & { queues: Record<OutboxQueueName, Queue> };
  db: Database;
  redis: TestRedis;
  workerConnection: RedisConnection;
  producer: RedisConnection;
  close(): Promise<void>;
}

/** A real database and Redis prefix of this test file's own, and the engine's dependencies on them. */
export async function startHarness(workflow: Workflow = ticketWorkflow): Promise<Harness> {
  const testDatabase: TestDatabase = await createTestDatabase();
  const redis = createTestRedis();
  const db = createDatabase(testDatabase.url, { maxConnections: 20 });
  const logger = createLogger({
    service: "engine-test",
    level: process.env.TEST_LOG_LEVEL ?? "silent",
    format: "json",
  });
  const onError = () => {};
  const producer = createRedisConnection(
    { urls: [redis.url], mode: "standalone", role: "producer", name: "t" },
    onError,
  );
  const workerConnection = createRedisConnection(
    { urls: [redis.url], mode: "standalone", role: "worker", name: "t" },
    onError,
  );
  await whenReady(producer);
  const names = queuesOf(outboxJobs);
  const queues = Object.fromEntries(names.map((name) => [name, createQueue(name, producer, redis)])) as Record<
    OutboxQueueName,
    Queue
  >;
  return {
    deps: { db, logger, clock: systemClock, workflow, queues },
    db,
    redis,
    workerConnection,
    producer,
    async close() {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
      await redis.cleanup();
      producer.disconnect();
      workerConnection.disconnect();
      await db.close();
      await testDatabase.drop();
    },
  };
}

export const staff = { role: "staff", id: "staff-1" } as const;

export function ticketInput(overrides: Partial<Record<string, unknown>> = {}) {
  return {
    title: "关于完善社区养老服务的建议",
    proposerId: "member-1",
    replyMs: 60 * 60_000,
    remindBeforeMs: 10 * 60_000,
    escalateEveryMs: 30 * 60_000,
    ...overrides,
  };
}

/** Polls until `probe` is true (or fails after `timeoutMs`): for things that happen in other processes or later. */
export async function until(probe: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}
