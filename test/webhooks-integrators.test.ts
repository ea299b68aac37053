import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseConfig } from "@huiyin/config";
import { createLogger } from "@huiyin/logger";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DestinationPolicy,
  deliverWebhook,
  disclosedFields,
  INTEGRATOR_FIELDS,
  newWebhookSecret,
  systemClock,
  systemResolver,
} from "../packages/engine/src/index.ts";
import { maySeePayload } from "../workflows/proposal/src/index.ts";
import { type ApiHarness, startApi, testKeyring } from "./support/api.ts";
import { type Contract, openApiContract } from "./support/contract.ts";
import { startWebhookDelivery, type WebhookDelivery } from "./support/webhook-delivery.ts";

/**
 * Webhooks as integrators rely on them (issue 17), end to end: the api, the real relay and the real `webhooks`
 * worker POSTing to a receiver on 127.0.0.1 that verifies every request with the `standardwebhooks` package, the
 * library integrators use, with the secret(s) it holds. Pings, redeliveries, a changed URL and topics, a rotated
 * secret (both valid during the overlap) and the audit entries of these actions; the retry schedule shortened to
 * 50 ms pauses (the worker takes it as it takes the day-long default); and what an integrator's subscription may
 * receive of a proposal's life.
 */

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Which of the receiver's secrets `standardwebhooks` accepted the request with (their index), or -1. */
  verifiedWith: number;
}

const received: Received[] = [];
/** The secrets each receiver path holds (an integrator's side of a rotation: old, then new). */
const secrets = new Map<string, string[]>();
const answers: Record<string, (call: number) => number> = {
  "/down": () => 500,
  "/flaky": (call) => (call <= 1 ? 503 : 200),
};
const calls = new Map<string, number>();

function verifiedWith(path: string, headers: IncomingHttpHeaders, body: string): number {
  const held = secrets.get(path) ?? [];
  return held.findIndex((secret) => {
    try {
      new Webhook(secret).verify(body, {
        "webhook-id": String(headers["webhook-id"]),
        "webhook-timestamp": String(headers["webhook-timestamp"]),
        "webhook-signature": String(headers["webhook-signature"]),
      });
      return true;
    } catch {
      return false;
    }
  });
}

let server: Server;
let base = "";
let api: ApiHarness;
let keys: Record<"integrator" | "otherIntegrator" | "staff" | "transport" | "police", string>;
let delivery: WebhookDelivery;
let destinations: DestinationPolicy;
let contract: Contract;
const logger = createLogger({ service: "webhooks-integrators-test", level: "silent", format: "json" });

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const path = request.url ?? "";
    const verified = verifiedWith(path, request.headers, body);
    received.push({ path, headers: request.headers, body, verifiedWith: verified });
    const call = (calls.get(path) ?? 0) + 1;
    calls.set(path, call);
    response.statusCode = verified < 0 ? 401 : (answers[path]?.(call) ?? 204);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const allow = parseConfig({
    DATABASE_URL: "postgresql://unused@127.0.0.1/unused",
    REDIS_URL: "redis://127.0.0.1:1",
    WEBHOOK_ALLOWED_DESTINATIONS: new URL(base).host,
  }).WEBHOOK_ALLOWED_DESTINATIONS;
  destinations = { allow, resolve: systemResolver() };
  api = await startApi({ overrides: { webhooks: { destinations, keyring: testKeyring, pingTimeoutMs: 5_000 } } });
  contract = await openApiContract(api);
  keys = {
    integrator: await api.issueKey("integrator", "smart-cppcc"),
    otherIntegrator: await api.issueKey("integrator", "oa-system"),
    staff: await api.issueKey("staff", "office-he"),
    transport: await api.issueKey("unit", "clerk-transport", "transport"),
    police: await api.issueKey("unit", "clerk-police", "traffic-police"),
  };
  delivery = startWebhookDelivery(api, { name: "whi", logger, destinations, retryDelaysMs: [50, 50] });
});

afterAll(async () => {
  await delivery?.close();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await api.close();
});

async function subscribe(key: string, path: string, events: string[]) {
  const response = await api.call("POST", "/v1/webhooks", { key, body: { url: `${base}${path}`, events } });
  expect(response.status).toBe(201);
  secrets.set(path, [response.body.secret]);
  return response.body as { id: string; secret: string };
}

/** The relay's work, then waiting until every delivery of `subscriptionId` is settled (none pending or retrying). */
const deliverAll = (subscriptionId: string) => delivery.deliverAll({ subscriptionId });

async function audit(action: string, targetId: string) {
  return api.database.prisma.auditEntry.findMany({ where: { action, targetId }, orderBy: { id: "asc" } });
}

const content = {
  title: "关于优化学校周边交通秩序的建议",
  reasons: "上下学时段拥堵。",
  suggestions: ["错峰放学"],
  category: "livelihood",
  proposers: [{ id: "member-wu" }],
  submit: true,
};

describe("Standard Webhooks signatures", () => {
  it("signs real deliveries so that the standardwebhooks package verifies them, beside the Huiyin header", async () => {
    const hook = await subscribe(api.adminKey, "/std", ["*"]);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const created = await api.call("POST", "/v1/proposals", { key: keys.integrator, body: content });
    expect(created.status).toBe(201);
    const rows = await deliverAll(hook.id);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.status === "delivered" && row.attempts === 1)).toBe(true);
    const requests = received.filter((request) => request.path === "/std");
    expect(requests).toHaveLength(rows.length);
    for (const request of requests) {
      expect(request.verifiedWith).toBe(0);
      const body = JSON.parse(request.body);
      // The message id is the payload's id; the Huiyin headers stay for the receivers built before.
      expect(request.headers["webhook-id"]).toBe(body.id);
      expect(request.headers["huiyin-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(body.data.proposalId).toBe(created.body.id);
    }
    // A changed body or another secret fails the library's check.
    const sample = requests[0] as Received;
    expect(verifiedWith("/std", sample.headers, `${sample.body} `)).toBe(-1);
    secrets.set("/other", ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]);
    expect(verifiedWith("/other", sample.headers, sample.body)).toBe(-1);
  });
});

describe("pings, redeliveries, changes and rotations", () => {
  let hook: { id: string; secret: string };

  beforeAll(async () => {
    hook = await subscribe(keys.integrator, "/mine", ["proposal.stage"]);
  });

  it("pings: one signed webhook.ping now, answered with its delivery, listed and audited", async () => {
    const ping = await api.call("POST", `/v1/webhooks/${hook.id}/ping`, { key: keys.integrator });
    expect(ping.status).toBe(200);
    contract.expectConforms("POST", "/v1/webhooks/{id}/ping", ping);
    expect(ping.body).toMatchObject({
      topic: "webhook.ping",
      proposalId: null,
      status: "delivered",
      attempts: 1,
      lastStatusCode: 204,
    });
    const request = received.findLast((entry) => entry.path === "/mine");
    expect(request?.verifiedWith).toBe(0);
    expect(JSON.parse(request?.body ?? "{}")).toMatchObject({ topic: "webhook.ping", data: { webhookId: hook.id } });
    const list = await api.call("GET", `/v1/webhooks/${hook.id}/deliveries`, { key: keys.integrator });
    expect(list.body.items[0]).toMatchObject({ id: ping.body.id, status: "delivered" });
    expect(await audit("webhook.ping", hook.id)).toEqual([
      expect.objectContaining({ outcome: "succeeded", details: expect.objectContaining({ deliveryId: ping.body.id }) }),
    ]);
    // Another integrator's subscription is not there for it.
    expect((await api.call("POST", `/v1/webhooks/${hook.id}/ping`, { key: keys.otherIntegrator })).status).toBe(404);
  });

  it("a failing receiver's ping is answered failed, with what went wrong", async () => {
    const down = await subscribe(api.adminKey, "/down", ["proposal.closed"]);
    const ping = await api.call("POST", `/v1/webhooks/${down.id}/ping`);
    expect(ping.status).toBe(200);
    expect(ping.body).toMatchObject({
      status: "failed",
      lastStatusCode: 500,
      lastError: "HTTP 500",
      nextAttemptAt: null,
    });
  });

  it("changes the URL and topics (the outbound policy checked again), audited before and after", async () => {
    for (const body of [{}, { events: [] }, { url: "ftp://example.org/" }, { secret: "x" }]) {
      const response = await api.call("PATCH", `/v1/webhooks/${hook.id}`, { key: keys.integrator, body });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe("VALIDATION_FAILED");
    }
    const inside = await api.call("PATCH", `/v1/webhooks/${hook.id}`, {
      key: keys.integrator,
      body: { url: "http://10.1.2.3/hook" },
    });
    expect(inside.status).toBe(422);
    expect(inside.body.error.code).toBe("WEBHOOK_URL_FORBIDDEN");
    expect((await api.call("GET", `/v1/webhooks/${hook.id}`, { key: keys.integrator })).body.url).toBe(`${base}/mine`);
    const moved = await api.call("PATCH", `/v1/webhooks/${hook.id}`, {
      key: keys.integrator,
      body: { url: `${base}/moved`, events: ["proposal.stage", "proposal.closed"] },
    });
    expect(moved.status).toBe(200);
    contract.expectConforms("PATCH", "/v1/webhooks/{id}", moved);
    expect(moved.body).toMatchObject({ url: `${base}/moved`, events: ["proposal.stage", "proposal.closed"] });
    secrets.set("/moved", [hook.secret]);
    const ping = await api.call("POST", `/v1/webhooks/${hook.id}/ping`, { key: keys.integrator });
    expect(ping.body.status).toBe("delivered");
    expect(received.at(-1)?.path).toBe("/moved");
    const [entry] = await audit("webhook.update", hook.id);
    expect(entry?.details).toEqual({
      before: { url: `${base}/mine`, events: ["proposal.stage"] },
      after: { url: `${base}/moved`, events: ["proposal.stage", "proposal.closed"] },
    });
    expect(
      (await api.call("PATCH", `/v1/webhooks/${hook.id}`, { key: keys.otherIntegrator, body: { events: ["*"] } }))
        .status,
    ).toBe(404);
  });

  it("redelivers a delivery: a new delivery of the same message, recorded and audited", async () => {
    const created = await api.call("POST", "/v1/proposals", { key: keys.integrator, body: content });
    expect(created.status).toBe(201);
    const [first] = (await deliverAll(hook.id)).filter((row) => row.proposalId === created.body.id);
    expect(first?.status).toBe("delivered");
    const again = await api.call("POST", `/v1/webhook-deliveries/${first?.id}/redeliver`, {
      key: keys.integrator,
      headers: { "idempotency-key": randomUUID() },
    });
    expect(again.status).toBe(202);
    contract.expectConforms("POST", "/v1/webhook-deliveries/{id}/redeliver", again);
    expect(again.body).toMatchObject({
      status: "pending",
      attempts: 0,
      redeliveryOf: first?.id,
      payload: first?.payload,
    });
    const rows = await deliverAll(hook.id);
    expect(rows.find((row) => row.id === again.body.id)).toMatchObject({ status: "delivered", attempts: 1 });
    // The receiver got the message twice under one webhook-id, so it can tell a redelivery from a new event.
    const messageId = (first?.payload as { id?: string } | undefined)?.id;
    expect(messageId).toEqual(expect.any(String));
    const copies = received.filter((request) => request.headers["webhook-id"] === messageId);
    expect(copies.map((request) => request.verifiedWith)).toEqual([0, 0]);
    expect(await audit("webhook.redeliver", hook.id)).toEqual([
      expect.objectContaining({
        details: expect.objectContaining({ deliveryId: first?.id, redeliveryId: again.body.id }),
      }),
    ]);
    for (const [key, id] of [
      [keys.otherIntegrator, first?.id],
      [keys.integrator, "nope"],
    ]) {
      const refused = await api.call("POST", `/v1/webhook-deliveries/${id}/redeliver`, { key });
      expect(refused.status).toBe(404);
    }
  });

  it("rotates the secret: both sign during the overlap, then only the new one", async () => {
    const rotated = await api.call("POST", `/v1/webhooks/${hook.id}/secret`, {
      key: keys.integrator,
      body: { overlapSeconds: 3600 },
    });
    expect(rotated.status).toBe(200);
    contract.expectConforms("POST", "/v1/webhooks/{id}/secret", rotated);
    const fresh = rotated.body.secret as string;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(hook.secret);
    expect(Date.parse(rotated.body.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(3500_000);
    // A receiver still on the old secret, and one already on the new one: both verify a delivery of the overlap.
    secrets.set("/moved", [hook.secret]);
    expect((await api.call("POST", `/v1/webhooks/${hook.id}/ping`, { key: keys.integrator })).body.status).toBe(
      "delivered",
    );
    const during = received.at(-1) as Received;
    expect(during.verifiedWith).toBe(0);
    secrets.set("/moved", [fresh]);
    expect(verifiedWith("/moved", during.headers, during.body)).toBe(0);
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(String(during.headers["huiyin-signature"]).match(/v1=/g)).toHaveLength(2);
    // A second rotation without overlap: the old secrets stop at once.
    const now = await api.call("POST", `/v1/webhooks/${hook.id}/secret`, {
      key: keys.integrator,
      body: { overlapSeconds: 0 },
    });
    expect(now.body.previousSecretExpiresAt).toBeNull();
    secrets.set("/moved", [hook.secret, fresh, now.body.secret]);
    expect((await api.call("POST", `/v1/webhooks/${hook.id}/ping`, { key: keys.integrator })).body.status).toBe(
      "delivered",
    );
    const after = received.at(-1) as Received;
    expect(after.verifiedWith).toBe(2);
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    const entries = await audit("webhook.secret-rotate", hook.id);
    expect(entries.map((entry) => (entry.details as { overlapSeconds: number }).overlapSeconds)).toEqual([3600, 0]);
    expect(JSON.stringify(entries.map((entry) => entry.details))).not.toContain(fresh.slice(6, 20));
    for (const body of [{ overlapSeconds: -1 }, { overlapSeconds: 8 * 86_400 }, { overlapSeconds: "1h" }]) {
      const refused = await api.call("POST", `/v1/webhooks/${hook.id}/secret`, { key: keys.integrator, body });
      expect(refused.status).toBe(422);
    }
  });
});

describe("the OpenAPI document's webhooks", () => {
  it("describes each topic's payload, and every body the receiver got conforms to its topic's schema", () => {
    const topics = Object.keys(contract.document.webhooks).sort();
    expect(topics).toEqual(["deadline.escalated", "proposal.closed", "proposal.stage", "webhook.ping"]);
    const seen = new Set<string>();
    for (const request of received) {
      const body = JSON.parse(request.body);
      const schema = contract.document.webhooks[body.topic]?.post.requestBody.content["application/json"].schema;
      expect(schema, body.topic).toBeDefined();
      const validate = contract.ajv.compile({ $ref: contract.schemaRef(schema.$ref) });
      expect(validate(body), `${body.topic}: ${JSON.stringify(validate.errors)}`).toBe(true);
      seen.add(body.topic);
    }
    expect(seen).toEqual(new Set(["proposal.stage", "webhook.ping"]));
  });
});

describe("retries", () => {
  it("keeps the attempt count and the next attempt's time in the row, and retries until the receiver answers", async () => {
    const flaky = await subscribe(api.adminKey, "/flaky", ["proposal.stage"]);
    const created = await api.call("POST", "/v1/proposals", { key: keys.integrator, body: content });
    expect(created.status).toBe(201);
    const rows = await deliverAll(flaky.id);
    expect(rows.length).toBeGreaterThan(0);
    // The receiver answered 503 once: that delivery was retried (its next time kept meanwhile) and then delivered.
    expect(rows.every((row) => row.status === "delivered" && row.nextAttemptAt === null)).toBe(true);
    expect(rows.reduce((sum, row) => sum + row.attempts, 0)).toBe(rows.length + 1);
    expect(rows.filter((row) => row.attempts === 2)).toHaveLength(1);
  });

  it("does not send a retrying delivery before its next attempt is due (a job run early waits)", async () => {
    const row = await api.database.prisma.webhookDelivery.findFirstOrThrow({
      where: { status: "delivered", proposalId: { not: null } },
    });
    const later = new Date(Date.now() + 3_600_000);
    await api.database.prisma.webhookDelivery.update({
      where: { id: row.id },
      data: { status: "retrying", attempts: 3, nextAttemptAt: later, lastError: "HTTP 503" },
    });
    const before = received.length;
    const deps = { db: api.database, logger, clock: systemClock, destinations, keyring: testKeyring };
    expect(await deliverWebhook(deps, row.id)).toEqual({ outcome: "early", retryAt: later });
    expect(received.length).toBe(before);
    expect((await api.database.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(3);
  });
});

describe("what a subscription may receive (issue 14: webhooks carry only what their subscriber may see)", () => {
  const secretsOfTheOffice = ["退回理由：答复不具体", "督办内部备注", "交通局初稿答复", "延期理由：内部协调"];

  it("an integrator's subscription hears of its own proposals only, with no internal note and no unchecked reply", async () => {
    const everything = await subscribe(api.adminKey, "/office", ["*"]);
    const integrator = await subscribe(keys.integrator, "/integrator", ["*"]);
    // A subscription of another committee, written past the API (the committees API is another branch's).
    await api.database.prisma.committee.upsert({
      where: { id: "county" },
      create: { id: "county", name: "县政协" },
      update: {},
    });
    const elsewhere = `wh_county${randomUUID().slice(0, 8)}`;
    await api.database.prisma.webhookSubscription.create({
      data: {
        id: elsewhere,
        committeeId: "county",
        url: `${base}/county`,
        events: ["*"],
        secretSealed: newWebhookSecret(testKeyring, elsewhere).sealed,
        ownerRole: "admin",
        ownerId: "county-admin",
      },
    });
    const created = await api.call("POST", "/v1/proposals", { key: keys.integrator, body: content });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    let version = created.body.version as number;
    const send = async (key: string, body: Record<string, unknown>) => {
      const response = await api.call("POST", `/v1/proposals/${id}/events`, {
        key,
        body,
        headers: { "if-match": `"${version}"` },
      });
      expect(response.status, `${String(body.type)}: ${JSON.stringify(response.body)}`).toBe(200);
      version = response.body.version;
    };
    const reply = (text: string) => ({ type: "handle.reply", classification: "A", text, signedOffBy: "分管领导" });
    await send(keys.staff, { type: "review.register", category: "livelihood" });
    await send(keys.staff, {
      type: "assign",
      mode: "separate",
      units: [
        { unitId: "transport", role: "separate" },
        { unitId: "traffic-police", role: "separate" },
      ],
    });
    await send(keys.transport, { type: "unit.acknowledge" });
    await send(keys.police, { type: "unit.acknowledge" });
    const later = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
    await send(keys.transport, { type: "handle.requestExtension", newDueDate: later, reason: "延期理由：内部协调" });
    await send(keys.transport, {
      type: "handle.contact",
      channel: "phone",
      contactedAt: new Date().toISOString(),
      summary: "电话沟通：交通局",
    });
    await send(keys.transport, reply("交通局初稿答复"));
    await send(keys.staff, { type: "supervise.returnReply", unitId: "transport", reason: "退回理由：答复不具体" });
    await send(keys.staff, { type: "supervise.record", mode: "online", note: "督办内部备注" });
    await deliverAll(everything.id);
    await deliverAll(integrator.id);

    const bodies = (path: string) =>
      received
        .filter((request) => request.path === path)
        .map((request) => JSON.parse(request.body) as { topic: string; data: Record<string, unknown> })
        .filter((body) => body.data.proposalId === id);
    const mine = bodies("/integrator");
    expect(mine.length).toBeGreaterThan(2);
    // The integrator hears of each stage the office hears of, and reads nothing the proposers may not. Deliveries go
    // out several at once, so they may arrive in any order: `seq` orders them (README, Webhooks).
    const seqs = (list: typeof mine) => list.map((body) => Number(body.data.seq)).sort((a, b) => a - b);
    expect(seqs(mine)).toEqual(seqs(bodies("/office")));
    for (const body of mine) {
      for (const key of Object.keys(body.data))
        expect(["proposalId", "seq", ...(INTEGRATOR_FIELDS[body.topic as "proposal.stage"] ?? [])]).toContain(key);
      for (const text of secretsOfTheOffice) expect(JSON.stringify(body)).not.toContain(text);
    }
    // Another committee's subscription hears nothing of this committee's proposals.
    expect(await api.database.prisma.webhookDelivery.count({ where: { subscriptionId: elsewhere } })).toBe(0);
  });

  it("an escalation reaches an integrator without its details, as the history's rules hide its payload", () => {
    const details = { deadlineId: "reply", deadlineKind: "reply", level: 2, recipientRole: "leader" };
    // The history rule for the event behind the topic: the proposers (whom an integrator reads as) do not see it…
    const entry = { seq: 9, type: "deadline.escalate", actor: { role: "system" }, payload: details };
    expect(maySeePayload({ audience: "proposer" }, entry, new Set())).toBe(false);
    expect(maySeePayload({ audience: "back-office" }, entry, new Set())).toBe(true);
    // …so the webhook carries none of it to an integrator, and all of it to an admin.
    expect(disclosedFields("integrator", "deadline.escalated", details)).toEqual({});
    expect(disclosedFields("admin", "deadline.escalated", details)).toEqual(details);
    expect(
      disclosedFields("integrator", "proposal.closed", { stage: "closed", reason: "completed", extra: 1 }),
    ).toEqual({
      stage: "closed",
      reason: "completed",
    });
  });
});
