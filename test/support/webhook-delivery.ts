import type { WebhookDelivery as DeliveryRow } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import {
  createQueue,
  createRedisConnection,
  type OutboxQueueName,
  outboxJobs,
  queuesOf,
  type RedisConnection,
} from "@huiyin/queue";
import type { Queue, Worker } from "bullmq";
import {
  type DestinationPolicy,
  relayBatch,
  startWebhookWorker,
  systemClock,
} from "../../packages/engine/src/index.ts";
import { type ApiHarness, testKeyring } from "./api.ts";

/** What the worker process does for webhooks, in the test's process: the real relay and the real `webhooks` worker. */
export interface WebhookDelivery {
  /**
   * Relays every unsent outbox row, then waits until the deliveries `where` selects are settled (none pending or
   * retrying), and answers them.
   */
  deliverAll(where?: { subscriptionId?: string }): Promise<DeliveryRow[]>;
  close(): Promise<void>;
}

export function startWebhookDelivery(
  api: ApiHarness,
  options: { name: string; logger: Logger; destinations: DestinationPolicy; retryDelaysMs?: number[] },
): WebhookDelivery {
  const connection = (role: "producer" | "worker", name: string): RedisConnection =>
    createRedisConnection({ urls: [api.redis.url], mode: "standalone", role, name }, () => {});
  const producer = connection("producer", options.name);
  const workerConnection = connection("worker", `${options.name}-worker`);
  const relayQueues = Object.fromEntries(
    queuesOf(outboxJobs).map((name) => [name, createQueue(name, producer, { prefix: api.redis.prefix })]),
  ) as Record<OutboxQueueName, Queue>;
  const worker: Worker = startWebhookWorker(
    {
      db: api.database,
      logger: options.logger,
      clock: systemClock,
      timeoutMs: 5_000,
      destinations: options.destinations,
      keyring: testKeyring,
      ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
    },
    { connection: workerConnection, prefix: api.redis.prefix, concurrency: 4 },
  );
  return {
    async deliverAll(where = {}) {
      const relay = { db: api.database, queues: relayQueues, logger: options.logger, clock: systemClock };
      while ((await relayBatch(relay)) > 0) {}
      const deadline = Date.now() + 20_000;
      for (;;) {
        const open = await api.database.prisma.webhookDelivery.count({
          where: { ...where, status: { in: ["pending", "retrying"] } },
        });
        if (open === 0) return api.database.prisma.webhookDelivery.findMany({ where });
        if (Date.now() > deadline) throw new Error(`deliveries not settled: ${JSON.stringify(where)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      await worker.close();
      await Promise.all(Object.values(relayQueues).map((queue) => queue.close()));
      producer.disconnect();
      workerConnection.disconnect();
    },
  };
}
