import { CALENDAR_ACTOR, REFUSAL_CODES, TIMER_ACTOR } from "@huiyin/domain";
import { afterAll, describe, expect, it } from "vitest";
import { allowedEvents, checkEvent } from "./queries.ts";
import { content, coProposer, input, jointInput, lead, leader, Run, staff, unit } from "./test-support/fixtures.ts";

/** Every refusal, each with the stable code it must carry. The last test checks that no code goes untested. */

const seen = new Set<string>();
const refuse = (run: Run, ...args: Parameters<Run["refuse"]>) => {
  const code = run.refuse(...args);
  seen.add(code);
  return code;
};

const handling = () => new Run().submitAndRegister().assignSole("u-civil");
const leadCo = () => {
  const run = new Run().submitAndRegister();
  run.assignLeadCo("u-lead", ["u-co"]);
  run.fire("objection");
  return run;
};

describe("who may send what", () => {
  it("refuses a payload that fails the schema (the machine itself trusts validated events)", () => {
    const run = new Run();
    const verdict = checkEvent(run.snapshot, run.event({ type: "withdraw", reason: "" }, lead));
    expect(verdict).toMatchObject({ ok: false, code: "INVALID_EVENT" });
    if (!verdict.ok) seen.add(verdict.code);
  });

  it("refuses a role that may never send the event", () => {
    const run = new Run();
    expect(refuse(run, { type: "submit" }, staff)).toBe("ROLE_NOT_ALLOWED");
    expect(refuse(run, { type: "deadline.due", deadlineId: "dl1-review" }, staff)).toBe("ROLE_NOT_ALLOWED");
  });

  it("refuses an event the current state does not accept", () => {
    const run = new Run();
    expect(refuse(run, { type: "review.register", category: "x" }, staff)).toBe("EVENT_NOT_ALLOWED");
    run.submitAndRegister();
    expect(refuse(run, { type: "withdraw", reason: "too late" }, lead)).toBe("EVENT_NOT_ALLOWED");
  });

  it("refuses a co-proposer acting for a joint proposal, and a unit not assigned", () => {
    const run = new Run(jointInput());
    expect(refuse(run, { type: "submit" }, coProposer)).toBe("NOT_A_PARTY");
    run.submitAndRegister();
    run.send({ type: "assign", mode: "sole", units: [{ unitId: "u-civil", role: "lead" }] }, staff);
    expect(refuse(run, { type: "unit.acknowledge" }, unit("u-other"))).toBe("NOT_A_PARTY");
  });

  it("refuses supervision records from a leader who does not lead the key proposal", () => {
    const run = handling();
    expect(refuse(run, { type: "supervise.record", mode: "on-site", note: "n" }, leader)).toBe("NOT_A_PARTY");
    run.send({ type: "key.designate", leaderId: leader.id }, staff);
    run.send({ type: "supervise.record", mode: "on-site", note: "n" }, leader);
  });

  it("takes co-unit opinions only from co-units, once", () => {
    const run = leadCo();
    expect(refuse(run, { type: "handle.coOpinion", opinion: "o" }, unit("u-lead"))).toBe("NOT_A_CO_UNIT");
    run.send({ type: "handle.coOpinion", opinion: "o" }, unit("u-co"));
    expect(refuse(run, { type: "handle.coOpinion", opinion: "again" }, unit("u-co"))).toBe("CO_OPINION_ALREADY_GIVEN");
    expect(refuse(run, { type: "handle.reply", classification: "A", text: "t", signedOffBy: "h" }, unit("u-co"))).toBe(
      "NOT_A_PARTY",
    );
  });
});

describe("content (一事一案)", () => {
  it("refuses to submit an incomplete draft", () => {
    const run = new Run(input({ content: { ...content, suggestions: [] } }));
    expect(refuse(run, { type: "submit" }, lead)).toBe("CONTENT_INCOMPLETE");
  });

  it("refuses a title over the policy's length, on submit and resubmit, with its own code", () => {
    const run = new Run(input({ content: { ...content, title: "长".repeat(61) } }));
    expect(refuse(run, { type: "submit" }, lead)).toBe("TITLE_TOO_LONG");
    run.send({ type: "submit", content }, lead);
    run.send({ type: "review.return", reason: "r" }, staff);
    expect(refuse(run, { type: "resubmit", content: { ...content, title: "短".repeat(61) } }, lead)).toBe(
      "TITLE_TOO_LONG",
    );
  });

  it("lets a title that reads like several matters through: staff judge 一事一案 at review", () => {
    const run = new Run(input({ content: { ...content, title: "一是加强养老设施建设，二是改善交通" } }));
    run.send({ type: "submit" }, lead);
    expect(run.state).toMatch(/^review/);
  });
});

describe("review and assignment", () => {
  it("merges only into another, registered proposal", () => {
    const run = new Run();
    run.send({ type: "submit" }, lead);
    expect(refuse(run, { type: "review.merge", intoId: "p-1", intoRegistered: true }, staff)).toBe("MERGE_INTO_SELF");
    expect(refuse(run, { type: "review.merge", intoId: "p-0", intoRegistered: false }, staff)).toBe(
      "MERGE_TARGET_NOT_REGISTERED",
    );
  });

  it("refuses an assignment whose units do not fit its mode, or a due date past the cap", () => {
    const run = new Run().submitAndRegister();
    const sepOne = {
      type: "assign" as const,
      mode: "separate" as const,
      units: [{ unitId: "u", role: "separate" as const }],
    };
    // The schema and the guard share one rule; the machine also enforces it for events that skip the schema.
    expect(refuse(run, sepOne, staff)).toBe("INVALID_EVENT");
    const sole = { type: "assign" as const, mode: "sole" as const, units: [{ unitId: "u", role: "lead" as const }] };
    const far = { ...sole, replyDueDate: "2026-12-31" };
    expect(refuse(run, far, staff)).toBe("EXTENSION_CAP_EXCEEDED");
    const past = { ...sole, replyDueDate: "2025-01-01" };
    expect(refuse(run, past, staff)).toBe("ASSIGNMENT_INVALID");
  });

  it("lets a unit acknowledge once, and not object after acknowledging", () => {
    const run = new Run().submitAndRegister();
    run.assignLeadCo("u-lead", ["u-co"]);
    run.send({ type: "unit.acknowledge" }, unit("u-co"));
    expect(refuse(run, { type: "unit.acknowledge" }, unit("u-co"))).toBe("ALREADY_ACKNOWLEDGED");
    expect(refuse(run, { type: "unit.object", reason: "r" }, unit("u-co"))).toBe("ALREADY_ACKNOWLEDGED");
  });

  it("refuses an objection after the window even if its timer has not fired yet", () => {
    const run = new Run().submitAndRegister();
    run.send({ type: "assign", mode: "sole", units: [{ unitId: "u-civil", role: "lead" }] }, staff);
    const late = new Date(Date.parse(run.deadline("objection").dueAt) + 1).toISOString();
    expect(refuse(run, { type: "unit.object", reason: "r" }, unit("u-civil"), late)).toBe("OBJECTION_WINDOW_CLOSED");
    expect(allowedEvents(run.snapshot, unit("u-civil"), late)).toEqual(["unit.acknowledge"]);
    expect(allowedEvents(run.snapshot, unit("u-civil"))).toEqual(["unit.acknowledge", "unit.object"]);
  });

  it("refuses a second objection of a unit added during handling: staff decide on the first", () => {
    const run = handling();
    run.send(
      { type: "handle.reassign", add: [{ unitId: "u-new", role: "lead" }], remove: ["u-civil"], reason: "r" },
      staff,
    );
    run.send({ type: "unit.object", reason: "不属本单位职责" }, unit("u-new"));
    expect(refuse(run, { type: "unit.object", reason: "again" }, unit("u-new"))).toBe("ALREADY_OBJECTED");
  });
});

describe("handling", () => {
  it("requires first contact before the reply, and one reply per round", () => {
    const run = handling();
    const reply = { type: "handle.reply", classification: "A", text: "t", signedOffBy: "h" } as const;
    expect(refuse(run, reply, unit("u-civil"))).toBe("CONTACT_REQUIRED");
    run.contactAndReply("u-civil");
    expect(
      refuse(
        run,
        { type: "handle.contact", channel: "phone", contactedAt: "2025-05-01T00:00:00Z", summary: "s" },
        unit("u-civil"),
      ),
    ).toBe("EVENT_NOT_ALLOWED");
  });

  it("refuses a second reply from a part that has replied (separate handling)", () => {
    const run = new Run().submitAndRegister();
    run.assignSeparately(["u-a", "u-b"]);
    run.contactAndReply("u-a");
    expect(refuse(run, { type: "handle.reply", classification: "A", text: "t", signedOffBy: "h" }, unit("u-a"))).toBe(
      "ALREADY_REPLIED",
    );
  });

  it("extensions: one pending at a time, later than now, within the 6-month cap, not for re-handling", () => {
    const run = handling();
    const ask = (newDueDate: string) => ({ type: "handle.requestExtension", newDueDate, reason: "r" }) as const;
    expect(refuse(run, { type: "extension.approve" }, staff)).toBe("NO_PENDING_EXTENSION");
    // Assigned 6 March 2025: the reply is due 6 June; the cap is 6 September.
    expect(refuse(run, ask("2025-06-01"), unit("u-civil"))).toBe("EXTENSION_NOT_LATER");
    expect(refuse(run, ask("2025-09-07"), unit("u-civil"))).toBe("EXTENSION_CAP_EXCEEDED");
    run.send(ask("2025-09-06"), unit("u-civil"));
    expect(refuse(run, ask("2025-08-01"), unit("u-civil"))).toBe("EXTENSION_PENDING");
    expect(refuse(run, { type: "extension.approve", unitId: "u-x" }, staff)).toBe("UNKNOWN_UNIT");
    run.send({ type: "extension.approve" }, staff);
    run.contactAndReply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "unsatisfied", comment: "c" }, lead);
    expect(refuse(run, ask("2025-12-01"), unit("u-civil"))).toBe("EXTENSION_NOT_APPLICABLE");
  });
});

describe("supervision and evaluation", () => {
  it("checks only replies that await checking", () => {
    const run = new Run().submitAndRegister();
    run.assignSeparately(["u-a", "u-b"]);
    expect(refuse(run, { type: "supervise.acceptReply" }, staff)).toBe("NO_REPLY_TO_CHECK");
    expect(refuse(run, { type: "supervise.returnReply", unitId: "u-z", reason: "r" }, staff)).toBe("UNKNOWN_UNIT");
  });

  it("re-handles only up to the policy's limit", () => {
    const run = handling().contactAndReply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "unsatisfied", comment: "c" }, lead);
    run.reply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    expect(refuse(run, { type: "evaluate", result: "unsatisfied", comment: "c", rehandle: true }, lead)).toBe(
      "REHANDLE_LIMIT_REACHED",
    );
    expect(refuse(run, { type: "evaluate", result: "unsatisfied", comment: "c", unitIds: ["u-x"] }, lead)).toBe(
      "UNKNOWN_UNIT",
    );
  });

  it("lets each proposer of a joint proposal rate once per window, and only proposers", () => {
    const run = new Run(jointInput()).submitAndRegister().assignSole("u-civil").contactAndReply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    expect(refuse(run, { type: "evaluate", result: "satisfied", comment: "" }, { role: "proposer", id: "x" })).toBe(
      "NOT_A_PARTY",
    );
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(refuse(run, { type: "evaluate", result: "unsatisfied", comment: "" }, lead)).toBe("ALREADY_EVALUATED");
    expect(
      refuse(
        run,
        { type: "evaluate", result: "satisfied", comment: "", units: [{ unitId: "u-x", result: "satisfied" }] },
        coProposer,
      ),
    ).toBe("UNKNOWN_UNIT");
  });

  it("reclassifies only an accepted reply, and only to another grade", () => {
    const run = handling().contactAndReply("u-civil", "B");
    const regrade = { type: "supervise.reclassify", classification: "A", reason: "already done" } as const;
    expect(refuse(run, regrade, staff)).toBe("NO_ACCEPTED_REPLY");
    run.send({ type: "supervise.acceptReply" }, staff);
    expect(refuse(run, regrade, unit("u-civil"))).toBe("ROLE_NOT_ALLOWED");
    expect(refuse(run, { ...regrade, classification: "B" }, staff)).toBe("SAME_CLASSIFICATION");
    expect(refuse(run, { ...regrade, unitId: "u-x" }, staff)).toBe("UNKNOWN_UNIT");
  });

  it("takes follow-up reports only for a B reply being tracked", () => {
    const run = leadCo().contactAndReply("u-lead", "B");
    run.send({ type: "supervise.acceptReply" }, staff);
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(refuse(run, { type: "followup.report", progress: "p", resolved: true }, unit("u-co"))).toBe("NOT_TRACKED");
  });
});

describe("timers", () => {
  it("drops timers for deadlines that are not open, already due or already escalated", () => {
    const run = new Run();
    run.send({ type: "submit" }, lead);
    const review = run.deadline("review").deadlineId;
    expect(refuse(run, { type: "deadline.due", deadlineId: "dl42-reply" }, TIMER_ACTOR)).toBe("STALE_DEADLINE");
    expect(refuse(run, { type: "deadline.escalate", deadlineId: review, level: 3 }, TIMER_ACTOR)).toBe(
      "STALE_DEADLINE",
    );
    run.fire("review");
    expect(refuse(run, { type: "deadline.due", deadlineId: review }, TIMER_ACTOR)).toBe("STALE_DEADLINE");
    run.fire("review", "deadline.escalate", 1);
    expect(refuse(run, { type: "deadline.escalate", deadlineId: review, level: 1 }, TIMER_ACTOR)).toBe(
      "STALE_DEADLINE",
    );
    run.send({ type: "review.register", category: "c" }, staff);
    expect(refuse(run, { type: "deadline.remind", deadlineId: review }, TIMER_ACTOR)).toBe("STALE_DEADLINE");
  });

  it("lists timer events as allowed only for the system while a deadline is open", () => {
    const run = new Run();
    expect(allowedEvents(run.snapshot, TIMER_ACTOR)).toEqual([]);
    run.send({ type: "submit" }, lead);
    expect(allowedEvents(run.snapshot, TIMER_ACTOR)).toEqual(["deadline.remind", "deadline.due", "deadline.escalate"]);
    expect(allowedEvents(run.snapshot, staff)).toEqual([
      "review.register",
      "review.reject",
      "review.convert",
      "review.merge",
      "review.return",
    ]);
    expect(checkEvent(run.snapshot, run.event({ type: "withdraw", reason: "r" }, lead))).toEqual({ ok: true });
  });
});

describe("calendar changes", () => {
  it("take the corrections the machine computes, once per calendar version and only for the proposal's calendar", () => {
    const run = new Run();
    run.send({ type: "submit" }, lead);
    // The review deadline (10 working days from Mon 3 March 2025) runs through a week the committee closes.
    const calendar = {
      calendarId: "cn-mainland",
      version: "1",
      years: [],
      localClosedDays: [{ name: "closed", from: "2025-03-10", to: "2025-03-14" }],
    };
    const review = run.deadline("review");
    expect(refuse(run, { type: "deadlines.recomputed", calendar, corrections: [] }, CALENDAR_ACTOR)).toBe(
      "CORRECTIONS_CHANGED",
    );
    const other = { ...calendar, calendarId: "cn-guangxi" };
    expect(refuse(run, { type: "deadlines.recomputed", calendar: other, corrections: [] }, CALENDAR_ACTOR)).toBe(
      "CALENDAR_MISMATCH",
    );
    const corrections = [
      { deadlineId: review.deadlineId, kind: "review", oldDueAt: review.dueAt, newDueAt: "2025-03-24T15:59:59.999Z" },
    ];
    run.send({ type: "deadlines.recomputed", calendar, corrections }, CALENDAR_ACTOR);
    expect(run.deadline("review").dueAt).toBe("2025-03-24T15:59:59.999Z");
    expect(run.deadline("review").deadlineId).not.toBe(review.deadlineId);
    expect(refuse(run, { type: "deadlines.recomputed", calendar, corrections: [] }, CALENDAR_ACTOR)).toBe(
      "CALENDAR_MISMATCH",
    );
    expect(refuse(run, { type: "deadlines.recomputed", calendar, corrections: [] }, staff)).toBe("ROLE_NOT_ALLOWED");
  });
});

describe("after the reply (issue 14)", () => {
  it("refuses the lead's reply while co-units' opinions are pending", () => {
    const run = leadCo();
    run.send(
      { type: "handle.contact", channel: "phone", contactedAt: run.event({ type: "submit" }, lead).at, summary: "s" },
      unit("u-lead"),
    );
    expect(
      refuse(run, { type: "handle.reply", classification: "A", text: "t", signedOffBy: "h" }, unit("u-lead")),
    ).toBe("CO_OPINIONS_PENDING");
  });

  it("refuses follow-up review steps out of turn", () => {
    const run = handling();
    run.contactAndReply("u-civil");
    run.send({ type: "supervise.acceptReply" }, staff);
    expect(refuse(run, { type: "lookback.open", note: "n" }, staff)).toBe("EVENT_NOT_ALLOWED");
    run.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(refuse(run, { type: "lookback.record", findings: "f" }, staff)).toBe("NO_OPEN_LOOKBACK");
    expect(refuse(run, { type: "lookback.report", report: "r" }, unit("u-civil"))).toBe("NO_REPORT_REQUESTED");
    run.send({ type: "lookback.open", note: "n" }, staff);
    expect(
      refuse(
        run,
        { type: "lookback.record", findings: "f", unitId: "u-civil", request: "r", dueDate: "2025-01-02" },
        staff,
      ),
    ).toBe("DUE_DATE_PASSED");
    run.send({ type: "lookback.record", findings: "f", unitId: "u-civil", request: "r" }, staff);
    expect(refuse(run, { type: "lookback.open", note: "n" }, staff)).toBe("LOOKBACK_REPORT_PENDING");
    const c = handling();
    c.contactAndReply("u-civil", "C");
    c.send({ type: "supervise.acceptReply" }, staff);
    c.send({ type: "evaluate", result: "satisfied", comment: "" }, lead);
    expect(refuse(c, { type: "lookback.open", note: "n" }, staff)).toBe("LOOKBACK_NOT_APPLICABLE");
  });
});

afterAll(() => {
  // Every stable code is produced by some test above (run in this file's order).
  expect(REFUSAL_CODES.filter((c) => !seen.has(c))).toEqual([]);
});
