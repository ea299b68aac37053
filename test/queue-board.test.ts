import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createLogger } from "@huiyin/logger";
import { jobId, queues as queueNames } from "@huiyin/queue";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyEvent, createProposal, startEngineWorkers } from "../packages/engine/src/index.ts";
import { type Harness, staff, startHarness, ticketInput, until } from "../packages/engine/test/harness.ts";
import { queueBoardRoutes } from "../services/api/src/admin/queue-board.ts";
import { errorHandler } from "../services/api/src/http/errors.ts";
import { ensureAdminKey, PEOPLE_DEFAULTS } from "../services/api/src/index.ts";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * The queue board (`/admin/queues`, Bull Board) answers only to an administrator, is read-only unless
 * QUEUE_BOARD_WRITE turns changes on, and even then cannot make an alarm ring early: a promoted alarm job is put back
 * into the delayed set by the worker and rings at its time, once.
 */
describe("the queue board in the api, read-only (the default)", () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({ queueBoard: { writable: false } });
  });

  afterAll(async () => {
    await api.close();
  });

  it("refuses anyone but the deployment's admins: no key 401, an unknown key 401, staff, integrator, operator or another committee's admin 403", async () => {
    const staffKey = await api.issueKey("staff", "staff-1");
    const integrator = await api.issueKey("integrator", "oa-system");
    const anonymous = await fetch(`${api.base}/admin/queues`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
    const unknown = await fetch(`${api.base}/admin/queues/api/queues`, {
      headers: { authorization: "Bearer hy_unknownkey0_notakeyatallnotakeyatallnotakeyatall" },
    });
    expect(unknown.status).toBe(401);
    // The operator (no committee's data) and another committee's admin (its own only): the board shows every one's jobs.
    const operator = (await api.call("POST", "/v1/api-keys", { body: { role: "operator", actorId: "ops" } })).body
      .key as string;
    expect(
      (await api.call("POST", "/v1/committees", { key: operator, body: { id: "county", name: "某县政协" } })).status,
    ).toBe(201);
    const countyAdmin = (
      await api.call("POST", "/v1/committees/county/admin-keys", { key: operator, body: { actorId: "county-office" } })
    ).body.key as string;
    expect(countyAdmin).toMatch(/^hy_/);
    for (const key of [staffKey, integrator, operator, countyAdmin]) {
      for (const path of ["/admin/queues", "/admin/queues/api/queues"]) {
        const refused = await fetch(`${api.base}${path}`, { headers: { authorization: `Bearer ${key}` } });
        expect(refused.status, path).toBe(403);
        expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
      }
    }
  });

  it("shows an admin the page (under the strict CSP, its assets from this origin) and every queue", async () => {
    const headers = { authorization: `Bearer ${api.adminKey}` };
    const page = await fetch(`${api.base}/admin/queues`, { headers });
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await page.text();
    const script = /<script defer src="([^"]+)"/.exec(html)?.[1];
    expect(script).toMatch(/^static\/js\//);
    const asset = await fetch(`${api.base}/admin/queues/${script}`, { headers });
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/javascript/);

    const listed = await fetch(`${api.base}/admin/queues/api/queues`, { headers });
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { queues: { name: string; readOnlyMode: boolean }[] };
    expect(body.queues.map((queue) => queue.name).sort()).toEqual(Object.values(queueNames).sort());
    expect(body.queues.every((queue) => queue.readOnlyMode)).toBe(true);
  });

  it("opens for an admin's console session, not for another person's; a change by session needs our Origin", async () => {
    const cookieOf = async (id: string, email: string, role: string) => {
      expect((await api.call("PUT", `/v1/directory/people/${id}`, { body: { name: id, email } })).status).toBe(201);
      expect((await api.call("PUT", `/v1/directory/roles/${role}/people/${id}`)).status).toBe(201);
      const invited = await api.call("POST", `/v1/people/${id}/invitations`);
      const token = new URL(invited.body.link).hash.slice(1);
      const password = `${id}-board-password-2026`;
      const set = await fetch(`${api.base}/v1/invitations/${token}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: api.base },
        body: JSON.stringify({ password }),
      });
      expect(set.status).toBe(204);
      const signedIn = await fetch(`${api.base}/v1/session`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: api.base },
        body: JSON.stringify({ login: email, password }),
      });
      expect(signedIn.status).toBe(200);
      return (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    };
    const admin = await cookieOf("ann", "ann@office.example", "admin");
    const clerk = await cookieOf("li", "li@water.example", "unit:water");
    expect((await fetch(`${api.base}/admin/queues/api/queues`, { headers: { cookie: admin } })).status).toBe(200);
    expect((await fetch(`${api.base}/admin/queues/api/queues`, { headers: { cookie: clerk } })).status).toBe(403);
    const expired = await fetch(`${api.base}/admin/queues`, { headers: { cookie: "huiyin_session=ended" } });
    expect(expired.status).toBe(401);
    // A change by session: refused without an Origin, and from another site's.
    const promote = `${api.base}/admin/queues/api/queues/${queueNames.alarms}/promote`;
    for (const origin of [undefined, "https://evil.example"]) {
      const refused = await fetch(promote, {
        method: "PUT",
        headers: { cookie: admin, ...(origin ? { origin } : {}) },
      });
      expect(refused.status, String(origin)).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("CSRF_REJECTED");
    }
  });

  it("refuses every change while read-only, before Bull Board runs", async () => {
    const refused = await fetch(`${api.base}/admin/queues/api/queues/${queueNames.alarms}/promote`, {
      method: "PUT",
      headers: { authorization: `Bearer ${api.adminKey}` },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: unknown }).error).toMatchObject({
      code: "FORBIDDEN",
      details: { reason: "QUEUE_BOARD_READ_ONLY" },
    });
  });
});

describe("the queue board with write actions on (QUEUE_BOARD_WRITE=true)", () => {
  let h: Harness;
  let server: Server;
  let base: string;
  const adminKey = `admin-key-for-board-tests-${"x".repeat(16)}`;

  beforeAll(async () => {
    h = await startHarness();
    await ensureAdminKey(h.db, { key: adminKey }, createLogger({ service: "t", level: "silent", format: "json" }));
    const app = express();
    app.use(
      "/admin/queues",
      queueBoardRoutes(
        { queues: Object.values(h.deps.queues), writable: true },
        { database: h.db, clock: h.deps.clock, sessions: PEOPLE_DEFAULTS, ownOrigins: () => [] },
      ),
    );
    app.use(errorHandler);
    server = await new Promise((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await h.close();
  });

  it("promotes an alarm job early, and the alarm still rings at its time, once", async () => {
    const workers = await startEngineWorkers(h.deps, {
      connection: h.workerConnection,
      prefix: h.redis.prefix,
      relayPollMs: 100,
    });
    try {
      const { proposal } = await createProposal(h.deps, {
        input: ticketInput({ replyMs: 6_000, remindBeforeMs: 3_000, escalateEveryMs: 60_000 }),
        actor: staff,
      });
      await applyEvent(h.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: staff });
      const reminder = await h.db.prisma.alarm.findFirstOrThrow({ where: { proposalId: proposal.id, kind: "remind" } });
      const queue = h.deps.queues[queueNames.alarms];
      const id = jobId("deadline.alarm", reminder.id);
      await until(async () => (await (await queue.getJob(id))?.getState()) === "delayed", 5_000, "the job delayed");

      const promotedAt = Date.now();
      const promoted = await fetch(`${base}/admin/queues/api/queues/${queueNames.alarms}/${id}/promote`, {
        method: "PUT",
        headers: { authorization: `Bearer ${adminKey}` },
      });
      expect(promoted.status).toBe(204);

      // The worker took the promoted job and put it back: delayed again, no attempt spent, nothing rung.
      await until(
        async () => {
          const job = await queue.getJob(id);
          return (await job?.getState()) === "delayed" && (job?.processedOn ?? 0) >= promotedAt;
        },
        5_000,
        "the promoted job back in the delayed set",
      );
      expect((await queue.getJob(id))?.attemptsMade).toBe(0);
      expect((await h.db.prisma.alarm.findUniqueOrThrow({ where: { id: reminder.id } })).status).toBe("pending");
      expect(await h.db.prisma.notice.count({ where: { proposalId: proposal.id } })).toBe(0);

      await until(
        async () => (await h.db.prisma.alarm.findUniqueOrThrow({ where: { id: reminder.id } })).status === "fired",
        10_000,
        "the reminder fired",
      );
      const fired = await h.db.prisma.alarm.findUniqueOrThrow({ where: { id: reminder.id } });
      expect(fired.firedAt?.getTime()).toBeGreaterThanOrEqual(reminder.fireAt.getTime());
      expect(await h.db.prisma.notice.count({ where: { proposalId: proposal.id } })).toBe(1);
    } finally {
      await workers.close();
    }
  });
});
