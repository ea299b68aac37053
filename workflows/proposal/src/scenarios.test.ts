import { TIMER_ACTOR } from "@huiyin/domain";
import { describe, expect, it } from "vitest";
import { stageOf } from "./queries.ts";
import {
  closed,
  content,
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

/** One test per path of the lifecycle (`docs/domain.md`), each from a draft to its terminal state. */

describe("submit and review", () => {
  it("sole handling, reply A, satisfied: draft → closed.completed", () => {
    const run = new Run();
    expect(run.state).toBe("submit.draft");
    run.submitAndRegister().assignSole("u-civil");
    expect(run.state).toBe("handle.contacting");
    run.contactAndReply("u-civil", "A");
    expect(run.state).toBe("supervise.checking");
    run.advanceDays(1).send({ type: "supervise.acceptReply" }, staff);
    expect(run.state).toBe("evaluate.awaiting");
    run.advanceDays(3).send({ type: "evaluate", result: "satisfied", comment: "good" }, lead);
    expect(run.state).toBe("closed.completed");
    expect(run.context.closure?.reason).toBe("completed");
    expect(run.context.deadlines).toEqual([]);
  });

  it("withdraw a draft: → closed.withdrawn", () => {
    const run = new Run();
    run.send({ type: "withdraw", reason: "changed my mind" }, lead);
    expect(run.state).toBe("closed.withdrawn");
  });

  it("withdraw during review, before registration: the review deadline closes", () => {
    const run = new Run();
    run.send({ type: "submit" }, lead);
    const review = run.deadline("review").deadlineId;
    const effects = run.advanceDays(1).send({ type: "withdraw", reason: "duplicate" }, lead);
    expect(run.state).toBe("closed.withdrawn");
    expect(closed(effects).map((c) => c.deadlineId)).toContain(review);
  });

  it("reject: → closed.rejected, the proposer is told why", () => {
    const run = new Run();
    run.send({ type: "submit" }, lead);
    const effects = run.send({ type: "review.reject", reason: "a personal grievance" }, staff);
    expect(run.state).toBe("closed.rejected");
    expect(effects).toContainEqual({
      type: "notify",
      params: {
        topic: "proposal.rejected",
        recipients: [{ role: "proposer", id: lead.id }],
        note: "a personal grievance",
      },
    });
  });

  it("convert to a public-sentiment report: → closed.converted", () => {
    const run = new Run();
    run.send({ type: "submit" }, lead);
    run.send({ type: "review.convert", target: "public-sentiment", reason: "better as a report" }, staff);
    expect(run.state).toBe("closed.converted");
    expect(run.context.review?.note).toContain("public-sentiment");
  });

  it("merge into a registered proposal: → closed.merged, every proposer told", () => {
    const run = new Run(jointInput());
    run.send({ type: "submit" }, lead);
    const effects = run.send({ type: "review.merge", intoId: "p-0", intoRegistered: true }, staff);
    expect(run.state).toBe("closed.merged");
    const notice = effects.find((e) => e.type === "notify");
    expect(notice?.params).toMatchObject({ topic: "proposal.merged", note: "p-0" });
    expect(notice?.type === "notify" && notice.params.recipients.length).toBe(2);
  });

  it("return for revision, resubmit, register and complete", () => {
    const run = new Run();
    run.send({ type: "submit" }, lead);
    run.send({ type: "review.return", reason: "make the suggestions concrete" }, staff);
    expect(run.state).toBe("submit.revising");
    expect(run.deadline("resubmission").owners).toEqual([{ role: "proposer", id: lead.id }]);
    run
      .advanceDays(4)
      .send({ type: "resubmit", content: { ...content, suggestions: ["建设10个社区养老服务站"] } }, lead);
    expect(run.state).toBe("review.reviewing");
    expect(run.context.submissions).toBe(2);
    run.send({ type: "review.register", category: "livelihood" }, staff);
    run.assignSole().contactAndReply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "basically-satisfied", comment: "ok" }, lead);
    expect(run.state).toBe("closed.completed");
  });

  it("return for revision and let it lapse: the resubmission deadline falls due → closed.lapsed", () => {
    const run = new Run();
    run.send({ type: "submit" }, lead);
    run.send({ type: "review.return", reason: "unclear" }, staff);
    run.fire("resubmission");
    expect(run.state).toBe("closed.lapsed");
  });
});

describe("assignment", () => {
  it("lead + co-units: co-units send opinions, only the lead replies", () => {
    const run = new Run().submitAndRegister();
    run.assignLeadCo("u-lead", ["u-co1", "u-co2"]);
    run.send({ type: "unit.acknowledge" }, unit("u-co1"));
    run.send({ type: "unit.acknowledge" }, unit("u-lead"));
    expect(run.state).toBe("assign.confirming");
    const effects = run.send({ type: "unit.acknowledge" }, unit("u-co2"));
    expect(run.state).toBe("handle.contacting");
    expect(opened(effects).map((d) => `${d.kind}:${d.unitId}`)).toEqual([
      "firstContact:u-lead",
      "reply:u-lead",
      "coOpinion:u-co1",
      "coOpinion:u-co2",
    ]);
    expect(run.context.parts.map((p) => p.unitId)).toEqual(["u-lead"]);
    run.advanceDays(5).send({ type: "handle.coOpinion", opinion: "we can fund half" }, unit("u-co1"));
    run.send({ type: "handle.coOpinion", opinion: "sites available" }, unit("u-co2"));
    expect(run.context.deadlines.filter((d) => d.kind === "coOpinion")).toEqual([]);
    run.contactAndReply("u-lead");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(run.state).toBe("closed.completed");
  });

  it("separate handling (分办): N parts in parallel, each with its own deadlines and reply", () => {
    const run = new Run().submitAndRegister();
    const units = ["u-a", "u-b", "u-c"];
    run.send(
      { type: "assign", mode: "separate", units: units.map((unitId) => ({ unitId, role: "separate" as const })) },
      staff,
    );
    for (const u of units) run.send({ type: "unit.acknowledge" }, unit(u));
    expect(run.state).toBe("handle.separately");
    expect(run.context.deadlines.filter((d) => d.kind === "reply").map((d) => d.unitId)).toEqual(units);
    // Replies arrive in any order; the proposal stays in handling until the last one.
    run.contactAndReply("u-b", "A");
    expect(run.state).toBe("handle.separately");
    run.send({ type: "supervise.acceptReply", unitId: "u-b" }, staff); // checked as it comes in
    run.contactAndReply("u-c", "C");
    expect(run.state).toBe("handle.separately");
    run.contactAndReply("u-a", "A");
    expect(run.state).toBe("supervise.checking");
    // Staff return one part: only that unit handles again.
    run.send({ type: "supervise.returnReply", unitId: "u-c", reason: "does not answer suggestion 2" }, staff);
    expect(run.state).toBe("handle.separately");
    expect(run.context.parts.map((p) => `${p.unitId}:${p.status}`)).toEqual([
      "u-a:replied",
      "u-b:accepted",
      "u-c:handling",
    ]);
    expect(run.deadline("rehandle", "u-c")).toBeDefined();
    run.reply("u-c", "A");
    expect(run.state).toBe("supervise.checking");
    run.send({ type: "supervise.acceptReply", unitId: "u-a" }, staff);
    expect(run.state).toBe("supervise.checking");
    run.send({ type: "supervise.acceptReply" }, staff);
    expect(run.state).toBe("evaluate.awaiting");
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(run.state).toBe("closed.completed");
  });

  it("a unit objects within the window, staff reassign, the new unit handles", () => {
    const run = new Run().submitAndRegister();
    run.send({ type: "assign", mode: "sole", units: [{ unitId: "u-wrong", role: "lead" }] }, staff);
    run.advanceDays(3).send({ type: "unit.object", reason: "not our remit" }, unit("u-wrong"));
    expect(run.state).toBe("assign.objected");
    expect(run.context.deadlines).toEqual([]);
    run.send({ type: "assign", mode: "sole", units: [{ unitId: "u-right", role: "lead" }] }, staff);
    expect(run.state).toBe("assign.confirming");
    expect(run.context.assignments).toBe(2);
    run.send({ type: "unit.acknowledge" }, unit("u-right"));
    run.contactAndReply("u-right");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(run.state).toBe("closed.completed");
  });

  it("silence is acceptance: when the objection window closes, handling starts", () => {
    const run = new Run().submitAndRegister();
    run.send({ type: "assign", mode: "sole", units: [{ unitId: "u-civil", role: "lead" }] }, staff);
    run.fire("objection");
    expect(run.state).toBe("handle.contacting");
    expect(run.refuse({ type: "unit.object", reason: "late" }, unit("u-civil"))).toBe("OBJECTION_WINDOW_CLOSED");
    run.contactAndReply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(run.state).toBe("closed.completed");
  });

  it("key proposal: a leader is designated, records supervision and receives level-2 escalations", () => {
    const run = new Run().submitAndRegister(true);
    expect(run.context.key).toEqual({});
    run.send({ type: "key.designate", leaderId: leader.id }, staff);
    run.assignSole();
    run.send({ type: "supervise.record", mode: "on-site", note: "visited three sites" }, leader);
    run.send({ type: "supervise.record", mode: "online", note: "checked progress" }, staff);
    expect(run.context.supervision.map((s) => s.by.role)).toEqual(["leader", "staff"]);
    run.fire("reply", "deadline.due");
    run.fire("reply", "deadline.escalate", 1);
    const effects = run.fire("reply", "deadline.escalate", 2);
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: "notify",
        params: expect.objectContaining({ recipients: [{ role: "supervising-leader", id: leader.id }], level: 2 }),
      }),
    );
    // Integrators hear of it too: the webhook names the deadline, the level and who it went to.
    expect(effects).toContainEqual({
      type: "webhook.emit",
      params: {
        topic: "deadline.escalated",
        deadlineId: expect.stringMatching(/-reply$/),
        deadlineKind: "reply",
        level: 2,
        recipientRole: "supervising-leader",
      },
    });
    run.contactAndReply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(run.state).toBe("closed.completed");
  });
});

describe("handling", () => {
  it("extension requested and approved: the reply deadline is replaced by a later one", () => {
    const run = new Run().submitAndRegister().assignSole();
    const before = run.deadline("reply");
    run.send(
      { type: "handle.requestExtension", newDueDate: "2025-08-29", reason: "needs a budget cycle" },
      unit("u-civil"),
    );
    const effects = run.send({ type: "extension.approve" }, staff);
    expect(closed(effects)).toEqual([
      { deadlineId: before.deadlineId, kind: "reply", unitId: "u-civil", reason: "superseded" },
    ]);
    const after = run.deadline("reply");
    expect(after.dueAt).toBe("2025-08-29T15:59:59.999Z");
    expect(after.deadlineId).not.toBe(before.deadlineId);
    expect(run.context.parts[0]?.extensions).toBe(1);
    run.contactAndReply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(run.state).toBe("closed.completed");
  });

  it("extension denied: the reply stays due as before", () => {
    const run = new Run().submitAndRegister().assignSole();
    const before = run.deadline("reply");
    run.send({ type: "handle.requestExtension", newDueDate: "2025-07-31", reason: "busy" }, unit("u-civil"));
    run.send({ type: "extension.deny", reason: "not complex" }, staff);
    expect(run.deadline("reply")).toEqual(before);
    expect(run.context.parts[0]?.pendingExtension).toBeUndefined();
    run.contactAndReply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(run.state).toBe("closed.completed");
  });

  it("staff return a poor reply: the unit handles again and replies", () => {
    const run = new Run().submitAndRegister().assignSole().contactAndReply("u-civil");
    run.send({ type: "supervise.returnReply", reason: "incomplete" }, staff);
    expect(run.state).toBe("handle.handling");
    expect(run.deadline("rehandle", "u-civil").kind).toBe("rehandle");
    run.reply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(run.state).toBe("closed.completed");
    expect(run.context.rehandles).toBe(0); // a staff return is not an evaluation re-handling
  });

  it("reply deadline: reminders, due and three escalation levels, then stale after the reply", () => {
    const run = new Run().submitAndRegister().assignSole();
    const d = run.deadline("reply");
    expect(d.reminders.map((r) => r.offset)).toEqual([{ days: 14 }, { days: 3 }]);
    expect(d.escalations.map((e) => e.recipientRole)).toEqual(["unit-head", "supervising-leader", "chairs-meeting"]);
    run.fire("reply", "deadline.remind");
    run.fire("reply", "deadline.due");
    expect(run.deadline("reply").overdue).toBe(true);
    for (const level of [1, 2, 3]) run.fire("reply", "deadline.escalate", level);
    expect(run.deadline("reply").escalatedLevel).toBe(3);
    run.contactAndReply("u-civil");
    expect(run.refuse({ type: "deadline.escalate", deadlineId: d.deadlineId, level: 3 }, TIMER_ACTOR)).toBe(
      "STALE_DEADLINE",
    );
  });
});

describe("evaluation and after", () => {
  it("unsatisfied → re-handling once, then unsatisfied again: a consultation, then closed (limit reached)", () => {
    const run = new Run().submitAndRegister().assignSole().contactAndReply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "unsatisfied", comment: "did not answer" }, lead);
    expect(run.state).toBe("handle.rehandling");
    expect(run.context.rehandles).toBe(1);
    run.reply("u-civil", "C");
    run.send({ type: "supervise.acceptReply" }, staff);
    expect(run.refuse({ type: "evaluate", result: "unsatisfied", comment: "again", rehandle: true }, lead)).toBe(
      "REHANDLE_LIMIT_REACHED",
    );
    run.send({ type: "evaluate", result: "unsatisfied", comment: "still not" }, lead);
    // The second "unsatisfied" (the policy's default count) calls for a face-to-face consultation first.
    expect(run.state).toBe("evaluate.consulting");
    run.send(
      {
        type: "consultation.record",
        heldAt: run.event({ type: "submit" }, staff).at,
        participants: ["member-lead", "u-civil"],
        summary: "agreed",
      },
      staff,
    );
    expect(run.state).toBe("closed.completed");
    expect(run.context.evaluations.map((e) => e.result)).toEqual(["unsatisfied", "unsatisfied"]);
  });

  it("separate handling: unsatisfied re-handles only the named units", () => {
    const run = new Run().submitAndRegister();
    run.assignSeparately(["u-a", "u-b"]);
    run.contactAndReply("u-a").contactAndReply("u-b");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "unsatisfied", comment: "part b", unitIds: ["u-b"] }, lead);
    expect(run.state).toBe("handle.separately");
    expect(run.context.parts.map((p) => p.status)).toEqual(["accepted", "handling"]);
    run.reply("u-b");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(run.state).toBe("closed.completed");
  });

  it("no evaluation in time is recorded as such, and the proposal closes", () => {
    const run = new Run().submitAndRegister().assignSole().contactAndReply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.fire("evaluation");
    expect(run.state).toBe("closed.completed");
    expect(run.context.evaluations).toEqual([expect.objectContaining({ result: "no-answer" })]);
  });

  it("B reply is tracked until the unit reports it solved (跟踪落实)", () => {
    const run = new Run().submitAndRegister().assignSole().contactAndReply("u-civil", "B");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "basically-satisfied", comment: "" }, lead);
    expect(run.state).toBe("evaluate.tracking");
    expect(run.deadline("followUp", "u-civil")).toBeDefined();
    run
      .advanceDays(60)
      .send({ type: "followup.report", progress: "funds allocated", resolved: false }, unit("u-civil"));
    expect(run.state).toBe("evaluate.tracking");
    run.send({ type: "supervise.record", mode: "tracking", note: "回头看" }, staff);
    run.advanceDays(60).send({ type: "followup.report", progress: "stations open", resolved: true }, unit("u-civil"));
    expect(run.state).toBe("closed.completed");
    expect(stageOf(run.snapshot)).toBe("closed");
  });

  it("B reply without an evaluation in time is still tracked", () => {
    const run = new Run().submitAndRegister().assignSole().contactAndReply("u-civil", "B");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.fire("evaluation");
    expect(run.state).toBe("evaluate.tracking");
    run.send({ type: "followup.report", progress: "done", resolved: true }, unit("u-civil"));
    expect(run.state).toBe("closed.completed");
  });
});

describe("policy in compressed time", () => {
  it("runs a policy with a day lasting a second", () => {
    const run = new Run(input({}, { ...input().policy, timeScale: 1 / 86_400 }));
    run.send({ type: "submit" }, lead);
    const due = Date.parse(run.deadline("review").dueAt) - run.now;
    // 10 working days from Monday 3 March 2025 end on Monday 17 March, 23:59:59.999: 14 days and 14 hours of
    // policy time, i.e. about 14.6 seconds.
    expect(due).toBeGreaterThan(14_000);
    expect(due).toBeLessThan(15_000);
  });
});

describe("who rates (联名: every proposer rates; per-unit results; regrading)", () => {
  const accepted = (policy = input().policy) => {
    const run = new Run(jointInput({}, policy)).submitAndRegister().assignSole("u-civil").contactAndReply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    return run;
  };

  it("waits for every proposer; the lowest rating decides and re-handles (default policy)", () => {
    const run = accepted();
    run.advanceDays(1).send({ type: "evaluate", result: "satisfied", comment: "fine" }, lead);
    expect(run.state).toBe("evaluate.awaiting");
    expect(run.context.evaluationOutcomes ?? []).toEqual([]);
    run.advanceDays(1).send({ type: "evaluate", result: "unsatisfied", comment: "not done" }, coProposer);
    expect(run.state).toBe("handle.rehandling");
    expect(run.context.evaluations.map((e) => [e.proposerId, e.result])).toEqual([
      [lead.id, "satisfied"],
      [coProposer.id, "unsatisfied"],
    ]);
    expect(run.context.evaluationOutcomes?.map((o) => [o.result, o.rule])).toEqual([["unsatisfied", "lowest"]]);
    // A new window after re-handling: both rate again.
    run.reply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "basically-satisfied", comment: "" }, coProposer);
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(run.state).toBe("closed.completed");
    expect(run.context.evaluationOutcomes?.map((o) => o.result)).toEqual(["unsatisfied", "basically-satisfied"]);
    expect(run.context.evaluations).toHaveLength(4);
  });

  it("under the 'lead' policy the lead's rating alone decides; the other is kept", () => {
    const run = accepted({ ...input().policy, evaluationResult: "lead" });
    run.send({ type: "evaluate", result: "unsatisfied", comment: "" }, coProposer);
    expect(run.state).toBe("evaluate.awaiting");
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(run.state).toBe("closed.completed");
    expect(run.context.evaluationOutcomes?.map((o) => [o.result, o.rule])).toEqual([["satisfied", "lead"]]);
    expect(run.context.evaluations.map((e) => e.result)).toEqual(["unsatisfied", "satisfied"]);
  });

  it("when the window closes, the ratings given decide; none given is 'no answer'", () => {
    const run = accepted();
    run.send({ type: "evaluate", result: "unsatisfied", comment: "", rehandle: true }, coProposer);
    run.fire("evaluation");
    expect(run.state).toBe("handle.rehandling");
    expect(run.context.rehandles).toBe(1);
    run.reply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.fire("evaluation");
    expect(run.state).toBe("closed.completed");
    expect(run.context.evaluationOutcomes?.map((o) => o.result)).toEqual(["unsatisfied", "no-answer"]);
  });

  it("rates each unit of separate handling for its own part; only the unsatisfactory part is handled again", () => {
    const run = new Run(jointInput()).submitAndRegister().assignSeparately(["u-a", "u-b"]);
    run.contactAndReply("u-a").contactAndReply("u-b");
    run.send({ type: "supervise.acceptReply" }, staff);
    const units = [
      { unitId: "u-a", result: "satisfied" as const },
      { unitId: "u-b", result: "unsatisfied" as const },
    ];
    run.send({ type: "evaluate", result: "unsatisfied", comment: "", units }, lead);
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, coProposer);
    expect(run.state).toBe("handle.separately");
    expect(run.context.parts.map((p) => [p.unitId, p.status])).toEqual([
      ["u-a", "accepted"],
      ["u-b", "handling"],
    ]);
    expect(run.context.evaluations.map((e) => e.units)).toEqual([
      units,
      [
        { unitId: "u-a", result: "satisfied" },
        { unitId: "u-b", result: "satisfied" },
      ],
    ]);
  });

  it("rates the co-units of lead + co handling too", () => {
    const run = new Run().submitAndRegister().assignLeadCo("u-lead", ["u-co"]);
    run.fire("objection");
    run.send({ type: "handle.coOpinion", opinion: "agree" }, unit("u-co"));
    run.contactAndReply("u-lead");
    run.send({ type: "supervise.acceptReply" }, staff);
    const units = [
      { unitId: "u-lead", result: "satisfied" as const },
      { unitId: "u-co", result: "basically-satisfied" as const },
    ];
    run.send({ type: "evaluate", result: "satisfied", comment: "", units }, lead);
    expect(run.state).toBe("closed.completed");
    expect(run.context.evaluations[0]?.units).toEqual(units);
  });

  it("staff regrade an accepted reply with a reason: the final grade counts, the original is kept", () => {
    const run = new Run().submitAndRegister().assignSole("u-civil").contactAndReply("u-civil", "A");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "supervise.reclassify", classification: "B", reason: "only planned, not done" }, staff);
    expect(run.context.parts[0]?.reply).toMatchObject({ classification: "B", originalClassification: "A" });
    expect(run.context.reclassifications).toEqual([
      { unitId: "u-civil", from: "A", to: "B", reason: "only planned, not done", by: staff, at: expect.any(String) },
    ]);
    // The final grade drives what follows: a B reply is tracked.
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(run.state).toBe("evaluate.tracking");
  });
});

describe("the evaluation window of a joint proposal", () => {
  it("reminds every proposer, since every proposer rates", () => {
    const run = new Run(jointInput()).submitAndRegister().assignSole("u-civil").contactAndReply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    expect(run.deadline("evaluation").owners).toEqual([
      { role: "proposer", id: lead.id },
      { role: "proposer", id: coProposer.id },
    ]);
  });
});
