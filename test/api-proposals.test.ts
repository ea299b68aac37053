import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * The proposals routes over real HTTP, on the real proposal machine and a real database: create, read, events
 * with If-Match and Idempotency-Key, history, lists, and every refusal code with what it leaves unchanged.
 */
let api: ApiHarness;
let keys: Record<"staff" | "proposer" | "other" | "water" | "roads" | "leader" | "integrator", string>;

beforeAll(async () => {
  api = await startApi();
  keys = {
    staff: await api.issueKey("staff", "staff-1"),
    proposer: await api.issueKey("proposer", "member-1"),
    other: await api.issueKey("proposer", "member-2"),
    water: await api.issueKey("unit", "clerk-1", "water"),
    roads: await api.issueKey("unit", "clerk-2", "roads"),
    leader: await api.issueKey("leader", "leader-1"),
    integrator: await api.issueKey("integrator", "smart-cppcc"),
  };
});

afterAll(async () => {
  await api.close();
});

const content = (overrides: Record<string, unknown> = {}) => ({
  title: "关于加强社区居家养老服务的建议",
  reasons: "老龄人口增加，社区养老服务供给不足。",
  suggestions: ["增设社区日间照料中心", "培育专业护理队伍"],
  category: "livelihood",
  proposers: [{ id: "member-1", name: "张委员" }],
  ...overrides,
});

async function submitted(key = keys.proposer, overrides: Record<string, unknown> = {}) {
  const created = await api.call("POST", "/v1/proposals", { key, body: { ...content(overrides), submit: true } });
  expect(created.status).toBe(201);
  return created.body;
}

const send = (id: string, key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  api.call("POST", `/v1/proposals/${id}/events`, { key, body, headers });

const count = () => api.database.prisma.proposal.count();
const historyOf = (id: string) => api.database.prisma.proposalEvent.count({ where: { proposalId: id } });

describe("POST /v1/proposals", () => {
  it("creates a draft: 201, Location, ETag, the content and what the caller may do next", async () => {
    const response = await api.call("POST", "/v1/proposals", { key: keys.proposer, body: content() });
    expect(response.status).toBe(201);
    const proposal = response.body;
    expect(response.headers.get("location")).toBe(`/v1/proposals/${proposal.id}`);
    expect(response.headers.get("etag")).toBe('"1"');
    expect(proposal).toMatchObject({
      stage: "submit",
      states: ["submit.draft"],
      version: 1,
      content: { title: "关于加强社区居家养老服务的建议", category: "livelihood" },
      proposers: [{ id: "member-1" }],
      assignment: null,
    });
    expect(proposal.allowedEvents).toContain("submit");
    expect(proposal.state).toBeDefined();
  });

  it("submits at once with submit: true, and opens the review deadline", async () => {
    const proposal = await submitted();
    expect(proposal.stage).toBe("review");
    expect(proposal.version).toBe(2);
    expect(proposal.deadlines).toEqual([
      expect.objectContaining({ kind: expect.any(String), level: 0, overdue: false }),
    ]);
    expect(proposal.allowedEvents).toContain("withdraw");
  });

  it("refuses a submission the machine would refuse (409) and then creates no draft either", async () => {
    const before = await count();
    const response = await api.call("POST", "/v1/proposals", {
      key: keys.proposer,
      body: { ...content({ suggestions: [] }), submit: true },
    });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("CONTENT_INCOMPLETE");
    expect(await count()).toBe(before);
  });

  it("answers 422 with the failing fields, and creates nothing", async () => {
    const before = await count();
    const response = await api.call("POST", "/v1/proposals", {
      key: keys.proposer,
      body: { title: "", proposers: [], color: "red" },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("VALIDATION_FAILED");
    const paths = response.body.error.details.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(expect.arrayContaining(["title", "proposers"]));
    expect(await count()).toBe(before);
  });

  it("answers 403 to a unit key, and to a proposer creating for someone else", async () => {
    const before = await count();
    const unit = await api.call("POST", "/v1/proposals", { key: keys.water, body: content() });
    expect(unit.status).toBe(403);
    expect(unit.body.error.code).toBe("FORBIDDEN");
    const other = await api.call("POST", "/v1/proposals", { key: keys.other, body: content() });
    expect(other.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it("returns the first proposal for a repeated externalId (200), creating one only", async () => {
    const body = { ...content(), externalId: "oa-2026-0001" };
    const first = await api.call("POST", "/v1/proposals", { key: keys.integrator, body });
    expect(first.status).toBe(201);
    const again = await api.call("POST", "/v1/proposals", { key: keys.integrator, body });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await api.database.prisma.proposal.count({ where: { externalId: "oa-2026-0001" } })).toBe(1);
  });

  it("submits on a repeated create with submit: true whose first request stopped between the create and the submit", async () => {
    // The first request's create committed and its process died before the submit: the draft is all there is.
    const body = { ...content(), externalId: "oa-2026-0002" };
    const draft = await api.call("POST", "/v1/proposals", { key: keys.integrator, body });
    expect(draft.status).toBe(201);
    expect(draft.body.states).toEqual(["submit.draft"]);
    const retried = await api.call("POST", "/v1/proposals", { key: keys.integrator, body: { ...body, submit: true } });
    expect(retried.status).toBe(200);
    expect(retried.body.id).toBe(draft.body.id);
    expect(retried.body.states).not.toContain("submit.draft");
    // Retried again: the submit is not applied twice.
    const again = await api.call("POST", "/v1/proposals", { key: keys.integrator, body: { ...body, submit: true } });
    expect(again.body.version).toBe(retried.body.version);
    const submits = await api.database.prisma.proposalEvent.count({
      where: { proposalId: draft.body.id, type: "submit" },
    });
    expect(submits).toBe(1);
  });

  it("lets a title that reads like several matters be submitted, with a warning for staff's review (一事一案)", async () => {
    const created = await api.call("POST", "/v1/proposals", {
      key: keys.proposer,
      body: { ...content({ title: "关于加强养老设施建设；改善社区交通的建议" }), submit: true },
    });
    expect(created.status).toBe(201);
    expect(created.body.stage).toBe("review");
    const seen = await api.call("GET", `/v1/proposals/${created.body.id}`, { key: keys.staff });
    expect(seen.body.warnings.map((warning: { code: string }) => warning.code)).toEqual(["SEVERAL_MATTERS"]);
    const long = await api.call("POST", "/v1/proposals", {
      key: keys.proposer,
      body: { ...content({ title: "长".repeat(61) }), submit: true },
    });
    expect(long.status).toBe(409);
    expect(long.body.error.code).toBe("TITLE_TOO_LONG");
  });

  it("answers 413 PAYLOAD_TOO_LARGE for a body over the limit", async () => {
    const response = await api.call("POST", "/v1/proposals", {
      key: keys.proposer,
      body: content({ reasons: "长".repeat(20_000) }),
    });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("POST /v1/proposals/:id/events", () => {
  it("applies an allowed event: 200 with the new state and version", async () => {
    const proposal = await submitted();
    const response = await send(proposal.id, keys.staff, { type: "review.register", category: "livelihood" });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: proposal.id, version: 3, stage: "assign" });
    expect(response.headers.get("etag")).toBe('"3"');
    expect(response.body.allowedEvents).toContain("assign");
  });

  it("answers 409 EVENT_NOT_ALLOWED with the state and the allowed events, and changes nothing", async () => {
    const proposal = await submitted();
    const response = await send(proposal.id, keys.proposer, { type: "evaluate", result: "satisfied", comment: "好" });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("EVENT_NOT_ALLOWED");
    expect(response.body.error.details).toMatchObject({ stage: "review", allowedEvents: ["withdraw"] });
    expect(response.body.error.details.state).toEqual(proposal.states);
    expect(await historyOf(proposal.id)).toBe(2);
  });

  it("answers 403 FORBIDDEN when the caller's role may not send the event, and changes nothing", async () => {
    const proposal = await submitted();
    const response = await send(proposal.id, keys.proposer, { type: "review.register", category: "livelihood" });
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({ code: "FORBIDDEN", details: { reason: "ROLE_NOT_ALLOWED" } });
    expect(await historyOf(proposal.id)).toBe(2);
  });

  it("refuses timer events over HTTP and invalid payloads with 422", async () => {
    const proposal = await submitted();
    const timer = await send(proposal.id, keys.staff, { type: "deadline.due", deadlineId: "x" });
    expect(timer.status).toBe(403);
    const invalid = await send(proposal.id, keys.staff, { type: "review.reject" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details.fields).toEqual([expect.objectContaining({ path: "reason" })]);
    const unknown = await send(proposal.id, keys.staff, { type: "teleport" });
    expect(unknown.status).toBe(422);
    expect(await historyOf(proposal.id)).toBe(2);
  });

  it("answers 404 for an unknown proposal", async () => {
    const response = await send("p_doesnotexist000000", keys.staff, { type: "submit" });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("NOT_FOUND");
    expect((await api.call("GET", "/v1/proposals/p_doesnotexist000000", { key: keys.staff })).status).toBe(404);
  });

  it("applies with a current If-Match, answers 412 VERSION_MISMATCH to a stale one and applies nothing", async () => {
    const proposal = await submitted();
    const stale = await send(
      proposal.id,
      keys.staff,
      { type: "review.register", category: "x" },
      { "if-match": '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({ code: "VERSION_MISMATCH", details: { currentVersion: 2 } });
    expect(await historyOf(proposal.id)).toBe(2);
    const bad = await send(proposal.id, keys.staff, { type: "review.register", category: "x" }, { "if-match": "*x" });
    expect(bad.status).toBe(400);
    const current = await send(
      proposal.id,
      keys.staff,
      { type: "review.register", category: "x" },
      { "if-match": '"2"' },
    );
    expect(current.status).toBe(200);
    expect(current.body.version).toBe(3);
  });

  it("replays the first answer to a repeated Idempotency-Key and applies the event once", async () => {
    const proposal = await submitted();
    const event = { type: "review.register", category: "livelihood" };
    const first = await send(proposal.id, keys.staff, event, { "idempotency-key": "register-1" });
    const again = await send(proposal.id, keys.staff, event, { "idempotency-key": "register-1" });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await historyOf(proposal.id)).toBe(3);
    const reused = await send(
      proposal.id,
      keys.staff,
      { type: "review.reject", reason: "x" },
      { "idempotency-key": "register-1" },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await historyOf(proposal.id)).toBe(3);
  });

  it("stores nothing for a refused request, so the key can be used again once it is fixed", async () => {
    const proposal = await submitted();
    const refused = await send(proposal.id, keys.staff, { type: "review.reject" }, { "idempotency-key": "reject-1" });
    expect(refused.status).toBe(422);
    const fixed = await send(
      proposal.id,
      keys.staff,
      { type: "review.reject", reason: "不属于提案范围" },
      {
        "idempotency-key": "reject-1",
      },
    );
    expect(fixed.status).toBe(200);
    expect(fixed.body.stage).toBe("closed");
  });
});

describe("GET /v1/proposals/:id/history", () => {
  it("lists the audit trail oldest first, page by page", async () => {
    const proposal = await submitted();
    await send(proposal.id, keys.staff, { type: "review.register", category: "livelihood" });
    const first = await api.call("GET", `/v1/proposals/${proposal.id}/history?limit=2`, { key: keys.proposer });
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { type: string }) => item.type)).toEqual(["create", "submit"]);
    expect(first.body.items[1]).toMatchObject({ seq: 2, actor: { role: "proposer", id: "member-1" } });
    const second = await api.call(
      "GET",
      `/v1/proposals/${proposal.id}/history?limit=2&after=${first.body.nextCursor}`,
      { key: keys.proposer },
    );
    expect(second.body.items.map((item: { type: string }) => item.type)).toEqual(["review.register"]);
    expect(second.body.nextCursor).toBeNull();
    const bad = await api.call("GET", `/v1/proposals/${proposal.id}/history?limit=0`, { key: keys.proposer });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("INVALID_QUERY");
  });
});

describe("who sees what", () => {
  let assigned: { id: string };
  let keyProposal: { id: string };
  let others: { id: string };

  beforeAll(async () => {
    assigned = await submitted();
    await send(assigned.id, keys.staff, { type: "review.register", category: "livelihood" });
    const assign = await send(assigned.id, keys.staff, {
      type: "assign",
      mode: "sole",
      units: [{ unitId: "water", role: "lead" }],
    });
    expect(assign.status).toBe(200);
    keyProposal = await submitted(keys.proposer, { title: "关于推进老旧小区加装电梯的建议" });
    await send(keyProposal.id, keys.staff, { type: "review.register", category: "livelihood", key: true });
    const designated = await send(keyProposal.id, keys.staff, { type: "key.designate", leaderId: "leader-1" });
    expect(designated.status).toBe(200);
    others = await submitted(keys.other, { title: "关于治理城市内涝的建议", proposers: [{ id: "member-2" }] });
  });

  const ids = async (key: string, query = "") => {
    const response = await api.call("GET", `/v1/proposals?limit=100${query}`, { key });
    expect(response.status).toBe(200);
    return response.body.items.map((item: { id: string }) => item.id) as string[];
  };

  it("a unit sees what is assigned to it, and gets 404 for the rest", async () => {
    expect(await ids(keys.water)).toEqual([assigned.id]);
    expect(await ids(keys.roads)).toEqual([]);
    expect((await api.call("GET", `/v1/proposals/${assigned.id}`, { key: keys.water })).status).toBe(200);
    const hidden = await api.call("GET", `/v1/proposals/${assigned.id}`, { key: keys.roads });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe("NOT_FOUND");
    expect((await send(assigned.id, keys.roads, { type: "unit.acknowledge" })).status).toBe(404);
    const acknowledged = await send(assigned.id, keys.water, { type: "unit.acknowledge" });
    expect(acknowledged.status).toBe(200);
  });

  it("a proposer sees its own proposals only; a leader the ones it leads", async () => {
    const mine = await ids(keys.other);
    expect(mine).toEqual([others.id]);
    expect((await api.call("GET", `/v1/proposals/${assigned.id}`, { key: keys.other })).status).toBe(404);
    expect(await ids(keys.leader)).toEqual([keyProposal.id]);
  });

  it("an integrator sees what it created, staff everything", async () => {
    const created = await api.call("POST", "/v1/proposals", { key: keys.integrator, body: content() });
    const seen = await ids(keys.integrator);
    expect(seen).toContain(created.body.id);
    expect(seen).not.toContain(assigned.id);
    const all = await ids(keys.staff);
    expect(all).toEqual(expect.arrayContaining([assigned.id, keyProposal.id, others.id, created.body.id]));
  });
});

describe("GET /v1/proposals", () => {
  it("filters by stage, unit, proposer, key and title text", async () => {
    const found = await api.call("GET", "/v1/proposals?q=%E5%86%85%E6%B6%9D&limit=100", { key: keys.staff });
    expect(found.body.items.length).toBeGreaterThan(0);
    for (const item of found.body.items) expect(item.title).toContain("内涝");
    const inAssign = await api.call("GET", "/v1/proposals?stage=review&proposer=member-2", { key: keys.staff });
    for (const item of inAssign.body.items) expect(item).toMatchObject({ stage: "review", proposerId: "member-2" });
    expect(inAssign.body.items.length).toBeGreaterThan(0);
    const keyed = await api.call("GET", "/v1/proposals?key=true", { key: keys.staff });
    expect(keyed.body.items.every((item: { isKey: boolean }) => item.isKey)).toBe(true);
    expect(keyed.body.items.length).toBeGreaterThan(0);
    const water = await api.call("GET", "/v1/proposals?unit=water", { key: keys.staff });
    expect(water.body.items.every((item: { unitIds: string[] }) => item.unitIds.includes("water"))).toBe(true);
  });

  it("names each row's proposers and units, with its next deadline", async () => {
    // The directory's name of the unit; the proposer's name as the proposal records it.
    await api.database.prisma.unit.upsert({
      where: { id: "water" },
      create: { id: "water", name: "市水务局" },
      update: { name: "市水务局" },
    });
    const water = await api.call("GET", "/v1/proposals?unit=water&limit=100", { key: keys.staff });
    expect(water.status).toBe(200);
    expect(water.body.items.length).toBeGreaterThan(0);
    for (const item of water.body.items) {
      expect(item.units).toEqual([{ id: "water", name: "市水务局" }]);
      expect(item.proposers).toEqual([{ id: "member-1", name: "张委员" }]);
      // Assigned: the unit's open deadline is the next one, and it is not past.
      expect(Date.parse(item.nextDueAt)).toBeGreaterThan(Date.now());
      expect(item.overdue).toBe(false);
    }
    const drafts = await api.call("GET", "/v1/proposals?stage=submit&limit=100", { key: keys.staff });
    expect(drafts.body.items.length).toBeGreaterThan(0);
    for (const item of drafts.body.items) expect(item).toMatchObject({ nextDueAt: null, overdue: false, units: [] });
    // A search answers the same rows.
    const searched = await api.call("GET", "/v1/proposals?q=%E5%86%85%E6%B6%9D&limit=100", { key: keys.staff });
    expect(searched.body.items[0].proposers).toEqual([{ id: "member-2", name: null }]);
  });

  it("pages with a cursor, newest first, without gaps or repeats", async () => {
    const all = await api.call("GET", "/v1/proposals?limit=100", { key: keys.staff });
    const expected = all.body.items.map((item: { id: string }) => item.id);
    expect(expected).toEqual([...expected].sort().reverse());
    const seen = await api.pageIds("/v1/proposals?limit=3", keys.staff);
    expect(seen).toEqual(expected);
  });

  it("answers 400 INVALID_QUERY for an unknown filter or a bad value", async () => {
    const unknown = await api.call("GET", "/v1/proposals?colour=red", { key: keys.staff });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("INVALID_QUERY");
    const bad = await api.call("GET", "/v1/proposals?createdFrom=yesterday", { key: keys.staff });
    expect(bad.body.error.details.fields).toEqual([expect.objectContaining({ path: "createdFrom" })]);
    // A cursor is the nextCursor of an earlier page, not a bound to compare ids with.
    for (const cursor of ["../../", "%25", "zzz", "P_ABC"]) {
      const page = await api.call("GET", `/v1/proposals?cursor=${encodeURIComponent(cursor)}`, { key: keys.staff });
      expect(page.status, cursor).toBe(400);
      expect(page.body.error.details.fields, cursor).toEqual([expect.objectContaining({ path: "cursor" })]);
    }
    const batches = await api.call("GET", "/v1/batches?cursor=..%2F..%2F", { key: keys.staff });
    expect(batches.status).toBe(400);
    expect(batches.body.error.code).toBe("INVALID_QUERY");
  });
});
