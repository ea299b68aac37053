import { createTestRedis } from "@huiyin/infra-local/testing";
import { QueueEvents } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { type JobPayload, queues } from "./catalog.ts";
import { checkRedis, createRedisConnection, whenReady } from "./connection.ts";
import { createQueue, createWorker } from "./factory.ts";

const redis = createTestRedis();
const errors: Error[] = [];
const workerConnection = createRedisConnection(
  { urls: [redis.url], mode: "standalone", role: "worker", name: "test-worker" },
  (error) => errors.push(error),
);
const producerConnection = createRedisConnection(
  { urls: [redis.url], mode: "standalone", role: "producer", name: "test-producer" },
  (error) => errors.push(error),
);

afterAll(async () => {
  await redis.cleanup();
  await Promise.all([workerConnection.quit(), producerConnection.quit()]);
});

describe("BullMQ on the embedded Redis", () => {
  it("answers the readiness PING once connected", async () => {
    await whenReady(producerConnection);
    await expect(checkRedis(producerConnection)).resolves.toBeUndefined();
  });

  it("round-trips a job: producer → Redis → worker → result", async () => {
    // The worker of a catalog job (here `webhook.deliver`) takes the job's queue from the catalog.
    type Delivery = JobPayload<"webhook.deliver">;
    const queue = createQueue<Delivery, string>(queues.webhooks, producerConnection, redis);
    // QueueEvents blocks on its connection, so it gets one of its own.
    const eventsConnection = createRedisConnection(
      { urls: [redis.url], mode: "standalone", role: "worker", name: "test-events" },
      (error) => errors.push(error),
    );
    const events = new QueueEvents(queues.webhooks, { connection: eventsConnection, prefix: redis.prefix });
    await events.waitUntilReady();
    const worker = createWorker<"webhook.deliver", string>(
      "webhook.deliver",
      async (job) => `delivered ${job.data.deliveryId}`,
      workerConnection,
      { prefix: redis.prefix },
    );
    try {
      const job = await queue.add("webhook.deliver", { deliveryId: "d-42" }, { jobId: "delivery-1" });
      expect(await job.waitUntilFinished(events, 10_000)).toBe("delivered d-42");
      // The key really lives under this file's prefix, so parallel test files cannot see each other's jobs.
      const keys = await producerConnection.keys(`${redis.prefix}:${queues.webhooks}:*`);
      expect(keys.length).toBeGreaterThan(0);
      // Re-adding the same job id is a no-op: the basis of idempotent relaying.
      await queue.add("webhook.deliver", { deliveryId: "d-0" }, { jobId: "delivery-1" });
      expect((await queue.getJob("delivery-1"))?.data).toEqual({ deliveryId: "d-42" });
      expect(await queue.getJobCountByTypes("completed", "waiting", "delayed", "active")).toBe(1);
    } finally {
      await worker.close();
      await events.close();
      await eventsConnection.quit();
      await queue.close();
    }
    expect(errors).toEqual([]);
  });

  it("keeps a delayed job in Redis until it is due", async () => {
    const queue = createQueue<{ n: number }>("delayed", producerConnection, redis);
    try {
      await queue.add("later", { n: 1 }, { jobId: "later-1", delay: 60_000 });
      expect(await queue.getDelayedCount()).toBe(1);
      await queue.remove("later-1");
      expect(await queue.getDelayedCount()).toBe(0);
    } finally {
      await queue.close();
    }
  });
});
