import {
  addDuration,
  CALENDAR_ACTOR,
  type CalendarAdditions,
  calendarOf,
  defaultPolicy,
  localDateOf,
  months,
} from "@huiyin/domain";
import { describe, expect, it } from "vitest";
import type { ProposalContext } from "./context.ts";
import { plannedCorrections } from "./recompute.ts";
import { closed, input, lead, opened, Run, staff } from "./test-support/fixtures.ts";

/** A committee closes `dates` (one-day runs), as calendar additions of version `version`. */
const closing = (version: string, ...dates: string[]): CalendarAdditions => ({
  calendarId: "cn-mainland",
  version,
  years: [],
  localClosedDays: dates.map((date) => ({ name: "闭会日", from: date, to: date })),
});

function handling(): Run {
  // Submitted Mon 3 March 2025, registered, assigned to one unit on Thu 6 March, acknowledged: handling runs.
  return new Run().submitAndRegister().assignSole("u-civil");
}

describe("deadlines.recomputed", () => {
  it("moves the handling deadlines a closed day reaches, from the assignment, and the part's due time follows", () => {
    const run = handling();
    const ctx = run.context;
    const reply = run.deadline("reply", "u-civil");
    const contact = run.deadline("firstContact", "u-civil");
    const assignedAt = ctx.assignment?.assignedAt ?? "";
    // Close the day the reply falls due and a day inside the first-contact period.
    const replyDay = localDateOf(reply.dueAt, calendarOf(ctx.policy));
    const calendar = closing("1", replyDay, "2025-03-12");
    const expected = (kind: "reply" | "firstContact") =>
      addDuration(
        assignedAt,
        ctx.policy.deadlines[kind].duration,
        calendarOf({ ...ctx.policy, calendarAdditions: calendar }),
        {
          endOnWorkingDay: true,
        },
      ).toISOString();
    const corrections = plannedCorrections(ctx, calendar, new Date(run.now).toISOString());
    expect(corrections).toEqual([
      {
        deadlineId: contact.deadlineId,
        kind: "firstContact",
        unitId: "u-civil",
        oldDueAt: contact.dueAt,
        newDueAt: expected("firstContact"),
      },
      {
        deadlineId: reply.deadlineId,
        kind: "reply",
        unitId: "u-civil",
        oldDueAt: reply.dueAt,
        newDueAt: expected("reply"),
      },
    ]);
    expect(Date.parse(expected("reply"))).toBeGreaterThan(Date.parse(reply.dueAt));

    const effects = run.send({ type: "deadlines.recomputed", calendar, corrections }, CALENDAR_ACTOR);
    expect(closed(effects).map((c) => [c.deadlineId, c.reason])).toEqual([
      [contact.deadlineId, "superseded"],
      [reply.deadlineId, "superseded"],
    ]);
    expect(opened(effects).map((o) => o.dueAt)).toEqual([expected("firstContact"), expected("reply")]);
    expect(run.context.parts[0]?.dueAt).toBe(expected("reply"));
    expect(run.context.policy.calendarAdditions?.version).toBe("1");
    // The moved deadlines remember what they were counted from, so a later change counts them alike.
    expect(run.deadline("reply", "u-civil").origin).toBe(assignedAt);
  });

  it("reads back what an older snapshot's deadlines were counted from, and changes nothing a change does not reach", () => {
    const run = handling();
    // A snapshot from before machine version 1.2.0: its deadlines do not record their origin.
    const older: ProposalContext = {
      ...run.context,
      deadlines: run.context.deadlines.map(({ origin: _origin, fixedDue: _fixed, ...deadline }) => deadline),
    };
    const calendar = closing("1", "2025-03-12");
    const at = new Date(run.now).toISOString();
    expect(plannedCorrections(older, calendar, at)).toEqual(plannedCorrections(run.context, calendar, at));
    // A day closed long after every deadline moves none; another calendar's additions neither.
    expect(plannedCorrections(run.context, closing("1", "2030-01-07"), at)).toEqual([]);
    expect(plannedCorrections(run.context, { ...calendar, calendarId: "cn-guangxi" }, at)).toEqual([]);
  });
});

describe("a plenary proposal's reply on a new calendar", () => {
  it("is recounted by the plenary duration, not the interim one", () => {
    // Sichuan since 2024: plenary proposals within 5 months, the others within 3.
    const policy = { ...defaultPolicy, replyDurations: { plenary: months(5), interim: months(3) } };
    const run = new Run(input({}, policy));
    run.send({ type: "submit", session: { id: "s-1", plenary: true } } as never, lead);
    run.advanceDays(2).send({ type: "review.register", category: "livelihood", key: false }, staff);
    run.assignSole("u-civil");
    const reply = run.deadline("reply", "u-civil");
    // A day closed long before the reply falls due, inside the first-contact period only.
    const corrections = plannedCorrections(run.context, closing("1", "2025-03-12"), new Date(run.now).toISOString());
    expect(corrections.map((c) => c.kind)).toEqual(["firstContact"]);
    expect(run.deadline("reply", "u-civil").dueAt).toBe(reply.dueAt);
  });
});
