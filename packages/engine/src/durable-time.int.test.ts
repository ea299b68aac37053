import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, startRedis } from "@huiyin/infra-local";
import {
  createQueue,
  createRedisConnection,
  jobId,
  type OutboxQueueName,
  outboxJobs,
  queues as queueNames,
  queuesOf,
  whenReady,
} from "@huiyin/queue";
import { UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, staff, startHarness, ticketInput, until } from "../test/harness.ts";
import { reconcileAlarms } from "./alarms.ts";
import { applyEvent } from "./apply.ts";
import { createProposal } from "./create.ts";
import { relayBatch } from "./relay.ts";
import { startEngineWorkers } from "./workers.ts";

/**
 * Deadlines in compressed time (milliseconds instead of months), with the engine's workers running:
 * a ticket left alone produces its reminder, its due notice and both escalation levels, in order and on
 * time; and a Redis that loses everything loses no alarm, because the reconciler rebuilds them from the
 * database.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

/** The tolerance this test promises for an alarm: committed within 1.5 s of its time on a loaded 2-core CI machine. */
const TOLERANCE_MS = 1_500;

describe("a proposal left alone", () => {
  it("gets its reminder, due notice and escalation levels in order, each once and on time", async () => {
    const workers = await startEngineWorkers(h.deps, {
      connection: h.workerConnection,
      prefix: h.redis.prefix,
      relayPollMs: 200,
    });
    try {
      const { proposal } = await createProposal(h.deps, {
        input: ticketInput({ replyMs: 1_200, remindBeforeMs: 600, escalateEveryMs: 500 }),
        actor: staff,
      });
      await applyEvent(h.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: staff });
      await until(
        async () => (await h.db.prisma.notice.count({ where: { proposalId: proposal.id } })) === 4,
        10_000,
        "four notices",
      );

      const notices = await h.db.prisma.notice.findMany({
        where: { proposalId: proposal.id },
        orderBy: { createdAt: "asc" },
      });
      expect(notices.map((notice) => [notice.kind, notice.level])).toEqual([
        ["deadline.reminder", 1],
        ["deadline.due", 0],
        ["deadline.escalation", 1],
        ["deadline.escalation", 2],
      ]);
      const alarms = await h.db.prisma.alarm.findMany({
        where: { proposalId: proposal.id },
        orderBy: { fireAt: "asc" },
      });
      expect(alarms.map((alarm) => alarm.status)).toEqual(["fired", "fired", "fired", "fired"]);
      for (const alarm of alarms) {
        const lateness = (alarm.firedAt?.getTime() ?? Number.POSITIVE_INFINITY) - alarm.fireAt.getTime();
        expect(lateness).toBeGreaterThanOrEqual(0); // never early: the worker checks fire_at
        expect(lateness).toBeLessThan(TOLERANCE_MS);
      }
      // Each alarm became exactly one history entry.
      const timerEvents = await h.db.prisma.proposalEvent.findMany({
        where: { proposalId: proposal.id, type: { startsWith: "deadline." } },
      });
      expect(timerEvents.map((event) => event.idempotencyKey).sort()).toEqual(
        alarms.map((alarm) => `alarm.${alarm.id}`).sort(),
      );
    } finally {
      await workers.close();
    }
  });
});

describe("an alarm job that BullMQ gave up on", () => {
  it("rings after all: the reconciler brings back the failed job of a pending alarm", async () => {
    const { proposal } = await createProposal(h.deps, {
      input: ticketInput({ replyMs: 60_000, remindBeforeMs: 59_000, escalateEveryMs: 60_000 }),
      actor: staff,
    });
    await applyEvent(h.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: staff });
    while ((await relayBatch(h.deps)) > 0) {}
    const first = await h.db.prisma.alarm.findFirstOrThrow({
      where: { proposalId: proposal.id },
      orderBy: { fireAt: "asc" },
    });
    expect(first.kind).toBe("remind");

    // What a process starved past its lock (stalled over the limit) leaves behind: the alarm's job in the
    // failed set, under the id that every re-add would collide with.
    const queue = h.deps.queues.alarms;
    const job = (await queue.getDelayed()).find((candidate) => candidate.data.alarmId === first.id);
    if (!job) throw new Error("the reminder's job is not in the delayed set");
    await job.promote();
    const taker = new Worker(queueNames.alarms, null, { connection: h.workerConnection, prefix: h.redis.prefix });
    try {
      const token = "starved-worker";
      const taken = await taker.getNextJob(token);
      expect(taken?.id).toBe(job.id);
      await taken?.moveToFailed(new UnrecoverableError("job stalled more than allowable limit"), token);
      // What BullMQ's stalled check leaves on a job it fails: its stall count past the limit.
      await h.workerConnection.hset(queue.toKey(job.id ?? ""), "stc", "6");
    } finally {
      await taker.close();
    }
    expect(await queue.getJobState(job.id ?? "")).toBe("failed");

    await reconcileAlarms(h.deps, 1_000, h.workerConnection);
    expect(["waiting", "delayed"]).toContain(await queue.getJobState(job.id ?? ""));
    // A new job, not a retried one: its stalls start from nought, so one more stall does not fail it again.
    expect(await h.workerConnection.hget(queue.toKey(job.id ?? ""), "stc")).toBeNull();

    const workers = await startEngineWorkers(h.deps, {
      connection: h.workerConnection,
      prefix: h.redis.prefix,
      relayPollMs: 200,
    });
    try {
      await until(
        async () => (await h.db.prisma.alarm.findUniqueOrThrow({ where: { id: first.id } })).status === "fired",
        10_000,
        "the reminder fires",
      );
      const notices = await h.db.prisma.notice.findMany({ where: { proposalId: proposal.id } });
      expect(notices.map((notice) => notice.kind)).toEqual(["deadline.reminder"]);
    } finally {
      await workers.close();
    }
  });
});

/** `count` proposals submitted with months-long deadlines (one pending alarm each), their jobs relayed to Redis. */
async function submittedWithPendingAlarms(count: number): Promise<string[]> {
  const proposalIds: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const { proposal } = await createProposal(h.deps, {
      input: ticketInput({ replyMs: 120_000, remindBeforeMs: 60_000, escalateEveryMs: 60_000 }),
      actor: staff,
    });
    await applyEvent(h.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: staff });
    proposalIds.push(proposal.id);
  }
  while ((await relayBatch(h.deps)) > 0) {}
  return proposalIds;
}

describe("a worker starting beside pending alarms", () => {
  it("adds again only the jobs that are gone from Redis", async () => {
    // Two deadlines (one pending alarm each: the chain arms the next level as one rings), one job lost.
    const proposalIds = await submittedWithPendingAlarms(2);
    const alarms = await h.db.prisma.alarm.findMany({
      where: { proposalId: { in: proposalIds } },
      orderBy: { fireAt: "asc" },
    });
    expect(alarms.length).toBeGreaterThan(1);
    const queue = h.deps.queues.alarms;
    const lost = alarms[alarms.length - 1];
    if (!lost) throw new Error("no alarm");
    await queue.remove(jobId("deadline.alarm", lost.id));

    const added: string[] = [];
    const addBulk = queue.addBulk.bind(queue);
    queue.addBulk = async (jobs) => {
      added.push(...jobs.map((job) => String(job.opts?.jobId)));
      return addBulk(jobs);
    };
    try {
      await reconcileAlarms(h.deps, 1_000, h.workerConnection);
    } finally {
      queue.addBulk = addBulk;
    }
    expect(added).toEqual([jobId("deadline.alarm", lost.id)]);
    expect(await queue.getJobState(jobId("deadline.alarm", lost.id))).toBe("delayed");
  });
});

describe("a reconcile pass over several pages", () => {
  it("adds the lost jobs of every page (the next page is read while one is added)", async () => {
    const proposalIds = await submittedWithPendingAlarms(5);
    const alarms = await h.db.prisma.alarm.findMany({ where: { proposalId: { in: proposalIds }, status: "pending" } });
    expect(alarms).toHaveLength(5);
    const queue = h.deps.queues.alarms;
    const lost = alarms.map((alarm) => jobId("deadline.alarm", alarm.id));
    for (const id of lost) await queue.remove(id);

    // Pages of two rows: the pass must go through at least three of them, whatever else is pending.
    const pending = await reconcileAlarms(h.deps, 2, h.workerConnection);
    expect(pending).toBeGreaterThanOrEqual(5);
    for (const id of lost) expect(await queue.getJobState(id)).toBe("delayed");
  });
});

describe("losing Redis", () => {
  let dir: string;
  let redis: Awaited<ReturnType<typeof startRedis>>;

  beforeAll(async () => {
    // A Redis of this test's own, so that FLUSHALL cannot touch the other test files' queues.
    dir = mkdtempSync(path.join(tmpdir(), "huiyin-flush-"));
    redis = await startRedis({
      dir,
      secretsDir: path.join(dir, "secrets"),
      port: await freePort(),
      logFile: path.join(dir, "redis.log"),
    });
  });

  afterAll(async () => {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("FLUSHALL while deadlines are pending: the reconciler re-creates every alarm and each still fires", async () => {
    const prefix = "{flush}";
    const producer = createRedisConnection(
      { urls: [redis.url], mode: "standalone", role: "producer", name: "flush" },
      () => {},
    );
    const workerConnection = createRedisConnection(
      { urls: [redis.url], mode: "standalone", role: "worker", name: "flush" },
      () => {},
    );
    await whenReady(producer);
    const queues = Object.fromEntries(
      queuesOf(outboxJobs).map((name) => [name, createQueue(name, producer, { prefix })]),
    ) as Record<OutboxQueueName, ReturnType<typeof createQueue>>;
    const deps = { ...h.deps, queues };
    try {
      const ids: string[] = [];
      for (let index = 0; index < 3; index += 1) {
        const { proposal } = await createProposal(deps, {
          input: ticketInput({ replyMs: 2_500, remindBeforeMs: 1_000, escalateEveryMs: 400 }),
          actor: staff,
        });
        await applyEvent(deps, { proposalId: proposal.id, event: { type: "submit" }, actor: staff });
        ids.push(proposal.id);
      }
      while ((await relayBatch(deps)) > 0) {}
      // One alarm job per pending deadline (issue 18): each level arms the next as it rings.
      expect(await queues.alarms.getDelayedCount()).toBe(3);

      const admin = new Redis(redis.url);
      await admin.flushall();
      await admin.quit();
      expect(await queues.alarms.getDelayedCount()).toBe(0);

      // A worker starting up reconciles first: the database says which alarms are pending.
      const workers = await startEngineWorkers(deps, { connection: workerConnection, prefix, relayPollMs: 200 });
      try {
        await until(
          async () => (await h.db.prisma.notice.count({ where: { proposalId: { in: ids } } })) === 12,
          15_000,
          "twelve notices after the flush",
        );
        const alarms = await h.db.prisma.alarm.findMany({ where: { proposalId: { in: ids } } });
        expect(alarms).toHaveLength(12);
        expect(alarms.every((alarm) => alarm.status === "fired")).toBe(true);
      } finally {
        await workers.close();
      }
    } finally {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
      producer.disconnect();
      workerConnection.disconnect();
    }
  });
});
