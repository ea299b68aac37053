import { createTestRedis } from "@huiyin/infra-local/testing";
import { createLogger } from "@huiyin/logger";
import { createRedisConnection } from "@huiyin/queue";
import { afterAll, describe, expect, it } from "vitest";
import { epochKey, type LossReason, watchForDataLoss } from "./redis-data-loss.ts";

const redis = createTestRedis();
const connection = createRedisConnection(
  { urls: [redis.url], mode: "standalone", role: "worker", name: "data-loss-test" },
  () => {},
);
const logger = createLogger({ service: "data-loss-test", level: "silent", format: "json" });

afterAll(async () => {
  await redis.cleanup();
  connection.disconnect();
});

async function until(probe: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`not within 5 s: ${what}`);
}

describe("watching Redis for data loss", () => {
  it("rebuilds once per loss, writes a new epoch, and retries a rebuild that failed", async () => {
    const key = epochKey(redis.prefix);
    const calls: LossReason[] = [];
    let failNext = false;
    const watch = watchForDataLoss({
      redis: connection,
      prefix: redis.prefix,
      logger,
      everyMs: 50,
      onLoss: async (reason) => {
        calls.push(reason);
        if (failNext) {
          failNext = false;
          throw new Error("the database is away");
        }
      },
    });
    try {
      // The first look only writes the epoch: a starting process rebuilds anyway.
      await until(async () => (await connection.get(key)) !== null, "the epoch is written");
      const first = await connection.get(key);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(calls).toEqual([]);

      // The key gone (what FLUSHALL does to it): one rebuild, and a new epoch.
      await connection.del(key);
      await until(() => calls.length === 1, "the loss is seen");
      expect(calls).toEqual(["marker-gone"]);
      await until(async () => ![null, first].includes(await connection.get(key)), "a new epoch is written");

      // Another process wrote a new epoch first: a loss for this one too. Its rebuild fails once and is retried.
      failNext = true;
      await connection.set(key, "written-by-another-process");
      await until(() => calls.length === 3, "the failed rebuild is retried");
      expect(calls).toEqual(["marker-gone", "marker-changed", "marker-changed"]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(calls).toHaveLength(3);
      expect(watch.losses()).toBe(2);
    } finally {
      await watch.close();
    }
  });
});
