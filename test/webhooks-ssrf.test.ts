import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { freePort } from "@huiyin/infra-local";
import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DELIVERY_PROBLEMS,
  type DestinationPolicy,
  deliverWebhook,
  NOTHING_ALLOWED,
  newWebhookSecret,
  type Resolver,
  systemClock,
  systemResolver,
} from "../packages/engine/src/index.ts";
import { type ApiHarness, startApi, testKeyring } from "./support/api.ts";

/**
 * Webhooks cannot be aimed inside: a real HTTP listener on 127.0.0.1 stands for every internal service (Redis,
 * PostgreSQL, the api's own port, a health port) and must receive nothing, whichever way its address is written.
 * No WEBHOOK_ALLOWED_DESTINATIONS here: the production default.
 *
 * - Registration refuses every spelling with 422 WEBHOOK_URL_FORBIDDEN and stores nothing.
 * - Delivery checks again: rows written straight into the database (an older release, a hand edit) with the same
 *   URLs, and a name that resolved to a public address at registration and to loopback at delivery (DNS rebinding),
 *   all fail with "destination not allowed", which is all the deliveries API shows.
 */

let listener: Server;
let port: number;
let hits = 0;
let api: ApiHarness;
const logger = createLogger({ service: "ssrf-test", level: "silent", format: "json" });

/** A DNS that answers public for `rebind.test` at registration, and loopback once `flip()` is called. */
const rebinding = (() => {
  let inside = false;
  const system = systemResolver();
  const resolve: Resolver = async (host) => {
    if (host !== "rebind.test") return system(host);
    return [{ address: inside ? "127.0.0.1" : "93.184.216.34", family: 4 }];
  };
  return { resolve, flip: () => (inside = true) };
})();
const destinations: DestinationPolicy = { allow: NOTHING_ALLOWED, resolve: rebinding.resolve };

/** Loopback (and the unspecified address, which Linux connects to loopback), written every way a URL allows. */
const spellings = (p: number) => [
  `http://127.0.0.1:${p}/hook`,
  `http://127.0.0.1.:${p}/hook`,
  `http://127.1:${p}/hook`,
  `http://127.0.1:${p}/hook`,
  `http://2130706433:${p}/hook`,
  `http://0x7f000001:${p}/hook`,
  `http://0x7f.1:${p}/hook`,
  `http://0x7F.0x0.0x0.0x1:${p}/hook`,
  `http://0177.0.0.1:${p}/hook`,
  `http://017700000001:${p}/hook`,
  `http://127.000.000.001:${p}/hook`,
  `http://0:${p}/hook`,
  `http://0.0.0.0:${p}/hook`,
  `http://[::1]:${p}/hook`,
  `http://[0:0:0:0:0:0:0:1]:${p}/hook`,
  `http://[::]:${p}/hook`,
  `http://[::ffff:127.0.0.1]:${p}/hook`,
  `http://[::ffff:7f00:1]:${p}/hook`,
  `http://[0:0:0:0:0:ffff:7f00:1]:${p}/hook`,
  `http://[::127.0.0.1]:${p}/hook`,
  `http://[64:ff9b::127.0.0.1]:${p}/hook`,
  `http://[2002:7f00:1::1]:${p}/hook`,
  `http://localhost:${p}/hook`,
  `http://localhost.:${p}/hook`,
  `http://LocalHost:${p}/hook`,
  `http://api.localhost:${p}/hook`,
  `https://127.0.0.1:${p}/hook`,
];
/** Other internal ranges (nothing listens there; they must be refused before any connection is tried). */
const internal = [
  "http://169.254.169.254/latest/meta-data/",
  "http://[::ffff:a9fe:a9fe]/latest/meta-data/",
  "http://10.0.0.1/",
  "http://172.16.0.1/",
  "http://192.168.1.1/",
  "http://100.100.100.200/",
  "http://224.0.0.1/",
  "http://255.255.255.255/",
  "http://[fd00::1]/",
  "http://[fe80::1]/",
  "http://[ff02::1]/",
];

beforeAll(async () => {
  listener = createServer((_request, response) => {
    hits += 1;
    response.statusCode = 204;
    response.end();
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  port = (listener.address() as AddressInfo).port;
  api = await startApi({ overrides: { webhooks: { destinations, keyring: testKeyring } } });
});

afterAll(async () => {
  await api?.close();
  await new Promise<void>((resolve) => {
    listener.close(() => resolve());
    listener.closeAllConnections();
  });
});

const content = {
  title: "关于加强社区居家养老服务的建议",
  reasons: "老龄人口增加，社区养老服务供给不足。",
  suggestions: ["增设社区日间照料中心"],
  category: "livelihood",
  proposers: [{ id: "member-1" }],
  submit: true,
};

describe("webhook destinations inside the network", () => {
  it("are refused at registration, in every spelling, with a stable code and nothing stored", async () => {
    const integrator = await api.issueKey("integrator", "smart-cppcc");
    for (const url of [...spellings(port), ...internal]) {
      const response = await api.call("POST", "/v1/webhooks", { key: integrator, body: { url, events: ["*"] } });
      expect(response.status, url).toBe(422);
      expect(response.body.error.code, url).toBe("WEBHOOK_URL_FORBIDDEN");
      // The answer says what is wrong, not what the name resolved to.
      expect(response.body.error.message).not.toMatch(/127\.0\.0\.1|::1|\d+\.\d+\.\d+\.\d+/);
    }
    expect(await api.database.prisma.webhookSubscription.count()).toBe(0);
    expect(hits).toBe(0);
  });

  it("are refused at every delivery too: rows that bypassed registration, and a name rebound to loopback", async () => {
    // A subscription registered while its name pointed outside…
    const rebind = await api.call("POST", "/v1/webhooks", {
      body: { url: `http://rebind.test:${port}/hook`, events: ["proposal.stage"] },
    });
    expect(rebind.status).toBe(201);
    // …and rows written past the API, with every spelling.
    const urls = [...spellings(port), ...internal];
    const ids = urls.map((_, index) => `wh_ssrf${String(index).padStart(3, "0")}`);
    await api.database.prisma.webhookSubscription.createMany({
      data: urls.map((url, index) => ({
        id: ids[index] as string,
        url,
        events: ["proposal.stage"],
        secretSealed: newWebhookSecret(testKeyring, ids[index] as string).sealed,
        ownerRole: "admin",
        ownerId: "admin",
      })),
    });
    rebinding.flip();

    const created = await api.call("POST", "/v1/proposals", { body: content });
    expect(created.status).toBe(201);
    const deliveries = await api.database.prisma.webhookDelivery.findMany();
    // Each proposal enters two stages (submit, review): two deliveries per subscription.
    expect(deliveries).toHaveLength((urls.length + 1) * 2);
    // No retries (an empty schedule): the first attempt is the last.
    const deps = {
      db: api.database,
      logger,
      clock: systemClock,
      destinations,
      keyring: testKeyring,
      timeoutMs: 2_000,
      retryDelaysMs: [],
    };
    for (const delivery of deliveries) {
      expect(await deliverWebhook(deps, delivery.id)).toEqual({ outcome: "failed" });
    }
    const after = await api.database.prisma.webhookDelivery.findMany();
    expect(after.every((row) => row.status === "failed" && row.attempts === 1)).toBe(true);
    expect(new Set(after.map((row) => row.lastError))).toEqual(new Set([DELIVERY_PROBLEMS.forbidden]));
    expect(after.every((row) => row.lastStatusCode === null)).toBe(true);
    expect(hits).toBe(0);

    // What an integrator (here the admin who owns them) reads: the kind of failure, no address, no port.
    for (const id of [rebind.body.id as string, ids[0] as string, ids.at(-1) as string]) {
      const listed = await api.call("GET", `/v1/webhooks/${id}/deliveries`);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((item: { lastError: string }) => item.lastError)).toEqual([
        "destination not allowed",
        "destination not allowed",
      ]);
      const { items } = listed.body as { items: Record<string, unknown>[] };
      const shown = JSON.stringify(items.map(({ payload: _payload, ...rest }) => rest));
      expect(shown).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|EHOSTUNREACH|::1/);
      expect(shown).not.toContain(String(port));
    }
  });

  it("says only 'connection failed' when an allowed receiver cannot be reached", async () => {
    // An operator's allow-listed intranet receiver that is down: the integrator learns that, not its address.
    const closed = await freePort();
    const id = `wh_down${randomBytes(4).toString("hex")}`;
    await api.database.prisma.webhookSubscription.create({
      data: {
        id,
        url: `http://127.0.0.1:${closed}/hook`,
        events: ["proposal.closed"],
        secretSealed: newWebhookSecret(testKeyring, id).sealed,
        ownerRole: "admin",
        ownerId: "admin",
      },
    });
    const proposal = (await api.database.prisma.webhookDelivery.findFirstOrThrow()).proposalId;
    const deliveryId = `${proposal}.down.0.${id}`;
    await api.database.prisma.webhookDelivery.create({
      data: {
        id: deliveryId,
        subscriptionId: id,
        proposalId: proposal,
        topic: "proposal.closed",
        payload: {},
        status: "pending",
      },
    });
    const allowDown: DestinationPolicy = {
      allow: { cidrs: [], hostPorts: [{ host: "127.0.0.1", port: closed }] },
      resolve: systemResolver(),
    };
    const deps = { db: api.database, logger, clock: systemClock, destinations: allowDown, keyring: testKeyring };
    const attempt = await deliverWebhook(deps, deliveryId);
    expect(attempt.outcome).toBe("retrying");
    const row = await api.database.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect([row.status, row.lastError, row.lastStatusCode]).toEqual(["retrying", "connection failed", null]);
    // The next attempt's time is kept with the row: the first pause of the schedule after this attempt.
    expect(row.nextAttemptAt?.getTime()).toBe((row.lastAttemptAt as Date).getTime() + 5_000);
    expect(attempt.retryAt).toEqual(row.nextAttemptAt);
    expect(hits).toBe(0);
  });
});
