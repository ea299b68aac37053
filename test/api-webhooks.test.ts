import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseConfig } from "@huiyin/config";
import { createLogger } from "@huiyin/logger";
import {
  createQueue,
  createRedisConnection,
  type OutboxQueueName,
  outboxJobs,
  queues,
  queuesOf,
  type RedisConnection,
} from "@huiyin/queue";
import type { Queue, Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DestinationPolicy,
  deliverWebhook,
  newWebhookSecret,
  openSecret,
  relayBatch,
  sealSecret,
  startWebhookWorker,
  systemClock,
  systemResolver,
} from "../packages/engine/src/index.ts";
import { type ApiHarness, startApi, testKeyring } from "./support/api.ts";

/**
 * Webhooks end to end: subscriptions over HTTP, delivery rows written with the event, the real relay and the
 * real `webhooks` worker POSTing to receivers on 127.0.0.1 that check the signature and the timestamp the way the
 * README tells integrators to. Retries follow a shortened schedule (two pauses of 50 ms: three attempts) given to
 * the worker the way the real one gets the day-long default; the jobs the relay enqueued are moved to the worker's
 * prefix.
 * The receivers' loopback address and port are allowed the way an operator allows an intranet system:
 * WEBHOOK_ALLOWED_DESTINATIONS=127.0.0.1:<port> (webhooks-ssrf.test.ts runs without it).
 */

const TOLERANCE_S = 300;

/** The receiver's side of the README's recipe: HMAC over `<t>.<raw body>`, constant-time compare, fresh `t`. */
function verify(secret: string, header: string | undefined, rawBody: string, nowS: number): boolean {
  const parts = Object.fromEntries((header ?? "").split(",").map((part) => part.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowS - t) > TOLERANCE_S || !parts.v1) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface Received {
  path: string;
  deliveryId: string;
  topic: string;
  body: string;
  valid: boolean;
}

/** One HTTP server for every receiver; the path names the receiver, `answers` says what each one replies. */
class Receivers {
  readonly received: Received[] = [];
  readonly secrets = new Map<string, string>();
  private readonly calls = new Map<string, number>();
  private server!: Server;
  base = "";

  constructor(private readonly answers: Record<string, (call: number) => number>) {}

  async start() {
    this.server = createServer(async (request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString("utf8");
      const path = request.url ?? "";
      const valid = verify(
        this.secrets.get(path) ?? "",
        request.headers["huiyin-signature"] as string | undefined,
        body,
        Math.floor(Date.now() / 1000),
      );
      this.received.push({
        path,
        deliveryId: String(request.headers["huiyin-delivery"]),
        topic: String(request.headers["huiyin-topic"]),
        body,
        valid,
      });
      const call = (this.calls.get(path) ?? 0) + 1;
      this.calls.set(path, call);
      response.statusCode = valid ? (this.answers[path]?.(call) ?? 404) : 401;
      response.end();
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  at(path: string) {
    return this.received.filter((request) => request.path === path);
  }

  close() {
    return new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

let api: ApiHarness;
let keys: Record<"integrator" | "otherIntegrator" | "proposer" | "staff", string>;
const receivers = new Receivers({
  "/good": () => 204,
  "/flaky": (call) => (call <= 2 ? 503 : 200),
  "/dead": () => 500,
  "/deleted": () => 200,
});
let producer: RedisConnection;
let workerConnection: RedisConnection;
let relayQueues: Record<OutboxQueueName, Queue>;
let fastQueue: Queue;
let worker: Worker;
const logger = createLogger({ service: "webhooks-test", level: "silent", format: "json" });
let destinations: DestinationPolicy;

beforeAll(async () => {
  await receivers.start();
  const allowed = parseConfig({
    DATABASE_URL: "postgresql://unused@127.0.0.1/unused",
    REDIS_URL: "redis://127.0.0.1:1",
    WEBHOOK_ALLOWED_DESTINATIONS: new URL(receivers.base).host,
  }).WEBHOOK_ALLOWED_DESTINATIONS;
  destinations = { allow: allowed, resolve: systemResolver() };
  api = await startApi({ overrides: { webhooks: { destinations, keyring: testKeyring } } });
  keys = {
    integrator: await api.issueKey("integrator", "smart-cppcc"),
    otherIntegrator: await api.issueKey("integrator", "oa-system"),
    proposer: await api.issueKey("proposer", "member-1"),
    staff: await api.issueKey("staff", "staff-1"),
  };
  producer = createRedisConnection(
    { urls: [api.redis.url], mode: "standalone", role: "producer", name: "wh" },
    () => {},
  );
  workerConnection = createRedisConnection(
    { urls: [api.redis.url], mode: "standalone", role: "worker", name: "wh-worker" },
    () => {},
  );
  relayQueues = Object.fromEntries(
    queuesOf(outboxJobs).map((name) => [name, createQueue(name, producer, { prefix: api.redis.prefix })]),
  ) as Record<OutboxQueueName, Queue>;
  const fastPrefix = `${api.redis.prefix}-fast`;
  fastQueue = createQueue(queues.webhooks, producer, { prefix: fastPrefix });
  worker = startWebhookWorker(
    {
      db: api.database,
      logger,
      clock: systemClock,
      timeoutMs: 5_000,
      destinations,
      keyring: testKeyring,
      retryDelaysMs: [50, 50],
    },
    { connection: workerConnection, prefix: fastPrefix, concurrency: 4 },
  );
});

afterAll(async () => {
  await worker?.close();
  await Promise.all([...Object.values(relayQueues ?? {}), fastQueue].map((queue) => queue?.close()));
  producer?.disconnect();
  workerConnection?.disconnect();
  await receivers.close();
  await api.close();
});

async function subscribe(key: string, path: string, events: string[]) {
  const response = await api.call("POST", "/v1/webhooks", { key, body: { url: `${receivers.base}${path}`, events } });
  expect(response.status).toBe(201);
  receivers.secrets.set(path, response.body.secret);
  return response.body as { id: string; secret: string };
}

const content = (proposer = "member-1") => ({
  title: "关于加强社区居家养老服务的建议",
  reasons: "老龄人口增加，社区养老服务供给不足。",
  suggestions: ["增设社区日间照料中心"],
  category: "livelihood",
  proposers: [{ id: proposer }],
  submit: true,
});

/**
 * What the worker process does, with one change: the real relay enqueues into this file's queues, and the
 * `webhook.deliver` jobs are then moved, with their ids and options, to the worker's prefix.
 */
async function relayAndDeliver(): Promise<string[]> {
  while ((await relayBatch({ db: api.database, queues: relayQueues, logger, clock: systemClock })) > 0) {}
  const jobs = await relayQueues.webhooks.getJobs(["waiting", "delayed"]);
  for (const job of jobs) {
    expect(job.opts).toMatchObject({ attempts: 8, backoff: { type: "exponential", delay: 2_000 } });
    await fastQueue.add(job.name, job.data, { ...job.opts, jobId: job.id as string });
    await job.remove();
  }
  return jobs.map((job) => job.id as string);
}

async function settled(ids: readonly string[]) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const rows = await api.database.prisma.webhookDelivery.findMany({ where: { id: { in: [...ids] } } });
    if (rows.length === ids.length && rows.every((row) => ["delivered", "failed", "cancelled"].includes(row.status)))
      return rows;
    if (Date.now() > deadline) throw new Error(`deliveries not settled: ${JSON.stringify(rows.map((r) => r.status))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("webhook subscriptions", () => {
  it("returns the secret once, lists without it, and scopes integrators to their own", async () => {
    const created = await api.call("POST", "/v1/webhooks", {
      key: keys.otherIntegrator,
      body: { url: "https://example.org/hook", events: ["proposal.closed", "proposal.closed"] },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    expect(created.body.events).toEqual(["proposal.closed"]);
    expect(created.headers.get("location")).toBe(`/v1/webhooks/${created.body.id}`);
    const mine = await api.call("GET", "/v1/webhooks", { key: keys.otherIntegrator });
    expect(mine.body.items).toEqual([expect.objectContaining({ id: created.body.id })]);
    expect(JSON.stringify(mine.body)).not.toContain(created.body.secret);
    const others = await api.call("GET", `/v1/webhooks/${created.body.id}`, { key: keys.integrator });
    expect(others.status).toBe(404);
    const admin = await api.call("GET", `/v1/webhooks/${created.body.id}`);
    expect(admin.status).toBe(200);
    expect(admin.body.secret).toBeUndefined();
    // At rest the secret is sealed: no clear column, nothing of it in the sealed text, and only the key opens it.
    const row = await api.database.prisma.webhookSubscription.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.secret).toBeNull();
    expect(row.secretSealed).toMatch(/^v1:test1:/);
    expect(row.secretSealed).not.toContain(created.body.secret.slice("whsec_".length, 20));
    expect(openSecret(testKeyring, row.secretSealed as string, row.id)).toBe(created.body.secret);
    const deleted = await api.call("DELETE", `/v1/webhooks/${created.body.id}`, { key: keys.otherIntegrator });
    expect(deleted.status).toBe(204);
    expect((await api.call("GET", "/v1/webhooks", { key: keys.otherIntegrator })).body.items).toEqual([]);
  });

  it("replays a creation under the same Idempotency-Key with the same secret, which the stored answer keeps sealed", async () => {
    const idempotencyKey = `create-hook-${randomBytes(6).toString("hex")}`;
    const create = (key: string) =>
      api.call("POST", "/v1/webhooks", {
        key,
        headers: { "idempotency-key": idempotencyKey },
        body: { url: "https://example.org/idempotent-hook", events: ["proposal.closed"] },
      });
    const first = await create(keys.otherIntegrator);
    expect(first.status).toBe(201);
    const secret = first.body.secret as string;
    expect(secret).toMatch(/^whsec_/);
    const stored = await api.database.pool.query<{ api_key_id: string; response: string }>(
      "SELECT api_key_id, response::text AS response FROM idempotent_requests WHERE key = $1",
      [idempotencyKey],
    );
    expect(stored.rows).toHaveLength(1);
    const row = stored.rows[0] as { api_key_id: string; response: string };
    // Neither the secret nor a part of it in clear; its place holds a value only the keyring opens.
    expect(row.response).not.toContain(secret);
    expect(row.response).not.toContain(secret.slice("whsec_".length, "whsec_".length + 16));
    const sealed = (JSON.parse(row.response) as { body: { secret: string } }).body.secret;
    expect(sealed).toMatch(/^v1:test1:/);

    const replay = await create(keys.otherIntegrator);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get("location")).toBe(`/v1/webhooks/${first.body.id}`);
    const mine = await api.call("GET", "/v1/webhooks", { key: keys.otherIntegrator });
    expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual([first.body.id]);

    // Another caller's same key is another request: its own subscription and secret.
    const others = await create(keys.integrator);
    expect(others.status).toBe(201);
    expect(others.headers.get("idempotent-replayed")).toBeNull();
    expect(others.body.secret).not.toBe(secret);

    // Sealed with a key the deployment has since dropped: a stable refusal, never another subscription or a 5xx.
    const lost = sealSecret([{ id: "dropped", key: randomBytes(32) }], secret, "anything");
    await api.database.pool.query(
      "UPDATE idempotent_requests SET response = jsonb_set(response, '{body,secret}', to_jsonb($1::text)) WHERE key = $2 AND api_key_id = $3",
      [lost, idempotencyKey, row.api_key_id],
    );
    const unopenable = await create(keys.otherIntegrator);
    expect(unopenable.status).toBe(410);
    expect(unopenable.body.error.code).toBe("IDEMPOTENT_ANSWER_SEALED");
    expect(JSON.stringify(unopenable.body)).not.toContain("whsec_");

    for (const [key, id] of [
      [keys.otherIntegrator, first.body.id],
      [keys.integrator, others.body.id],
    ] as const) {
      expect((await api.call("DELETE", `/v1/webhooks/${id}`, { key })).status).toBe(204);
    }
  });

  it("refuses other roles (403), unknown topics and non-http URLs (422), and stores nothing", async () => {
    const before = await api.database.prisma.webhookSubscription.count();
    const body = { url: "https://example.org/hook", events: ["*"] };
    for (const key of [keys.proposer, keys.staff]) {
      const response = await api.call("POST", "/v1/webhooks", { key, body });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe("FORBIDDEN");
    }
    for (const bad of [
      { ...body, events: ["proposal.deleted"] },
      { ...body, events: [] },
      { ...body, url: "file:///etc/passwd" },
      { ...body, url: "https://user:pw@example.org/" },
      { ...body, secret: "mine" },
    ]) {
      const response = await api.call("POST", "/v1/webhooks", { key: keys.integrator, body: bad });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe("VALIDATION_FAILED");
    }
    expect(await api.database.prisma.webhookSubscription.count()).toBe(before);
  });
});

describe("webhook deliveries", () => {
  let good: { id: string };
  let flaky: { id: string };
  let dead: { id: string };
  let gone: { id: string };
  let mineId: string;
  let othersId: string;
  let jobIds: string[];

  beforeAll(async () => {
    good = await subscribe(keys.integrator, "/good", ["proposal.stage"]);
    flaky = await subscribe(api.adminKey, "/flaky", ["*"]);
    dead = await subscribe(api.adminKey, "/dead", ["proposal.stage"]);
    gone = await subscribe(api.adminKey, "/deleted", ["*"]);
    const mine = await api.call("POST", "/v1/proposals", { key: keys.integrator, body: content() });
    expect(mine.status).toBe(201);
    mineId = mine.body.id;
    const others = await api.call("POST", "/v1/proposals", { key: keys.proposer, body: content() });
    expect(others.status).toBe(201);
    othersId = others.body.id;
    // Deleted after the events: its deliveries exist, and must not be sent.
    expect((await api.call("DELETE", `/v1/webhooks/${gone.id}`)).status).toBe(204);
    jobIds = await relayAndDeliver();
    await settled(jobIds.map((id) => id.replace(/^webhook-deliver-/, "")));
  });

  it("writes one delivery per matching subscription with the event, with a deterministic job id", async () => {
    // Each proposal enters two stages (submit, review): the integrator hears only of the one it created.
    const rows = await api.database.prisma.webhookDelivery.findMany({ orderBy: { id: "asc" } });
    const of = (subscriptionId: string) => rows.filter((row) => row.subscriptionId === subscriptionId);
    expect(of(good.id).map((row) => row.proposalId)).toEqual([mineId, mineId]);
    expect(of(flaky.id)).toHaveLength(4);
    expect(of(dead.id)).toHaveLength(4);
    expect(of(gone.id)).toHaveLength(4);
    expect(new Set(of(flaky.id).map((row) => row.proposalId))).toEqual(new Set([mineId, othersId]));
    expect([...jobIds].sort()).toEqual(rows.map((row) => `webhook-deliver-${row.id}`).sort());
  });

  it("delivers signed, fresh bodies that a receiver can verify", async () => {
    const requests = receivers.at("/good");
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.valid).toBe(true);
      const body = JSON.parse(request.body);
      expect(body).toMatchObject({ id: request.deliveryId, topic: "proposal.stage", data: { proposalId: mineId } });
    }
    expect(requests.map((request) => JSON.parse(request.body).data.stage).sort()).toEqual(["review", "submit"]);
    expect(receivers.received.every((request) => request.valid)).toBe(true);
    // The recipe refuses a changed body, another secret and an old timestamp.
    const sample = requests[0] as Received;
    const secret = receivers.secrets.get("/good") as string;
    const now = Math.floor(Date.now() / 1000);
    const header = `t=${now},v1=${createHmac("sha256", secret).update(`${now}.${sample.body}`).digest("hex")}`;
    expect(verify(secret, header, sample.body, now)).toBe(true);
    expect(verify(secret, header, `${sample.body} `, now)).toBe(false);
    expect(verify("whsec_other", header, sample.body, now)).toBe(false);
    expect(verify(secret, header, sample.body, now + TOLERANCE_S + 1)).toBe(false);
  });

  it("shows deliveries through the API: delivered, retried until delivered, failed, cancelled", async () => {
    const list = async (id: string, query = "") => {
      const response = await api.call("GET", `/v1/webhooks/${id}/deliveries${query}`);
      expect(response.status).toBe(200);
      return response.body.items as { status: string; attempts: number; lastStatusCode: number | null }[];
    };
    expect(await list(good.id)).toEqual([
      expect.objectContaining({ status: "delivered", attempts: 1, lastStatusCode: 204, lastError: null }),
      expect.objectContaining({ status: "delivered", attempts: 1, lastStatusCode: 204 }),
    ]);
    const flakyItems = await list(flaky.id);
    expect(flakyItems).toHaveLength(4);
    expect(flakyItems.every((item) => item.status === "delivered")).toBe(true);
    // The receiver answers 503 to its first two requests: those went to one or two deliveries, which then retried.
    expect(flakyItems.reduce((sum, item) => sum + item.attempts, 0)).toBe(6);
    expect(flakyItems.some((item) => item.attempts > 1)).toBe(true);
    expect(await list(dead.id)).toEqual(
      Array(4).fill(
        expect.objectContaining({
          status: "failed",
          attempts: 3,
          lastStatusCode: 500,
          lastError: "HTTP 500",
          deliveredAt: null,
          lastAttemptAt: expect.any(String),
        }),
      ),
    );
    expect(receivers.at("/dead")).toHaveLength(12);
    expect((await list(dead.id, "?status=delivered")).length).toBe(0);
    // A deleted subscription's deliveries are not sent, and the subscription is gone from the API.
    expect(receivers.at("/deleted")).toHaveLength(0);
    expect((await api.call("GET", `/v1/webhooks/${gone.id}/deliveries`)).status).toBe(404);
    const cancelled = await api.database.prisma.webhookDelivery.findMany({ where: { subscriptionId: gone.id } });
    expect(cancelled.map((row) => row.status)).toEqual(Array(4).fill("cancelled"));
  });

  it("pages deliveries with a cursor", async () => {
    const first = await api.call("GET", `/v1/webhooks/${flaky.id}/deliveries?limit=3`);
    expect(first.body.items).toHaveLength(3);
    const second = await api.call(
      "GET",
      `/v1/webhooks/${flaky.id}/deliveries?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(4);
  });

  it("never sends a delivered delivery again", async () => {
    const delivered = await api.database.prisma.webhookDelivery.findFirstOrThrow({
      where: { subscriptionId: good.id, status: "delivered" },
    });
    const before = receivers.received.length;
    const deps = { db: api.database, logger, clock: systemClock, destinations, keyring: testKeyring };
    expect(await deliverWebhook(deps, delivered.id)).toEqual({ outcome: "already-delivered" });
    expect(receivers.received.length).toBe(before);
  });

  it("sends nothing, and says only 'signing secret unavailable', when no key opens a subscription's secret", async () => {
    const id = "wh_lostkey";
    await api.database.prisma.webhookSubscription.create({
      data: {
        id,
        url: `${receivers.base}/lost`,
        events: ["proposal.closed"],
        secretSealed: newWebhookSecret([{ id: "gone", key: randomBytes(32) }], id).sealed,
        ownerRole: "admin",
        ownerId: "admin",
      },
    });
    const deliveryId = `${mineId}.lost.0.${id}`;
    await api.database.prisma.webhookDelivery.create({
      data: {
        id: deliveryId,
        subscriptionId: id,
        proposalId: mineId,
        topic: "proposal.closed",
        payload: {},
        status: "pending",
      },
    });
    const deps = {
      db: api.database,
      logger,
      clock: systemClock,
      destinations,
      keyring: testKeyring,
      retryDelaysMs: [],
    };
    expect(await deliverWebhook(deps, deliveryId)).toEqual({ outcome: "failed" });
    const row = await api.database.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect([row.status, row.lastError]).toEqual(["failed", "signing secret unavailable"]);
    expect(receivers.at("/lost")).toHaveLength(0);
  });
});
