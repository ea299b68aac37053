import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  alarmsOf as alarmPlanOf,
  applyEvent,
  calendarAdditionsOf,
  DEFAULT_COMMITTEE,
  type DeadlineSchedule,
  type EngineDeps,
  planCalendarChange,
  type RolloutMemory,
  recordCalendarChange,
  rollOutCalendar,
  rollOutCalendars,
} from "../packages/engine/src/index.ts";
import { proposalWorkflow } from "../workflows/proposal/src/index.ts";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * A committee's rules as data, over HTTP against real PostgreSQL: loading next year's official calendar moves an
 * open deadline (after a dry run that lists it) through the engine, alarms and history included; local days off go
 * the same way; a policy version applies to proposals registered after it, and each proposal says which it runs
 * under.
 */
let api: ApiHarness;
const now = new Date("2027-01-28T02:00:00Z");
const clock = { now: () => now };
let proposer: string;
let staff: string;
let engine: EngineDeps;

/** 2027 as the State Council's notice could give it: 春节 5 to 12 February, Sun 14 and Sat 20 February worked. */
const notice2027 = {
  calendarId: "cn-mainland",
  year: 2027,
  source: "国务院办公厅关于2027年部分节假日安排的通知 (test)",
  holidays: [{ name: "春节", from: "2027-02-05", to: "2027-02-12", makeUpWorkdays: ["2027-02-14", "2027-02-20"] }],
};

beforeAll(async () => {
  api = await startApi({ overrides: { clock } });
  proposer = await api.issueKey("proposer", "member-rules");
  staff = await api.issueKey("staff", "staff-rules");
  engine = {
    db: api.database,
    logger: createLogger({ service: "rules-test", level: "silent", format: "json" }),
    clock,
    workflow: proposalWorkflow,
  };
});

afterAll(async () => {
  await api.close();
});

async function submitted(title: string): Promise<string> {
  const created = await api.call("POST", "/v1/proposals", {
    key: proposer,
    body: {
      title,
      reasons: "理由。",
      suggestions: ["建议一"],
      category: "livelihood",
      proposers: [{ id: "member-rules" }],
      submit: true,
    },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

const view = async (id: string) => (await api.call("GET", `/v1/proposals/${id}`, { key: staff })).body;
const reviewOf = async (id: string) =>
  (await view(id)).deadlines.find((deadline: { kind: string }) => deadline.kind === "review");

async function alarmsOf(id: string) {
  const { rows } = await api.database.pool.query<{
    id: string;
    deadline_id: string;
    kind: string;
    status: string;
    fire_at: Date;
  }>("SELECT id, deadline_id, kind, status, fire_at FROM alarms WHERE proposal_id = $1 ORDER BY fire_at", [id]);
  return rows;
}

describe("loading next year's official calendar", () => {
  it("lists the deadline in a dry run, then moves it and its alarms through the engine, with a history entry", async () => {
    // Submitted Thu 28 January 2027: 10 working days. Provisional 2027 (5 to 10 February off): the end of Wed 17
    // February. The notice (5 to 12 off, Sun 14 worked): Fri 29, 1–4 Feb, Sun 14, 15–18 → the end of Thu 18.
    const id = await submitted("关于加强春运保障的建议");
    const before = await reviewOf(id);
    expect(before).toMatchObject({ dueAt: "2027-02-17T15:59:59.999Z", calendar: "provisional" });
    const versionBefore = (await view(id)).version;
    const alarmsBefore = await alarmsOf(id);
    expect(alarmsBefore.every((alarm) => alarm.status === "pending")).toBe(true);

    const dry = await api.call("PUT", "/v1/calendar/years/2027?dryRun=true", { key: api.adminKey, body: notice2027 });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, change: null });
    expect(dry.body.moves).toEqual([
      {
        proposalId: id,
        deadlineId: before.deadlineId,
        kind: "review",
        unitId: null,
        oldDueAt: "2027-02-17T15:59:59.999Z",
        newDueAt: "2027-02-18T15:59:59.999Z",
      },
    ]);
    // A dry run changes nothing.
    expect((await api.call("GET", "/v1/calendar/changes", { key: api.adminKey })).body.items).toEqual([]);
    expect((await view(id)).version).toBe(versionBefore);

    // A notice whose dates do not hold together is refused, and nothing is loaded.
    const bad = { ...notice2027, holidays: [{ ...notice2027.holidays[0], makeUpWorkdays: ["2027-02-15"] }] };
    const refused = await api.call("PUT", "/v1/calendar/years/2027", { key: api.adminKey, body: bad });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("CALENDAR_INVALID");
    expect(refused.body.error.details.problems[0]).toMatch(/2027-02-15 is not a weekend day/);
    const byStaff = await api.call("PUT", "/v1/calendar/years/2027", { key: staff, body: notice2027 });
    expect(byStaff.status).toBe(403);

    const loaded = await api.call("PUT", "/v1/calendar/years/2027", { key: api.adminKey, body: notice2027 });
    expect(loaded.status).toBe(201);
    expect(loaded.body.change).toMatchObject({ id: 1, kind: "year", year: 2027, source: notice2027.source });
    expect(loaded.body.change.loadedBy).toMatch(/^admin:/);
    expect(loaded.body.moves).toHaveLength(1);
    // The same notice again is no new version.
    const again = await api.call("PUT", "/v1/calendar/years/2027", { key: api.adminKey, body: notice2027 });
    expect(again.status).toBe(200);
    expect(again.body.change.id).toBe(1);

    // The api rolls it out in the background; running it here as well (as the worker does) waits for it.
    await rollOutCalendar(engine, DEFAULT_COMMITTEE, "cn-mainland");
    const after = await reviewOf(id);
    expect(after).toMatchObject({ dueAt: "2027-02-18T15:59:59.999Z", calendar: "official", kind: "review" });
    expect(after.deadlineId).not.toBe(before.deadlineId);
    expect((await view(id)).policy).toMatchObject({ calendarId: "cn-mainland", calendarVersion: "1" });

    // The old deadline's alarms are cancelled (and their jobs removed through the outbox); the new ones are pending,
    // the due alarm at the new due time and the reminder two working days before it (Tue 16 February, 09:00).
    const alarms = await alarmsOf(id);
    const old = alarms.filter((alarm) => alarm.deadline_id === before.deadlineId);
    expect(old.length).toBe(alarmsBefore.length);
    expect(old.every((alarm) => alarm.status === "cancelled")).toBe(true);
    const moved = alarms.filter((alarm) => alarm.deadline_id === after.deadlineId);
    expect(moved.every((alarm) => alarm.status === "pending")).toBe(true);
    // One alarm per deadline at a time (issue 18): the reminder is pending, the due alarm planned after it (armed when
    // the reminder rings) from the new deadline's schedule.
    expect(moved.map((alarm) => alarm.kind)).toEqual(["remind"]);
    const { rows: schedules } = await api.database.pool.query<{ definition: DeadlineSchedule }>(
      "SELECT definition FROM deadlines WHERE proposal_id = $1 AND deadline_id = $2",
      [id, after.deadlineId],
    );
    const plan = alarmPlanOf(id, schedules[0]?.definition as DeadlineSchedule);
    expect(plan.find((alarm) => alarm.kind === "due")?.fire_at).toBe("2027-02-18T15:59:59.999Z");
    expect(moved.find((alarm) => alarm.kind === "remind")?.fire_at.toISOString()).toBe("2027-02-16T01:00:00.000Z");
    const { rows: outbox } = await api.database.pool.query<{ action: string; job_id: string }>(
      "SELECT action, job_id FROM outbox WHERE proposal_id = $1 AND job_name = 'deadline.alarm'",
      [id],
    );
    for (const alarm of old)
      expect(outbox.some((row) => row.action === "cancel" && row.job_id.endsWith(alarm.id))).toBe(true);
    for (const alarm of moved)
      expect(outbox.some((row) => row.action === "enqueue" && row.job_id.endsWith(alarm.id))).toBe(true);

    // The history records the correction: old and new due, the calendar year and its version.
    const history = (await api.call("GET", `/v1/proposals/${id}/history`, { key: staff })).body.items;
    const corrections = history.filter((entry: { type: string }) => entry.type === "deadlines.recomputed");
    expect(corrections).toHaveLength(1);
    expect(corrections[0].actor).toEqual({ role: "system", id: "calendar" });
    expect(corrections[0].payload.corrections).toEqual([
      {
        deadlineId: before.deadlineId,
        kind: "review",
        oldDueAt: "2027-02-17T15:59:59.999Z",
        newDueAt: "2027-02-18T15:59:59.999Z",
      },
    ]);
    expect(corrections[0].payload.calendar).toMatchObject({ calendarId: "cn-mainland", version: "1" });
    expect(corrections[0].payload.calendar.years.map((y: { year: number }) => y.year)).toEqual([2027]);

    // Idempotent: a second roll-out finds nothing behind, and the history is unchanged.
    expect(await rollOutCalendar(engine, DEFAULT_COMMITTEE, "cn-mainland")).toMatchObject({ applied: 0, failed: 0 });
    expect((await api.call("GET", `/v1/proposals/${id}/history`, { key: staff })).body.items).toHaveLength(
      history.length,
    );

    // The year as the calendar has it now, with who loaded it when; the calendar no longer calls 2027 provisional.
    const year = await api.call("GET", "/v1/calendar/years/2027", { key: api.adminKey });
    expect(year.body).toMatchObject({ status: "official", source: notice2027.source, loaded: { id: 1, year: 2027 } });
    const calendar = await api.call("GET", "/v1/calendar", { key: proposer });
    expect(calendar.body.years.find((y: { year: number }) => y.year === 2027).status).toBe("official");
  });

  it("moves deadlines for the committee's local days off the same way", async () => {
    const id = await submitted("关于完善地方节日安排的建议");
    // Thu 28 January + 10 working days on the official 2027: the end of Thu 18 February. Mon 15 February closed:
    // the end of Fri 19.
    expect((await reviewOf(id)).dueAt).toBe("2027-02-18T15:59:59.999Z");
    const body = {
      calendarId: "cn-mainland",
      localClosedDays: [{ name: "闭会日", from: "2027-02-15", to: "2027-02-15" }],
    };
    const dry = await api.call("PUT", "/v1/calendar/local-days?dryRun=true", { key: api.adminKey, body });
    expect(dry.body.moves.map((move: { proposalId: string }) => move.proposalId)).toContain(id);
    const loaded = await api.call("PUT", "/v1/calendar/local-days", { key: api.adminKey, body });
    expect(loaded.status).toBe(201);
    await rollOutCalendar(engine, DEFAULT_COMMITTEE, "cn-mainland");
    expect((await reviewOf(id)).dueAt).toBe("2027-02-19T15:59:59.999Z");
    expect((await view(id)).policy.calendarVersion).toBe(String(loaded.body.change.id));
  });
});

describe("a committee's policy", () => {
  it("applies a new version to proposals registered after it, and each proposal says which it runs under", async () => {
    const before = await submitted("关于改进停车管理的建议");
    expect((await view(before)).policy).toMatchObject({ id: "default", version: null });

    const invalid = await api.call("PUT", "/v1/policy", {
      key: api.adminKey,
      body: { override: { deadlines: { review: { duration: { weeks: 1 } } } } },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe("POLICY_INVALID");
    expect((await api.call("GET", "/v1/policy/versions", { key: api.adminKey })).body.items).toEqual([]);

    const put = await api.call("PUT", "/v1/policy", {
      key: api.adminKey,
      body: { override: { deadlines: { review: { duration: { workingDays: 5 } } } }, note: "审查期限缩短" },
    });
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({ version: 1, note: "审查期限缩短" });
    expect(put.body.changedBy).toMatch(/^admin:/);
    const current = await api.call("GET", "/v1/policy", { key: api.adminKey });
    expect(current.body).toMatchObject({ version: 1 });
    expect(current.body.policy.deadlines.review.duration).toEqual({ workingDays: 5 });

    const after = await submitted("关于改进公交线路的建议");
    expect((await view(after)).policy).toMatchObject({ version: 1 });
    // Thu 28 January + 5 working days: Fri 29, Mon 1 to Thu 4 February; the older proposal keeps its 10 (and the
    // local day off of 15 February): the end of Fri 19.
    expect((await reviewOf(after)).dueAt).toBe("2027-02-04T15:59:59.999Z");
    expect((await reviewOf(before)).dueAt).toBe("2027-02-19T15:59:59.999Z");
    expect((await api.call("GET", "/v1/policy", { key: staff })).status).toBe(403);
  });
});

describe("a roll-out that stops midway", () => {
  it("is finished by the next one, each proposal corrected exactly once", async () => {
    const ids = [
      await submitted("关于中断一的建议"),
      await submitted("关于中断二的建议"),
      await submitted("关于中断三的建议"),
    ];
    // A change kept without its roll-out (as when the api dies right after the commit)...
    const { change } = await recordCalendarChange(api.database, {
      committeeId: DEFAULT_COMMITTEE,
      calendarId: "cn-mainland",
      kind: "local-days",
      year: null,
      data: [
        { name: "闭会日", from: "2027-02-15", to: "2027-02-15" },
        { name: "闭会日", from: "2027-02-17", to: "2027-02-17" },
      ],
      source: null,
      loadedBy: "admin:test",
    });
    // ...and applied to the first proposal only, as a roll-out killed after one proposal leaves it.
    const snapshotOf = async (id: string) =>
      (await api.database.pool.query("SELECT version, snapshot FROM proposals WHERE id = $1", [id])).rows[0];
    const first = await snapshotOf(ids[0] as string);
    const calendar = await calendarAdditionsOf(api.database, DEFAULT_COMMITTEE, "cn-mainland");
    if (!calendar) throw new Error("no calendar additions");
    expect(calendar.version).toBe(String(change.id));
    const plan = await planCalendarChange(engine, calendar);
    const firstPlan = plan.find((planned) => planned.proposalId === ids[0]);
    expect(firstPlan?.corrections).toHaveLength(1);
    const applied = await applyEvent(engine, {
      proposalId: ids[0] as string,
      event: { type: "deadlines.recomputed", calendar, corrections: firstPlan?.corrections ?? [] },
      actor: { role: "system", id: "calendar" },
      idempotencyKey: `calendar.cn-mainland.${change.id}`,
      expectedVersion: first.version,
    });
    expect(applied.outcome).toBe("applied");

    const report = await rollOutCalendar(engine, DEFAULT_COMMITTEE, "cn-mainland");
    expect(report.failed).toBe(0);
    expect(report.version).toBe(String(change.id));
    for (const id of ids) {
      const history = (await api.call("GET", `/v1/proposals/${id}/history`, { key: staff })).body.items;
      const mine = history.filter(
        (entry: { type: string; payload: { calendar?: { version: string } } }) =>
          entry.type === "deadlines.recomputed" && entry.payload.calendar?.version === String(change.id),
      );
      expect(mine, id).toHaveLength(1);
      expect((await view(id)).policy.calendarVersion).toBe(String(change.id));
    }
    expect(await rollOutCalendar(engine, DEFAULT_COMMITTEE, "cn-mainland")).toMatchObject({ applied: 0 });
    // A worker's reconcile looks once, then trusts a finished roll-out of the same version (for an hour).
    const memory: RolloutMemory = new Map();
    expect(await rollOutCalendars(engine, DEFAULT_COMMITTEE, memory)).toMatchObject([{ applied: 0, failed: 0 }]);
    expect(memory.get("cn-mainland")?.version).toBe(String(change.id));
    expect(await rollOutCalendars(engine, DEFAULT_COMMITTEE, memory)).toEqual([]);
  });
});
