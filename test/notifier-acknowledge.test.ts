import { createDatabase, type Database } from "@huiyin/db";
import { days, defaultPolicy, type Policy } from "@huiyin/domain";
import { freePort } from "@huiyin/infra-local";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@huiyin/infra-local/testing";
import { startTestSmtpServer, type TestSmtpServer } from "@huiyin/infra-local/testing/smtp";
import { createLogger } from "@huiyin/logger";
import { createQueue, createRedisConnection, jobId, queues, type RedisConnection } from "@huiyin/queue";
import type { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importLeaders, lateReply } from "./support/late-reply.ts";
import { eventually, type Spawned, spawnEntry } from "./support/processes.ts";

/**
 * Issue 6, "acknowledging stops further escalation; not acknowledging escalates", end to end: the real api,
 * worker and notifier as processes, a real SMTP server, PostgreSQL and Redis, the proposal machine in compressed
 * time. Two replies are late; the unit head gets a level-1 e-mail for each and acknowledges one through the link
 * in it. Then level 2 comes due for both: the acknowledged one is suppressed (no notice, no e-mail) and stays
 * overdue; the other goes to the supervising leader, exactly once.
 *
 * Level 2 is set ten policy years after the due time, so it cannot ring before the acknowledgement whatever the
 * machine's load; the test then brings its alarm forward (its time set to now, its job promoted), which is the clock
 * reaching it.
 */
let testDatabase: TestDatabase;
let redis: TestRedis;
let db: Database;
let smtp: TestSmtpServer;
let producer: RedisConnection;
let alarms: Queue;
const processes: Spawned[] = [];
const logger = createLogger({ service: "acknowledge-e2e", level: "silent", format: "json" });
const linkSecret = "a-link-secret-for-the-acknowledge-e2e-test";

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  redis = createTestRedis();
  db = createDatabase(testDatabase.url, { maxConnections: 4 });
  smtp = await startTestSmtpServer();
  producer = createRedisConnection(
    { urls: [redis.url], mode: "standalone", role: "producer", name: "ack-e2e" },
    () => {},
  );
  alarms = createQueue(queues.alarms, producer, { prefix: redis.prefix });
  await importLeaders(db);
});

afterAll(async () => {
  for (const spawned of processes) if (spawned.child.exitCode === null) spawned.child.kill("SIGKILL");
  await alarms.close();
  producer.disconnect();
  await smtp.close();
  await db.close();
  await redis.cleanup();
  await testDatabase.drop();
});

async function start(name: "api" | "worker" | "notifier", env: Record<string, string>): Promise<Spawned> {
  const spawned = spawnEntry(`services/${name}/src/main.ts`, {
    DATABASE_URL: testDatabase.url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: redis.prefix,
    LOG_FORMAT: "json",
    SMTP_URL: smtp.url,
    NOTIFY_LINK_SECRET: linkSecret,
    NOTIFY_EMAIL_BACKOFF_MS: "200",
    ...env,
  });
  processes.push(spawned);
  return spawned;
}

/** A day lasts 100 ms (the reply is due in ~9 s); level 1 at the due time, level 2 ten policy years later. */
const policy: Policy = {
  ...defaultPolicy,
  timeScale: 1 / 864_000,
  deadlines: {
    ...defaultPolicy.deadlines,
    reply: {
      ...defaultPolicy.deadlines.reply,
      escalations: [
        { level: 1, after: days(0), recipientRole: "unit-head" },
        { level: 2, after: days(3650), recipientRole: "supervising-leader" },
      ],
    },
  },
};

const mailsTo = (email: string) => smtp.messages.filter((message) => JSON.stringify(message.to).includes(email));
/** The alarm of an escalation level of the proposal's reply deadline. */
async function escalationAlarm(proposalId: string, level: number) {
  const { deadlineId } = await db.prisma.deadline.findFirstOrThrow({ where: { proposalId, kind: "reply" } });
  return db.prisma.alarm.findFirstOrThrow({ where: { proposalId, deadlineId, kind: "escalate", level } });
}

describe("an escalation e-mail", () => {
  it("acknowledged through its link stops level 2; the one nobody acknowledges reaches level 2 once", {
    timeout: 180_000,
  }, async () => {
    const acknowledged = await lateReply({ db, logger }, "关于加快老旧小区改造的建议", policy);
    const ignored = await lateReply({ db, logger }, "关于完善城市排水设施的建议", policy);

    const apiPort = await freePort();
    const api = `http://127.0.0.1:${apiPort}`;
    await start("api", { PORT: String(apiPort), HUIYIN_ADMIN_KEY: `admin-${"k".repeat(40)}` });
    await start("worker", { HEALTH_PORT: String(await freePort()) });
    await start("notifier", { HEALTH_PORT: String(await freePort()), PUBLIC_BASE_URL: api });
    const output = () => processes.map((p) => p.output().slice(-2000)).join("\n---\n");

    await eventually(async () => mailsTo("wang@zhujian.example").length === 2, 90_000, output);
    const level1 = await db.prisma.notice.findFirstOrThrow({
      where: { proposalId: acknowledged, kind: "deadline.escalation", level: 1 },
    });
    const mail = mailsTo("wang@zhujian.example").find((m) => m.headers.get("x-huiyin-notice") === level1.id);
    const link = /(http:\/\/\S+\/ack-link\?\S+)/.exec(mail?.text ?? "")?.[1] ?? "";
    expect(link.startsWith(`${api}/v1/notifications/`)).toBe(true);

    // Opening the link (as a person, or a mail scanner) acknowledges nothing; its button does.
    const browser = { accept: "text/html,*/*;q=0.8" };
    const page = await fetch(link, { headers: browser });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    expect((await db.prisma.notice.findUniqueOrThrow({ where: { id: level1.id } })).acknowledgedAt).toBeNull();
    const confirmed = await fetch(link, { method: "POST", headers: browser });
    expect(confirmed.status).toBe(200);
    expect(await db.prisma.notice.findUniqueOrThrow({ where: { id: level1.id } })).toMatchObject({
      acknowledgedBy: "person:wang",
    });

    // The clock reaches level 2 of both deadlines: the alarm's time is now (a job run before its alarm's time is
    // only delayed again), and its job runs.
    for (const proposalId of [acknowledged, ignored]) {
      const alarm = await escalationAlarm(proposalId, 2);
      expect(alarm.status).toBe("pending");
      await db.prisma.alarm.update({ where: { id: alarm.id }, data: { fireAt: new Date() } });
      const job = await alarms.getJob(jobId("deadline.alarm", alarm.id));
      await job?.promote();
    }
    await eventually(
      async () =>
        (await escalationAlarm(acknowledged, 2)).status !== "pending" &&
        (await escalationAlarm(ignored, 2)).status !== "pending" &&
        mailsTo("li@cppcc.example").length >= 1 &&
        (await db.prisma.noticeDelivery.count({ where: { channel: "email", status: { not: "delivered" } } })) === 0,
      60_000,
      output,
    );

    // Acknowledged: level 2 was suppressed, recorded, and nobody was told; the reply is still overdue.
    expect((await escalationAlarm(acknowledged, 2)).status).toBe("suppressed");
    expect(
      await db.prisma.notice.count({ where: { proposalId: acknowledged, kind: "deadline.escalation", level: 2 } }),
    ).toBe(0);
    const dropped = await db.prisma.droppedEvent.findMany({ where: { proposalId: acknowledged } });
    expect(dropped.map((row) => [row.type, row.reason])).toEqual([["deadline.escalate", "ESCALATION_ACKNOWLEDGED"]]);
    const deadline = await db.prisma.deadline.findFirstOrThrow({ where: { proposalId: acknowledged, kind: "reply" } });
    expect(deadline.status).toBe("open");
    const row = await db.prisma.proposal.findUniqueOrThrow({ where: { id: acknowledged } });
    const context = (row.snapshot as { context: { deadlines: { kind: string; overdue: boolean }[] } }).context;
    expect(context.deadlines.find((d) => d.kind === "reply")).toMatchObject({ overdue: true, escalatedLevel: 1 });

    // Not acknowledged: level 2 went to the supervising leader, exactly once.
    expect((await escalationAlarm(ignored, 2)).status).toBe("fired");
    const toLeader = mailsTo("li@cppcc.example");
    expect(toLeader).toHaveLength(1);
    expect(toLeader[0]?.subject).toBe("[huiyin] Escalation (level 2): 关于完善城市排水设施的建议");
    expect(mailsTo("wang@zhujian.example")).toHaveLength(2);
    expect(smtp.messages).toHaveLength(3);
    const level2 = await db.prisma.notice.findMany({ where: { kind: "deadline.escalation", level: 2 } });
    expect(level2.map((notice) => notice.proposalId)).toEqual([ignored]);
  });
});
