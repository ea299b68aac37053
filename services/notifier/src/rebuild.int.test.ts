import type { Database } from "@huiyin/db";
import { createLogger } from "@huiyin/logger";
import { createQueue, jobId, queues as queueNames } from "@huiyin/queue";
import type { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NotifierTestbed, seedProposalWithDeadline, startNotifierTestbed } from "../test/testbed.ts";
import { importDirectory } from "./directory.ts";
import { type EmailJob, type EmailSettings, emailJobOptions } from "./email.ts";
import { rebuildNotifierJobs } from "./rebuild.ts";

/**
 * The notifier's jobs come back from the database when Redis lost them (a flush, or one job removed): a notice not in
 * any inbox yet, an e-mail still to send; an e-mail cut off mid-send becomes a dead letter rather than a second send.
 */
let bed: NotifierTestbed;
let database: Database;
let queues: { notices: Queue; digests: Queue; emails: Queue<EmailJob> };
const logger = createLogger({ service: "notifier-rebuild-test", level: "silent", format: "json" });
const settings: EmailSettings = { from: "huiyin <h@example>", publicBaseUrl: "http://h", attempts: 3, backoffMs: 50 };

beforeAll(async () => {
  bed = await startNotifierTestbed("notifier-rebuild-test");
  database = bed.database;
  const queueSettings = { prefix: bed.redis.prefix };
  queues = {
    notices: createQueue(queueNames.notices, bed.connection, queueSettings),
    digests: createQueue(queueNames.digests, bed.connection, queueSettings),
    emails: createQueue<EmailJob>(queueNames.noticeEmail, bed.connection, queueSettings),
  };
  await importDirectory(database, {
    people: [
      { id: "wang", name: "王局长", email: "wang@zhujian.example" },
      { id: "li", name: "Li", email: "li@cppcc.example" },
      { id: "zhao", name: "Zhao", email: "zhao@cppcc.example" },
    ],
    units: [{ id: "u-1", name: "市住建局", headPersonId: "wang" }],
  });
});

afterAll(async () => {
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
  await bed.close();
});

const rebuild = () => rebuildNotifierJobs({ database, logger, redis: bed.connection, queues, emailSettings: settings });

describe("rebuilding the notifier's jobs from the database", () => {
  it("re-creates what is missing, once, and makes an e-mail cut off mid-send a dead letter", async () => {
    await seedProposalWithDeadline(database, {
      id: "p-rebuild",
      title: "关于加强社区居家养老服务的建议",
      unitId: "u-1",
      dueAt: new Date(Date.now() - 86_400_000),
      deadlineId: "dl-reply",
    });
    const notice = (id: string) => ({
      id,
      proposalId: "p-rebuild",
      deadlineId: "dl-reply",
      kind: "deadline.escalation",
      level: 1,
      recipients: [{ role: "unit-head", unitId: "u-1" }],
      content: { topic: "deadline.escalation", level: 1 },
    });
    // One notice's job was lost before it finished; one finished, and has its e-mails in every state.
    await database.prisma.notice.createMany({
      data: [notice("p-rebuild.1.0"), { ...notice("p-rebuild.2.0"), handledAt: new Date() }],
    });
    await database.prisma.noticeDelivery.createMany({
      data: [
        { noticeId: "p-rebuild.2.0", channel: "inbox", recipient: "unit-head", status: "delivered" },
        { noticeId: "p-rebuild.2.0", channel: "email", recipient: "person:wang", status: "queued" },
        { noticeId: "p-rebuild.2.0", channel: "email", recipient: "person:li", status: "sending" },
        { noticeId: "p-rebuild.2.0", channel: "email", recipient: "person:zhao", status: "delivered" },
      ],
    });

    const first = await rebuild();
    expect(first).toMatchObject({ notices: 1, emails: 1, deadSending: 1, digestScheduled: false });
    expect(await queues.notices.getJobState(jobId("notice.deliver", "p-rebuild.1.0"))).toBe("waiting");
    expect(await queues.notices.getJob(jobId("notice.deliver", "p-rebuild.2.0"))).toBeUndefined();
    const wangJob = String(emailJobOptions({ noticeId: "p-rebuild.2.0", personId: "wang" }, settings).jobId);
    expect((await queues.emails.getJob(wangJob))?.data).toEqual({ noticeId: "p-rebuild.2.0", personId: "wang" });
    expect(await queues.emails.getJobCountByTypes("wait", "delayed", "prioritized")).toBe(1);
    const li = await database.prisma.noticeDelivery.findFirstOrThrow({ where: { recipient: "person:li" } });
    expect(li.status).toBe("dead");
    expect(li.lastError).toContain("may have gone out");

    // Everything is there now: a second pass adds nothing.
    expect(await rebuild()).toMatchObject({ notices: 0, emails: 0, deadSending: 0 });

    // One job removed by hand (or lost on its own) comes back alone.
    await queues.emails.remove(wangJob);
    expect(await rebuild()).toMatchObject({ notices: 0, emails: 1, deadSending: 0 });
    expect(await queues.emails.getJob(wangJob)).toBeDefined();
  });

  it("puts the digest's schedule back when it is gone, and only then", async () => {
    const digest = { time: { hour: 23, minute: 59 }, timeZone: "UTC" };
    const withDigest = () =>
      rebuildNotifierJobs({ database, logger, redis: bed.connection, queues, emailSettings: settings, digest });
    expect((await withDigest()).digestScheduled).toBe(true);
    expect(await queues.digests.getJobScheduler("daily-digest")).toBeDefined();
    expect((await withDigest()).digestScheduled).toBe(false);
  });
});
