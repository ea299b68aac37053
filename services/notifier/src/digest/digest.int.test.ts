import type { Database } from "@huiyin/db";
import type { TestRedis } from "@huiyin/infra-local/testing";
import type { TestSmtpServer } from "@huiyin/infra-local/testing/smtp";
import { createLogger } from "@huiyin/logger";
import { type DigestTime, latestSlot, nextSlot, parseDigestTime } from "@huiyin/notify";
import { createQueue, queues as queueNames, type RedisConnection } from "@huiyin/queue";
import type { Transporter } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NotifierTestbed, seedProposalWithDeadline, startNotifierTestbed } from "../../test/testbed.ts";
import { importDirectory } from "../directory.ts";
import type { EmailSettings } from "../email.ts";
import { dateColumn, runDigest } from "./run.ts";
import { DIGEST_SCHEDULER_ID, scheduleDigests } from "./schedule.ts";
import { createDigestService } from "./start.ts";

/** The daily digest against real PostgreSQL, Redis (BullMQ scheduler, runs, e-mail jobs) and a real SMTP server. */
let bed: NotifierTestbed;
let database: Database;
let redis: TestRedis;
let connection: RedisConnection;
let smtp: TestSmtpServer;
let transport: Transporter;
const logger = createLogger({ service: "notifier-digest-test", level: "silent", format: "json" });
const settings: EmailSettings = {
  from: "政协提案委员会 <tian@example.gov.cn>",
  publicBaseUrl: "https://huiyin.example",
  attempts: 3,
  backoffMs: 50,
};
const timeZone = "Asia/Shanghai";
const day = 86_400_000;
const started = new Date();
/** An hour before the test began, in Beijing: today's digest time has passed, tomorrow's is far. */
const time: DigestTime = parseDigestTime(
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(started.getTime() - 3_600_000),
  ),
);
const digest = { time, timeZone };
/** The day the runs of this test are for. */
const date = latestSlot(started, time, timeZone).date;

beforeAll(async () => {
  bed = await startNotifierTestbed("notifier-digest-test");
  ({ database, redis, connection, smtp, transport } = bed);
  await importDirectory(database, {
    people: [
      { id: "wang", name: "王局长", email: "wang@zhujian.example", language: "zh-CN" },
      { id: "li", name: "Li Ming", email: "li@cppcc.example", language: "en" },
      // A leader who reads the digest in the inbox only: the row is kept, nothing is mailed.
      { id: "zhao", name: "赵主任", email: "zhao@cppcc.example", channels: { digest: ["inbox"] } },
      { id: "sun", name: "孙局长", email: "sun@jiaoyu.example" },
    ],
    units: [
      { id: "u-1", name: "市住建局", headPersonId: "wang", supervisorLeaderId: "leader-9" },
      { id: "u-2", name: "市教育局", headPersonId: "sun", supervisorLeaderId: "leader-9" },
    ],
    roles: [
      { role: "leader", scope: "leader-9", personId: "li" },
      { role: "leader", scope: "leader-key", personId: "zhao" },
    ],
  });
  await proposal("p_dg_late", "关于加强社区居家养老服务的建议", "u-1", -3 * day);
  await proposal("p_dg_soon", "关于改善老旧小区停车的建议", "u-1", 2 * day + 3_600_000);
  await proposal("p_dg_far", "关于远期规划的建议", "u-1", 20 * day);
  await proposal("p_dg_key", "关于职业教育的重点提案", "u-2", -1 * day - 3_600_000, "leader-key");
  await database.prisma.notice.create({
    data: {
      id: "p_dg_late.12.0",
      proposalId: "p_dg_late",
      deadlineId: "dl-reply",
      kind: "deadline.escalation",
      level: 2,
      recipients: [{ role: "supervising-leader" }],
      content: { topic: "deadline.escalation", level: 2 },
      // Since the day before's digest and before today's: this digest's news.
      createdAt: new Date(latestSlot(started, time, timeZone).at.getTime() - 2 * 3_600_000),
    },
  });
});

afterAll(() => bed.close());

const proposal = (id: string, title: string, unitId: string, dueInMs: number, leaderId?: string) =>
  seedProposalWithDeadline(database, {
    id,
    title,
    unitId,
    dueAt: new Date(started.getTime() + dueInMs),
    deadlineId: "dl-reply",
    ...(leaderId ? { leaderId } : {}),
  });

const digestsOfTheDay = () =>
  database.prisma.digest.findMany({ where: { digestDate: dateColumn(date) }, orderBy: { personId: "asc" } });
const to = (address: string) => bed.to(address);

/** Polls until `done` holds (the jobs run in BullMQ workers of this process). */
async function until(done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Until no job of the digest queues waits, runs or is delayed. */
async function settled(): Promise<void> {
  const queues = [queueNames.digests, queueNames.digestEmail].map((name) =>
    createQueue(name, connection, { prefix: redis.prefix }),
  );
  try {
    await until(async () => {
      const counts = await Promise.all(queues.map((queue) => queue.getJobCounts("wait", "active", "delayed")));
      const [runs, emails] = counts;
      // The scheduler always keeps tomorrow's run delayed: one delayed run is the quiet state.
      return (
        (runs?.wait ?? 0) + (runs?.active ?? 0) === 0 &&
        (runs?.delayed ?? 0) <= 1 &&
        (emails?.wait ?? 0) + (emails?.active ?? 0) + (emails?.delayed ?? 0) === 0
      );
    });
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
}

const service = () =>
  createDigestService({
    database,
    logger,
    redis: connection,
    prefix: redis.prefix,
    digest,
    email: { mailer: transport, settings },
  });

describe("the daily digest", () => {
  it("e-mails each unit head and leader their digest in their language, once, and keeps the inbox-only one", async () => {
    const notifier = service();
    await notifier.start();
    const runs = createQueue(queueNames.digests, connection, { prefix: redis.prefix });
    try {
      // A run of today's digest, as the scheduler's job is (the catch-up at start may have added one too).
      await runs.add("digest.run", {}, { jobId: "test-run-1" });
      await until(async () => {
        const rows = await digestsOfTheDay();
        return rows.length === 4 && rows.every((row) => row.status === "delivered" || row.status === "stored");
      });
      await settled();
    } finally {
      await runs.close();
      await notifier.close();
    }
    const rows = await digestsOfTheDay();
    expect(rows.map((row) => [row.personId, row.status, row.attempts])).toEqual([
      ["li", "delivered", 1],
      ["sun", "delivered", 1],
      ["wang", "delivered", 1],
      ["zhao", "stored", 0],
    ]);
    expect(to("zhao@cppcc.example")).toEqual([]);
    // The head of u-2 hears of the key proposal's late reply of his unit; nothing of u-1's.
    const [head, ...moreHead] = to("sun@jiaoyu.example");
    expect(moreHead).toEqual([]);
    expect(head?.subject).toBe(`【回音】每日摘要 ${date}：逾期 1 项，七日内到期 0 项，督办 0 项`);
    expect(head?.text).toMatch(
      /- 关于职业教育的重点提案 \(p_dg_key\)\n {2}答复期限 · 市教育局 · 截止 .* · 已逾期 1 天\n/,
    );
    expect(head?.text).not.toContain("p_dg_late");

    const [chinese, ...moreChinese] = to("wang@zhujian.example");
    expect(moreChinese).toEqual([]);
    expect(chinese?.subject).toBe(`【回音】每日摘要 ${date}：逾期 1 项，七日内到期 1 项，督办 1 项`);
    expect(chinese?.text).toContain("王局长，您好：");
    expect(chinese?.text).toContain(
      "已逾期 (1)\n- 关于加强社区居家养老服务的建议 (p_dg_late)\n  答复期限 · 市住建局 · 截止",
    );
    expect(chinese?.text).toMatch(/ · 已逾期 3 天\n {2}https:\/\/huiyin\.example\/console\/proposals\/p_dg_late\n/);
    expect(chinese?.text).toMatch(/七日内到期 \(1\)\n- 关于改善老旧小区停车的建议 \(p_dg_soon\)\n.* · 还有 2 天\n/);
    expect(chinese?.text).toContain("第2级督办");
    expect(chinese?.text).not.toContain("p_dg_far");
    expect(chinese?.html).toContain('<html lang="zh-CN">');
    expect(chinese?.messageId).toBe(`<digest.${date}.wang@huiyin>`);
    expect(chinese?.headers.get("x-huiyin-digest")).toBe(date);

    const [english, ...moreEnglish] = to("li@cppcc.example");
    expect(moreEnglish).toEqual([]);
    expect(english?.subject).toBe(`[huiyin] Daily digest ${date}: 1 overdue, 1 due within 7 days, 1 escalated`);
    expect(english?.text).toContain("Dear Li Ming,");
    expect(english?.text).toMatch(/Overdue \(1\)\n- 关于加强社区居家养老服务的建议 \(p_dg_late\)\n.* · 3 days late\n/);
    expect(english?.text).toMatch(/Due within 7 days \(1\)\n- .*\(p_dg_soon\)\n.* · in 2 days\n/);
    expect(english?.text).toContain("escalation level 2");
    expect(english?.text).toContain("not acknowledged");
    expect(english?.text).toContain("https://huiyin.example/console/proposals/p_dg_soon");
    // p_dg_key has a leader of its own: it is in zhao's digest, not in that of u-2's supervisor.
    expect(english?.text).not.toContain("p_dg_key");
  });

  it("sends nothing twice when the day's digest runs again, even with new news since", async () => {
    const before = smtp.messages.length;
    const contentBefore = (await digestsOfTheDay()).map((row) => row.content);
    await proposal("p_dg_new", "新近逾期的提案", "u-1", -2 * day);
    const notifier = service();
    await notifier.start(); // a restart: the schedule again, and the catch-up of today when its time has passed
    try {
      const again = await runDigest(
        { database, logger, digest, emails: undefined },
        new Date(latestSlot(started, time, timeZone).at.getTime() + 60_000),
      );
      expect([again.date, again.reserved]).toEqual([date, 0]);
      const runs = createQueue(queueNames.digests, connection, { prefix: redis.prefix });
      await runs.add("digest.run", {}, { jobId: "test-run-2" });
      await runs.close();
      await settled();
    } finally {
      await notifier.close();
    }
    expect(smtp.messages.length).toBe(before);
    const rows = await digestsOfTheDay();
    expect(rows.map((row) => row.content)).toEqual(contentBefore);
    expect(rows.map((row) => [row.status, row.attempts])).toEqual([
      ["delivered", 1],
      ["delivered", 1],
      ["delivered", 1],
      ["stored", 0],
    ]);
  });

  it("keeps one scheduler however often notifiers start, due at the next digest time in the zone", async () => {
    const queue = createQueue(queueNames.digests, connection, { prefix: redis.prefix });
    try {
      const now = new Date();
      for (let start = 0; start < 3; start += 1) await scheduleDigests(queue, digest, logger, now);
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((scheduler) => [scheduler.key, scheduler.pattern, scheduler.tz])).toEqual([
        [DIGEST_SCHEDULER_ID, `${time.minute} ${time.hour} * * *`, timeZone],
      ]);
      const next = nextSlot(now, time, timeZone).at.getTime();
      expect(schedulers[0]?.next).toBe(next);
      // The scheduler's delayed job says when it is for, as the run reads it (`firedAtOf`).
      const delayed = (await queue.getDelayed()).filter((job) => job.repeatJobKey === DIGEST_SCHEDULER_ID);
      expect(delayed.map((job) => job.timestamp + job.delay)).toEqual([next]);
      // The catch-up at start: today's digest when its time has passed, none before it.
      const eight = { time: parseDigestTime("08:00"), timeZone };
      await scheduleDigests(queue, eight, logger, new Date("2026-03-01T23:30:00Z")); // 07:30 on 2 March in Beijing
      expect(await queue.getJob("digest-catch-up-2026-03-02")).toBeUndefined();
      await scheduleDigests(queue, eight, logger, new Date("2026-03-02T01:00:00Z")); // 09:00
      expect(await queue.getJob("digest-catch-up-2026-03-02")).toBeDefined();
      // Turning the digest off removes the schedule.
      await scheduleDigests(queue, undefined, logger);
      expect(await queue.getJobSchedulers()).toEqual([]);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});
