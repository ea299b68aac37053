/**
 * The engine's workers in a process of their own, on the ticket workflow, for tests that kill it with
 * SIGKILL. Short job locks so that a killed worker's jobs are taken over within seconds.
 */
import { createDatabase } from "@huiyin/db";
import { createLogger } from "@huiyin/logger";
import { createQueue, createRedisConnection, type OutboxQueueName, outboxJobs, queuesOf } from "@huiyin/queue";
import type { Queue } from "bullmq";
import { systemClock } from "../src/clock.ts";
import { startEngineWorkers } from "../src/workers.ts";
import { ticketWorkflow } from "./ticket-workflow.ts";

const { DATABASE_URL, REDIS_URL, QUEUE_PREFIX } = process.env;
if (!DATABASE_URL || !REDIS_URL || !QUEUE_PREFIX)
  throw new Error("DATABASE_URL, REDIS_URL and QUEUE_PREFIX are needed");

const logger = createLogger({ service: "test-worker", level: "info", format: "json" });
const db = createDatabase(DATABASE_URL, { maxConnections: 10 });
const producer = createRedisConnection({ urls: [REDIS_URL], mode: "standalone", role: "worker", name: "tw" }, () => {});
const connection = createRedisConnection(
  { urls: [REDIS_URL], mode: "standalone", role: "worker", name: "tw" },
  () => {},
);
const queues = Object.fromEntries(
  queuesOf(outboxJobs).map((name) => [name, createQueue(name, producer, { prefix: QUEUE_PREFIX })]),
) as Record<OutboxQueueName, Queue>;
await startEngineWorkers(
  { db, logger, clock: systemClock, workflow: ticketWorkflow, queues },
  {
    connection,
    prefix: QUEUE_PREFIX,
    concurrency: 4,
    lockDurationMs: 2_000,
    stalledIntervalMs: 1_000,
    relayPollMs: 200,
  },
);
logger.info("test worker ready");
