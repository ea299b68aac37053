import { cnMainlandCalendar } from "@huiyin/domain";
import { describe, expect, it } from "vitest";
import { type DeadlineFact, deriveFigures, type HistoryFact } from "./derive.ts";

const d = (iso: string) => new Date(iso);
const event = (seq: number, type: string, at: string, extra: Partial<HistoryFact> = {}): HistoryFact => ({
  seq,
  type,
  at: d(at),
  actor: null,
  payload: null,
  ...extra,
});
const reply = (unitId: string, kind = "reply", due = "2027-06-01T15:59:59.999Z"): DeadlineFact => ({
  unitId,
  kind,
  dueAt: d(due),
  openedAt: d("2027-03-02T00:00:00Z"),
  closedAt: null,
});

describe("deriveFigures", () => {
  it("a proposal ended before registration says why, and has no handling", () => {
    const figures = deriveFigures({
      committeeId: "default",
      states: ["closed.rejected"],
      history: [event(1, "created", "2027-01-20T00:00:00Z"), event(2, "submit", "2027-01-21T00:00:00Z")],
      deadlines: [],
      record: {},
      calendar: cnMainlandCalendar,
    });
    expect(figures).toMatchObject({
      submittedAt: d("2027-01-21T00:00:00Z"),
      registeredAt: null,
      notRegistered: "rejected",
      // Rejected without a ground named (before grounds existed, or a caller that sent none).
      rejectionGround: "unspecified",
      assignedAt: null,
      repliedAt: null,
      parts: [],
      ratings: [],
    });
  });

  it("a rejection counts under the ground staff named; other endings under none", () => {
    const ended = (states: string[], history: HistoryFact[]) =>
      deriveFigures({
        committeeId: "default",
        states,
        history,
        deadlines: [],
        record: {},
        calendar: cnMainlandCalendar,
      });
    const submitted = event(1, "submit", "2027-01-21T00:00:00Z");
    const rejected = (ground: unknown) =>
      ended(
        ["closed.rejected"],
        [submitted, event(2, "review.reject", "2027-01-22T00:00:00Z", { payload: { reason: "r", ground } })],
      );
    expect(rejected("state-secret").rejectionGround).toBe("state-secret");
    expect(rejected("private-matter").rejectionGround).toBe("private-matter");
    expect(rejected(undefined).rejectionGround).toBe("unspecified");
    expect(rejected("not-a-ground").rejectionGround).toBe("unspecified");
    expect(ended(["closed.converted"], [submitted]).rejectionGround).toBeNull();
    expect(ended(["review.pending"], [submitted]).rejectionGround).toBeNull();
  });

  it("counts the last assignment's units, each part's first reply against the deadline in force, final grades and ratings", () => {
    const figures = deriveFigures({
      committeeId: "default",
      states: ["evaluate.awaiting"],
      history: [
        event(1, "submit", "2027-01-21T02:00:00Z"),
        event(2, "review.register", "2027-01-25T02:00:00Z"),
        event(3, "assign", "2027-02-01T02:00:00Z", {
          payload: { units: [{ unitId: "roads", role: "lead" }] },
        }),
        // Reassigned after an objection: roads no longer counts.
        event(4, "assign", "2027-03-01T02:00:00Z", {
          payload: {
            units: [
              { unitId: "water", role: "separate" },
              { unitId: "parks", role: "separate" },
            ],
          },
        }),
        event(5, "handle.reply", "2027-05-04T02:00:00Z", { actor: { unitId: "water" } }),
        event(6, "handle.reply", "2027-05-20T02:00:00Z", { actor: { unitId: "water" } }),
        event(7, "handle.reply", "2027-07-01T02:00:00Z", { actor: { unitId: "parks" } }),
      ],
      deadlines: [
        { ...reply("water"), closedAt: d("2027-05-04T02:00:00Z") },
        // parks asked for an extension: its first deadline closed (late) when the new one opened, before the reply.
        { ...reply("parks"), closedAt: d("2027-06-20T00:00:00Z") },
        { ...reply("parks"), openedAt: d("2027-06-20T00:00:00Z"), dueAt: d("2027-07-15T15:59:59.999Z") },
        reply("parks", "rehandle"),
      ],
      record: {
        parts: [
          { unitId: "water", reply: { classification: "A" } },
          { unitId: "parks", reply: { classification: "B" } },
        ],
        evaluations: [
          { proposerId: "m1", result: "satisfied" },
          {
            proposerId: "m2",
            result: "unsatisfied",
            units: [
              { unitId: "water", result: "satisfied" },
              { unitId: "parks", result: "unsatisfied" },
            ],
          },
          { result: "no-answer" },
        ],
      },
      calendar: cnMainlandCalendar,
    });
    expect(figures.assignedAt).toEqual(d("2027-03-01T02:00:00Z"));
    expect(figures.parts.map((p) => [p.unitId, p.role, p.repliedOnTime, p.grade, p.rehandled, p.overdueEver])).toEqual([
      ["water", "separate", true, "A", false, false],
      ["parks", "separate", true, "B", true, true],
    ]);
    // The first reply counts (water's second one does not), and the proposal is replied when its last part is.
    expect(figures.parts[0]?.repliedAt).toEqual(d("2027-05-04T02:00:00Z"));
    expect(figures.repliedAt).toEqual(d("2027-07-01T02:00:00Z"));
    expect(figures.repliedOnTime).toBe(true);
    expect(figures.rehandled).toBe(true);
    expect(figures.overdueEver).toBe(true);
    // 2027-03-01 (Mon) to 2027-05-04 (Tue): weekends, 清明 (5 Apr) and the May Day days off (1-5 May) excluded.
    expect(figures.parts[0]?.replyWorkingDays).toBeGreaterThan(40);
    expect(figures.parts[0]?.replyWorkingDays).toBeLessThan(46);
    expect(figures.ratings).toEqual([
      { position: 0, unitId: "", proposerId: "m1", result: "satisfied" },
      { position: 0, unitId: "water", proposerId: "m1", result: "satisfied" },
      { position: 0, unitId: "parks", proposerId: "m1", result: "satisfied" },
      { position: 1, unitId: "", proposerId: "m2", result: "unsatisfied" },
      { position: 1, unitId: "water", proposerId: "m2", result: "satisfied" },
      { position: 1, unitId: "parks", proposerId: "m2", result: "unsatisfied" },
    ]);
  });

  it("a co-unit owes no reply; a late first reply is late even if a later one is quick; units added and removed", () => {
    const figures = deriveFigures({
      committeeId: "default",
      states: ["supervise.checking"],
      history: [
        event(1, "submit", "2027-01-21T02:00:00Z"),
        event(2, "review.register", "2027-01-25T02:00:00Z"),
        event(3, "assign", "2027-02-01T02:00:00Z", {
          payload: {
            units: [
              { unitId: "water", role: "lead" },
              { unitId: "parks", role: "co" },
            ],
          },
        }),
        event(4, "handle.reassign", "2027-02-10T02:00:00Z", {
          payload: { add: [{ unitId: "roads", role: "co" }], remove: ["parks"] },
        }),
        event(5, "handle.reply", "2027-06-10T02:00:00Z", { actor: { unitId: "water" } }),
      ],
      deadlines: [{ ...reply("water"), closedAt: d("2027-06-10T02:00:00Z") }],
      record: { parts: [{ unitId: "water", reply: { classification: "C" } }] },
      calendar: cnMainlandCalendar,
    });
    expect(figures.parts.map((p) => [p.unitId, p.role, p.repliedOnTime, p.grade])).toEqual([
      ["water", "lead", false, "C"],
      ["roads", "co", null, null],
    ]);
    expect(figures.repliedOnTime).toBe(false);
    expect(figures.overdueEver).toBe(true);
  });
});
