import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, type Database } from "@huiyin/db";
import { defaultPolicy } from "@huiyin/domain";
import { freePort, type RedisServer, startRedis } from "@huiyin/infra-local";
import { createTestDatabase, type TestDatabase } from "@huiyin/infra-local/testing";
import { startTestSmtpServer, type TestSmtpServer } from "@huiyin/infra-local/testing/smtp";
import { createLogger } from "@huiyin/logger";
import { queues as queueNames } from "@huiyin/queue";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importLeaders, lateReply } from "./support/late-reply.ts";
import { eventually, type Spawned, serviceEnv, spawnEntry } from "./support/processes.ts";

/**
 * The Redis part of the hardening issue, end to end: the real worker and notifier as processes, a real SMTP server,
 * a webhook receiver, the proposal machine in compressed time (a day lasts 100 ms), and a FLUSHALL while proposals
 * keep coming, alarms are pending and notices, e-mails and webhook deliveries wait in Redis. The periodic reconcile is
 * pushed out of the test's reach (10 minutes), so only the detection of the flush can bring anything back. Afterwards
 * every alarm has rung once, every notice is in its inboxes, every e-mail reached the SMTP server once and every
 * webhook delivery reached the receiver once, each within seconds of its time.
 */
const PROPOSALS_BEFORE = 6;
const PROPOSALS_AFTER = 2;
/** Generous: what is asserted is recovery within seconds, not speed. */
const LATE_BOUND_MS = 15_000;

let testDatabase: TestDatabase;
let redisDir: string;
let redisServer: RedisServer;
let db: Database;
let smtp: TestSmtpServer;
let receiver: Server;
let receiverUrl: string;
const received: { id: string; at: number }[] = [];
const processes: Spawned[] = [];
const prefix = "{flush-e2e}";
const logger = createLogger({ service: "redis-flush-test", level: "silent", format: "json" });

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  db = createDatabase(testDatabase.url, { maxConnections: 4 });
  // A Redis of this file's own: FLUSHALL on the shared one would empty every other test file's queues.
  redisDir = mkdtempSync(path.join(tmpdir(), "huiyin-redis-flush-"));
  redisServer = await startRedis({
    dir: redisDir,
    secretsDir: path.join(redisDir, "secrets"),
    port: await freePort(),
    logFile: path.join(redisDir, "redis.log"),
  });
  smtp = await startTestSmtpServer();
  receiver = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      received.push({ id: String(request.headers["huiyin-delivery"]), at: Date.now() });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  await importLeaders(db);
  await db.prisma.webhookSubscription.create({
    data: {
      id: "wh_flush",
      url: receiverUrl,
      events: ["*"],
      secret: "whsec_flush_test_secret",
      ownerRole: "admin",
      ownerId: "admin-1",
    },
  });
});

afterAll(async () => {
  for (const spawned of processes) if (spawned.child.exitCode === null) spawned.child.kill("SIGKILL");
  await Promise.all(processes.map((spawned) => spawned.exited));
  await new Promise((resolve) => receiver?.close(resolve));
  await smtp?.close();
  await db?.close();
  await redisServer?.stop();
  rmSync(redisDir, { recursive: true, force: true });
  await testDatabase?.drop();
});

async function start(name: "worker" | "notifier"): Promise<Spawned & { healthUrl: string }> {
  const stores = { databaseUrl: testDatabase.url, redisUrl: redisServer.url, prefix };
  const env = await serviceEnv(stores, {
    SMTP_URL: smtp.url,
    NOTIFY_EMAIL_BACKOFF_MS: "500",
    RECONCILE_EVERY_MS: "600000",
    DIGEST_TIME: "23:59",
    DIGEST_TIME_ZONE: "UTC",
    // The receiver is on loopback, which the outbound policy refuses unless a deployment allows it.
    WEBHOOK_ALLOWED_DESTINATIONS: new URL(receiverUrl).host,
  });
  const spawned = spawnEntry(`services/${name}/src/main.ts`, env);
  processes.push(spawned);
  return { ...spawned, healthUrl: `http://127.0.0.1:${env.HEALTH_PORT}` };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("FLUSHALL of Redis under load", () => {
  it("still rings every alarm and delivers every notice, e-mail and webhook once, within seconds", {
    timeout: 120_000,
  }, async () => {
    const policy = { ...defaultPolicy, timeScale: 1 / 864_000 }; // a day lasts 100 ms: a reply is due in ~9 s
    const ready = async (spawned: Spawned & { healthUrl: string }) => {
      await eventually(
        async () => (await fetch(`${spawned.healthUrl}/readyz`)).status === 200,
        30_000,
        () => spawned.output().slice(-2000),
      );
      return spawned;
    };
    // One after the other: a free port is free until a process binds it, so two picked at once can be the same.
    const worker = await ready(await start("worker"));
    const notifier = await ready(await start("notifier"));

    const ids: string[] = [];
    const propose = async (count: number) => {
      for (let index = 0; index < count; index += 1) {
        ids.push(await lateReply({ db, logger }, `关于第${ids.length + 1}条道路加装路灯的建议`, policy));
        await sleep(300);
      }
    };
    await propose(PROPOSALS_BEFORE);

    // Work piles up in Redis: the notice, e-mail and webhook queues are paused (BullMQ keeps the pause in Redis, so
    // the flush lifts it), while the alarms of the later proposals wait in the delayed set.
    const connection = new Redis(redisServer.url, { maxRetriesPerRequest: null });
    const queues = [queueNames.notices, queueNames.noticeEmail, queueNames.webhooks].map(
      (name) => new Queue(name, { connection, prefix }),
    );
    const alarmQueue = new Queue(queueNames.alarms, { connection, prefix });
    const digestQueue = new Queue(queueNames.digests, { connection, prefix });
    try {
      await Promise.all(queues.map((queue) => queue.pause()));
      await propose(1);
      await sleep(500);
      const waiting = await Promise.all(
        queues.map((queue) => queue.getJobCountByTypes("wait", "prioritized", "delayed")),
      );
      const pendingAtFlush = await db.prisma.alarm.count({ where: { proposalId: { in: ids }, status: "pending" } });
      const alarmJobs = await alarmQueue.getDelayedCount();
      const flushedAt = Date.now();
      await connection.flushall();
      // What the flush took away: pending alarms with their jobs, notices and webhook deliveries handed to Redis.
      expect(pendingAtFlush).toBeGreaterThan(0);
      expect(alarmJobs).toBeGreaterThan(0);
      expect(waiting[0]).toBeGreaterThan(0);
      expect(waiting[2]).toBeGreaterThan(0);

      await propose(PROPOSALS_AFTER);
      const unfinished = async () => {
        const [alarms, notices, emails, hooks] = await Promise.all([
          db.prisma.alarm.count({ where: { proposalId: { in: ids }, status: "pending" } }),
          db.prisma.notice.count({ where: { proposalId: { in: ids }, handledAt: null } }),
          db.prisma.noticeDelivery.count({ where: { channel: "email", status: { not: "delivered" } } }),
          db.prisma.webhookDelivery.count({ where: { status: { not: "delivered" } } }),
        ]);
        return alarms + notices + emails + hooks;
      };
      await eventually(
        async () => (await unfinished()) === 0,
        60_000,
        () => `${worker.output().slice(-3000)}\n${notifier.output().slice(-3000)}`,
      );
      // Anything sent twice would have arrived by now.
      await sleep(2_000);

      // Both processes saw the flush within seconds, and rebuilt.
      for (const spawned of [worker, notifier]) {
        expect(spawned.output()).toContain("Redis lost its data: rebuilding every job from PostgreSQL");
        const metrics = await (
          await fetch(`${spawned === worker ? worker.healthUrl : notifier.healthUrl}/metrics`)
        ).text();
        expect(metrics).toContain("huiyin_redis_data_losses_total 1\n");
      }
      expect(await (await fetch(`${worker.healthUrl}/metrics`)).text()).toMatch(/^huiyin_outbox_backlog \d+$/m);
      const detectedAt = Math.min(
        ...[worker, notifier].map((spawned) => lineTime(spawned.output(), "Redis lost its data: rebuilding")),
      );
      expect(detectedAt - flushedAt).toBeLessThan(LATE_BOUND_MS);
      // A notice or delivery held in a paused queue could not go before the flush lifted the pause: its time is then.
      const lateAfter = (done: Date | null, due: Date) =>
        (done?.getTime() ?? Infinity) - Math.max(due.getTime(), flushedAt);
      // The digest's daily schedule is back too.
      expect(await digestQueue.getJobScheduler("daily-digest")).toBeDefined();

      // Every alarm of the reply deadlines rang once (a row, and one history event by its key), within seconds.
      const alarms = await db.prisma.alarm.findMany({ where: { proposalId: { in: ids } } });
      const fired = alarms.filter((alarm) => alarm.status === "fired");
      expect(fired.length).toBeGreaterThanOrEqual(ids.length * 4);
      const history = await db.prisma.proposalEvent.findMany({
        where: { proposalId: { in: ids }, idempotencyKey: { startsWith: "alarm." } },
        select: { idempotencyKey: true },
      });
      const rang = history.map((event) => event.idempotencyKey);
      expect(new Set(rang).size).toBe(rang.length);
      for (const alarm of fired) {
        expect(rang).toContain(`alarm.${alarm.id}`);
        expect((alarm.firedAt?.getTime() ?? Infinity) - alarm.fireAt.getTime()).toBeLessThan(LATE_BOUND_MS);
      }

      // Every notice is in its inboxes, soon after it was written.
      const notices = await db.prisma.notice.findMany({
        where: { proposalId: { in: ids } },
        include: { deliveries: true },
      });
      expect(notices.length).toBeGreaterThan(ids.length);
      for (const notice of notices) {
        expect(notice.handledAt).not.toBeNull();
        const inbox = notice.deliveries.filter((delivery) => delivery.channel === "inbox");
        expect(inbox.length).toBeGreaterThan(0);
        for (const delivery of inbox) {
          expect(lateAfter(delivery.deliveredAt, notice.createdAt)).toBeLessThan(LATE_BOUND_MS);
        }
      }

      // Every e-mail reached the SMTP server exactly once.
      const emails = notices.flatMap((notice) =>
        notice.deliveries.filter((delivery) => delivery.channel === "email").map((delivery) => ({ delivery, notice })),
      );
      expect(emails.length).toBeGreaterThan(0);
      const sent = smtp.messages.filter((message) => message.headers.has("x-huiyin-notice")).map((m) => m.messageId);
      expect(new Set(sent).size).toBe(sent.length);
      expect(sent).toHaveLength(emails.length);
      for (const { delivery, notice } of emails) {
        expect(delivery.status).toBe("delivered");
        expect(sent).toContain(`<${notice.id}.${delivery.recipient.replace("person:", "")}@huiyin>`);
        expect(lateAfter(delivery.deliveredAt, notice.createdAt)).toBeLessThan(LATE_BOUND_MS);
      }

      // Every webhook delivery reached the receiver exactly once.
      const deliveries = await db.prisma.webhookDelivery.findMany();
      expect(deliveries.length).toBeGreaterThan(ids.length);
      const receivedIds = received.map((entry) => entry.id);
      expect(new Set(receivedIds).size).toBe(receivedIds.length);
      expect([...receivedIds].sort()).toEqual(deliveries.map((delivery) => delivery.id).sort());
      for (const delivery of deliveries) {
        expect(lateAfter(delivery.deliveredAt, delivery.createdAt)).toBeLessThan(LATE_BOUND_MS);
      }

      // The figures the README quotes.
      const lateness = (values: number[]) => Math.max(0, ...values);
      console.info(
        JSON.stringify({
          detectedAfterMs: detectedAt - flushedAt,
          pendingAlarmsAtFlush: pendingAtFlush,
          jobsWaitingAtFlush: { notices: waiting[0], emails: waiting[1], webhooks: waiting[2] },
          alarmsMaxLateMs: lateness(fired.map((a) => (a.firedAt?.getTime() ?? 0) - a.fireAt.getTime())),
          webhooksMaxLateMs: lateness(deliveries.map((d) => lateAfter(d.deliveredAt, d.createdAt))),
          emailsMaxLateMs: lateness(
            emails.map(({ delivery, notice }) => lateAfter(delivery.deliveredAt, notice.createdAt)),
          ),
          alarms: fired.length,
          notices: notices.length,
          emails: emails.length,
          webhooks: deliveries.length,
        }),
      );
    } finally {
      await Promise.all([...queues, alarmQueue, digestQueue].map((queue) => queue.close()));
      connection.disconnect();
    }
  });
});

/** The time of the first JSON log line containing `text`. */
function lineTime(output: string, text: string): number {
  const line = output.split("\n").find((entry) => entry.includes(text));
  if (!line) throw new Error(`no log line with ${text}`);
  return new Date((JSON.parse(line) as { time: number | string }).time).getTime();
}
