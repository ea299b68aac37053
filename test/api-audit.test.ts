import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * The audit trail over real HTTP and a real database: what administrators do is recorded with who, when, from
 * where and what; refused and failed attempts too; no credential is ever in it; nobody can rewrite it.
 */
let api: ApiHarness;

beforeAll(async () => {
  api = await startApi();
});

afterAll(async () => {
  await api.close();
});

// biome-ignore lint/suspicious/noExplicitAny: audit entries are asserted field by field
async function entries(query = ""): Promise<any[]> {
  const response = await api.call("GET", `/v1/audit-log${query}`);
  expect(response.status).toBe(200);
  return response.body.items;
}

describe("the audit trail", () => {
  it("records an issued and a revoked key with the admin who did it, and never the key itself", async () => {
    const issued = await api.call("POST", "/v1/api-keys", {
      body: { role: "staff", actorId: "staff-audit", name: "张三" },
      headers: { "x-request-id": "req-audit-issue" },
    });
    expect(issued.status).toBe(201);
    const revoked = await api.call("POST", `/v1/api-keys/${issued.body.id}/revoke`);
    expect(revoked.status).toBe(200);
    // A second revocation changes nothing, and is not recorded as one.
    expect((await api.call("POST", `/v1/api-keys/${issued.body.id}/revoke`)).status).toBe(200);

    const trail = await entries(`?targetType=api-key&targetId=${issued.body.id}`);
    expect(trail.map((entry) => entry.action)).toEqual(["api-key.revoke", "api-key.issue"]);
    const [revocation, issue] = trail;
    expect(issue).toMatchObject({
      outcome: "succeeded",
      actor: { role: "admin", actorId: "admin" },
      target: { type: "api-key", id: issued.body.id },
      details: { prefix: issued.body.prefix, role: "staff", actorId: "staff-audit", name: "张三" },
      requestId: "req-audit-issue",
    });
    expect(issue.address).toMatch(/127\.0\.0\.1/);
    expect(revocation.actor.keyPrefix).toBe(issue.actor.keyPrefix);
    expect(JSON.stringify(trail)).not.toContain(issued.body.key);
    expect(JSON.stringify(await entries())).not.toContain(api.adminKey);
  });

  it("records failed authentications and refused requests, without the key that was tried", async () => {
    const guessed = "hy_guessedguess_this-is-not-a-key-anyone-issued";
    expect((await api.call("GET", "/v1/directory/people", { key: guessed })).status).toBe(401);
    const staff = await api.issueKey("staff", "staff-curious");
    expect((await api.call("GET", "/v1/api-keys", { key: staff })).status).toBe(403);

    const failed = await entries("?action=authentication.failed");
    expect(failed[0]).toMatchObject({ outcome: "failed", actor: null, details: { path: "/v1/directory/people" } });
    const refused = await entries("?action=access.refused&actorId=staff-curious");
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      outcome: "refused",
      actor: { role: "staff", actorId: "staff-curious" },
      details: { method: "GET", path: "/v1/api-keys" },
    });
    const all = JSON.stringify(await entries("?limit=200"));
    expect(all).not.toContain(guessed);
    expect(all).not.toContain(staff);
  });

  it("records a webhook subscribed and unsubscribed by an integrator, with its URL and never its secret", async () => {
    const integrator = await api.issueKey("integrator", "oa-audit");
    const created = await api.call("POST", "/v1/webhooks", {
      key: integrator,
      body: { url: "https://oa.example.gov.cn/hooks/huiyin", events: ["*"] },
    });
    expect(created.status).toBe(201);
    expect((await api.call("DELETE", `/v1/webhooks/${created.body.id}`, { key: integrator })).status).toBe(204);
    const trail = await entries(`?targetType=webhook&targetId=${created.body.id}`);
    expect(trail.map((entry) => entry.action)).toEqual(["webhook.unsubscribe", "webhook.subscribe"]);
    expect(trail[1]).toMatchObject({
      actor: { role: "integrator", actorId: "oa-audit" },
      details: { url: "https://oa.example.gov.cn/hooks/huiyin", events: ["*"] },
    });
    expect(JSON.stringify(trail)).not.toContain(created.body.secret);
  });

  it("records every directory change in its transaction: people, units, roles", async () => {
    expect((await api.call("PUT", "/v1/directory/people/p-audit", { body: { name: "王主任" } })).status).toBe(201);
    expect(
      (await api.call("PUT", "/v1/directory/people/p-audit", { body: { name: "王主任", email: "w@x.cn" } })).status,
    ).toBe(200);
    expect((await api.call("PUT", "/v1/directory/roles/staff-head/people/p-audit")).status).toBe(201);
    expect((await api.call("PUT", "/v1/directory/roles/staff-head/people/p-audit")).status).toBe(200);
    expect(
      (await api.call("PUT", "/v1/directory/units/u-audit", { body: { name: "住建局", headPersonId: "p-audit" } }))
        .status,
    ).toBe(201);
    // Refused (the person heads a unit): changes nothing, records nothing.
    expect((await api.call("DELETE", "/v1/directory/people/p-audit")).status).toBe(409);
    expect((await api.call("DELETE", "/v1/directory/units/u-audit")).status).toBe(204);
    expect((await api.call("DELETE", "/v1/directory/roles/staff-head/people/p-audit")).status).toBe(204);
    expect((await api.call("DELETE", "/v1/directory/people/p-audit")).status).toBe(204);
    const person = await entries("?targetType=person&targetId=p-audit");
    expect(person.map((entry) => [entry.action, entry.details?.change ?? entry.details?.role ?? null])).toEqual([
      ["directory.person.delete", null],
      ["directory.role.unassign", "staff-head"],
      ["directory.role.assign", "staff-head"],
      ["directory.person.save", "replaced"],
      ["directory.person.save", "created"],
    ]);
    expect(person[3].details).toMatchObject({ name: "王主任", email: "w@x.cn" });
    const unit = await entries("?targetType=unit&targetId=u-audit");
    expect(unit.map((entry) => entry.action)).toEqual(["directory.unit.delete", "directory.unit.save"]);
    expect(unit[1].details).toMatchObject({ change: "created", name: "住建局", headPersonId: "p-audit" });
  });

  it("is for administrators only, and validates its filters", async () => {
    const staff = await api.issueKey("staff", "staff-reader");
    expect((await api.call("GET", "/v1/audit-log", { key: staff })).status).toBe(403);
    const bad = await api.call("GET", "/v1/audit-log?action=drop-tables");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("INVALID_QUERY");
    expect((await api.call("GET", "/v1/audit-log?from=yesterday")).status).toBe(400);
  });

  it("pages newest first and filters by time", async () => {
    for (const actorId of ["pager-1", "pager-2", "pager-3"]) await api.issueKey("proposer", actorId);
    const first = await api.call("GET", "/v1/audit-log?action=api-key.issue&limit=2");
    expect(first.body.items).toHaveLength(2);
    const second = await api.call("GET", `/v1/audit-log?action=api-key.issue&limit=2&cursor=${first.body.nextCursor}`);
    const ids = [...first.body.items, ...second.body.items].map((entry: { id: string }) => BigInt(entry.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    expect(new Set(ids).size).toBe(ids.length);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await entries(`?from=${encodeURIComponent(future)}`)).toEqual([]);
    expect((await entries(`?to=${encodeURIComponent(future)}&action=api-key.issue`)).length).toBeGreaterThanOrEqual(3);
  });

  it("cannot be rewritten: UPDATE, DELETE and TRUNCATE fail even for the application's own connection", async () => {
    const before = await api.database.prisma.auditEntry.count();
    expect(before).toBeGreaterThan(0);
    await expect(api.database.prisma.$executeRawUnsafe("UPDATE audit_log SET action = 'x'")).rejects.toThrow(
      /append-only/,
    );
    await expect(api.database.prisma.$executeRawUnsafe("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    await expect(api.database.prisma.$executeRawUnsafe("TRUNCATE audit_log")).rejects.toThrow(/append-only/);
    expect(await api.database.prisma.auditEntry.count()).toBe(before);
  });
});
