import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * Who reads what of a proposal's history, over HTTP, for every role of a separate handling (分办): the staff check
 * is a gate (the proposer reads a reply only once staff accepted it, never a returned draft), internal notes stay
 * internal, and a unit reads its own part but not the other unit's.
 */
let api: ApiHarness;
let keys: Record<"proposer" | "staff" | "leader" | "transport" | "police", string>;
let id: string;
let version = 0;

async function send(key: string, body: Record<string, unknown>) {
  const response = await api.call("POST", `/v1/proposals/${id}/events`, {
    key,
    body,
    headers: { "if-match": `"${version}"`, "idempotency-key": randomUUID() },
  });
  expect(response.status, `${String(body.type)}: ${JSON.stringify(response.body)}`).toBe(200);
  version = response.body.version;
}

const contact = (summary: string) => ({
  type: "handle.contact",
  channel: "phone",
  contactedAt: new Date().toISOString(),
  summary,
});
const reply = (text: string) => ({ type: "handle.reply", classification: "A", text, signedOffBy: "分管领导" });

beforeAll(async () => {
  api = await startApi();
  keys = {
    proposer: await api.issueKey("proposer", "member-wu"),
    staff: await api.issueKey("staff", "office-he"),
    leader: await api.issueKey("leader", "vice-chair-sun"),
    transport: await api.issueKey("unit", "clerk-transport", "transport"),
    police: await api.issueKey("unit", "clerk-police", "traffic-police"),
  };
  const created = await api.call("POST", "/v1/proposals", {
    key: keys.proposer,
    body: {
      title: "关于优化学校周边交通秩序的建议",
      reasons: "上下学时段拥堵。",
      suggestions: ["错峰放学", "增设临时停车位"],
      category: "livelihood",
      proposers: [{ id: "member-wu" }],
      submit: true,
    },
  });
  expect(created.status).toBe(201);
  id = created.body.id;
  version = created.body.version;
  await send(keys.staff, { type: "review.register", category: "livelihood", key: true });
  await send(keys.staff, { type: "key.designate", leaderId: "vice-chair-sun" });
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
  await send(keys.transport, contact("电话沟通：交通局"));
  await send(keys.police, contact("座谈：交警"));
  // A month past the default three: within the six-month cap, whenever the test runs.
  const later = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
  await send(keys.transport, { type: "handle.requestExtension", newDueDate: later, reason: "延期理由：内部协调" });
  await send(keys.transport, reply("交通局初稿答复"));
  await send(keys.staff, { type: "supervise.returnReply", unitId: "transport", reason: "退回理由：答复不具体" });
  await send(keys.transport, reply("交通局定稿答复"));
  await send(keys.staff, { type: "supervise.acceptReply", unitId: "transport" });
  await send(keys.police, reply("交警答复未审"));
  await send(keys.staff, { type: "supervise.record", mode: "online", note: "督办内部备注" });
});

afterAll(async () => {
  await api.close();
});

/** The whole history as `key` reads it, serialised: what it may read is in there, what it may not is not. */
async function historyAs(key: string): Promise<string> {
  const response = await api.call("GET", `/v1/proposals/${id}/history?limit=100`, { key });
  expect(response.status).toBe(200);
  for (const item of response.body.items) {
    expect(item.payloadHidden).toBe(item.payload === null);
  }
  return JSON.stringify(response.body.items);
}

const EVERYTHING = [
  "交通局初稿答复",
  "交通局定稿答复",
  "交警答复未审",
  "退回理由：答复不具体",
  "延期理由：内部协调",
  "督办内部备注",
  "电话沟通：交通局",
  "座谈：交警",
];

describe("the history, by who reads it", () => {
  it("staff and the leader read everything", async () => {
    for (const key of [keys.staff, keys.leader]) {
      const history = await historyAs(key);
      for (const text of EVERYTHING) expect(history).toContain(text);
    }
  });

  it("the proposer reads the proposal, the contacts and only accepted replies, no internal note", async () => {
    const history = await historyAs(keys.proposer);
    expect(history).toContain("交通局定稿答复");
    expect(history).toContain("关于优化学校周边交通秩序的建议");
    expect(history).toContain("电话沟通：交通局");
    for (const hidden of [
      "交通局初稿答复",
      "交警答复未审",
      "退回理由：答复不具体",
      "延期理由：内部协调",
      "督办内部备注",
    ]) {
      expect(history).not.toContain(hidden);
    }
    // The events themselves stay in the timeline: the proposer sees that something happened, not what.
    const items = JSON.parse(history) as { type: string; payloadHidden: boolean }[];
    expect(items.filter((item) => item.type === "handle.reply").map((item) => item.payloadHidden)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it("a unit reads its own part and not the other unit's", async () => {
    const transport = await historyAs(keys.transport);
    for (const own of [
      "交通局初稿答复",
      "交通局定稿答复",
      "退回理由：答复不具体",
      "延期理由：内部协调",
      "电话沟通：交通局",
    ]) {
      expect(transport).toContain(own);
    }
    for (const other of ["交警答复未审", "座谈：交警", "督办内部备注"]) expect(transport).not.toContain(other);
    const police = await historyAs(keys.police);
    expect(police).toContain("交警答复未审");
    expect(police).toContain("座谈：交警");
    for (const other of [
      "交通局初稿答复",
      "交通局定稿答复",
      "退回理由：答复不具体",
      "延期理由：内部协调",
      "督办内部备注",
    ]) {
      expect(police).not.toContain(other);
    }
  });
});
