import { requireEncryptionKeys } from "@huiyin/config";
import {
  DEFAULT_COMMITTEE,
  type RolloutMemory,
  resealWebhookSecrets,
  rollOutCalendars,
  startEngineWorkers,
  startWebhookWorker,
  systemClock,
  systemResolver,
  type Workflow,
} from "@huiyin/engine";
import {
  createQueue,
  createRedisConnection,
  type OutboxQueueName,
  outboxJobs,
  queues as queueNames,
  queuesOf,
} from "@huiyin/queue";
import { Counter, engineMetrics, rebuildOnDataLoss, runService, stateMetrics } from "@huiyin/runtime";
import { proposalWorkflow } from "@huiyin/workflow-proposal";
import type { Queue } from "bullmq";

// The proposal binding meets the engine's port structurally (workflows/* import no engine, the engine imports no
// workflow): the fit is checked here, where it is handed to the engine, its optional members included.
const workflow = proposalWorkflow satisfies Required<Workflow>;

/**
 * The worker: fires deadline alarms, applies queued events, relays the outbox, reconciles alarms and delivers
 * webhooks.
 * Run as many as you like; they share the work through Redis and row locks.
 */
runService(
  { name: "worker", redisRole: "worker", healthServer: true },
  async ({ config, logger, database, redis, shutdown, metrics }) => {
    const keyring = requireEncryptionKeys(config);
    // Producers (the relay) fail fast on their own connection; the workers' connection waits for Redis.
    const producer = createRedisConnection(
      { urls: config.REDIS_URL, mode: config.REDIS_MODE, role: "producer", name: "huiyin-worker-producer" },
      (error) => logger.warn({ err: error }, "redis producer connection error"),
    );
    shutdown.add("redis-producer", async () => {
      await producer.quit().catch(() => producer.disconnect());
    });
    const names = queuesOf(outboxJobs);
    const queues = Object.fromEntries(
      names.map((name) => [name, createQueue(name, producer, { prefix: config.QUEUE_PREFIX })]),
    ) as Record<OutboxQueueName, Queue>;
    shutdown.add("queues", async () => {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
    });
    // Registered before the first await, started after the last: a signal that arrives while the engine
    // workers start still finds it registered (so it is closed), and it takes no job once shutdown began.
    const webhooks = startWebhookWorker(
      {
        db: database,
        logger,
        clock: systemClock,
        keyring,
        destinations: { allow: config.WEBHOOK_ALLOWED_DESTINATIONS, resolve: systemResolver() },
      },
      {
        connection: redis,
        prefix: config.QUEUE_PREFIX,
        concurrency: config.WORKER_CONCURRENCY,
        lockDurationMs: config.JOB_LOCK_MS,
        autorun: false,
      },
    );
    let stopping = false;
    shutdown.add("webhook-worker", () => {
      stopping = true;
      return webhooks.close();
    });
    // --- metrics (issue 17): begin ---
    // Transitions and alarms as they happen; the state of PostgreSQL and every queue of the catalog when scraped.
    const observer = engineMetrics(metrics.registry);
    const outboxQueues: Record<string, Queue> = queues;
    const otherQueues = Object.values(queueNames)
      .filter((name) => !(name in outboxQueues))
      .map((name) => createQueue(name, producer, { prefix: config.QUEUE_PREFIX }));
    shutdown.add("observed queues", async () => {
      await Promise.all(otherQueues.map((queue) => queue.close()));
    });
    stateMetrics(metrics.registry, { database, queues: [...Object.values(queues), ...otherQueues] });
    const webhookDeliveries = new Counter({
      name: "huiyin_webhook_deliveries_total",
      help: "Webhook delivery attempts of this process, by status (delivered, failed, and the other outcomes).",
      labelNames: ["status"] as const,
      registers: [metrics.registry],
    });
    webhooks.on("completed", (_job, result: { outcome?: string } | undefined) => {
      if (result?.outcome && result.outcome !== "busy") webhookDeliveries.inc({ status: result.outcome });
    });
    webhooks.on("failed", () => webhookDeliveries.inc({ status: "failed" }));
    // --- metrics (issue 17): end ---
    const workers = await startEngineWorkers(
      { db: database, logger, clock: systemClock, workflow, queues, observer },
      {
        connection: redis,
        prefix: config.QUEUE_PREFIX,
        concurrency: config.WORKER_CONCURRENCY,
        alarmConcurrency: config.ALARM_CONCURRENCY,
        lockDurationMs: config.JOB_LOCK_MS,
        stalledIntervalMs: config.JOB_STALLED_CHECK_MS,
        reconcileEveryMs: config.RECONCILE_EVERY_MS,
      },
    );
    shutdown.add("engine-workers", () => workers.close());
    // As the api does: a worker upgraded or re-keyed first seals what is left in clear or under an old key.
    await resealWebhookSecrets(database, keyring, logger);
    // Redis losing its data (FLUSHALL, a restart without persistence, an empty replica) is seen within a second
    // or two, and every job of the worker's queues is rebuilt from PostgreSQL at once, not at the next reconcile.
    rebuildOnDataLoss({ config, logger, redis, shutdown, metrics }, "worker", () => workers.rebuild());
    metrics.gauge(
      "huiyin_outbox_backlog",
      "Outbox rows not yet relayed to Redis.",
      () => workers.relay.backlog()?.count,
    );
    metrics.gauge(
      "huiyin_outbox_oldest_age_seconds",
      "How long the oldest outbox row not yet relayed has waited (0 without a backlog).",
      () => workers.relay.backlog()?.oldestAgeSeconds,
    );
    // A committee's calendar change (an official year, local days off) reaches every running proposal of that
    // committee through the engine: at start and at every reconcile, for every committee the deployment hosts,
    // whatever a roll-out begun elsewhere left undone is finished.
    const rolledOut = new Map<string, RolloutMemory>();
    const rollOut = async () => {
      try {
        const committees = await database.prisma.committee.findMany({ select: { id: true }, orderBy: { id: "asc" } });
        for (const { id } of committees.length > 0 ? committees : [{ id: DEFAULT_COMMITTEE }]) {
          const memory = rolledOut.get(id) ?? new Map();
          rolledOut.set(id, memory);
          await rollOutCalendars({ db: database, logger, clock: systemClock, workflow }, id, memory);
        }
      } catch (error) {
        logger.error({ err: error }, "calendar roll-out failed; tried again at the next reconcile");
      }
    };
    await rollOut();
    const calendarTimer = setInterval(() => void rollOut(), config.RECONCILE_EVERY_MS);
    calendarTimer.unref();
    shutdown.add("calendar roll-out", async () => clearInterval(calendarTimer));
    if (!stopping)
      void webhooks.run().catch((error: unknown) => logger.error({ err: error }, "webhook worker stopped"));
    logger.info({ queues: names, concurrency: config.WORKER_CONCURRENCY }, "worker running");
  },
);
