import { randomUUID } from "node:crypto";
import { createLogger } from "@huiyin/logger";
import {
  createQueue,
  createRedisConnection,
  type OutboxQueueName,
  outboxJobs,
  queuesOf,
  type RedisConnection,
  whenReady,
} from "@huiyin/queue";
import type { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EngineWorkers, startEngineWorkers, systemClock } from "../packages/engine/src/index.ts";
import { proposalWorkflow } from "../workflows/proposal/src/index.ts";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * Merging (并案) over HTTP, with the engine's workers running beside the api on the same PostgreSQL and Redis: staff
 * merge one member's proposal into another's; the merge queues a link to the target through the outbox in the same
 * transaction; the worker applies it; from then on the merged proposal's proposer reads the target, is told of its
 * reply and rates it with their own key.
 */
let api: ApiHarness;
let engine: EngineWorkers;
let producer: RedisConnection;
let workerConnection: RedisConnection;
let queues: Record<OutboxQueueName, Queue>;
let keys: Record<"wang" | "zhao" | "staff" | "roads", string>;

beforeAll(async () => {
  api = await startApi();
  const logger = createLogger({ service: "merge-test", level: process.env.TEST_LOG_LEVEL ?? "silent", format: "json" });
  const onError = () => {};
  producer = createRedisConnection({ urls: [api.redis.url], mode: "standalone", role: "producer", name: "t" }, onError);
  workerConnection = createRedisConnection(
    { urls: [api.redis.url], mode: "standalone", role: "worker", name: "t" },
    onError,
  );
  await whenReady(producer);
  queues = Object.fromEntries(
    queuesOf(outboxJobs).map((name) => [name, createQueue(name, producer, api.redis)]),
  ) as Record<OutboxQueueName, Queue>;
  engine = await startEngineWorkers(
    { db: api.database, logger, clock: systemClock, workflow: proposalWorkflow, queues },
    { connection: workerConnection, prefix: api.redis.prefix, relayPollMs: 100 },
  );
  keys = {
    wang: await api.issueKey("proposer", "member-wang"),
    zhao: await api.issueKey("proposer", "member-zhao"),
    staff: await api.issueKey("staff", "office-li"),
    roads: await api.issueKey("unit", "clerk-roads", "roads"),
  };
});

afterAll(async () => {
  await engine.close();
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
  producer.disconnect();
  workerConnection.disconnect();
  await api.close();
});

type Body = { type: string } & Record<string, unknown>;

async function ok(id: string, key: string, body: Body) {
  const response = await api.call("POST", `/v1/proposals/${id}/events`, {
    key,
    body,
    headers: { "idempotency-key": randomUUID() },
  });
  expect(response.status, `${body.type}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body;
}

async function propose(key: string, member: string, title: string): Promise<string> {
  const created = await api.call("POST", "/v1/proposals", {
    key,
    body: {
      title,
      reasons: "老旧小区缺少电梯。",
      suggestions: ["加装电梯"],
      category: "livelihood",
      proposers: [{ id: member }],
      submit: true,
    },
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function until<T>(what: string, read: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("a merged proposal's proposers", () => {
  it("are linked to the proposal it was merged into: they read it, are told of its reply and rate it", async () => {
    const target = await propose(keys.wang, "member-wang", "关于老旧小区加装电梯的建议");
    await ok(target, keys.staff, { type: "review.register", category: "livelihood" });
    const merged = await propose(keys.zhao, "member-zhao", "关于推进既有住宅加装电梯的建议");
    // Before the merge the other member cannot see the target: 404, as for any proposal not theirs.
    expect((await api.call("GET", `/v1/proposals/${target}`, { key: keys.zhao })).status).toBe(404);

    await ok(merged, keys.staff, { type: "review.merge", intoId: target });
    const outbox = await api.database.prisma.outboxMessage.findMany({
      where: { proposalId: merged, jobName: "proposal.event" },
    });
    expect(outbox.map((row) => row.payload)).toEqual([
      {
        outboxId: expect.any(String),
        proposalId: target,
        event: { type: "merge.link", fromId: merged, proposers: [{ id: "member-zhao" }] },
      },
    ]);
    // The worker applies the link to the target, as the system, once.
    const linked = await until("the link", async () => {
      const events = await api.database.prisma.proposalEvent.findMany({
        where: { proposalId: target, type: "merge.link" },
      });
      return events.length > 0 ? events : undefined;
    });
    expect(linked).toHaveLength(1);
    expect(linked[0]?.actor).toEqual({ role: "system", id: "queue" });

    const seen = await api.call("GET", `/v1/proposals/${target}`, { key: keys.zhao });
    expect(seen.status).toBe(200);

    await ok(target, keys.staff, { type: "assign", mode: "sole", units: [{ unitId: "roads", role: "lead" }] });
    await ok(target, keys.roads, { type: "unit.acknowledge" });
    await ok(target, keys.roads, {
      type: "handle.contact",
      channel: "phone",
      contactedAt: new Date().toISOString(),
      summary: "s",
    });
    await ok(target, keys.roads, {
      type: "handle.reply",
      classification: "A",
      text: "今年加装30部。",
      signedOffBy: "局长",
    });
    await ok(target, keys.staff, { type: "supervise.acceptReply" });
    const released = await api.database.prisma.notice.findFirstOrThrow({
      where: { proposalId: target, kind: "reply.released" },
    });
    expect(released.recipients).toEqual([
      { role: "proposer", id: "member-wang" },
      { role: "proposer", id: "member-zhao" },
    ]);
    // The merged proposal's proposer reads the accepted reply and rates it; the target waits for both.
    const history = await api.call("GET", `/v1/proposals/${target}/history?limit=100`, { key: keys.zhao });
    expect(history.body.items.find((item: { type: string }) => item.type === "handle.reply")).toMatchObject({
      payloadHidden: false,
      payload: { text: "今年加装30部。" },
    });
    expect((await ok(target, keys.zhao, { type: "evaluate", result: "satisfied", comment: "好" })).stage).toBe(
      "evaluate",
    );
    expect((await ok(target, keys.wang, { type: "evaluate", result: "satisfied", comment: "" })).stage).toBe("closed");
  });
});
