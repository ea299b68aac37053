import { createDatabase, type Database } from "@huiyin/db";
import { defaultPolicy } from "@huiyin/domain";
import { alarmsOf, applyEvent, createProposal, type DeadlineSchedule, systemClock } from "@huiyin/engine";
import { freePort } from "@huiyin/infra-local";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@huiyin/infra-local/testing";
import { createLogger } from "@huiyin/logger";
import { proposalWorkflow } from "@huiyin/workflow-proposal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type Spawned, spawnEntry } from "./support/processes.ts";

/**
 * The real worker and notifier services as processes, the real proposal machine in compressed time:
 * kill -9 of the worker while alarms are firing, then a new worker. Every reminder and escalation is
 * still applied once and lands in the notifier's inbox once.
 */
let testDatabase: TestDatabase;
let redis: TestRedis;
let db: Database;
const processes: Spawned[] = [];
const logger = createLogger({ service: "durability-test", level: "silent", format: "json" });

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  redis = createTestRedis();
  db = createDatabase(testDatabase.url, { maxConnections: 4 });
});

afterAll(async () => {
  for (const spawned of processes) if (spawned.child.exitCode === null) spawned.child.kill("SIGKILL");
  await db.close();
  await redis.cleanup();
  await testDatabase.drop();
});

async function start(name: "worker" | "notifier"): Promise<Spawned> {
  const spawned = spawnEntry(`services/${name}/src/main.ts`, {
    DATABASE_URL: testDatabase.url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: redis.prefix,
    HEALTH_PORT: String(await freePort()),
    LOG_FORMAT: "json",
    JOB_LOCK_MS: "2000",
    JOB_STALLED_CHECK_MS: "1000",
  });
  processes.push(spawned);
  return spawned;
}

describe("kill -9 of one of two workers while deadlines fire", () => {
  it("loses no reminder or escalation and delivers each to the inbox exactly once", { timeout: 180_000 }, async () => {
    const engine = { db, logger, clock: systemClock, workflow: proposalWorkflow };
    const policy = { ...defaultPolicy, timeScale: 1 / 864_000 }; // a day lasts 100 ms
    const ids: string[] = [];
    for (let index = 0; index < 10; index += 1) {
      const { proposal } = await createProposal(engine, {
        input: {
          content: {
            title: `关于第${index + 1}个社区增设充电桩的建议`,
            reasons: "需求大。",
            suggestions: ["增设"],
            category: "urban",
          },
          proposers: [{ id: "member-1" }],
          policy,
        },
        actor: { role: "proposer", id: "member-1" },
      });
      await applyEvent(engine, {
        proposalId: proposal.id,
        event: { type: "submit" },
        actor: { role: "proposer", id: "member-1" },
      });
      ids.push(proposal.id);
    }
    // Every alarm the deadlines plan (one pending at a time since issue 18: each level arms the next as it rings).
    const deadlines = await db.prisma.deadline.findMany({ where: { proposalId: { in: ids } } });
    const alarmCount = deadlines.reduce(
      (sum, deadline) => sum + alarmsOf(deadline.proposalId, deadline.definition as DeadlineSchedule).length,
      0,
    );
    expect(alarmCount).toBe(40);
    const fired = () => db.prisma.alarm.count({ where: { proposalId: { in: ids }, status: "fired" } });

    await start("notifier");
    // Two workers share the work from the start (N processes); one of them is then killed.
    const first = await start("worker");
    const companion = await start("worker");
    await eventually(async () => (await fired()) > 0, 30_000, first.output);
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe(137);
    expect(await fired()).toBeLessThan(alarmCount);

    const second = await start("worker");
    await eventually(
      async () => (await fired()) === alarmCount,
      60_000,
      () => `${second.output().slice(-3000)}`,
    );

    expect(companion.child.exitCode).toBeNull();
    // One history entry per alarm: none lost, none doubled.
    const timerEvents = await db.prisma.proposalEvent.groupBy({
      by: ["idempotencyKey"],
      where: { proposalId: { in: ids }, type: { startsWith: "deadline." } },
      _count: { _all: true },
    });
    expect(timerEvents).toHaveLength(alarmCount);
    expect(timerEvents.every((group) => group._count._all === 1)).toBe(true);

    // Every notice reaches the inbox, once per recipient.
    const notices = await db.prisma.notice.findMany({ where: { proposalId: { in: ids } }, select: { id: true } });
    expect(notices.length).toBeGreaterThanOrEqual(30);
    await eventually(
      async () =>
        (
          await db.prisma.noticeDelivery.groupBy({
            by: ["noticeId"],
            where: { noticeId: { in: notices.map((n) => n.id) } },
          })
        ).length === notices.length,
      30_000,
      () => "not every notice was delivered",
    );
    const deliveries = await db.prisma.noticeDelivery.groupBy({
      by: ["noticeId", "channel", "recipient"],
      where: { noticeId: { in: notices.map((notice) => notice.id) } },
      _count: { _all: true },
    });
    expect(deliveries.every((group) => group._count._all === 1)).toBe(true);
  });
});
