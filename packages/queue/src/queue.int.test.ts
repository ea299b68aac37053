import { createTestRedis } from "@huiyin/infra-local/testing";
import { QueueEvents } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
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
    const queue = createQueue<{ a: number; b: number }, number>("roundtrip", producerConnection, redis);
    // QueueEvents blocks on its connection, so it gets one of its own.
    const eventsConnection = createRedisConnection(
      { urls: [redis.url], mode: "standalone", role: "worker", name: "test-events" },
      (error) => errors.push(error),
    );
    const events = new QueueEvents("roundtrip", { connection: eventsConnection, prefix: redis.prefix });
    await events.waitUntilReady();
    const worker = createWorker<{ a: number; b: number }, number>(
      "roundtrip",
      async (job) => job.data.a + job.data.b,
      workerConnection,
      { prefix: redis.prefix },
    );
    try {
      const job = await queue.add("sum", { a: 2, b: 40 }, { jobId: "sum-1" });
      expect(await job.waitUntilFinished(events, 10_000)).toBe(42);
      // The key really lives under this file's prefix, so parallel test files cannot see each other's jobs.
      const keys = await producerConnection.keys(`${redis.prefix}:roundtrip:*`);
      expect(keys.length).toBeGreaterThan(0);
      // Re-adding the same job id is a no-op: the basis of idempotent relaying.
      await queue.add("sum", { a: 0, b: 0 }, { jobId: "sum-1" });
      expect((await queue.getJob("sum-1"))?.data).toEqual({ a: 2, b: 40 });
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
