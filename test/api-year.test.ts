import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * The committee's year over real HTTP: sessions with their plenary dates, plenary and interim proposals with their
 * different reply durations, numbers given at registration (gapless and distinct under concurrent registrations),
 * search by number, and the proposal's origin.
 */
let api: ApiHarness;
let now = new Date("2026-01-05T02:00:00Z");
let keys: Record<"staff" | "proposer" | "water", string>;
let first: { id: string };
let second: { id: string };

beforeAll(async () => {
  api = await startApi({ overrides: { clock: { now: () => now } } });
  // Sichuan since 2024: plenary proposals answered within 5 months, the others within 3 (the committee's policy).
  const policy = await api.call("PUT", "/v1/policy", {
    key: api.adminKey,
    body: { override: { replyDurations: { plenary: { months: 5 }, interim: { months: 3 } } }, note: "四川 2024" },
  });
  expect(policy.status).toBe(201);
  keys = {
    staff: await api.issueKey("staff", "staff-1"),
    proposer: await api.issueKey("proposer", "member-1"),
    water: await api.issueKey("unit", "clerk-1", "water"),
  };
});

afterAll(async () => {
  await api.close();
});

const at = (iso: string) => {
  now = new Date(iso);
};

async function submit(extra: Record<string, unknown> = {}): Promise<{ id: string; [key: string]: unknown }> {
  const created = await api.call("POST", "/v1/proposals", {
    key: keys.proposer,
    body: {
      title: "关于完善农村饮水安全保障的建议",
      reasons: "部分村镇供水不稳定。",
      suggestions: ["加快管网改造"],
      category: "livelihood",
      proposers: [{ id: "member-1" }],
      submit: true,
      ...extra,
    },
  });
  expect(created.status).toBe(201);
  return created.body;
}

const send = (id: string, key: string, body: Record<string, unknown>) =>
  api.call("POST", `/v1/proposals/${id}/events`, { key, body });
const register = (id: string) => send(id, keys.staff, { type: "review.register", category: "livelihood" });
const view = async (id: string) => (await api.call("GET", `/v1/proposals/${id}`, { key: keys.staff })).body;
const list = async (query: string) => {
  const response = await api.call("GET", `/v1/proposals?limit=100&${query}`, { key: keys.staff });
  expect(response.status).toBe(200);
  return response.body.items.map((item: { id: string }) => item.id).sort() as string[];
};

describe("committee sessions", () => {
  it("an admin creates sessions; overlapping, misordered or non-admin ones are refused", async () => {
    const create = (body: Record<string, unknown>, key?: string) =>
      api.call("POST", "/v1/committee-sessions", { body, ...(key ? { key } : {}) });
    const made = await create({
      name: "十四届三次会议",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      plenaryStartsOn: "2026-01-20",
      plenaryEndsOn: "2026-01-24",
      numberPattern: "第{n:4}号",
    });
    expect(made.status).toBe(201);
    first = made.body;
    expect(made.body).toMatchObject({ name: "十四届三次会议", plenaryStartsOn: "2026-01-20", lastNumber: 0 });
    const next = await create({
      name: "十四届四次会议",
      startsOn: "2027-01-01",
      endsOn: "2027-12-31",
      plenaryStartsOn: "2027-01-18",
      plenaryEndsOn: "2027-01-22",
      numberPattern: "四次-{n:3}",
    });
    expect(next.status).toBe(201);
    second = next.body;

    const overlapping = await create({
      name: "临时",
      startsOn: "2026-12-01",
      endsOn: "2027-02-01",
      plenaryStartsOn: "2026-12-05",
      plenaryEndsOn: "2026-12-06",
    });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.error.code).toBe("SESSION_OVERLAPS");
    const misordered = await create({
      name: "错",
      startsOn: "2028-01-01",
      endsOn: "2028-12-31",
      plenaryStartsOn: "2027-12-20",
      plenaryEndsOn: "2028-01-05",
    });
    expect(misordered.status).toBe(422);
    const badPattern = await create({
      name: "错2",
      startsOn: "2028-01-01",
      endsOn: "2028-12-31",
      plenaryStartsOn: "2028-01-02",
      plenaryEndsOn: "2028-01-05",
      numberPattern: "第号",
    });
    expect(badPattern.status).toBe(422);
    expect((await create({ name: "x" }, keys.staff)).status).toBe(403);

    const listed = await api.call("GET", "/v1/committee-sessions", { key: keys.staff });
    expect(listed.body.items.map((s: { name: string }) => s.name)).toEqual(["十四届四次会议", "十四届三次会议"]);
  });
});

describe("plenary and interim proposals, numbers and origins", () => {
  let plenary: { id: string };
  let interim: { id: string };
  let nextPlenary: { id: string };
  /** The reply deadline of each assigned proposal, as its view showed it when handling began. */
  const replyDueAt = new Map<string, number>();

  /** The reply deadline's local due date, once the unit acknowledged the assignment and handling began. */
  async function replyDue(id: string): Promise<Date> {
    expect(
      (await send(id, keys.staff, { type: "assign", mode: "sole", units: [{ unitId: "water", role: "lead" }] })).status,
    ).toBe(200);
    expect((await send(id, keys.water, { type: "unit.acknowledge" })).status).toBe(200);
    const reply = (await view(id)).deadlines.find((d: { kind: string }) => d.kind === "reply");
    return new Date(reply.dueAt);
  }

  it("marks each proposal with its session and plenary or interim, by when it was submitted", async () => {
    at("2026-01-21T03:00:00Z"); // during the plenary of 十四届三次会议
    plenary = await submit({ proposerType: "party-group" });
    at("2026-06-15T03:00:00Z"); // between sessions
    interim = await submit({ channel: "public-platform" });
    at("2027-01-19T03:00:00Z"); // during the plenary of 十四届四次会议
    nextPlenary = await submit();
    expect(await view(plenary.id)).toMatchObject({
      sessionId: first.id,
      plenary: true,
      number: null,
      proposerType: "party-group",
      sourceChannel: "plenary",
    });
    expect(await view(interim.id)).toMatchObject({
      sessionId: first.id,
      plenary: false,
      proposerType: "member",
      sourceChannel: "public-platform",
    });
    expect(await view(nextPlenary.id)).toMatchObject({ sessionId: second.id, plenary: true, sourceChannel: "plenary" });
  });

  it("numbers a proposal at registration in its own session, by the session's pattern", async () => {
    at("2027-01-25T03:00:00Z");
    expect((await register(plenary.id)).body).toMatchObject({ number: 1, numberLabel: "第0001号" });
    expect((await register(interim.id)).body).toMatchObject({ number: 2, numberLabel: "第0002号" });
    expect((await register(nextPlenary.id)).body).toMatchObject({ number: 1, numberLabel: "四次-001" });
    // A refused registration takes no number.
    expect((await register(plenary.id)).status).toBe(409);
    const history = await api.call("GET", `/v1/proposals/${plenary.id}/history`, { key: keys.staff });
    const registered = history.body.items.find((e: { type: string }) => e.type === "review.register");
    expect(registered.payload.number).toEqual({ sessionId: first.id, value: 1, label: "第0001号" });
  });

  it("gives plenary proposals the plenary reply duration (5 months) and the others the interim one (3)", async () => {
    at("2027-02-01T03:00:00Z");
    const monthsLater = (n: number) => Date.parse(`2027-${String(2 + n).padStart(2, "0")}-01T00:00:00+08:00`);
    const days = 24 * 3600 * 1000;
    for (const [id, n] of [
      [plenary.id, 5],
      [interim.id, 3],
      [nextPlenary.id, 5],
    ] as const) {
      const due = (await replyDue(id)).getTime();
      replyDueAt.set(id, due);
      // n months after the assignment's day, moved on to a working day at most (a weekend or a holiday).
      expect(due, id).toBeGreaterThanOrEqual(monthsLater(n) - days);
      expect(due, id).toBeLessThan(monthsLater(n) + 10 * days);
    }
  });

  it("finds proposals by number, session, plenary and origin", async () => {
    expect(await list(`number=${encodeURIComponent("第0002号")}`)).toEqual([interim.id]);
    expect(await list(`number=1&session=${first.id}`)).toEqual([plenary.id]);
    expect(await list("number=1")).toEqual([plenary.id, nextPlenary.id].sort());
    expect(await list(`session=${first.id}&plenary=false`)).toEqual([interim.id]);
    expect(await list("proposerType=party-group")).toEqual([plenary.id]);
    expect(await list("channel=public-platform")).toEqual([interim.id]);
    expect((await api.call("GET", "/v1/proposals?channel=fax", { key: keys.staff })).status).toBe(400);
  });

  it("gives concurrent registrations distinct, gapless numbers, and none to a refused one", async () => {
    at("2027-03-10T03:00:00Z"); // interim, 十四届四次会议
    const proposals = await Promise.all(Array.from({ length: 12 }, () => submit()));
    at("2027-03-11T03:00:00Z");
    // Every proposal registered twice at the same moment: one of each pair is applied, the other refused.
    const answers = await Promise.all(proposals.flatMap((p) => [register(p.id), register(p.id)]));
    const applied = answers.filter((answer) => answer.status === 200);
    expect(applied).toHaveLength(12);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(12);
    const numbers = applied.map((answer) => answer.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
    expect(new Set(applied.map((answer) => answer.body.numberLabel)).size).toBe(12);
    const session = await api.call("GET", `/v1/committee-sessions/${second.id}`, { key: keys.staff });
    expect(session.body.lastNumber).toBe(13);
    // And a batch (the 交办会) numbers the same way.
    const more = await Promise.all(Array.from({ length: 3 }, () => submit()));
    const batch = await api.call("POST", "/v1/batches", {
      key: keys.staff,
      body: { event: { type: "review.register", category: "livelihood" }, proposalIds: more.map((p) => p.id) },
    });
    expect(batch.body.counts.applied).toBe(3);
    const batchNumbers = await Promise.all(more.map(async (p) => (await view(p.id)).number));
    expect(batchNumbers.sort((a, b) => a - b)).toEqual([14, 15, 16]);
  });

  it("reports each unit's 办复率, 按期办复率 and 满意率 as the history has them, per session", async () => {
    const contact = {
      type: "handle.contact",
      channel: "phone",
      contactedAt: "2027-02-02T02:00:00Z",
      summary: "电话沟通",
    };
    const answer = { type: "handle.reply", classification: "A", text: "已采纳。", signedOffBy: "分管领导" };
    // The interim proposal answered within its 3 months, the plenary one within its 5, the next session's plenary
    // one late (after its 5 months); a proposal registered but not assigned counts for no unit.
    for (const [id, when] of [
      [interim.id, "2027-04-15T02:00:00Z"],
      [plenary.id, "2027-06-20T02:00:00Z"],
      [nextPlenary.id, "2027-07-20T02:00:00Z"],
    ] as const) {
      at(when);
      expect((await send(id, keys.water, contact)).status).toBe(200);
      expect((await send(id, keys.water, answer)).status).toBe(200);
    }
    at("2027-07-21T02:00:00Z");
    expect((await send(plenary.id, keys.staff, { type: "supervise.acceptReply" })).status).toBe(200);
    expect(
      (await send(plenary.id, keys.proposer, { type: "evaluate", result: "satisfied", comment: "好" })).status,
    ).toBe(200);
    expect((await send(interim.id, keys.staff, { type: "supervise.acceptReply" })).status).toBe(200);
    expect(
      (
        await send(interim.id, keys.proposer, {
          type: "evaluate",
          result: "unsatisfied",
          comment: "不满意",
          rehandle: false,
        })
      ).status,
    ).toBe(200);

    // The figures computed here from each proposal's history and the due dates seen at assignment.
    async function expected(ids: readonly string[]) {
      let assigned = 0;
      let replied = 0;
      let onTime = 0;
      let rated = 0;
      let satisfied = 0;
      for (const id of ids) {
        const history = (await api.call("GET", `/v1/proposals/${id}/history?limit=200`, { key: keys.staff })).body
          .items;
        const types = history.map((e: { type: string }) => e.type);
        if (!types.includes("assign")) continue;
        assigned++;
        const first = history.find((e: { type: string }) => e.type === "handle.reply");
        if (first) {
          replied++;
          if (Date.parse(first.at) <= (replyDueAt.get(id) ?? 0)) onTime++;
        }
        for (const e of history.filter((e: { type: string }) => e.type === "evaluate")) {
          rated++;
          if (["satisfied", "basically-satisfied"].includes(e.payload.result)) satisfied++;
        }
      }
      return {
        assigned,
        replied,
        repliedOnTime: onTime,
        replyRate: replied / assigned,
        onTimeRate: onTime / assigned,
        satisfactionRate: rated ? satisfied / rated : null,
      };
    }
    const stats = async (query: string) => {
      const response = await api.call("GET", `/v1/stats${query}`, { key: keys.staff });
      expect(response.status).toBe(200);
      return response.body.rates.byUnit.water;
    };
    const everything = await expected([plenary.id, interim.id, nextPlenary.id]);
    expect(everything).toMatchObject({ assigned: 3, replied: 3, repliedOnTime: 2, satisfactionRate: 0.5 });
    expect(await stats("")).toEqual(everything);
    expect(await stats(`?session=${first.id}`)).toEqual(await expected([plenary.id, interim.id]));
    expect(await stats(`?session=${second.id}`)).toEqual({
      ...(await expected([nextPlenary.id])),
      satisfactionRate: null,
    });
  });
});
