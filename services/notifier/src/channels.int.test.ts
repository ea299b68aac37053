import { createHmac, randomBytes } from "node:crypto";
import type { Database } from "@huiyin/db";
import { type Keyring, systemResolver } from "@huiyin/engine";
import { createLogger } from "@huiyin/logger";
import { createQueue, queues as queueNames } from "@huiyin/queue";
import type { Queue, Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type HttpsReceiver,
  type ReceivedRequest,
  selfSignedCertificate,
  startHttpsReceiver,
} from "../test/https-receiver.ts";
import { type NotifierTestbed, seedProposalWithDeadline, startNotifierTestbed } from "../test/testbed.ts";
import {
  CHANNELS,
  type ChannelJob,
  type ChannelRouting,
  dingtalkAdapter,
  enqueueChannelJobs,
  planChannels,
  saveRobot,
  startChannelWorker,
  wecomAdapter,
} from "./channels.ts";
import { importDirectory } from "./directory.ts";
import { markHandled } from "./inbox.ts";
import { rebuildNotifierJobs } from "./rebuild.ts";

/**
 * The SMS and robot channels against real PostgreSQL and Redis and a real HTTPS robot: nothing without
 * configuration, one row per (notice, channel, recipient), and an escalation that reaches the leader's 钉钉 group
 * once although the robot was busy, the notifier stopped and Redis lost its jobs in between.
 */
let bed: NotifierTestbed;
let database: Database;
let receiver: HttpsReceiver;
let channels: Queue<ChannelJob>;
let notices: Queue;
let digests: Queue;
const logger = createLogger({ service: "notifier-channels-test", level: "silent", format: "json" });
const keyring: Keyring = [{ id: "k1", key: randomBytes(32) }];
const secret = "SEC-leader-9-robot-secret";
const retry = { attempts: 3, backoffMs: 60_000 };
/** 钉钉's answers, in order: busy first, then accepted. */
let answers: { errcode: number; errmsg: string }[] = [];
const routing: ChannelRouting = { sms: true, smsKinds: ["deadline.escalation"], robotKinds: ["deadline.escalation"] };

beforeAll(async () => {
  bed = await startNotifierTestbed("notifier-channels-test");
  database = bed.database;
  receiver = await startHttpsReceiver(selfSignedCertificate(), (request) => ({
    status: 200,
    body: signedBy(request, secret)
      ? (answers.shift() ?? { errcode: 0, errmsg: "ok" })
      : { errcode: 310000, errmsg: "sign not match" },
  }));
  const queueSettings = { prefix: bed.redis.prefix };
  channels = createQueue<ChannelJob>(queueNames.noticeChannel, bed.connection, queueSettings);
  notices = createQueue(queueNames.notices, bed.connection, queueSettings);
  digests = createQueue(queueNames.digests, bed.connection, queueSettings);
  await importDirectory(database, {
    people: [
      { id: "wang", name: "王局长", email: "wang@zhujian.example" },
      { id: "li", name: "李主席", phone: "13800138000" },
    ],
    units: [{ id: "u-1", name: "市住建局", headPersonId: "wang", supervisorLeaderId: "leader-9" }],
    roles: [{ role: "leader", scope: "leader-9", personId: "li" }],
  });
});

afterAll(async () => {
  await Promise.all([channels.close(), notices.close(), digests.close()]);
  await receiver.close();
  await bed.close();
});

/** What 钉钉 checks: the sign recomputed from the URL's timestamp and the robot's own secret. */
function signedBy(request: ReceivedRequest, key: string): boolean {
  const timestamp = request.url.searchParams.get("timestamp") ?? "";
  return (
    request.url.searchParams.get("sign") === createHmac("sha256", key).update(`${timestamp}\n${key}`).digest("base64")
  );
}

async function escalation(proposalId: string): Promise<string> {
  await seedProposalWithDeadline(database, {
    id: proposalId,
    title: "关于加快老旧小区加装电梯的建议",
    unitId: "u-1",
    dueAt: new Date(Date.now() - 3 * 86_400_000),
    deadlineId: "dl1-reply",
  });
  const id = `${proposalId}.12.0`;
  await database.prisma.notice.create({
    data: {
      id,
      proposalId,
      deadlineId: "dl1-reply",
      kind: "deadline.escalation",
      level: 2,
      recipients: [{ role: "unit-head" }, { role: "supervising-leader" }],
      content: { topic: "deadline.escalation", level: 2 },
    },
  });
  return id;
}

const channelRows = (noticeId: string) =>
  database.prisma.noticeDelivery.findMany({
    where: { noticeId, channel: { in: [...CHANNELS] } },
    orderBy: { channel: "asc" },
  });

function startWorker(): Worker<ChannelJob> {
  const [host, port] = receiver.host.split(":") as [string, string];
  const https = {
    policy: { allow: { cidrs: [], hostPorts: [{ host, port: Number(port) }] }, resolve: systemResolver() },
    ca: receiver.ca,
  };
  return startChannelWorker({
    database,
    adapters: { wecom: wecomAdapter(https), dingtalk: dingtalkAdapter(https) },
    keyring,
    publicBaseUrl: "https://huiyin.example.gov.cn",
    logger,
    redis: bed.connection,
    prefix: bed.redis.prefix,
  });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("SMS and robot channels", () => {
  it("reserve nothing until configured: no gateway, no robot, no phone", async () => {
    const noticeId = await escalation("p-off");
    const off: ChannelRouting = { sms: false, smsKinds: ["deadline.escalation"], robotKinds: ["deadline.escalation"] };
    expect(await planChannels(database, noticeId, off, logger)).toEqual([]);
    expect(await channelRows(noticeId)).toEqual([]);
    // A gateway, but the kind is not routed to SMS: still nothing.
    const otherKinds: ChannelRouting = { sms: true, smsKinds: ["deadline.due"], robotKinds: [] };
    expect(await planChannels(database, noticeId, otherKinds, logger)).toEqual([]);
    expect(await channelRows(noticeId)).toEqual([]);
  });

  it("seal a robot's URL and secret at rest", async () => {
    const id = await saveRobot(database, keyring, {
      committeeId: "default",
      target: "leader:leader-9",
      kind: "dingtalk",
      url: `${receiver.base}/robot/send?access_token=leader-9-token`,
      secret,
    });
    const row = await database.prisma.noticeRobot.findUniqueOrThrow({ where: { id } });
    expect(row.urlSealed).toMatch(/^v1:k1:/);
    expect(JSON.stringify(row)).not.toContain("leader-9-token");
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it("reserve one row per (notice, channel, recipient): SMS to the people with a phone, the leader's robot", async () => {
    const noticeId = await escalation("p-plan");
    const jobs = await planChannels(database, noticeId, routing, logger);
    expect(jobs.map((job) => `${job.channel} ${job.recipient}`).sort()).toEqual([
      expect.stringMatching(/^dingtalk robot:rb_/),
      "sms person:li",
    ]);
    // Planned again (a retried notice job): the same jobs, no new rows.
    expect(await planChannels(database, noticeId, routing, logger)).toHaveLength(2);
    expect(await channelRows(noticeId)).toHaveLength(2);
    // Unsent here: out of the way of the next test's rebuild, which would otherwise send them.
    await database.prisma.noticeDelivery.deleteMany({ where: { noticeId, channel: { in: [...CHANNELS] } } });
  });

  it("an escalation reaches the leader's 钉钉 group once across a busy robot, a restart and a Redis loss", async () => {
    const noticeId = await escalation("p-e2e");
    const robotOnly: ChannelRouting = { sms: false, smsKinds: [], robotKinds: ["deadline.escalation"] };
    receiver.requests.length = 0;
    answers = [{ errcode: 130101, errmsg: "send too fast" }];
    const jobs = await planChannels(database, noticeId, robotOnly, logger);
    expect(jobs).toHaveLength(1);
    await enqueueChannelJobs(channels, jobs, retry);
    await markHandled(database, noticeId);

    // The first notifier: the robot answers busy; the row waits for its retry (a minute away)…
    let worker = startWorker();
    const retrying = await until(
      () => channelRows(noticeId),
      (rows) => rows[0]?.status === "retrying",
    );
    expect(retrying[0]).toMatchObject({ status: "retrying", attempts: 1, lastError: "errcode 130101: send too fast" });
    // …when the notifier stops, and Redis loses every job.
    await worker.close();
    await bed.redis.cleanup();

    // The next notifier rebuilds the job from the row and sends it.
    const rebuilt = await rebuildNotifierJobs({
      database,
      logger,
      redis: bed.connection,
      queues: { notices, digests, channels },
      channelRetry: retry,
    });
    expect(rebuilt.channelMessages).toBe(1);
    worker = startWorker();
    const delivered = await until(
      () => channelRows(noticeId),
      (rows) => rows[0]?.status === "delivered",
    );
    expect(delivered[0]).toMatchObject({ status: "delivered", attempts: 2, lastError: null });

    // Planned, enqueued and rebuilt again: nothing more reaches the group.
    await enqueueChannelJobs(channels, await planChannels(database, noticeId, robotOnly, logger), retry);
    expect(
      (
        await rebuildNotifierJobs({
          database,
          logger,
          redis: bed.connection,
          queues: { notices, digests, channels },
          channelRetry: retry,
        })
      ).channelMessages,
    ).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await worker.close();
    const toGroup = receiver.requests.filter(
      (request) => request.url.searchParams.get("access_token") === "leader-9-token",
    );
    expect(toGroup).toHaveLength(2);
    expect(toGroup.every((request) => signedBy(request, secret))).toBe(true);
    expect(JSON.stringify(toGroup[1]?.json)).toContain("关于加快老旧小区加装电梯的建议");
    expect(await channelRows(noticeId)).toHaveLength(1);
  });
});
