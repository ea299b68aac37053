import type { Database } from "@huiyin/db";
import { createLogger } from "@huiyin/logger";
import { createQueue, jobId, queues as queueNames } from "@huiyin/queue";
import { type Queue, UnrecoverableError, Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NotifierTestbed, seedProposalWithDeadline, startNotifierTestbed } from "../test/testbed.ts";
import { type DigestEmailJob, dateColumn, digestEmailJob } from "./digest/run.ts";
import { importDirectory } from "./directory.ts";
import { type EmailJob, type EmailSettings, enqueueEmails, planEmails } from "./email.ts";
import { reconcileDeliveries } from "./reconcile.ts";

/**
 * Jobs BullMQ fails on its own, without the processor's failure path running: what a notifier starved past its
 * lock more often than `maxStalledCount` allows leaves behind. Reproduced by taking the job with a bare worker
 * and failing it as BullMQ's stalled-job check does.
 */
let bed: NotifierTestbed;
let database: Database;
let emails: Queue<EmailJob>;
let notices: Queue;
const logger = createLogger({ service: "notifier-reconcile-test", level: "silent", format: "json" });
const settings: EmailSettings = { from: "huiyin <h@example>", publicBaseUrl: "http://h", attempts: 3, backoffMs: 50 };

beforeAll(async () => {
  bed = await startNotifierTestbed("notifier-reconcile-test");
  database = bed.database;
  const queueSettings = { prefix: bed.redis.prefix };
  emails = createQueue<EmailJob>(queueNames.noticeEmail, bed.connection, queueSettings);
  notices = createQueue(queueNames.notices, bed.connection, queueSettings);
  await importDirectory(database, {
    people: [{ id: "wang", name: "王局长", email: "wang@zhujian.example" }],
    units: [{ id: "u-1", name: "市住建局", headPersonId: "wang" }],
  });
});

afterAll(async () => {
  await emails.close();
  await notices.close();
  await bed.close();
});

/** An escalation to the head of u-1 about a late reply, in a proposal of its own. */
async function escalation(proposalId: string): Promise<string> {
  await seedProposalWithDeadline(database, {
    id: proposalId,
    title: "关于加强社区居家养老服务的建议",
    unitId: "u-1",
    dueAt: new Date(Date.now() - 86_400_000),
    deadlineId: "dl-reply",
  });
  const id = `${proposalId}.11.0`;
  await database.prisma.notice.create({
    data: {
      id,
      proposalId,
      deadlineId: "dl-reply",
      kind: "deadline.escalation",
      level: 1,
      recipients: [{ role: "unit-head", unitId: "u-1" }],
      content: { topic: "deadline.escalation", level: 1 },
    },
  });
  return id;
}

/** Takes the next job of a queue as a process that then starves, and fails it the way BullMQ's stalled check does. */
async function failAsStalled(queueName: string, expectedJobId: string, beforeFailing?: () => Promise<unknown>) {
  const taker = new Worker(queueName, null, { connection: bed.connection, prefix: bed.redis.prefix });
  try {
    const token = "starved-notifier";
    const taken = await taker.getNextJob(token);
    expect(taken?.id).toBe(expectedJobId);
    await beforeFailing?.();
    await taken?.moveToFailed(new UnrecoverableError("job stalled more than allowable limit"), token);
    // What BullMQ's stalled check leaves on a job it fails: its stall count past the limit.
    await bed.connection.hset(`${bed.redis.prefix}:${queueName}:${expectedJobId}`, "stc", "6");
  } finally {
    await taker.close();
  }
}

const emailRow = (noticeId: string) =>
  database.prisma.noticeDelivery.findUniqueOrThrow({
    where: { noticeId_channel_recipient: { noticeId, channel: "email", recipient: "person:wang" } },
  });

describe("an e-mail job that BullMQ gave up on", () => {
  it("leaves its delivery dead, in the dead letters, not sending for ever", async () => {
    const noticeId = await escalation("p-stalled-mail");
    await enqueueEmails(emails, await planEmails(database, noticeId, logger), settings);
    const emailJobId = `email-${noticeId}-wang`;
    // The process had claimed the row (as `sendTracked` does) when it starved: the row says `sending`.
    await failAsStalled(queueNames.noticeEmail, emailJobId, () =>
      database.prisma.noticeDelivery.updateMany({
        where: { noticeId, channel: "email" },
        data: { status: "sending", attempts: { increment: 1 } },
      }),
    );
    expect(await emails.getJobState(emailJobId)).toBe("failed");
    expect((await emailRow(noticeId)).status).toBe("sending");

    const result = await reconcileDeliveries({ database, logger, queues: { notices, emails } });
    expect(result.deadEmails).toBe(1);
    const row = await emailRow(noticeId);
    expect(row).toMatchObject({ status: "dead", attempts: 1 });
    expect(row.lastError).toContain("job stalled more than allowable limit");
    const deadLetters = await database.prisma.noticeDelivery.findMany({ where: { status: "dead" } });
    expect(deadLetters.map((delivery) => delivery.noticeId)).toContain(noticeId);

    // Once final, the row is left alone: another pass changes nothing.
    expect((await reconcileDeliveries({ database, logger, queues: { notices, emails } })).deadEmails).toBe(0);
    expect(await emailRow(noticeId)).toEqual(row);
  });

  it("leaves a delivered e-mail delivered", async () => {
    const noticeId = await escalation("p-stalled-after-send");
    await enqueueEmails(emails, await planEmails(database, noticeId, logger), settings);
    // Sent and recorded, then the process starved before BullMQ heard of it.
    await failAsStalled(queueNames.noticeEmail, `email-${noticeId}-wang`, () =>
      database.prisma.noticeDelivery.updateMany({
        where: { noticeId, channel: "email" },
        data: { status: "delivered", attempts: 1, deliveredAt: new Date() },
      }),
    );
    await reconcileDeliveries({ database, logger, queues: { notices, emails } });
    expect((await emailRow(noticeId)).status).toBe("delivered");
  });
});

describe("a digest e-mail job that BullMQ gave up on", () => {
  it("leaves its digest row dead, not retrying for ever", async () => {
    const digestEmails = createQueue<DigestEmailJob>(queueNames.digestEmail, bed.connection, {
      prefix: bed.redis.prefix,
    });
    try {
      const job = { personId: "wang", date: "2026-11-30" };
      const key = { personId: "wang", digestDate: dateColumn(job.date) };
      // Its last attempt but one failed (the row says `retrying`); the last one was lost to a starved process.
      await database.prisma.digest.create({
        data: { ...key, content: {}, status: "retrying", attempts: 2, lastError: "421 try later" },
      });
      const { name, data, opts } = digestEmailJob(job, settings);
      await digestEmails.add(name, data, opts);
      await failAsStalled(queueNames.digestEmail, String(opts.jobId));

      const result = await reconcileDeliveries({ database, logger, queues: { notices, emails, digestEmails } });
      expect(result.deadDigests).toBe(1);
      const row = await database.prisma.digest.findUniqueOrThrow({ where: { personId_digestDate: key } });
      expect(row).toMatchObject({ status: "dead", attempts: 2 });
      expect(row.lastError).toContain("job stalled more than allowable limit");
    } finally {
      await digestEmails.close();
    }
  });
});

describe("a notice job that BullMQ gave up on", () => {
  it("goes back to its queue with fresh attempts: the notice still reaches its recipients", async () => {
    const noticeId = await escalation("p-stalled-notice");
    const id = jobId("notice.deliver", noticeId);
    await notices.add("notice.deliver", { noticeId }, { jobId: id, attempts: 8 });
    await failAsStalled(queueNames.notices, id);
    expect(await notices.getJobState(id)).toBe("failed");

    const result = await reconcileDeliveries({ database, logger, queues: { notices, emails } });
    expect(result.retriedNotices).toBe(1);
    expect(await notices.getJobState(id)).toBe("waiting");
    expect((await notices.getJob(id))?.attemptsMade).toBe(0);
    // A new job, not a retried one: its stalls start from nought, so one more stall does not fail it again.
    expect(await bed.connection.hget(notices.toKey(id), "stc")).toBeNull();
  });
});
