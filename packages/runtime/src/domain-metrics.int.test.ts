import { createDatabase, type Database } from "@huiyin/db";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@huiyin/infra-local/testing";
import { createQueue, createRedisConnection, queues, type RedisConnection, whenReady } from "@huiyin/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stateMetrics } from "./domain-metrics.ts";
import { createMetrics } from "./metrics.ts";

/**
 * The state gauges against the real PostgreSQL and Redis: what they read, and that scrapes within the cache's life
 * share one read (a scrape storm costs the database nothing more), while a scrape after it sees the change.
 */
let testDatabase: TestDatabase;
let database: Database;
let redis: TestRedis;
let connection: RedisConnection;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = createDatabase(testDatabase.url, { maxConnections: 2 });
  redis = createTestRedis();
  connection = createRedisConnection(
    { urls: [redis.url], mode: "standalone", role: "producer", name: "metrics-int" },
    () => {},
  );
  await whenReady(connection);
});

afterAll(async () => {
  connection?.disconnect();
  await redis?.cleanup();
  await database?.close();
  await testDatabase?.drop();
});

const deadEmail = (id: string) =>
  database.prisma.notice.create({
    data: {
      id,
      proposalId: "p_metrics",
      kind: "deadline.escalation",
      level: 1,
      recipients: [],
      content: {},
      deliveries: { create: { channel: "email", recipient: "wang", status: "dead", attempts: 8 } },
    },
  });

describe("the state gauges", () => {
  it("read deliveries, dead letters and queue depths, once per cache life", async () => {
    const alarms = createQueue(queues.alarms, connection, { prefix: redis.prefix });
    try {
      await alarms.add("deadline.alarm", { alarmId: "a", proposalId: "p", deadlineId: "d" }, { delay: 60_000 });
      const metrics = createMetrics({ defaults: false });
      stateMetrics(metrics.registry, { database, queues: [alarms], cacheMs: 1_000 });
      await deadEmail("n_1");

      const first = await metrics.render();
      expect(first).toContain('huiyin_dead_letters{channel="email"} 1');
      expect(first).toContain('huiyin_dead_letters{channel="webhook"} 0');
      expect(first).toContain('huiyin_deliveries{channel="email",status="dead"} 1');
      expect(first).toContain('huiyin_queue_jobs{queue="alarms",state="delayed"} 1');
      expect(first).toContain('huiyin_queue_jobs{queue="alarms",state="waiting"} 0');

      // Within the cache's life: the same numbers, though the database changed.
      await deadEmail("n_2");
      expect(await metrics.render()).toContain('huiyin_dead_letters{channel="email"} 1');
      // After it: read again.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(await metrics.render()).toContain('huiyin_dead_letters{channel="email"} 2');
    } finally {
      await alarms.obliterate({ force: true });
      await alarms.close();
    }
  });
});
