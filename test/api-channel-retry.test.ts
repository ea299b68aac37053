import { systemResolver } from "@huiyin/engine";
import { createLogger } from "@huiyin/logger";
import { createQueue, createRedisConnection, queues, type RedisConnection } from "@huiyin/queue";
import type { Queue, Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ChannelJob,
  channelJobOptions,
  enqueueChannelJobs,
  robotRecipient,
  saveRobot,
  startChannelWorker,
  wecomAdapter,
} from "../services/notifier/src/channels.ts";
import {
  type HttpsReceiver,
  selfSignedCertificate,
  startHttpsReceiver,
} from "../services/notifier/test/https-receiver.ts";
import { seedProposalWithDeadline } from "../services/notifier/test/testbed.ts";
import { type ApiHarness, CHANNEL_RETRY, startApi, testKeyring } from "./support/api.ts";

/**
 * An admin's retry of a dead SMS or robot message, against real PostgreSQL and Redis and a real HTTPS robot: the
 * notifier's channel worker (in this process) gives a message up on the robot's permanent refusal; the retry,
 * repeated, re-arms its row and its `channel.send` job once; the worker then delivers it once.
 */
let api: ApiHarness;
let connection: RedisConnection;
let channels: Queue<ChannelJob>;
let receiver: HttpsReceiver;
/** The robot's answers, in order: 93000 (invalid webhook URL: permanent) first, then accepted. */
const answers: { errcode: number; errmsg: string }[] = [{ errcode: 93000, errmsg: "invalid webhook url" }];
const logger = createLogger({ service: "channel-retry-test", level: "silent", format: "json" });
const noticeId = "p-r1.12.0";

beforeAll(async () => {
  api = await startApi();
  receiver = await startHttpsReceiver(selfSignedCertificate(), () => ({
    status: 200,
    body: answers.shift() ?? { errcode: 0, errmsg: "ok" },
  }));
  connection = createRedisConnection(
    { urls: [api.redis.url], mode: "standalone", role: "worker", name: "channel-retry-test" },
    () => {},
  );
  channels = createQueue<ChannelJob>(queues.noticeChannel, connection, { prefix: api.redis.prefix });
  await seedProposalWithDeadline(api.database, {
    id: "p-r1",
    title: "关于加快老旧小区加装电梯的建议",
    unitId: "u-1",
    dueAt: new Date(Date.now() - 3 * 86_400_000),
    deadlineId: "dl1-reply",
  });
  await api.database.prisma.notice.create({
    data: {
      id: noticeId,
      proposalId: "p-r1",
      deadlineId: "dl1-reply",
      kind: "deadline.escalation",
      level: 1,
      recipients: [{ role: "unit-head" }],
      content: { topic: "deadline.escalation", level: 1 },
    },
  });
});

afterAll(async () => {
  await channels.close();
  connection.disconnect();
  await receiver.close();
  await api.close();
});

function startWorker(): Worker<ChannelJob> {
  const [host, port] = receiver.host.split(":") as [string, string];
  const https = {
    policy: { allow: { cidrs: [], hostPorts: [{ host, port: Number(port) }] }, resolve: systemResolver() },
    ca: receiver.ca,
  };
  return startChannelWorker({
    database: api.database,
    adapters: { wecom: wecomAdapter(https) },
    keyring: testKeyring,
    publicBaseUrl: "https://huiyin.example.gov.cn",
    logger,
    redis: connection,
    prefix: api.redis.prefix,
  });
}

async function until(done: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`not done within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const retry = (id: bigint) => api.call("POST", `/v1/notice-deliveries/${id}/retry`);
const row = (id: bigint) => api.database.prisma.noticeDelivery.findUniqueOrThrow({ where: { id } });
const retryAudits = () => api.database.prisma.auditEntry.count({ where: { action: "notice-delivery.retry" } });

describe("retrying a dead SMS or robot message", () => {
  it("re-arms a dead robot message and its failed job, idempotently; the robot then gets it once", {
    timeout: 60_000,
  }, async () => {
    const robotId = await saveRobot(api.database, testKeyring, {
      committeeId: "default",
      target: "unit:u-1",
      kind: "wecom",
      url: `${receiver.base}/cgi-bin/webhook/send?key=unit-u-1-robot-key`,
    });
    const job: ChannelJob = { noticeId, channel: "wecom", recipient: robotRecipient(robotId) };
    const { id } = await api.database.prisma.noticeDelivery.create({ data: { ...job, status: "queued" } });
    await enqueueChannelJobs(channels, [job], CHANNEL_RETRY);
    const jobId = String(channelJobOptions(job, CHANNEL_RETRY).jobId);

    // The robot refuses for good: the row is a dead letter, its job failed (kept a week).
    let worker = startWorker();
    await until(async () => (await row(id)).status === "dead");
    await worker.close();
    expect(await channels.getJobState(jobId)).toBe("failed");

    const first = await retry(id);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ id: id.toString(), channel: "wecom", status: "queued", attempts: 1 });
    const waiting = await channels.getJob(jobId);
    expect(await waiting?.getState()).toBe("waiting");
    expect(waiting?.attemptsMade).toBe(0);
    expect(waiting?.data).toEqual(job);
    const again = await retry(id);
    expect(again.status).toBe(202);
    expect(again.body.status).toBe("queued");
    expect(await channels.getJobCounts("waiting", "failed")).toEqual({ waiting: 1, failed: 0 });
    expect(await retryAudits()).toBe(1);

    worker = startWorker();
    try {
      await until(async () => (await row(id)).status === "delivered");
    } finally {
      await worker.close();
    }
    expect(await row(id)).toMatchObject({ status: "delivered", attempts: 2, lastError: null });
    // One refused request, one accepted: the repeated retry sent nothing twice.
    expect(receiver.requests).toHaveLength(2);
    const done = await retry(id);
    expect(done.status).toBe(409);
    expect(done.body.error.code).toBe("ALREADY_DELIVERED");
  });

  it("adds the job of a dead SMS again when the queue no longer has it", async () => {
    const job: ChannelJob = { noticeId, channel: "sms", recipient: "person:li" };
    const { id } = await api.database.prisma.noticeDelivery.create({
      data: { ...job, status: "dead", attempts: 8, lastError: "HTTP 503" },
    });
    const retried = await retry(id);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ channel: "sms", recipient: "person:li", status: "queued" });
    const added = await channels.getJob(String(channelJobOptions(job, CHANNEL_RETRY).jobId));
    expect(await added?.getState()).toBe("waiting");
    expect(added?.data).toEqual(job);
    expect(added?.opts).toMatchObject({ attempts: CHANNEL_RETRY.attempts });
  });

  it("still refuses the inbox (409 NOT_RETRYABLE) and changes nothing", async () => {
    const dead = await api.database.prisma.noticeDelivery.create({
      data: { noticeId, channel: "inbox", recipient: "unit-head:u-1", status: "dead" },
    });
    const refused = await retry(dead.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("NOT_RETRYABLE");
    expect(await row(dead.id)).toEqual(dead);
  });
});
