import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEOPLE_DEFAULTS } from "../services/api/src/index.ts";
import { deliverToInbox } from "../services/notifier/src/inbox.ts";
import { type ApiHarness, startApi, TEST_SCRYPT } from "./support/api.ts";
import { eventually } from "./support/processes.ts";

/**
 * Who may act for whom (issue 14) over real HTTP, PostgreSQL and Redis: an integrator key acting for the people it
 * is bound to (X-On-Behalf-Of) with their scope and nothing more, a delegate acting during a delegation and not after,
 * and a leaver's roles and open items handed to a successor. The history keeps who acted and for whom.
 */
let api: ApiHarness;
let offsetMs = 0;
const MINUTE = 60_000;
const PASSWORD = "代理-刘-correct-horse-battery";
const silent = createLogger({ service: "api-test", level: "silent", format: "json" });
let staffKey: string;
/** The OA system: bound to wang, qian, zhao and sun by person. */
let oa: { id: string; prefix: string; key: string };
/** The member app: bound to every proposer, by role. */
let memberApp: { id: string; prefix: string; key: string };
let water: string;
let roads: string;
/** A proposal of wang's as a member, made through the member app. */
let wangsOwn: string;

const now = () => new Date(Date.now() + offsetMs);

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Answer = { status: number; headers: Headers; body: any };

const as = (key: string, person: string) => ({ key, headers: { "x-on-behalf-of": person } });

async function event(options: { key: string; headers?: Record<string, string> }, id: string, body: unknown) {
  return api.call("POST", `/v1/proposals/${id}/events`, { ...options, body });
}

async function lastEntry(id: string) {
  const history = await api.call("GET", `/v1/proposals/${id}/history?limit=200`, { key: staffKey });
  expect(history.status).toBe(200);
  return history.body.items.at(-1);
}

const versionOf = async (id: string) =>
  (await api.database.prisma.proposal.findUniqueOrThrow({ where: { id } })).version;

/** Submitted by staff for `member`, registered and assigned to `unit` alone; its id. */
async function assigned(member: string, unit: string, title: string): Promise<string> {
  const created = await api.call("POST", "/v1/proposals", {
    key: staffKey,
    body: {
      title,
      reasons: "群众反映强烈。",
      suggestions: ["加快推进"],
      category: "urban",
      proposers: [{ id: member }],
      submit: true,
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  for (const body of [
    { type: "review.register", category: "urban" },
    { type: "assign", mode: "sole", units: [{ unitId: unit, role: "lead" }] },
  ]) {
    expect((await event({ key: staffKey }, id, body)).status).toBe(200);
  }
  return id;
}

async function issue(actorId: string, actsFor: { people?: string[]; roles?: string[] }) {
  const issued = await api.call("POST", "/v1/api-keys", { body: { role: "integrator", actorId, actsFor } });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return { id: issued.body.id as string, prefix: issued.body.prefix as string, key: issued.body.key as string };
}

/** Signs a person in as the console does (invitation, password, sign-in): their cookie and CSRF token. */
async function signedIn(personId: string, login: string) {
  const invited = await api.call("POST", `/v1/people/${personId}/invitations`);
  expect(invited.status).toBe(201);
  const token = new URL(invited.body.link).hash.slice(1);
  const origin = api.base;
  const set = await fetch(`${api.base}/v1/invitations/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ password: PASSWORD }),
  });
  expect(set.status).toBe(204);
  const response = await fetch(`${api.base}/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const answer = await fetch(`${api.base}${path}`, {
      method,
      headers: {
        cookie,
        origin,
        "x-csrf-token": csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await answer.text();
    return { status: answer.status, headers: answer.headers, body: text ? JSON.parse(text) : undefined };
  };
}

beforeAll(async () => {
  api = await startApi({
    overrides: { clock: { now }, people: { ...PEOPLE_DEFAULTS, scrypt: TEST_SCRYPT } },
  });
  for (const [id, name, email] of [
    ["wang", "王水务", null],
    ["zhou", "周道路", null],
    ["zhao", "赵道路", null],
    ["qian", "钱已停用", null],
    ["sun", "孙接任", null],
    ["liu", "刘代理", "liu@water.example"],
  ] as const) {
    const saved = await api.call("PUT", `/v1/directory/people/${id}`, { body: { name, ...(email ? { email } : {}) } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  }
  // wang: a contact of the water bureau and a member; zhou and zhao: contacts of roads, zhao its head and a member;
  // liu: a member, and wang's delegate later; qian: a water contact whose account is disabled.
  for (const path of [
    "unit:water/people/wang",
    "proposer:member-wang/people/wang",
    "unit:roads/people/zhou",
    "unit:roads/people/zhao",
    "proposer:member-zhao/people/zhao",
    "proposer:member-liu/people/liu",
    "unit:water/people/qian",
  ]) {
    expect((await api.call("PUT", `/v1/directory/roles/${path}`)).status).toBe(201);
  }
  expect(
    (await api.call("PUT", "/v1/directory/units/roads", { body: { name: "交通局", headPersonId: "zhao" } })).status,
  ).toBe(201);
  // Proposals are assigned only to units of the directory, once it has any.
  expect((await api.call("PUT", "/v1/directory/units/water", { body: { name: "水务局" } })).status).toBe(201);
  expect((await api.call("POST", "/v1/people/qian/disable")).status).toBe(200);
  // A person of another committee, whom no key of this one may act for.
  await api.database.prisma.person.create({ data: { id: "xu", name: "徐外委", committeeId: "elsewhere" } });
  staffKey = await api.issueKey("staff", "office-1");
  oa = await issue("oa-system", { people: ["wang", "qian", "zhao", "sun"] });
  memberApp = await issue("member-app", { roles: ["proposer"] });
  water = await assigned("member-a", "water", "关于改善城区供水的建议");
  roads = await assigned("member-b", "roads", "关于整治道路积水的建议");
}, 60_000);

afterAll(async () => {
  await api.close();
});

describe("an integrator acting for a person it is bound to", () => {
  it("acts with that person's roles: whoami names them, the person's proposals only", async () => {
    const me = await api.call("GET", "/v1/whoami", as(oa.key, "wang"));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      role: "unit",
      actorId: "wang",
      unitId: "water",
      prefix: oa.prefix,
      onBehalfOf: "wang",
    });
    expect(me.body.roles).toEqual([
      { role: "unit", scope: "water" },
      { role: "proposer", scope: "member-wang" },
    ]);
    expect((await api.call("GET", `/v1/proposals/${water}`, as(oa.key, "wang"))).status).toBe(200);
    const theirs = await api.call("GET", `/v1/proposals/${roads}`, as(oa.key, "wang"));
    expect(theirs.status).toBe(404);
    const listed = await api.call("GET", "/v1/proposals?limit=100", as(oa.key, "wang"));
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([water]);
    // Without the header the key is the integrator itself, which created nothing.
    expect((await api.call("GET", `/v1/proposals/${water}`, { key: oa.key })).status).toBe(404);
  });

  it("sends the person's event, recorded with the person and the key", async () => {
    const sent = await event(as(oa.key, "wang"), water, { type: "unit.acknowledge" });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(await lastEntry(water)).toMatchObject({
      type: "unit.acknowledge",
      actor: {
        role: "unit",
        id: "wang",
        unitId: "water",
        behalf: { via: { keyId: oa.id, keyPrefix: oa.prefix, integratorId: "oa-system", personId: "wang" } },
      },
    });
  });

  it("keeps an Idempotency-Key to one person: the same key and body for another is another request (422)", async () => {
    const create = (person: string) =>
      api.call("POST", "/v1/proposals", {
        key: memberApp.key,
        headers: { "x-on-behalf-of": person, "idempotency-key": "member-app-same-key" },
        body: {
          title: "关于完善社区养老服务的建议",
          reasons: "老龄人口增加。",
          suggestions: ["增设日间照料中心"],
          category: "livelihood",
          proposers: [{ id: "member-wang" }],
        },
      });
    const first = await create("wang");
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const replay = await create("wang");
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body.id).toBe(first.body.id);
    // zhao is a member the app may act for too: wang's answer is not replayed to him.
    const reused = await create("zhao");
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("is refused what the person may not do, and changes nothing", async () => {
    const before = [await versionOf(water), await versionOf(roads)];
    const staffWork = await event(as(oa.key, "wang"), water, { type: "supervise.record", mode: "online", note: "x" });
    expect(staffWork.status).toBe(403);
    expect(staffWork.body.error.code).toBe("FORBIDDEN");
    const otherUnit = await event(as(oa.key, "wang"), roads, { type: "unit.acknowledge" });
    expect(otherUnit.status).toBe(404);
    expect([await versionOf(water), await versionOf(roads)]).toEqual(before);
  });

  it("bound by role, acts only under the roles bound: the member app is the member, not the unit contact", async () => {
    const me = await api.call("GET", "/v1/whoami", as(memberApp.key, "wang"));
    expect(me.body).toMatchObject({ role: "proposer", actorId: "member-wang", onBehalfOf: "wang" });
    expect(me.body.roles).toEqual([{ role: "proposer", scope: "member-wang" }]);
    expect((await api.call("GET", `/v1/proposals/${water}`, as(memberApp.key, "wang"))).status).toBe(404);
    const created = await api.call("POST", "/v1/proposals", {
      ...as(memberApp.key, "wang"),
      body: {
        title: "关于增设社区充电桩的建议",
        reasons: "电动车增多。",
        suggestions: ["增设充电桩"],
        category: "urban",
        proposers: [{ id: "member-wang" }],
        submit: true,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    wangsOwn = created.body.id;
    const submitted = await lastEntry(created.body.id);
    expect(submitted).toMatchObject({
      type: "submit",
      actor: { role: "proposer", id: "member-wang", behalf: { via: { integratorId: "member-app", personId: "wang" } } },
    });
  });

  it("refuses with a stable code: not bound, unknown, of another committee, disabled, not an integrator key", async () => {
    const cases: [{ key: string; headers: Record<string, string> }, string][] = [
      [as(oa.key, "zhou"), "ON_BEHALF_NOT_BOUND"],
      [as(memberApp.key, "zhou"), "ON_BEHALF_NOT_BOUND"],
      [as(oa.key, "nobody"), "ON_BEHALF_UNKNOWN_PERSON"],
      [as(oa.key, "xu"), "ON_BEHALF_UNKNOWN_PERSON"],
      [as(oa.key, "qian"), "ON_BEHALF_PERSON_DISABLED"],
      [as(staffKey, "wang"), "ON_BEHALF_NOT_INTEGRATOR"],
    ];
    for (const [options, code] of cases) {
      const before = await versionOf(water);
      const answer = await event(options, water, {
        type: "handle.contact",
        channel: "phone",
        contactedAt: now().toISOString(),
        summary: "电话沟通",
      });
      expect(answer.status, code).toBe(403);
      expect(answer.body.error.code).toBe(code);
      expect(await versionOf(water)).toBe(before);
    }
    // Refusals are audited once their answer is sent (after it, not before): read until all four are there.
    const named = async () => {
      const refused = await api.database.prisma.auditEntry.findMany({
        where: { action: "access.refused", actorKeyId: oa.id },
      });
      return refused.map((entry) => (entry.details as { onBehalfOf?: string }).onBehalfOf);
    };
    const expected = ["nobody", "qian", "xu", "zhou"];
    let seen: (string | undefined)[] = [];
    await eventually(
      async () => {
        seen = await named();
        return expected.every((person) => seen.includes(person));
      },
      10_000,
      () => `audited refusals named ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)} among them`,
    );
  });

  it("follows its binding as an admin changes it (audited): unbound, the next request is refused", async () => {
    const staff = await api.call("PUT", `/v1/api-keys/${oa.id}/acts-for`, { key: staffKey, body: { people: [] } });
    expect(staff.status).toBe(403);
    const notIntegrator = await api.call("GET", "/v1/api-keys");
    const staffRow = notIntegrator.body.items.find((row: { role: string }) => row.role === "staff");
    const wrongKey = await api.call("PUT", `/v1/api-keys/${staffRow.id}/acts-for`, { body: { people: ["wang"] } });
    expect(wrongKey.status).toBe(422);
    const badRole = await api.call("PUT", `/v1/api-keys/${oa.id}/acts-for`, { body: { roles: ["admin"] } });
    expect(badRole.status).toBe(422);

    const bound = await api.call("PUT", `/v1/api-keys/${oa.id}/acts-for`, {
      body: { people: ["qian", "zhao", "sun"], roles: ["unit:roads"] },
    });
    expect(bound.status).toBe(200);
    expect(bound.body.actsFor).toEqual({ people: ["qian", "zhao", "sun"], roles: ["unit:roads"] });
    const refused = await api.call("GET", `/v1/proposals/${water}`, as(oa.key, "wang"));
    expect(refused.body.error.code).toBe("ON_BEHALF_NOT_BOUND");
    // zhou now, as a contact of roads.
    expect((await api.call("GET", `/v1/proposals/${roads}`, as(oa.key, "zhou"))).status).toBe(200);
    const audit = await api.database.prisma.auditEntry.findFirstOrThrow({
      where: { action: "api-key.bind", targetId: oa.id },
    });
    expect(audit.details).toMatchObject({
      before: { people: ["wang", "qian", "zhao", "sun"], roles: [] },
      after: { people: ["qian", "zhao", "sun"], roles: ["unit:roads"] },
    });
    await api.call("PUT", `/v1/api-keys/${oa.id}/acts-for`, { body: { people: ["wang", "qian", "zhao", "sun"] } });
  });
});

describe("a delegation", () => {
  let liu: Awaited<ReturnType<typeof signedIn>>;
  let delegationId: string;

  beforeAll(async () => {
    liu = await signedIn("liu", "liu@water.example");
  });

  it("is refused when it cannot be, and to anyone but an admin or the person themself", async () => {
    const until = new Date(now().getTime() + 30 * MINUTE).toISOString();
    const from = now().toISOString();
    for (const [body, reason] of [
      [{ delegateId: "wang", from, until }, "SELF"],
      [{ delegateId: "liu", from: until, until: from }, "PERIOD"],
      [{ delegateId: "nobody", from, until }, "UNKNOWN_DELEGATE"],
      [{ delegateId: "xu", from, until }, "UNKNOWN_DELEGATE"],
    ] as const) {
      const answer = await api.call("POST", "/v1/people/wang/delegations", { body });
      expect(answer.status, reason).toBe(422);
      expect(answer.body.error).toMatchObject({ code: "DELEGATION_INVALID", details: { reason } });
    }
    const stranger = await api.call("POST", "/v1/people/wang/delegations", {
      key: staffKey,
      body: { delegateId: "liu", from, until },
    });
    expect(stranger.status).toBe(403);
    expect(await liu("POST", "/v1/people/wang/delegations", { delegateId: "liu", from, until })).toMatchObject({
      status: 403,
    });
    expect(await api.database.prisma.delegation.count()).toBe(0);
  });

  it("lets the delegate see and act on the delegator's items during its period, recorded under it", async () => {
    expect((await liu("GET", `/v1/proposals/${water}`)).status).toBe(404);
    // wang delegates himself, through the OA system that acts for him.
    const created = await api.call("POST", "/v1/people/wang/delegations", {
      ...as(oa.key, "wang"),
      body: {
        delegateId: "liu",
        from: new Date(now().getTime() - MINUTE).toISOString(),
        until: new Date(now().getTime() + 30 * MINUTE).toISOString(),
        roles: ["unit:water"],
        reason: "出差",
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ delegatorId: "wang", delegateId: "liu", roles: ["unit:water"], active: true });
    delegationId = created.body.id;

    expect((await liu("GET", `/v1/proposals/${water}`)).status).toBe(200);
    const session = await liu("GET", "/v1/session");
    expect(session.body.roles).toEqual([{ role: "proposer", scope: "member-liu" }]);
    expect(session.body.delegated).toEqual([
      { role: "unit", scope: "water", delegatorId: "wang", delegatorName: "王水务", delegationId },
    ]);
    const work = await liu("GET", "/v1/my-work");
    expect(work.status).toBe(200);
    expect(work.body.items).toContainEqual(expect.objectContaining({ proposalId: water, delegatorId: "wang" }));
    const sent = await liu("POST", `/v1/proposals/${water}/events`, {
      type: "handle.contact",
      channel: "phone",
      contactedAt: now().toISOString(),
      summary: "代王水务电话沟通",
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(await lastEntry(water)).toMatchObject({
      type: "handle.contact",
      actor: {
        role: "unit",
        id: "wang",
        unitId: "water",
        behalf: { delegation: { id: delegationId, delegatorId: "wang", delegateId: "liu" } },
      },
    });
    // Only the roles delegated: wang's own proposal as a member is not liu's.
    expect((await liu("GET", `/v1/proposals/${wangsOwn}`)).status).toBe(404);
    const audit = await api.database.prisma.auditEntry.findFirstOrThrow({ where: { action: "delegation.create" } });
    expect(audit).toMatchObject({ targetId: "wang", actorKeyId: oa.id });
    expect(audit.details).toMatchObject({ delegationId, delegateId: "liu", onBehalfOf: "wang" });
  });

  it("has no effect once its period is over: the next request is the delegate's own again", async () => {
    offsetMs += 31 * MINUTE;
    expect((await liu("GET", `/v1/proposals/${water}`)).status).toBe(404);
    expect((await liu("GET", "/v1/session")).body.delegated).toBeUndefined();
    const before = await versionOf(water);
    const late = await liu("POST", `/v1/proposals/${water}/events`, {
      type: "handle.contact",
      channel: "phone",
      contactedAt: now().toISOString(),
      summary: "过期后",
    });
    expect(late.status).toBe(404);
    expect(await versionOf(water)).toBe(before);
    const listed = await liu("GET", "/v1/people/liu/delegations");
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: delegationId, active: false })]);
  });

  it("has no effect once revoked, from the next request on (audited)", async () => {
    const created = await api.call("POST", "/v1/people/wang/delegations", {
      body: {
        delegateId: "liu",
        from: now().toISOString(),
        until: new Date(now().getTime() + 60 * MINUTE).toISOString(),
      },
    });
    expect(created.status).toBe(201);
    expect((await liu("GET", `/v1/proposals/${water}`)).status).toBe(200);
    const revoked = await api.call("POST", `/v1/people/wang/delegations/${created.body.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ active: false, revokedAt: expect.any(String) });
    expect((await liu("GET", `/v1/proposals/${water}`)).status).toBe(404);
    expect(await api.database.prisma.auditEntry.count({ where: { action: "delegation.revoke" } })).toBe(1);
    const again = await api.call("POST", `/v1/people/wang/delegations/${created.body.id}/revoke`);
    expect(again.status).toBe(200);
    expect(await api.database.prisma.auditEntry.count({ where: { action: "delegation.revoke" } })).toBe(1);
  });

  it("has no effect when its delegator's account is disabled", async () => {
    const created = await api.call("POST", "/v1/people/qian/delegations", {
      body: {
        delegateId: "liu",
        from: now().toISOString(),
        until: new Date(now().getTime() + 60 * MINUTE).toISOString(),
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.active).toBe(true);
    // qian, a water contact, is disabled: liu holds nothing of hers.
    expect((await liu("GET", `/v1/proposals/${water}`)).status).toBe(404);
    await api.call("POST", `/v1/people/qian/delegations/${created.body.id}/revoke`);
  });
});

describe("a succession", () => {
  it("moves the leaver's roles, unit headship and open inbox items to the successor, and disables the leaver", async () => {
    for (const notice of await api.database.prisma.notice.findMany()) {
      await deliverToInbox(api.database, notice.id, silent);
    }
    const open = await api.call("GET", "/v1/notifications?limit=100&unacknowledged=true", as(oa.key, "zhao"));
    const roadsNotices = open.body.items.filter((item: { proposalId: string }) => item.proposalId === roads);
    expect(roadsNotices.length).toBeGreaterThan(0);
    expect((await api.call("GET", "/v1/notifications?limit=100", as(oa.key, "sun"))).status).toBe(403);

    const refused = await api.call("POST", "/v1/people/zhao/succession", {
      key: staffKey,
      body: { successorId: "sun", account: "disable" },
    });
    expect(refused.status).toBe(403);
    for (const [successorId, reason] of [
      ["zhao", "SELF"],
      ["nobody", "UNKNOWN_SUCCESSOR"],
      ["qian", "SUCCESSOR_DISABLED"],
    ] as const) {
      const invalid = await api.call("POST", "/v1/people/zhao/succession", { body: { successorId, account: "keep" } });
      expect(invalid.body.error).toMatchObject({ code: "SUCCESSION_INVALID", details: { reason } });
    }

    const handed = await api.call("POST", "/v1/people/zhao/succession", {
      body: { successorId: "sun", account: "disable", reason: "换届" },
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body).toMatchObject({
      leaverId: "zhao",
      successorId: "sun",
      roles: ["unit:roads"],
      headOf: ["roads"],
      account: "disabled",
    });
    expect(handed.body.openNotices).toEqual(
      expect.arrayContaining(roadsNotices.map((item: { id: string }) => item.id)),
    );

    // The successor: roads' contact and head, with its open items and its proposal.
    const successor = await api.call("GET", "/v1/notifications?limit=100&unacknowledged=true", as(oa.key, "sun"));
    expect(successor.status).toBe(200);
    expect(successor.body.items.map((item: { id: string }) => item.id)).toEqual(
      expect.arrayContaining(roadsNotices.map((item: { id: string }) => item.id)),
    );
    const acted = await event(as(oa.key, "sun"), roads, { type: "unit.acknowledge" });
    expect(acted.status, JSON.stringify(acted.body)).toBe(200);
    expect((await lastEntry(roads)).actor).toMatchObject({ role: "unit", id: "sun", unitId: "roads" });
    expect((await api.database.prisma.unit.findUniqueOrThrow({ where: { id: "roads" } })).headPersonId).toBe("sun");

    // The leaver: disabled, nobody acts for them; their authorship (proposer role) stays theirs.
    expect((await api.call("GET", "/v1/whoami", as(oa.key, "zhao"))).body.error.code).toBe("ON_BEHALF_PERSON_DISABLED");
    const left = await api.database.prisma.roleAssignment.findMany({ where: { personId: "zhao" } });
    expect(left.map((row) => `${row.role}:${row.scope}`)).toEqual(["proposer:member-zhao"]);
    const audit = await api.database.prisma.auditEntry.findFirstOrThrow({ where: { action: "person.succession" } });
    expect(audit).toMatchObject({ targetType: "person", targetId: "zhao" });
    expect(audit.details).toMatchObject({
      successorId: "sun",
      roles: ["unit:roads"],
      account: "disabled",
      reason: "换届",
    });
  });

  it("may keep the leaver's account: they sign in still, without the roles handed over", async () => {
    const rebound = await api.call("PUT", `/v1/api-keys/${oa.id}/acts-for`, { body: { roles: ["unit:roads"] } });
    expect(rebound.status).toBe(200);
    expect((await api.call("GET", "/v1/whoami", as(oa.key, "zhou"))).status).toBe(200);
    const handed = await api.call("POST", "/v1/people/zhou/succession", {
      body: { successorId: "sun", account: "keep" },
    });
    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({ roles: ["unit:roads"], headOf: [], account: "kept" });
    expect(await api.database.prisma.personAccount.findUnique({ where: { personId: "zhou" } })).toBeNull();
    const zhou = await api.call("GET", "/v1/whoami", as(oa.key, "zhou"));
    // Bound by the role unit:roads, which zhou holds no more.
    expect(zhou.body.error.code).toBe("ON_BEHALF_NOT_BOUND");
  });
});
