import { randomUUID } from "node:crypto";
import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alarmsOf, type DeadlineSchedule, handleAlarm } from "../packages/engine/src/index.ts";
import { proposalWorkflow } from "../workflows/proposal/src/index.ts";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * What comes around and after the reply (issue 14), over real HTTP with the keys of every role involved: the
 * consultation after a repeated "unsatisfied", the follow-up review (回头看) with its report deadline, staff closing
 * a B reply's tracking, the evaluation clock from the reply, the lead unit waiting for the co-units' opinions, a
 * unit replaced during handling, and every proposer told of a rejection. The app runs on a clock the test moves.
 */
let api: ApiHarness;
let offsetMs = 0;
const DAY = 24 * 60 * 60 * 1000;
const clock = { now: () => new Date(Date.now() + offsetMs) };
const silent = createLogger({ service: "api-test", level: "silent", format: "json" });
let keys: Record<"lead" | "co" | "staff" | "roads" | "parks" | "water", string>;

beforeAll(async () => {
  api = await startApi({ overrides: { clock } });
  keys = {
    lead: await api.issueKey("proposer", "member-wang"),
    co: await api.issueKey("proposer", "member-zhao"),
    staff: await api.issueKey("staff", "office-li"),
    roads: await api.issueKey("unit", "clerk-roads", "roads"),
    parks: await api.issueKey("unit", "clerk-parks", "parks"),
    water: await api.issueKey("unit", "clerk-water", "water"),
  };
});

afterAll(async () => {
  await api.close();
});

type Body = { type: string } & Record<string, unknown>;

const send = (id: string, key: string, body: Body) =>
  api.call("POST", `/v1/proposals/${id}/events`, { key, body, headers: { "idempotency-key": randomUUID() } });

async function ok(id: string, key: string, body: Body) {
  const response = await send(id, key, body);
  expect(response.status, `${body.type}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body;
}

async function refused(id: string, key: string, body: Body, status: number, code: string) {
  const response = await send(id, key, body);
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.error.code === code || response.body.error.details?.reason === code).toBe(true);
}

async function registered(joint = false): Promise<string> {
  const created = await api.call("POST", "/v1/proposals", {
    key: keys.lead,
    body: {
      title: "关于改善城区步行环境的建议",
      reasons: "人行道被占用，绿地不足。",
      suggestions: ["清理人行道", "增设口袋公园"],
      category: "urban",
      proposers: joint ? [{ id: "member-wang" }, { id: "member-zhao" }] : [{ id: "member-wang" }],
      submit: true,
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  await ok(id, keys.staff, { type: "review.register", category: "urban" });
  return id;
}

const contact = {
  type: "handle.contact",
  channel: "phone",
  contactedAt: new Date().toISOString(),
  summary: "电话沟通",
};
const reply = (classification: "A" | "B" | "C") => ({
  type: "handle.reply",
  classification,
  text: "已办理。",
  signedOffBy: "局长",
});

/** Registered, assigned to roads alone, acknowledged, contacted and replied. */
async function replied(classification: "A" | "B" | "C", joint = false) {
  const id = await registered(joint);
  await ok(id, keys.staff, { type: "assign", mode: "sole", units: [{ unitId: "roads", role: "lead" }] });
  await ok(id, keys.roads, { type: "unit.acknowledge" });
  await ok(id, keys.roads, contact);
  await ok(id, keys.roads, reply(classification));
  return id;
}

async function historyOf(id: string, key: string) {
  const history = await api.call("GET", `/v1/proposals/${id}/history?limit=100`, { key });
  expect(history.status).toBe(200);
  return history.body.items as { type: string; payload: Record<string, unknown> | null; payloadHidden: boolean }[];
}

const noticesOf = (proposalId: string, kind: string) =>
  api.database.prisma.notice.findMany({ where: { proposalId, kind }, orderBy: { id: "asc" } });

describe("after a repeated unsatisfied: the face-to-face consultation", () => {
  it("is arranged by the unit and recorded by staff before the proposal closes; the proposer reads it", async () => {
    const id = await replied("A");
    await ok(id, keys.staff, { type: "supervise.acceptReply" });
    expect((await ok(id, keys.lead, { type: "evaluate", result: "unsatisfied", comment: "未落实" })).stage).toBe(
      "handle",
    );
    await ok(id, keys.roads, reply("A"));
    await ok(id, keys.staff, { type: "supervise.acceptReply" });
    const second = await ok(id, keys.lead, { type: "evaluate", result: "unsatisfied", comment: "仍未落实" });
    expect(second.state).toEqual({ evaluate: "consulting" });
    expect(second.deadlines.map((d: { kind: string }) => d.kind)).toEqual(["consultation"]);
    expect((await noticesOf(id, "consultation.required")).map((n) => n.recipients)).toEqual([
      [{ role: "staff" }, { role: "unit", unitId: "roads" }],
    ]);
    // The proposer takes part but neither arranges nor records it; another unit is not a party at all.
    await refused(
      id,
      keys.lead,
      { type: "consultation.record", heldAt: clock.now().toISOString(), participants: ["x"], summary: "s" },
      403,
      "ROLE_NOT_ALLOWED",
    );
    expect(
      (await send(id, keys.parks, { type: "consultation.arrange", scheduledAt: clock.now().toISOString(), place: "p" }))
        .status,
    ).toBe(404);
    await ok(id, keys.roads, {
      type: "consultation.arrange",
      scheduledAt: "2026-12-20T02:00:00Z",
      place: "交通局会议室",
    });
    expect((await noticesOf(id, "consultation.arranged"))[0]?.recipients).toEqual([
      { role: "proposer", id: "member-wang" },
      { role: "unit", unitId: "roads" },
    ]);
    const done = await ok(id, keys.staff, {
      type: "consultation.record",
      heldAt: clock.now().toISOString(),
      participants: ["member-wang", "交通局副局长"],
      summary: "同意年内完成人行道整治",
    });
    expect(done.state).toEqual({ closed: "completed" });
    const items = await historyOf(id, keys.lead);
    expect(items.find((i) => i.type === "consultation.record")).toMatchObject({
      payloadHidden: false,
      payload: { summary: "同意年内完成人行道整治" },
    });
  });
});

describe("回头看: a follow-up review of a closed proposal", () => {
  it("staff open it months later, ask the unit for a report by a date with reminders, and the unit reports", async () => {
    const id = await replied("A");
    await ok(id, keys.staff, { type: "supervise.acceptReply" });
    expect((await ok(id, keys.lead, { type: "evaluate", result: "satisfied", comment: "" })).stage).toBe("closed");
    offsetMs += 150 * DAY;
    // Only the committee looks back: not the proposer, not the unit.
    await refused(id, keys.lead, { type: "lookback.open", note: "n" }, 403, "ROLE_NOT_ALLOWED");
    await refused(id, keys.staff, { type: "lookback.record", findings: "f" }, 409, "NO_OPEN_LOOKBACK");
    await ok(id, keys.staff, { type: "lookback.open", note: "人行道整治承诺落实情况" });
    const dueDate = new Date(clock.now().getTime() + 30 * DAY).toISOString().slice(0, 10);
    const asked = await ok(id, keys.staff, {
      type: "lookback.record",
      findings: "两处人行道仍被占用",
      unitId: "roads",
      request: "报告剩余两处的整治时间表",
      dueDate,
    });
    // The proposal's record shows the open report deadline, though the proposal is closed.
    expect(asked.state).toEqual({ closed: "completed" });
    expect(asked.deadlines).toEqual([expect.objectContaining({ kind: "lookbackReport", unitId: "roads" })]);
    const deadline = await api.database.prisma.deadline.findFirstOrThrow({
      where: { proposalId: id, kind: "lookbackReport" },
    });
    expect(deadline.dueAt.toISOString().slice(0, 10)).toBe(dueDate);
    const alarms = await api.database.prisma.alarm.findMany({
      where: { proposalId: id, deadlineId: deadline.deadlineId },
    });
    // Planned: a reminder, the due moment, an escalation; pending: the first of them (issue 18: one alarm per deadline
    // at a time, each level arming the next as it rings).
    const plan = alarmsOf(id, deadline.definition as DeadlineSchedule);
    expect(plan.map((a) => a.kind).sort()).toEqual(["due", "escalate", "remind"]);
    expect(alarms.map((a) => a.kind)).toEqual(["remind"]);
    // The reminder is durable like any other: rung, it reaches the unit.
    const remind = alarms.find((a) => a.kind === "remind");
    const deps = { db: api.database, logger: silent, clock, workflow: proposalWorkflow };
    expect(
      await handleAlarm(deps, { alarmId: remind?.id ?? "", proposalId: id, deadlineId: deadline.deadlineId }),
    ).toBe("applied");
    expect((await noticesOf(id, "deadline.reminder")).at(-1)?.recipients).toEqual([{ role: "unit", unitId: "roads" }]);
    expect((await noticesOf(id, "lookback.reportRequested"))[0]?.recipients).toEqual([
      { role: "unit", unitId: "roads" },
    ]);
    // The unit reads the request; the proposer sees that a review was opened, not the committee's findings.
    expect((await historyOf(id, keys.roads)).find((i) => i.type === "lookback.record")?.payloadHidden).toBe(false);
    const byProposer = await historyOf(id, keys.lead);
    expect(byProposer.find((i) => i.type === "lookback.record")?.payloadHidden).toBe(true);
    expect(byProposer.find((i) => i.type === "lookback.open")?.payload).toMatchObject({
      note: "人行道整治承诺落实情况",
    });

    // The report waits in the unit's My work (the proposal is closed: found by its open report deadline).
    const owed = async (key: string) =>
      ((await api.call("GET", "/v1/my-work", { key })).body.items as { kind: string; proposalId: string }[]).filter(
        (item) => item.proposalId === id,
      );
    expect(await owed(keys.roads)).toEqual([
      expect.objectContaining({ kind: "lookback", event: "lookback.report", overdue: false }),
    ]);
    expect(await owed(keys.parks)).toEqual([]);

    await refused(id, keys.parks, { type: "lookback.report", report: "r" }, 404, "NOT_FOUND");
    const reported = await ok(id, keys.roads, { type: "lookback.report", report: "两处将于下月完成" });
    expect(reported.deadlines).toEqual([]);
    expect(await owed(keys.roads)).toEqual([]);
    expect(
      (await api.database.prisma.deadline.findFirstOrThrow({ where: { proposalId: id, kind: "lookbackReport" } }))
        .status,
    ).toBe("closed");
    await refused(id, keys.roads, { type: "lookback.report", report: "again" }, 409, "NO_REPORT_REQUESTED");
  });
});

describe("a B reply's tracking", () => {
  it("is closed by staff with a reason; the unit and the proposer read why", async () => {
    const id = await replied("B");
    await ok(id, keys.staff, { type: "supervise.acceptReply" });
    const tracked = await ok(id, keys.lead, { type: "evaluate", result: "basically-satisfied", comment: "" });
    expect(tracked.state).toEqual({ evaluate: "tracking" });
    await refused(id, keys.roads, { type: "tracking.close", reason: "r" }, 403, "ROLE_NOT_ALLOWED");
    const done = await ok(id, keys.staff, {
      type: "tracking.close",
      unitId: "roads",
      reason: "已纳入城市更新规划统一推进",
    });
    expect(done.state).toEqual({ closed: "completed" });
    expect((await noticesOf(id, "tracking.closed"))[0]?.content).toMatchObject({ note: "已纳入城市更新规划统一推进" });
    for (const key of [keys.roads, keys.lead]) {
      expect((await historyOf(id, key)).find((i) => i.type === "tracking.close")).toMatchObject({
        payloadHidden: false,
        payload: { reason: "已纳入城市更新规划统一推进" },
      });
    }
  });
});

describe("the evaluation clock", () => {
  it("runs from the unit's reply by default, not from the staff check", async () => {
    const repliedAt = clock.now().getTime();
    const id = await replied("A");
    offsetMs += 3 * DAY;
    const acceptedAt = clock.now().getTime();
    await ok(id, keys.staff, { type: "supervise.acceptReply" });
    const window = await api.database.prisma.deadline.findFirstOrThrow({
      where: { proposalId: id, kind: "evaluation" },
    });
    // 15 working days are at least three weeks from the reply; from the acceptance three days later they would end
    // at least three days after those.
    expect(window.dueAt.getTime() - repliedAt).toBeGreaterThanOrEqual(20 * DAY);
    expect(window.dueAt.getTime() - acceptedAt).toBeLessThan(window.dueAt.getTime() - repliedAt - 2 * DAY);
  });
});

describe("co-units' opinions before the lead unit's reply", () => {
  it("refuses the lead's reply until the co-unit sent its opinion or its deadline passed", async () => {
    const id = await registered();
    await ok(id, keys.staff, {
      type: "assign",
      mode: "lead-co",
      units: [
        { unitId: "roads", role: "lead" },
        { unitId: "parks", role: "co" },
        { unitId: "water", role: "co" },
      ],
    });
    for (const key of [keys.roads, keys.parks, keys.water]) await ok(id, key, { type: "unit.acknowledge" });
    await ok(id, keys.roads, contact);
    await refused(id, keys.roads, reply("A"), 409, "CO_OPINIONS_PENDING");
    await ok(id, keys.parks, { type: "handle.coOpinion", opinion: "可配合建设口袋公园" });
    await refused(id, keys.roads, reply("A"), 409, "CO_OPINIONS_PENDING");
    // Water's month passes without its opinion; it may still send it while the lead has not replied.
    offsetMs += 32 * DAY;
    await ok(id, keys.water, { type: "handle.coOpinion", opinion: "迟到的会办意见" });
    expect((await ok(id, keys.roads, reply("A"))).stage).toBe("supervise");
  });
});

describe("changing the handling units during handling", () => {
  it("staff replace a unit with a reason: deadlines move, the removed unit loses the proposal, all are told", async () => {
    const id = await registered(true);
    await ok(id, keys.staff, { type: "assign", mode: "sole", units: [{ unitId: "water", role: "lead" }] });
    await ok(id, keys.water, { type: "unit.acknowledge" });
    await refused(
      id,
      keys.water,
      { type: "handle.reassign", remove: ["water"], add: [{ unitId: "parks", role: "lead" }], reason: "r" },
      403,
      "ROLE_NOT_ALLOWED",
    );
    await refused(id, keys.staff, { type: "handle.reassign", remove: ["roads"], reason: "r" }, 409, "UNKNOWN_UNIT");
    const changed = await ok(id, keys.staff, {
      type: "handle.reassign",
      remove: ["water"],
      add: [{ unitId: "parks", role: "lead" }],
      reason: "步行环境属园林部门职责",
    });
    expect(changed.assignment.units).toEqual([{ unitId: "parks", role: "lead" }]);
    expect(changed.deadlines.map((d: { kind: string; unitId: string }) => `${d.kind}:${d.unitId}`).sort()).toEqual([
      "firstContact:parks",
      "reply:parks",
    ]);
    const water = await api.database.prisma.deadline.findMany({ where: { proposalId: id, unitId: "water" } });
    expect(water.map((d) => d.status)).toEqual(["closed", "closed"]);
    expect((await api.call("GET", `/v1/proposals/${id}`, { key: keys.water })).status).toBe(404);
    expect((await noticesOf(id, "assignment.changed"))[0]?.recipients).toEqual([{ role: "unit", unitId: "water" }]);
    expect((await noticesOf(id, "proposal.assigned")).at(-1)?.recipients).toEqual([{ role: "unit", unitId: "parks" }]);
    expect((await noticesOf(id, "assignment.announced")).at(-1)?.recipients).toEqual([
      { role: "proposer", id: "member-wang" },
      { role: "proposer", id: "member-zhao" },
    ]);
    // The co-proposer reads the change and its reason.
    expect((await historyOf(id, keys.co)).find((i) => i.type === "handle.reassign")?.payload).toMatchObject({
      reason: "步行环境属园林部门职责",
    });
    // Parks was given the proposal now: it may object within its own window (the first unit's is long over).
    const asParks = await api.call("GET", `/v1/proposals/${id}`, { key: keys.parks });
    expect(asParks.body.allowedEvents).toContain("unit.object");
    const objected = await ok(id, keys.parks, { type: "unit.object", reason: "不属园林部门职责" });
    expect(objected.stage).toBe("handle");
    expect((await noticesOf(id, "assignment.objected")).at(-1)).toMatchObject({ recipients: [{ role: "staff" }] });
    await refused(id, keys.parks, { type: "unit.object", reason: "again" }, 409, "ALREADY_OBJECTED");
    // Staff keep it with parks (they may reassign again): parks handles it.
    await ok(id, keys.parks, contact);
    expect((await ok(id, keys.parks, reply("A"))).stage).toBe("supervise");
  });
});

describe("a rejected or returned joint proposal", () => {
  it("tells every proposer, not only the lead", async () => {
    for (const [type, kind] of [
      ["review.reject", "proposal.rejected"],
      ["review.return", "proposal.returned"],
    ] as const) {
      const created = await api.call("POST", "/v1/proposals", {
        key: keys.lead,
        body: {
          title: "关于增设公交线路的建议",
          reasons: "新区公交覆盖不足。",
          suggestions: ["增设两条线路"],
          category: "transport",
          proposers: [{ id: "member-wang" }, { id: "member-zhao" }],
          submit: true,
        },
      });
      const id = created.body.id as string;
      await ok(id, keys.staff, { type, reason: "建议不够具体" });
      expect((await noticesOf(id, kind)).map((n) => n.recipients)).toEqual([
        [
          { role: "proposer", id: "member-wang" },
          { role: "proposer", id: "member-zhao" },
        ],
      ]);
      // The co-proposer reads the reason too.
      expect((await historyOf(id, keys.co)).find((i) => i.type === type)?.payload).toMatchObject({
        reason: "建议不够具体",
      });
    }
  });
});
