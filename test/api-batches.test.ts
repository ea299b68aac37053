import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * Bulk work over real HTTP (a 交办会): one event applied to many proposals, each item as a single event would be,
 * with per-item results; the refused ones unchanged; a repeated batch changes nothing.
 */
let api: ApiHarness;
let keys: Record<"staff" | "proposer" | "other", string>;

beforeAll(async () => {
  api = await startApi();
  keys = {
    staff: await api.issueKey("staff", "staff-1"),
    proposer: await api.issueKey("proposer", "member-1"),
    other: await api.issueKey("proposer", "member-2"),
  };
});

afterAll(async () => {
  await api.close();
});

async function submitted(key: string, member: string, n: number): Promise<string> {
  const created = await api.call("POST", "/v1/proposals", {
    key,
    body: {
      title: `关于第${n}个社区服务问题的建议`,
      reasons: "群众反映强烈。",
      suggestions: ["加强统筹"],
      category: "livelihood",
      proposers: [{ id: member }],
      submit: true,
    },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function many(count: number, key: string, member: string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 10) {
    const chunk = Array.from({ length: Math.min(10, count - start) }, (_, i) => submitted(key, member, start + i));
    ids.push(...(await Promise.all(chunk)));
  }
  return ids;
}

/** What a refused item must leave as it was: version, states and the length of the history. */
async function stateOf(ids: readonly string[]) {
  const rows = await api.database.prisma.proposal.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, version: true, states: true, _count: { select: { events: true } } },
    orderBy: { id: "asc" },
  });
  return rows;
}

const register = { type: "review.register", category: "livelihood" };
const batch = (body: unknown, key = keys.staff, headers: Record<string, string> = {}) =>
  api.call("POST", "/v1/batches", { key, body, headers });

describe("POST /v1/batches", () => {
  it("registers a batch of 50 with refusals: the right result per item, the refused ones unchanged", async () => {
    const ids = await many(48, keys.proposer, "member-1");
    // Five registered already (the event is not allowed any more), three with a stale If-Match, two with a fresh
    // one, and two ids that do not exist.
    const already = ids.slice(0, 5);
    for (const id of already) {
      const response = await api.call("POST", `/v1/proposals/${id}/events`, { key: keys.staff, body: register });
      expect(response.status).toBe(200);
    }
    const stale = ids.slice(5, 8);
    const fresh = ids.slice(8, 10);
    const unknown = ["p_00000000000000000001", "p_00000000000000000002"];
    const proposalIds = [...ids.slice(0, 24), unknown[0], ...ids.slice(24), unknown[1]] as string[];
    expect(proposalIds).toHaveLength(50);
    const ifMatch = Object.fromEntries([...stale.map((id) => [id, 1]), ...fresh.map((id) => [id, 2])]);
    const refusedIds = [...already, ...stale];
    const before = await stateOf(refusedIds);

    const response = await batch({ event: register, proposalIds, ifMatch }, keys.staff, { "idempotency-key": "jbh-1" });
    expect(response.status).toBe(200);
    const result = response.body;
    expect(result).toMatchObject({ status: "done", total: 50, counts: { applied: 40, refused: 8, notFound: 2 } });
    expect(result.items.map((item: { proposalId: string }) => item.proposalId)).toEqual(proposalIds);
    const byId = new Map(result.items.map((item: { proposalId: string }) => [item.proposalId, item]));
    for (const id of already) {
      expect(byId.get(id)).toMatchObject({
        outcome: "refused",
        code: "EVENT_NOT_ALLOWED",
        message: expect.any(String),
      });
    }
    for (const id of stale) expect(byId.get(id)).toMatchObject({ outcome: "refused", code: "VERSION_MISMATCH" });
    for (const id of unknown) expect(byId.get(id)).toMatchObject({ outcome: "not_found", code: "NOT_FOUND" });
    const appliedIds = ids.filter((id) => !refusedIds.includes(id));
    for (const id of appliedIds) expect(byId.get(id)).toEqual({ proposalId: id, outcome: "applied", version: 3 });

    expect(await stateOf(refusedIds)).toEqual(before);
    const applied = await api.database.prisma.proposal.findMany({ where: { id: { in: appliedIds } } });
    expect(applied.every((row) => row.stage === "assign" && row.version === 3)).toBe(true);
    expect(applied).toHaveLength(40);

    // The batch is recorded: who, when, what, and the same answer on GET.
    const read = await api.call("GET", `/v1/batches/${result.id}`, { key: keys.staff });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(result);
    expect(read.body).toMatchObject({ createdBy: "staff:staff-1", event: register });

    // The same batch again with its key: the first answer, nothing changed.
    const everything = await stateOf(ids);
    const again = await batch({ event: register, proposalIds, ifMatch }, keys.staff, { "idempotency-key": "jbh-1" });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(result);
    expect(await stateOf(ids)).toEqual(everything);

    // The same batch again without a key: every item is refused now (registered, or a stale If-Match), and
    // nothing changed.
    const repeat = await batch({ event: register, proposalIds, ifMatch }, keys.staff);
    expect(repeat.status).toBe(200);
    expect(repeat.body.counts).toEqual({ applied: 0, refused: 48, notFound: 2 });
    expect(await stateOf(ids)).toEqual(everything);
  });

  it("applies each item once when a batch is retried after its process died mid-way", async () => {
    const ids = await many(6, keys.proposer, "member-1");
    const body = { event: register, proposalIds: ids };
    const first = await batch(body, keys.staff, { "idempotency-key": "jbh-crash" });
    expect(first.body.counts.applied).toBe(6);
    const after = await stateOf(ids);
    // As if the process had died before it stored the answer and the last three items' results: the key's lease
    // ran out, so a retry runs the batch again.
    await api.database.prisma.idempotentRequest.deleteMany({ where: { key: "jbh-crash" } });
    await api.database.prisma.batchItem.deleteMany({ where: { batchId: first.body.id, position: { gte: 3 } } });
    await api.database.prisma.batch.update({ where: { id: first.body.id }, data: { status: "running" } });
    const retry = await batch(body, keys.staff, { "idempotency-key": "jbh-crash" });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.counts).toEqual({ applied: 6, refused: 0, notFound: 0 });
    expect(await stateOf(ids)).toEqual(after);
  });

  it("answers not_found for a proposal the caller may not see, and applies the caller's own", async () => {
    const mine = await many(2, keys.other, "member-2");
    const others = await many(1, keys.proposer, "member-1");
    const before = await stateOf(others);
    const response = await batch(
      { event: { type: "withdraw", reason: "合并到另一件提案" }, proposalIds: [...mine, ...others] },
      keys.other,
    );
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { outcome: string }) => item.outcome)).toEqual([
      "applied",
      "applied",
      "not_found",
    ]);
    expect(await stateOf(others)).toEqual(before);
    // And the batch is the sender's: another proposer does not see it.
    expect((await api.call("GET", `/v1/batches/${response.body.id}`, { key: keys.proposer })).status).toBe(404);
    expect((await api.call("GET", `/v1/batches/${response.body.id}`, { key: keys.other })).status).toBe(200);
  });

  it("refuses a bad batch as a whole and records nothing", async () => {
    const [id] = await many(1, keys.proposer, "member-1");
    const count = () => api.database.prisma.batch.count();
    const before = await count();
    const cases = [
      { body: { event: { type: "review.register" }, proposalIds: [id] }, status: 422 },
      { body: { event: register, proposalIds: [] }, status: 422 },
      { body: { event: register, proposalIds: [id, id] }, status: 422 },
      { body: { event: register, proposalIds: [id], ifMatch: { p_other: 1 } }, status: 422 },
      { body: { event: { type: "deadline.due", deadlineId: "d1" }, proposalIds: [id] }, status: 403 },
    ];
    for (const { body, status } of cases) {
      const response = await batch(body);
      expect(response.status, JSON.stringify(body)).toBe(status);
    }
    expect(await count()).toBe(before);
    expect((await stateOf([id as string]))[0]?.version).toBe(2);
  });
});
