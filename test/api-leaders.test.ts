import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * A leader's reach over HTTP: the key proposals it leads, the proposals of the units it supervises (as the
 * directory says), and the proposals escalated to it (as its inbox holds them); it may record supervision on the
 * ones it supervises. Everything else stays 404.
 */
let api: ApiHarness;
let keys: Record<"proposer" | "staff" | "sun" | "zhou" | "transport" | "water", string>;
const ids: Record<"supervised" | "other" | "escalated", string> = { supervised: "", other: "", escalated: "" };
const versions = new Map<string, number>();

async function send(id: string, key: string, body: Record<string, unknown>) {
  const response = await api.call("POST", `/v1/proposals/${id}/events`, {
    key,
    body,
    headers: { "if-match": `"${versions.get(id)}"`, "idempotency-key": randomUUID() },
  });
  if (response.status === 200) versions.set(id, response.body.version);
  return response;
}

async function assigned(title: string, unitId: string): Promise<string> {
  const created = await api.call("POST", "/v1/proposals", {
    key: keys.proposer,
    body: {
      title,
      reasons: "理由。",
      suggestions: ["建议"],
      category: "livelihood",
      proposers: [{ id: "m-1" }],
      submit: true,
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  versions.set(id, created.body.version);
  expect((await send(id, keys.staff, { type: "review.register", category: "livelihood" })).status).toBe(200);
  const assign = { type: "assign", mode: "sole", units: [{ unitId, role: "lead" }] };
  expect((await send(id, keys.staff, assign)).status).toBe(200);
  // The unit takes it on: handling starts, and supervision with it.
  const unitKey = unitId === "transport" ? keys.transport : keys.water;
  expect((await send(id, unitKey, { type: "unit.acknowledge" })).status).toBe(200);
  return id;
}

beforeAll(async () => {
  api = await startApi();
  keys = {
    proposer: await api.issueKey("proposer", "m-1"),
    staff: await api.issueKey("staff", "office-1"),
    sun: await api.issueKey("leader", "vice-chair-sun"),
    zhou: await api.issueKey("leader", "vice-chair-zhou"),
    transport: await api.issueKey("unit", "clerk-t", "transport"),
    water: await api.issueKey("unit", "clerk-w", "water"),
  };
  // The directory: 孙 supervises the transport bureau, 周 the water bureau; 孙 also sits in the chair's meeting.
  for (const [unit, leader] of [
    ["transport", "vice-chair-sun"],
    ["water", "vice-chair-zhou"],
  ] as const) {
    expect(
      (await api.call("PUT", `/v1/directory/units/${unit}`, { body: { name: unit, supervisorLeaderId: leader } }))
        .status,
    ).toBe(201);
  }
  expect((await api.call("PUT", "/v1/directory/people/sun", { body: { name: "孙副主席" } })).status).toBe(201);
  expect((await api.call("PUT", "/v1/directory/roles/leader:vice-chair-sun/people/sun")).status).toBe(201);
  expect((await api.call("PUT", "/v1/directory/roles/chairs-meeting/people/sun")).status).toBe(201);

  ids.supervised = await assigned("关于公交线路优化的建议", "transport");
  ids.other = await assigned("关于河道治理的建议", "water");
  ids.escalated = await assigned("关于水源地保护的建议", "water");
  // A level-3 escalation of the water bureau's late reply reaches the chair's meeting, as the notifier writes it.
  await api.database.prisma.notice.create({
    data: {
      id: `notice-${randomUUID()}`,
      proposalId: ids.escalated,
      kind: "deadline.escalation",
      level: 3,
      recipients: [{ role: "chairs-meeting" }],
      content: {},
      deliveries: { create: [{ channel: "inbox", recipient: "chairs-meeting", status: "delivered" }] },
    },
  });
});

afterAll(async () => {
  await api.close();
});

describe("a leader", () => {
  it("opens the proposals of the units it supervises and those escalated to it, and lists exactly those", async () => {
    for (const id of [ids.supervised, ids.escalated]) {
      expect((await api.call("GET", `/v1/proposals/${id}`, { key: keys.sun })).status).toBe(200);
      expect((await api.call("GET", `/v1/proposals/${id}/history`, { key: keys.sun })).status).toBe(200);
    }
    expect((await api.call("GET", `/v1/proposals/${ids.other}`, { key: keys.sun })).status).toBe(404);
    const listed = await api.pageIds("/v1/proposals?limit=10", keys.sun);
    expect(listed.sort()).toEqual([ids.supervised, ids.escalated].sort());
    // 周 supervises the water bureau: both of its proposals, not the transport one.
    expect((await api.pageIds("/v1/proposals?limit=10", keys.zhou)).sort()).toEqual([ids.other, ids.escalated].sort());
  });

  it("records supervision on a proposal of a unit it supervises, and the history keeps that scope", async () => {
    const recorded = await send(ids.supervised, keys.sun, {
      type: "supervise.record",
      mode: "on-site",
      note: "现场督办",
    });
    expect(recorded.status).toBe(200);
    const history = await api.call("GET", `/v1/proposals/${ids.supervised}/history?limit=50`, { key: keys.staff });
    const entry = history.body.items.find((item: { type: string }) => item.type === "supervise.record");
    expect(entry.actor).toMatchObject({ role: "leader", id: "vice-chair-sun", supervisedUnitIds: ["transport"] });
  });

  it("may not record supervision where it only received an escalation or has nothing to do", async () => {
    const escalatedOnly = await send(ids.escalated, keys.sun, { type: "supervise.record", mode: "on-site", note: "x" });
    expect(escalatedOnly.status).toBe(403);
    expect(escalatedOnly.body.error.details.reason).toBe("NOT_A_PARTY");
    expect((await send(ids.other, keys.sun, { type: "supervise.record", mode: "on-site", note: "x" })).status).toBe(
      404,
    );
  });

  it("loses a unit at once when the directory names another supervising leader", async () => {
    const moved = await api.call("PUT", "/v1/directory/units/transport", {
      body: { name: "transport", supervisorLeaderId: "vice-chair-zhou" },
    });
    expect(moved.status).toBe(200);
    expect((await api.call("GET", `/v1/proposals/${ids.supervised}`, { key: keys.sun })).status).toBe(404);
    expect((await api.call("GET", `/v1/proposals/${ids.supervised}`, { key: keys.zhou })).status).toBe(200);
  });
});
