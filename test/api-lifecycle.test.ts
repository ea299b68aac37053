import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * A proposal from draft to closed purely over HTTP, once per assignment mode (独办, 主办+会办, 分办): every step by
 * the role that does it in real life, each with its own API key, each request with If-Match and an
 * Idempotency-Key as an integrating client would send them.
 */
let api: ApiHarness;
let keys: Record<"proposer" | "staff" | "civil" | "lead" | "co" | "partA" | "partB", string>;

beforeAll(async () => {
  api = await startApi();
  keys = {
    proposer: await api.issueKey("proposer", "member-zhang"),
    staff: await api.issueKey("staff", "office-li"),
    civil: await api.issueKey("unit", "clerk-civil", "civil-affairs"),
    lead: await api.issueKey("unit", "clerk-housing", "housing"),
    co: await api.issueKey("unit", "clerk-finance", "finance"),
    partA: await api.issueKey("unit", "clerk-transport", "transport"),
    partB: await api.issueKey("unit", "clerk-police", "traffic-police"),
  };
});

afterAll(async () => {
  await api.close();
});

/** One proposal's client: remembers the version the last answer carried and sends it back as If-Match. */
class Client {
  version = 0;
  readonly sent: { type: string; actor: string }[] = [];
  constructor(readonly id: string) {}

  async send(key: string, body: { type: string } & Record<string, unknown>, actor: string) {
    const response = await api.call("POST", `/v1/proposals/${this.id}/events`, {
      key,
      body,
      headers: { "if-match": `"${this.version}"`, "idempotency-key": randomUUID() },
    });
    expect(response.status, `${body.type}: ${JSON.stringify(response.body)}`).toBe(200);
    expect(response.body.version).toBe(this.version + 1);
    expect(response.headers.get("etag")).toBe(`"${this.version + 1}"`);
    this.version = response.body.version;
    this.sent.push({ type: body.type, actor });
    return response.body;
  }
}

async function draftAndRegister(): Promise<Client> {
  const created = await api.call("POST", "/v1/proposals", {
    key: keys.proposer,
    body: {
      title: "关于改善老旧小区出行条件的建议",
      reasons: "老旧小区道路狭窄，停车难，公交站点远。",
      suggestions: ["拓宽小区周边道路", "增设公交站点"],
      category: "livelihood",
      proposers: [{ id: "member-zhang", name: "张委员" }],
    },
  });
  expect(created.status).toBe(201);
  expect(created.body.states).toEqual(["submit.draft"]);
  const client = new Client(created.body.id);
  client.version = created.body.version;
  client.sent.push({ type: "create", actor: "member-zhang" });
  await client.send(keys.proposer, { type: "submit" }, "member-zhang");
  const registered = await client.send(keys.staff, { type: "review.register", category: "livelihood" }, "office-li");
  expect(registered.stage).toBe("assign");
  return client;
}

const contact = (summary: string) => ({
  type: "handle.contact",
  channel: "phone",
  contactedAt: new Date().toISOString(),
  summary,
});
const reply = (classification: "A" | "B" | "C", text: string) => ({
  type: "handle.reply",
  classification,
  text,
  signedOffBy: "分管领导",
});

/** Staff assign the proposal: `units` maps each unit to its role. */
const assign = (client: Client, mode: string, units: Record<string, string>) =>
  client.send(
    keys.staff,
    { type: "assign", mode, units: Object.entries(units).map(([unitId, role]) => ({ unitId, role })) },
    "office-li",
  );

/** The end every mode shares: closed.completed, nothing left open, a history that is exactly what was sent. */
async function expectClosed(client: Client, unitKeys: readonly string[]) {
  const final = await api.call("GET", `/v1/proposals/${client.id}`, { key: keys.proposer });
  expect(final.status).toBe(200);
  expect(final.body).toMatchObject({ stage: "closed", states: ["closed.completed"], version: client.version });
  expect(final.body.deadlines).toEqual([]);
  expect(final.body.allowedEvents).toEqual([]);
  // Every unit involved still sees the closed proposal it handled.
  for (const key of unitKeys) expect((await api.call("GET", `/v1/proposals/${client.id}`, { key })).status).toBe(200);
  const history = await api.call("GET", `/v1/proposals/${client.id}/history?limit=200`, { key: keys.staff });
  expect(history.status).toBe(200);
  expect(history.body.items.map((item: { type: string; actor: { id: string } }) => [item.type, item.actor.id])).toEqual(
    client.sent.map((event) => [event.type, event.actor]),
  );
  expect(await api.database.prisma.deadline.count({ where: { proposalId: client.id, status: "open" } })).toBe(0);
  expect(await api.database.prisma.alarm.count({ where: { proposalId: client.id, status: "pending" } })).toBe(0);
}

describe("draft to closed over HTTP", () => {
  it("sole handling (独办): one unit contacts, replies A, staff accept, the proposer is satisfied", async () => {
    const client = await draftAndRegister();
    await assign(client, "sole", { "civil-affairs": "lead" });
    await client.send(keys.civil, { type: "unit.acknowledge" }, "clerk-civil");
    await client.send(keys.civil, contact("电话沟通办理思路"), "clerk-civil");
    await client.send(keys.staff, { type: "supervise.record", mode: "online", note: "网上督办" }, "office-li");
    const replied = await client.send(keys.civil, reply("A", "已拓宽两条道路。"), "clerk-civil");
    expect(replied.stage).toBe("supervise");
    await client.send(keys.staff, { type: "supervise.acceptReply" }, "office-li");
    await client.send(keys.proposer, { type: "evaluate", result: "satisfied", comment: "满意" }, "member-zhang");
    await expectClosed(client, [keys.civil]);
  });

  it("lead + co-handling (主办+会办): the co-unit sends its opinion, only the lead unit replies", async () => {
    const client = await draftAndRegister();
    await assign(client, "lead-co", { housing: "lead", finance: "co" });
    await client.send(keys.co, { type: "unit.acknowledge" }, "clerk-finance");
    const started = await client.send(keys.lead, { type: "unit.acknowledge" }, "clerk-housing");
    expect(started.stage).toBe("handle");
    // The co-unit may not reply for the proposal: that is the lead unit's alone.
    const refused = await api.call("POST", `/v1/proposals/${client.id}/events`, {
      key: keys.co,
      body: reply("A", "会办单位不答复"),
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: "FORBIDDEN",
      details: { reason: "NOT_A_PARTY", allowedEvents: ["handle.coOpinion"] },
    });
    await client.send(keys.co, { type: "handle.coOpinion", opinion: "可安排专项资金一半。" }, "clerk-finance");
    // The opinion is sent to the lead unit, which reads it in the history to write the one reply; the proposer not.
    const opinionOf = async (key: string) => {
      const history = await api.call("GET", `/v1/proposals/${client.id}/history`, { key });
      expect(history.status).toBe(200);
      return history.body.items.find((item: { type: string }) => item.type === "handle.coOpinion");
    };
    expect((await opinionOf(keys.lead)).payload).toMatchObject({ opinion: "可安排专项资金一半。" });
    expect((await opinionOf(keys.co)).payload).toMatchObject({ opinion: "可安排专项资金一半。" });
    expect(await opinionOf(keys.proposer)).toMatchObject({ payload: null, payloadHidden: true });
    await client.send(keys.lead, contact("上门沟通"), "clerk-housing");
    await client.send(keys.lead, reply("A", "会同财政局落实改造资金。"), "clerk-housing");
    await client.send(keys.staff, { type: "supervise.acceptReply" }, "office-li");
    await client.send(keys.proposer, { type: "evaluate", result: "satisfied", comment: "" }, "member-zhang");
    await expectClosed(client, [keys.lead, keys.co]);
  });

  it("separate handling (分办): two units each handle and reply on their own part", async () => {
    const client = await draftAndRegister();
    await assign(client, "separate", { transport: "separate", "traffic-police": "separate" });
    await client.send(keys.partA, { type: "unit.acknowledge" }, "clerk-transport");
    await client.send(keys.partB, { type: "unit.acknowledge" }, "clerk-police");
    await client.send(keys.partB, contact("座谈"), "clerk-police");
    const first = await client.send(keys.partB, reply("B", "停车管理列入明年计划。"), "clerk-police");
    // One part replied, the other still handles: the proposal stays in handling.
    expect(first.states).toEqual(["handle.separately"]);
    await client.send(keys.staff, { type: "supervise.acceptReply", unitId: "traffic-police" }, "office-li");
    await client.send(keys.partA, contact("电话"), "clerk-transport");
    const second = await client.send(keys.partA, reply("A", "已增设公交站点。"), "clerk-transport");
    expect(second.stage).toBe("supervise");
    await client.send(keys.staff, { type: "supervise.acceptReply", unitId: "transport" }, "office-li");
    await client.send(keys.proposer, { type: "evaluate", result: "satisfied", comment: "" }, "member-zhang");
    // A B reply is tracked after the evaluation until the unit reports it solved (跟踪落实).
    const tracked = await api.call("GET", `/v1/proposals/${client.id}`, { key: keys.partB });
    expect(tracked.body.stage).not.toBe("closed");
    await client.send(
      keys.partB,
      { type: "followup.report", progress: "停车位已建成", resolved: true },
      "clerk-police",
    );
    await expectClosed(client, [keys.partA, keys.partB]);
  });
});
