import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * The authorisation matrix: every role × every endpoint, on a proposal that is the caller's own (it proposed,
 * created, leads or handles it) and on one that is another's. What a role may not see answers 404 like a missing
 * id; what a role may never do answers 403; and neither changes anything.
 */
type Role = "admin" | "staff" | "unit" | "leader" | "proposer" | "integrator";
const ROLES: readonly Role[] = ["admin", "staff", "unit", "leader", "proposer", "integrator"];

let api: ApiHarness;
const keys = {} as Record<Role, string>;
/** The other party's keys, which set up the proposal that is not the caller's. */
const otherKeys = {} as Record<"proposer" | "unit", string>;
let own: string;
let other: string;
/** An integrator key bound to `water-contact`, a person of the directory holding unit:water. */
let boundIntegrator: { id: string; key: string };
const ON_BEHALF = { "x-on-behalf-of": "water-contact" };

const content = (proposer: string) => ({
  title: "关于加强社区居家养老服务的建议",
  reasons: "老龄人口增加。",
  suggestions: ["增设社区日间照料中心"],
  category: "livelihood",
  proposers: [{ id: proposer }],
});

/** Submitted, registered as a key proposal led by `leader`, assigned to `unit` alone. */
async function prepared(creatorKey: string, proposer: string, leader: string, unit: string): Promise<string> {
  const created = await api.call("POST", "/v1/proposals", {
    key: creatorKey,
    body: { ...content(proposer), submit: true },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  for (const body of [
    { type: "review.register", category: "livelihood", key: true },
    { type: "key.designate", leaderId: leader },
    { type: "assign", mode: "sole", units: [{ unitId: unit, role: "lead" }] },
  ]) {
    const response = await api.call("POST", `/v1/proposals/${id}/events`, { key: keys.staff, body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }
  return id;
}

beforeAll(async () => {
  api = await startApi();
  keys.admin = api.adminKey;
  keys.staff = await api.issueKey("staff", "staff-1");
  keys.unit = await api.issueKey("unit", "clerk-1", "water");
  keys.leader = await api.issueKey("leader", "leader-1");
  keys.proposer = await api.issueKey("proposer", "member-1");
  keys.integrator = await api.issueKey("integrator", "smart-cppcc");
  otherKeys.proposer = await api.issueKey("proposer", "member-2");
  otherKeys.unit = await api.issueKey("unit", "clerk-2", "roads");
  // People of the directory for acting for others: a water contact an integrator is bound to, a leaver, a successor.
  for (const id of ["water-contact", "roads-contact", "leaver-x", "successor-x"]) {
    expect((await api.call("PUT", `/v1/directory/people/${id}`, { body: { name: id } })).status).toBe(201);
  }
  for (const path of [
    "unit:water/people/water-contact",
    "unit:roads/people/roads-contact",
    "unit:roads/people/leaver-x",
  ]) {
    expect((await api.call("PUT", `/v1/directory/roles/${path}`)).status).toBe(201);
  }
  const issued = await api.call("POST", "/v1/api-keys", {
    body: { role: "integrator", actorId: "oa-system", actsFor: { people: ["water-contact"] } },
  });
  boundIntegrator = { id: issued.body.id, key: issued.body.key };
  // The caller's own: created by the integrator for member-1, led by leader-1, handled by water.
  own = await prepared(keys.integrator, "member-1", "leader-1", "water");
  // Another's: created by member-2 itself, led by leader-2, handled by roads.
  other = await prepared(otherKeys.proposer, "member-2", "leader-2", "roads");
});

afterAll(async () => {
  await api.close();
});

const versionOf = async (id: string) =>
  (await api.database.prisma.proposal.findUniqueOrThrow({ where: { id } })).version;

describe("a proposal's routes: own and another's", () => {
  for (const role of ROLES) {
    const seesAll = role === "admin" || role === "staff";

    it(`${role}: reads its own proposal and its history; another's is ${seesAll ? "visible" : "404"}`, async () => {
      for (const path of ["", "/history"]) {
        expect((await api.call("GET", `/v1/proposals/${own}${path}`, { key: keys[role] })).status).toBe(200);
        const theirs = await api.call("GET", `/v1/proposals/${other}${path}`, { key: keys[role] });
        expect(theirs.status).toBe(seesAll ? 200 : 404);
        if (!seesAll) expect(theirs.body.error.code).toBe("NOT_FOUND");
      }
      const listed = await api.call("GET", "/v1/proposals?limit=100", { key: keys[role] });
      const ids = listed.body.items.map((item: { id: string }) => item.id);
      expect(ids).toContain(own);
      expect(ids.includes(other)).toBe(seesAll);
    });

    it(`${role}: an event on another's proposal is ${seesAll ? "refused by the machine" : "404"}, on its own never 404; nothing changes`, async () => {
      // Evaluating is nobody's move while the unit handles: a refusal for every role, so nothing can change.
      const event = { type: "evaluate", result: "satisfied", comment: "" };
      const before = [await versionOf(own), await versionOf(other)];
      const mine = await api.call("POST", `/v1/proposals/${own}/events`, { key: keys[role], body: event });
      expect([403, 409]).toContain(mine.status);
      const theirs = await api.call("POST", `/v1/proposals/${other}/events`, { key: keys[role], body: event });
      expect(theirs.status).toBe(seesAll ? mine.status : 404);
      expect([await versionOf(own), await versionOf(other)]).toEqual(before);
    });
  }

  it("integrator acting for a bound unit contact: the contact's proposal only, another's 404; nothing changes", async () => {
    const options = { key: boundIntegrator.key, headers: ON_BEHALF };
    for (const path of ["", "/history"]) {
      expect((await api.call("GET", `/v1/proposals/${own}${path}`, options)).status).toBe(200);
      expect((await api.call("GET", `/v1/proposals/${other}${path}`, options)).status).toBe(404);
    }
    const listed = await api.call("GET", "/v1/proposals?limit=100", options);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([own]);
    const event = { type: "evaluate", result: "satisfied", comment: "" };
    const before = [await versionOf(own), await versionOf(other)];
    const mine = await api.call("POST", `/v1/proposals/${own}/events`, { ...options, body: event });
    expect(mine.status).toBe(403);
    expect(mine.body.error.code).toBe("FORBIDDEN");
    expect((await api.call("POST", `/v1/proposals/${other}/events`, { ...options, body: event })).status).toBe(404);
    expect([await versionOf(own), await versionOf(other)]).toEqual(before);
  });

  it("X-On-Behalf-Of: refused for an unbound person, and for every key but an integrator's", async () => {
    const unbound = await api.call("GET", `/v1/proposals/${other}`, {
      key: boundIntegrator.key,
      headers: { "x-on-behalf-of": "roads-contact" },
    });
    expect(unbound.status).toBe(403);
    expect(unbound.body.error.code).toBe("ON_BEHALF_NOT_BOUND");
    for (const role of ROLES) {
      const answer = await api.call("GET", `/v1/proposals/${own}`, { key: keys[role], headers: ON_BEHALF });
      expect(answer.status, role).toBe(403);
      // The matrix's own integrator key is bound to nobody.
      expect(answer.body.error.code, role).toBe(
        role === "integrator" ? "ON_BEHALF_NOT_BOUND" : "ON_BEHALF_NOT_INTEGRATOR",
      );
    }
  });

  it("another's proposal is there for its own proposer and unit (the control for the 404s above)", async () => {
    expect((await api.call("GET", `/v1/proposals/${other}`, { key: otherKeys.proposer })).status).toBe(200);
    expect((await api.call("GET", `/v1/proposals/${other}`, { key: otherKeys.unit })).status).toBe(200);
  });
});

/** Who may call each role-gated endpoint; every other role gets 403 FORBIDDEN and changes nothing. */
const GATED: {
  name: string;
  method: string;
  path: string | (() => string);
  body?: (role: Role) => unknown;
  allowed: Role[];
}[] = [
  { name: "list keys", method: "GET", path: "/v1/api-keys", allowed: ["admin"] },
  {
    name: "issue a key",
    method: "POST",
    path: "/v1/api-keys",
    body: () => ({ role: "staff", actorId: "staff-9" }),
    allowed: ["admin"],
  },
  { name: "stats", method: "GET", path: "/v1/stats", allowed: ["admin", "staff", "leader", "unit"] },
  { name: "list webhooks", method: "GET", path: "/v1/webhooks", allowed: ["admin", "integrator"] },
  {
    name: "subscribe a webhook",
    method: "POST",
    path: "/v1/webhooks",
    body: () => ({ url: "https://example.org/hook", events: ["*"] }),
    allowed: ["admin", "integrator"],
  },
  {
    name: "create a proposal for oneself",
    method: "POST",
    path: "/v1/proposals",
    body: (role) => content(role === "proposer" ? "member-1" : "member-7"),
    allowed: ["admin", "staff", "proposer", "integrator"],
  },
  {
    name: "create a proposal for someone else",
    method: "POST",
    path: "/v1/proposals",
    body: () => content("member-8"),
    allowed: ["admin", "staff", "integrator"],
  },
  { name: "the workflow", method: "GET", path: "/v1/workflows/proposal", allowed: [...ROLES] },
  { name: "the inbox", method: "GET", path: "/v1/notifications", allowed: [...ROLES] },
  { name: "whoami", method: "GET", path: "/v1/whoami", allowed: [...ROLES] },
  {
    name: "bind an integrator key",
    method: "PUT",
    path: () => `/v1/api-keys/${boundIntegrator.id}/acts-for`,
    body: () => ({ people: ["water-contact"] }),
    allowed: ["admin"],
  },
  {
    name: "delegate a person's roles (a key is not the person)",
    method: "POST",
    path: "/v1/people/leaver-x/delegations",
    body: () => ({
      delegateId: "successor-x",
      from: new Date().toISOString(),
      until: new Date(Date.now() + 3_600_000).toISOString(),
    }),
    allowed: ["admin"],
  },
  { name: "a person's delegations", method: "GET", path: "/v1/people/leaver-x/delegations", allowed: ["admin"] },
  {
    name: "hand a leaver's work to a successor",
    method: "POST",
    path: "/v1/people/leaver-x/succession",
    body: () => ({ successorId: "successor-x", account: "keep" }),
    allowed: ["admin"],
  },
];

const rowCounts = async () => [
  await api.database.prisma.apiKey.count(),
  await api.database.prisma.webhookSubscription.count(),
  await api.database.prisma.proposal.count(),
  await api.database.prisma.delegation.count(),
  await api.database.prisma.roleAssignment.count({ where: { personId: "leaver-x" } }),
];

describe("role-gated endpoints", () => {
  for (const endpoint of GATED) {
    it(`${endpoint.name}: ${endpoint.allowed.join(", ")}; 403 for the rest`, async () => {
      for (const role of ROLES) {
        const before = await rowCounts();
        const path = typeof endpoint.path === "string" ? endpoint.path : endpoint.path();
        const response = await api.call(endpoint.method, path, {
          key: keys[role],
          ...(endpoint.body ? { body: endpoint.body(role) } : {}),
        });
        if (endpoint.allowed.includes(role)) {
          expect(response.status, `${role}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
        } else {
          expect(response.status, role).toBe(403);
          expect(response.body.error.code).toBe("FORBIDDEN");
          expect(await rowCounts()).toEqual(before);
        }
      }
    });
  }
});
