import { defaultPolicy, type Policy } from "@huiyin/domain";
import { describe, expect, it } from "vitest";
import { allowedEvents } from "./queries.ts";
import {
  closed,
  coProposer,
  input,
  jointInput,
  lead,
  leader,
  opened,
  Run,
  staff,
  unit,
} from "./test-support/fixtures.ts";

/** What comes around and after the reply (issue 14), one path each, in the style of scenarios.test.ts. */

const at = (run: Run) => new Date(run.now).toISOString();

/** A sole-handled proposal whose reply staff accepted: the evaluation window is open. */
function accepted(classification: "A" | "B" | "C" = "A", policy: Policy = defaultPolicy, joint = false) {
  const run = new Run(joint ? jointInput({}, policy) : input({}, policy));
  run.submitAndRegister().assignSole("u-civil").contactAndReply("u-civil", classification);
  run.send({ type: "supervise.acceptReply" }, staff);
  return run;
}

/** Rated unsatisfied twice (once re-handled): the consultation is due. */
function unsatisfiedTwice(classification: "A" | "B" = "A", policy: Policy = defaultPolicy) {
  const run = accepted(classification, policy);
  run.send({ type: "evaluate", result: "unsatisfied", comment: "not done" }, lead);
  run.reply("u-civil", classification);
  run.send({ type: "supervise.acceptReply" }, staff);
  return run;
}

describe("the consultation after a repeated unsatisfied (面对面协商)", () => {
  it("is arranged and recorded before the proposal closes; staff and the unit are told", () => {
    const run = unsatisfiedTwice();
    const effects = run.send({ type: "evaluate", result: "unsatisfied", comment: "still not" }, lead);
    expect(run.state).toBe("evaluate.consulting");
    expect(run.context.consultation).toMatchObject({ unsatisfiedCount: 2 });
    expect(opened(effects).map((d) => d.kind)).toContain("consultation");
    expect(effects).toContainEqual({
      type: "notify",
      params: { topic: "consultation.required", recipients: [{ role: "staff" }, { role: "unit", unitId: "u-civil" }] },
    });
    // It cannot be skipped: nothing but the record closes the proposal.
    expect(run.refuse({ type: "followup.report", progress: "p", resolved: true }, unit("u-civil"))).toBe(
      "EVENT_NOT_ALLOWED",
    );
    expect(run.refuse({ type: "consultation.arrange", scheduledAt: at(run), place: "x" }, unit("u-other"))).toBe(
      "NOT_A_PARTY",
    );
    const arranged = run
      .advanceDays(2)
      .send(
        { type: "consultation.arrange", scheduledAt: "2025-09-01T02:00:00.000Z", place: "民政局三楼会议室" },
        staff,
      );
    expect(arranged).toContainEqual({
      type: "notify",
      params: {
        topic: "consultation.arranged",
        recipients: [
          { role: "proposer", id: lead.id },
          { role: "unit", unitId: "u-civil" },
        ],
        note: "民政局三楼会议室",
      },
    });
    expect(run.state).toBe("evaluate.consulting");
    run.advanceDays(5).send(
      {
        type: "consultation.record",
        heldAt: at(run),
        participants: ["member-lead", "民政局副局长"],
        summary: "同意分两年建设",
      },
      unit("u-civil"),
    );
    expect(run.state).toBe("closed.completed");
    expect(run.context.consultation?.held).toMatchObject({ summary: "同意分两年建设", by: unit("u-civil") });
    expect(run.context.consultation?.arranged?.place).toBe("民政局三楼会议室");
  });

  it("comes from the window's close too, and a B reply is tracked after it", () => {
    const run = accepted("B", defaultPolicy, true);
    run.send({ type: "evaluate", result: "unsatisfied", comment: "" }, lead);
    run.send({ type: "evaluate", result: "unsatisfied", comment: "" }, coProposer);
    expect(run.state).toBe("handle.rehandling");
    run.reply("u-civil", "B");
    run.send({ type: "supervise.acceptReply" }, staff);
    // Only the lead rates in the second window; when it closes, that rating decides.
    run.send({ type: "evaluate", result: "unsatisfied", comment: "" }, lead);
    run.fire("evaluation");
    expect(run.state).toBe("evaluate.consulting");
    run.send({ type: "consultation.record", heldAt: at(run), participants: ["all"], summary: "s" }, staff);
    expect(run.state).toBe("evaluate.tracking");
  });

  it("is not required when the policy says never (0), nor after one unsatisfied that is not handled again", () => {
    const never = unsatisfiedTwice("A", { ...defaultPolicy, consultationAfterUnsatisfied: 0 });
    never.send({ type: "evaluate", result: "unsatisfied", comment: "" }, lead);
    expect(never.state).toBe("closed.completed");
    const once = accepted();
    once.send({ type: "evaluate", result: "unsatisfied", comment: "", rehandle: false }, lead);
    expect(once.state).toBe("closed.completed");
    const after1 = accepted("A", { ...defaultPolicy, consultationAfterUnsatisfied: 1 });
    after1.send({ type: "evaluate", result: "unsatisfied", comment: "", rehandle: false }, lead);
    expect(after1.state).toBe("evaluate.consulting");
  });

  it("closes by its deadline's owners being reminded and told when it is late (the office's own work)", () => {
    const run = unsatisfiedTwice();
    run.send({ type: "evaluate", result: "unsatisfied", comment: "" }, lead);
    const d = run.deadline("consultation");
    expect(d.owners).toEqual([{ role: "staff" }, { role: "unit", unitId: "u-civil" }]);
    expect(d.escalations.map((e) => e.recipientRole)).toEqual(["staff-head"]);
    run.fire("consultation");
    expect(run.deadline("consultation").overdue).toBe(true);
  });
});

describe("the follow-up review of a closed proposal (回头看)", () => {
  const completed = (classification: "A" | "B" | "C" = "A") => {
    const run = accepted(classification);
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    if (classification === "B") {
      run.send({ type: "followup.report", progress: "done", resolved: true }, unit("u-civil"));
    }
    expect(run.state).toBe("closed.completed");
    return run;
  };

  it("opens months later, records findings, asks the unit for a report by a date, and the unit reports", () => {
    const run = completed("B");
    const supervising = { ...leader, supervisedUnitIds: ["u-civil"] };
    run.advanceDays(180).send({ type: "lookback.open", note: "2025年答复承诺落实情况" }, supervising);
    expect(run.state).toBe("closed.completed");
    const effects = run.send(
      {
        type: "lookback.record",
        findings: "三个站点中一个尚未运营",
        unitId: "u-civil",
        request: "报告第三个站点的运营计划",
        dueDate: "2026-01-30",
      },
      staff,
    );
    const report = run.deadline("lookbackReport", "u-civil");
    expect(report.dueAt).toBe("2026-01-30T15:59:59.999Z");
    expect(report.reminders.length).toBeGreaterThan(0);
    expect(effects).toContainEqual({
      type: "notify",
      params: {
        topic: "lookback.reportRequested",
        recipients: [{ role: "unit", unitId: "u-civil" }],
        note: "报告第三个站点的运营计划",
      },
    });
    // One report at a time, and a new review waits for it.
    expect(run.refuse({ type: "lookback.open", note: "again" }, staff)).toBe("LOOKBACK_REPORT_PENDING");
    expect(
      run.refuse({ type: "lookback.record", findings: "f", unitId: "u-civil", request: "again" }, supervising),
    ).toBe("LOOKBACK_REPORT_PENDING");
    // Reminders and the due time reach the unit like any deadline of a live proposal.
    const reminded = run.fire("lookbackReport", "deadline.remind");
    expect(reminded[0]).toMatchObject({ type: "notify", params: { topic: "deadline.reminder" } });
    const done = run.advanceDays(10).send({ type: "lookback.report", report: "已于1月开始运营" }, unit("u-civil"));
    expect(closed(done).map((d) => d.kind)).toEqual(["lookbackReport"]);
    expect(done).toContainEqual({
      type: "notify",
      params: {
        topic: "lookback.reported",
        recipients: [{ role: "staff" }, { role: "leader", id: leader.id }],
        note: "已于1月开始运营",
      },
    });
    expect(run.context.deadlines).toEqual([]);
    expect(run.context.lookbacks).toEqual([
      expect.objectContaining({
        note: "2025年答复承诺落实情况",
        openedBy: supervising,
        findings: [expect.objectContaining({ text: "三个站点中一个尚未运营", by: staff })],
        requests: [
          expect.objectContaining({ unitId: "u-civil", report: expect.objectContaining({ text: "已于1月开始运营" }) }),
        ],
      }),
    ]);
    expect(run.refuse({ type: "lookback.report", report: "again" }, unit("u-civil"))).toBe("NO_REPORT_REQUESTED");
  });

  it("is for completed proposals with an A or B reply, by staff or a leader in scope, opened first", () => {
    expect(completed("C").refuse({ type: "lookback.open", note: "n" }, staff)).toBe("LOOKBACK_NOT_APPLICABLE");
    const rejected = new Run();
    rejected.send({ type: "submit" }, lead);
    rejected.send({ type: "review.reject", reason: "r" }, staff);
    expect(rejected.refuse({ type: "lookback.open", note: "n" }, staff)).toBe("LOOKBACK_NOT_APPLICABLE");
    const run = completed("A");
    expect(run.refuse({ type: "lookback.record", findings: "f" }, staff)).toBe("NO_OPEN_LOOKBACK");
    expect(run.refuse({ type: "lookback.open", note: "n" }, leader)).toBe("NOT_A_PARTY");
    expect(run.refuse({ type: "lookback.open", note: "n" }, unit("u-civil"))).toBe("ROLE_NOT_ALLOWED");
    run.send({ type: "lookback.open", note: "n" }, staff);
    expect(run.refuse({ type: "lookback.record", findings: "f", unitId: "u-x", request: "r" }, staff)).toBe(
      "UNKNOWN_UNIT",
    );
    expect(
      run.refuse(
        { type: "lookback.record", findings: "f", unitId: "u-civil", request: "r", dueDate: "2025-01-01" },
        staff,
      ),
    ).toBe("DUE_DATE_PASSED");
    // Without a date of its own, the policy's time for a report applies (a month by default).
    run.send({ type: "lookback.record", findings: "f", unitId: "u-civil", request: "r" }, staff);
    expect(Date.parse(run.deadline("lookbackReport").dueAt) - run.now).toBeGreaterThan(27 * 86_400_000);
  });
});

describe("closing a B reply's tracking", () => {
  it("staff close it with a reason: the follow-up deadline closes, the unit is told, the proposal closes", () => {
    const run = accepted("B");
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(run.state).toBe("evaluate.tracking");
    expect(run.refuse({ type: "tracking.close", reason: "r" }, lead)).toBe("ROLE_NOT_ALLOWED");
    const effects = run.advanceDays(400).send({ type: "tracking.close", reason: "列入五年规划，不再逐月跟踪" }, staff);
    expect(run.state).toBe("closed.completed");
    expect(closed(effects).map((d) => [d.kind, d.reason])).toEqual([["followUp", "left"]]);
    expect(effects).toContainEqual({
      type: "notify",
      params: {
        topic: "tracking.closed",
        recipients: [{ role: "unit", unitId: "u-civil" }],
        note: "列入五年规划，不再逐月跟踪",
      },
    });
    expect(run.context.parts[0]?.tracking).toBe("closed");
    expect(run.context.trackingClosures).toEqual([
      { unitId: "u-civil", reason: "列入五年规划，不再逐月跟踪", by: staff, at: expect.any(String) },
    ]);
  });

  it("one unit's tracking of several: the proposal stays tracked until the last", () => {
    const run = new Run().submitAndRegister().assignSeparately(["u-a", "u-b"]);
    run.contactAndReply("u-a", "B").contactAndReply("u-b", "B");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(run.refuse({ type: "tracking.close", unitId: "u-x", reason: "r" }, staff)).toBe("UNKNOWN_UNIT");
    run.send({ type: "tracking.close", unitId: "u-a", reason: "r" }, staff);
    expect(run.state).toBe("evaluate.tracking");
    expect(run.refuse({ type: "tracking.close", unitId: "u-a", reason: "r" }, staff)).toBe("NOT_TRACKED");
    run.send({ type: "followup.report", progress: "done", resolved: true }, unit("u-b"));
    expect(run.state).toBe("closed.completed");
  });
});

describe("the evaluation clock", () => {
  it("runs from the reply by default (the reference's rule), from acceptance when the policy says so", () => {
    const fromReply = new Run().submitAndRegister().assignSole().contactAndReply("u-civil");
    const replyAt = fromReply.context.parts[0]?.reply?.at ?? "";
    fromReply.advanceDays(4).send({ type: "supervise.acceptReply" }, staff);
    const fromAcceptance = new Run(input({}, { ...defaultPolicy, evaluationFrom: "acceptance" }));
    fromAcceptance.submitAndRegister().assignSole().contactAndReply("u-civil");
    fromAcceptance.advanceDays(4).send({ type: "supervise.acceptReply" }, staff);
    const a = Date.parse(fromReply.deadline("evaluation").dueAt);
    const b = Date.parse(fromAcceptance.deadline("evaluation").dueAt);
    // Four days (two of them working days) of the window were spent in the staff check.
    expect(b - a).toBeGreaterThanOrEqual(4 * 86_400_000);
    expect(a).toBeGreaterThan(Date.parse(replyAt) + 15 * 86_400_000);
  });

  it("never ends before the reply reaches the proposers: a late check starts it at acceptance", () => {
    const run = new Run().submitAndRegister().assignSole().contactAndReply("u-civil");
    run.advanceDays(40).send({ type: "supervise.acceptReply" }, staff);
    expect(Date.parse(run.deadline("evaluation").dueAt)).toBeGreaterThan(run.now + 14 * 86_400_000);
  });
});

describe("co-units' opinions before the lead's reply", () => {
  const leadCo = (policy: Policy = defaultPolicy) => {
    const run = new Run(input({}, policy)).submitAndRegister();
    run.assignLeadCo("u-lead", ["u-co1", "u-co2"]);
    run.fire("objection");
    run
      .advanceDays(3)
      .send({ type: "handle.contact", channel: "meeting", contactedAt: at(run), summary: "met" }, unit("u-lead"));
    return run;
  };
  const reply = { type: "handle.reply", classification: "A", text: "t", signedOffBy: "h" } as const;

  it("the lead waits for every opinion or its deadline; a late co-unit still sends it while the lead has not replied", () => {
    const run = leadCo();
    expect(run.refuse(reply, unit("u-lead"))).toBe("CO_OPINIONS_PENDING");
    run.send({ type: "handle.coOpinion", opinion: "同意" }, unit("u-co1"));
    expect(run.refuse(reply, unit("u-lead"))).toBe("CO_OPINIONS_PENDING");
    // u-co2's opinion deadline passes: the lead may reply, and u-co2 may still send its opinion.
    run.fire("coOpinion", "deadline.due", undefined, "u-co2");
    const late = run.send({ type: "handle.coOpinion", opinion: "迟到的意见" }, unit("u-co2"));
    expect(closed(late).map((d) => [d.kind, d.unitId, d.reason])).toEqual([["coOpinion", "u-co2", "fulfilled"]]);
    run.advanceDays(1).send(reply, unit("u-lead"));
    expect(run.state).toBe("supervise.checking");
  });

  it("a deadline past by the clock is enough, and the policy can let the lead reply at once", () => {
    const run = leadCo();
    const due = run.deadline("coOpinion", "u-co1").dueAt;
    run.now = Date.parse(due) + 1000;
    run.send(reply, unit("u-lead"));
    expect(run.state).toBe("supervise.checking");
    // Once the lead replied, an opinion comes too late.
    expect(run.refuse({ type: "handle.coOpinion", opinion: "x" }, unit("u-co1"))).toBe("EVENT_NOT_ALLOWED");
    const free = leadCo({ ...defaultPolicy, leadWaitsForCoOpinions: false });
    free.send(reply, unit("u-lead"));
    expect(free.state).toBe("supervise.checking");
  });
});

describe("changing the handling units after handling started", () => {
  it("replaces the sole unit: its deadlines close, the new unit's open, everyone is told", () => {
    const run = new Run(jointInput()).submitAndRegister().assignSole("u-wrong");
    expect(run.state).toBe("handle.contacting");
    const body = {
      type: "handle.reassign" as const,
      remove: ["u-wrong"],
      add: [{ unitId: "u-right", role: "lead" as const }],
      reason: "职能调整",
    };
    expect(run.refuse(body, unit("u-wrong"))).toBe("ROLE_NOT_ALLOWED");
    const effects = run.advanceDays(10).send(body, staff);
    expect(closed(effects).map((d) => `${d.kind}:${d.unitId}:${d.reason}`)).toEqual([
      "firstContact:u-wrong:left",
      "reply:u-wrong:left",
    ]);
    expect(opened(effects).map((d) => `${d.kind}:${d.unitId}`)).toEqual(["firstContact:u-right", "reply:u-right"]);
    expect(run.deadline("reply", "u-right").dueAt > new Date(run.now + 85 * 86_400_000).toISOString()).toBe(true);
    const notices = effects.flatMap((e) => (e.type === "notify" ? [e.params] : []));
    expect(notices).toEqual([
      { topic: "assignment.changed", recipients: [{ role: "unit", unitId: "u-wrong" }], note: "职能调整" },
      { topic: "proposal.assigned", recipients: [{ role: "unit", unitId: "u-right" }], note: "职能调整" },
      {
        topic: "assignment.announced",
        recipients: [
          { role: "proposer", id: lead.id },
          { role: "proposer", id: coProposer.id },
        ],
        units: [{ unitId: "u-right", role: "lead" }],
      },
    ]);
    expect(run.context.parts.map((p) => p.unitId)).toEqual(["u-right"]);
    expect(run.context.reassignments).toEqual([
      expect.objectContaining({ removed: ["u-wrong"], added: [{ unitId: "u-right", role: "lead" }], by: staff }),
    ]);
    expect(
      run.refuse({ type: "handle.contact", channel: "phone", contactedAt: at(run), summary: "s" }, unit("u-wrong")),
    ).toBe("NOT_A_PARTY");
    run.contactAndReply("u-right");
    expect(run.state).toBe("supervise.checking");
  });

  it("a unit added during handling may object within its own window from then, once; the others may not", () => {
    const run = new Run().submitAndRegister().assignSeparately(["u-a", "u-b"]);
    expect(run.state).toBe("handle.separately");
    run.advanceDays(20);
    const allowed = (unitId: string) => allowedEvents(run.snapshot, unit(unitId), at(run));
    run.send(
      { type: "handle.reassign", add: [{ unitId: "u-c", role: "separate" }], remove: ["u-b"], reason: "r" },
      staff,
    );
    // The first units' window is over; the added unit's runs from its assignment.
    expect(run.refuse({ type: "unit.object", reason: "x" }, unit("u-a"))).toBe("OBJECTION_WINDOW_CLOSED");
    expect(allowed("u-a")).not.toContain("unit.object");
    expect(allowed("u-c")).toContain("unit.object");
    run.advanceDays(5);
    const effects = run.send({ type: "unit.object", reason: "不属于本单位职责" }, unit("u-c"));
    const notices = effects.flatMap((e) => (e.type === "notify" ? [e.params] : []));
    expect(notices).toEqual([
      { topic: "assignment.objected", recipients: [{ role: "staff" }], note: "不属于本单位职责" },
    ]);
    expect(run.state).toBe("handle.separately");
    expect(run.context.objections).toEqual([expect.objectContaining({ unitId: "u-c", reason: "不属于本单位职责" })]);
    // Once: then staff decide (and reassign, or not).
    expect(run.refuse({ type: "unit.object", reason: "again" }, unit("u-c"))).toBe("ALREADY_OBJECTED");
    run.send(
      { type: "handle.reassign", add: [{ unitId: "u-d", role: "separate" }], remove: ["u-c"], reason: "r" },
      staff,
    );
    expect(run.context.assignment?.joined?.map((j) => j.unitId)).toEqual(["u-d"]);
    // A unit whose window passed in silence handles the proposal: its objection is refused.
    run.advanceDays(11);
    expect(run.refuse({ type: "unit.object", reason: "late" }, unit("u-d"))).toBe("OBJECTION_WINDOW_CLOSED");
    expect(allowed("u-d")).not.toContain("unit.object");
  });

  it("adds and removes co-units, keeps the mode's shape, and refuses the unknown", () => {
    const run = new Run().submitAndRegister();
    run.assignLeadCo("u-lead", ["u-co1"]);
    run.fire("objection");
    expect(run.refuse({ type: "handle.reassign", remove: ["u-x"], reason: "r" }, staff)).toBe("UNKNOWN_UNIT");
    expect(run.refuse({ type: "handle.reassign", remove: ["u-co1"], reason: "r" }, staff)).toBe("ASSIGNMENT_INVALID");
    expect(run.refuse({ type: "handle.reassign", add: [{ unitId: "u-lead", role: "co" }], reason: "r" }, staff)).toBe(
      "ASSIGNMENT_INVALID",
    );
    const effects = run.send(
      { type: "handle.reassign", add: [{ unitId: "u-co2", role: "co" }], remove: ["u-co1"], reason: "r" },
      staff,
    );
    expect(opened(effects).map((d) => `${d.kind}:${d.unitId}`)).toEqual(["coOpinion:u-co2"]);
    expect(closed(effects).map((d) => `${d.kind}:${d.unitId}`)).toEqual(["coOpinion:u-co1"]);
    expect(run.context.assignment?.units.map((u) => u.unitId)).toEqual(["u-lead", "u-co2"]);
  });

  it("separate handling: removing the one unit still handling sends the replies to the staff check", () => {
    const run = new Run().submitAndRegister().assignSeparately(["u-a", "u-b", "u-c"]);
    run.contactAndReply("u-a").contactAndReply("u-b");
    run.send({ type: "handle.reassign", remove: ["u-c"], reason: "不属职责" }, staff);
    expect(run.state).toBe("supervise.checking");
    run.send({ type: "supervise.acceptReply" }, staff);
    expect(run.state).toBe("evaluate.awaiting");
  });

  it("separate handling: when staff had accepted the others already, the proposal goes on to evaluation", () => {
    const run = new Run().submitAndRegister().assignSeparately(["u-a", "u-b", "u-c"]);
    run.contactAndReply("u-a").contactAndReply("u-b");
    run.send({ type: "supervise.acceptReply", unitId: "u-a" }, staff);
    run.send({ type: "supervise.acceptReply", unitId: "u-b" }, staff);
    const effects = run.send({ type: "handle.reassign", remove: ["u-c"], reason: "不属职责" }, staff);
    expect(run.state).toBe("evaluate.awaiting");
    // The proposers get the accepted replies now, as they would have at the last acceptance.
    const released = effects.find((e) => e.type === "notify" && e.params.topic === "reply.released");
    expect(released?.type === "notify" && released.params.replies?.map((r) => r.unitId)).toEqual(["u-a", "u-b"]);
    expect(run.deadline("evaluation")).toBeDefined();
  });
});

describe("a rejected or returned proposal", () => {
  it("every proposer of a joint proposal is told, not only the lead", () => {
    const everyone = [
      { role: "proposer", id: lead.id },
      { role: "proposer", id: coProposer.id },
    ];
    const rejected = new Run(jointInput());
    rejected.send({ type: "submit" }, lead);
    const r = rejected.send({ type: "review.reject", reason: "属个人诉求" }, staff);
    expect(r).toContainEqual({
      type: "notify",
      params: { topic: "proposal.rejected", recipients: everyone, note: "属个人诉求" },
    });
    const returned = new Run(jointInput());
    returned.send({ type: "submit" }, lead);
    const t = returned.send({ type: "review.return", reason: "建议不具体" }, staff);
    expect(t).toContainEqual({
      type: "notify",
      params: { topic: "proposal.returned", recipients: everyone, note: "建议不具体" },
    });
  });
});

describe("merging (并案): the merged proposal's proposers are linked to the one it was merged into", () => {
  it("the merge sends the link; linked proposers are told of the reply and rate it", () => {
    const merged = new Run(input({ id: "p-2", proposers: [{ id: "member-9", name: "Nine" }] }));
    merged.send({ type: "submit" }, { role: "proposer", id: "member-9" });
    const effects = merged.send({ type: "review.merge", intoId: "p-1", intoRegistered: true }, staff);
    const sent = effects.filter((e) => e.type === "event.send");
    expect(sent).toEqual([
      {
        type: "event.send",
        params: {
          proposalId: "p-1",
          event: { type: "merge.link", fromId: "p-2", proposers: [{ id: "member-9", name: "Nine" }] },
        },
      },
    ]);

    const nine = { role: "proposer" as const, id: "member-9" };
    const run = new Run().submitAndRegister().assignSole("u-civil");
    const link = sent[0]?.type === "event.send" ? sent[0].params.event : {};
    expect(run.refuse({ ...(link as { type: "merge.link"; fromId: string; proposers: [] }) }, staff)).toBe(
      "ROLE_NOT_ALLOWED",
    );
    run.send(link as never, { role: "system", id: "queue" });
    expect(run.context.linkedProposers).toEqual([{ id: "member-9", name: "Nine", fromId: "p-2" }]);
    run.contactAndReply("u-civil");
    const released = run.send({ type: "supervise.acceptReply" }, staff);
    const notice = released.find((e) => e.type === "notify" && e.params.topic === "reply.released");
    expect(notice?.type === "notify" && notice.params.recipients).toEqual([
      { role: "proposer", id: lead.id },
      { role: "proposer", id: "member-9" },
    ]);
    expect(run.deadline("evaluation").owners).toContainEqual({ role: "proposer", id: "member-9" });
    // Both rate; the lowest decides once both have.
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(run.state).toBe("evaluate.awaiting");
    run.send({ type: "evaluate", result: "basically-satisfied", comment: "" }, nine);
    expect(run.state).toBe("closed.completed");
    expect(run.context.evaluationOutcomes?.map((o) => o.result)).toEqual(["basically-satisfied"]);
  });
});

describe("a policy snapshotted before these rules (machine 1.1.0)", () => {
  it("keeps the old behaviour: no consultation, the window from acceptance, the lead not waiting", () => {
    const {
      consultationAfterUnsatisfied: _c,
      evaluationFrom: _e,
      leadWaitsForCoOpinions: _l,
      ...older
    } = defaultPolicy;
    const { consultation: _d1, lookbackReport: _d2, ...deadlines } = defaultPolicy.deadlines;
    const policy = { ...older, deadlines } as Policy;
    const run = unsatisfiedTwice("A", policy);
    run.send({ type: "evaluate", result: "unsatisfied", comment: "" }, lead);
    expect(run.state).toBe("closed.completed");
    // The kinds added since take their defaults when a review asks for a report.
    run.send({ type: "lookback.open", note: "n" }, staff);
    run.send({ type: "lookback.record", findings: "f", unitId: "u-civil", request: "r" }, staff);
    expect(run.deadline("lookbackReport").reminders).toHaveLength(1);
    const lc = new Run(input({}, policy)).submitAndRegister();
    lc.assignLeadCo("u-lead", ["u-co"]);
    lc.fire("objection");
    lc.contactAndReply("u-lead");
    expect(lc.state).toBe("supervise.checking");
  });
});
