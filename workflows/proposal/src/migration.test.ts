import { type MigrationPlan, migrationPlanSchema } from "@huiyin/domain";
import { describe, expect, it } from "vitest";
import { PROPOSAL_MACHINE_VERSION } from "./context.ts";
import { proposalMachine } from "./machine.ts";
import { planProblems, planProposalMigration } from "./migration.ts";
import { checkEvent, type ProposalSnapshot, stateOf } from "./queries.ts";
import { Run, staff, unit } from "./test-support/fixtures.ts";

const DAY = 86_400_000;

/** What the engine stores: the persisted snapshot as JSON. */
const persisted = (run: Run) => JSON.parse(JSON.stringify(proposalMachine.getPersistedSnapshot(run.snapshot)));

/** As `jsonb` gives a document back: the same values, the keys in another order (here: reversed, at every level). */
const reordered = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reordered);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reordered(inner)]),
  );
};

/** What the engine reads back: the current machine resolving a stored snapshot. */
const restored = (snapshot: unknown) =>
  proposalMachine.resolveState(snapshot as Parameters<typeof proposalMachine.resolveState>[0]) as ProposalSnapshot;

const plan = (fields: Partial<MigrationPlan> = {}): MigrationPlan =>
  migrationPlanSchema.parse({ id: "plan-1", mappings: [], keepUnmappedStates: true, ...fields });

/** Assigned to one unit, inside the objection window. */
function confirming(): Run {
  const run = new Run().submitAndRegister().advanceDays(1);
  run.send({ type: "assign", mode: "sole", units: [{ unitId: "u-civil", role: "lead" }] }, staff);
  return run;
}

const at = (run: Run, daysLater: number) => new Date(run.now + daysLater * DAY);

describe("a migration plan applied to one proposal (pure)", () => {
  it("a snapshot of an older machine version is readable and moves to the current version, nothing else changes", () => {
    const run = new Run().submitAndRegister();
    const old = persisted(run);
    old.context.machineVersion = "1.0.0";
    const result = planProposalMigration(plan(), old, at(run, 1));
    if (result.outcome !== "migrate") throw new Error(result.outcome);
    expect(result.report).toMatchObject({
      fromVersion: "1.0.0",
      toVersion: PROPOSAL_MACHINE_VERSION,
      fromStates: ["assign.unassigned"],
      toStates: ["assign.unassigned"],
      deadlines: [],
    });
    expect(result.effects).toEqual([]);
    const next = restored(result.snapshot);
    expect(stateOf(next)).toBe("assign.unassigned");
    expect(next.context.machineVersion).toBe(PROPOSAL_MACHINE_VERSION);
  });

  it("new rules reschedule an open deadline that is not yet due: the old one superseded, a successor opened", () => {
    const run = confirming();
    const before = run.deadline("objection");
    const result = planProposalMigration(
      plan({ policy: { id: "rules-2027", deadlines: { objection: { duration: { days: 5 } } } } }),
      persisted(run),
      at(run, 1),
    );
    if (result.outcome !== "migrate") throw new Error(result.outcome);
    // Assigned Thursday 6 March 2025: 10 days end on Sunday 16 March (rolled to Monday 17), 5 on Tuesday 11 March.
    expect(before.dueAt).toBe("2025-03-17T15:59:59.999Z");
    const newDue = "2025-03-11T15:59:59.999Z";
    expect(result.report.fromPolicy).toBe("default");
    expect(result.report.toPolicy).toBe("rules-2027");
    expect(result.report.deadlines).toEqual([
      {
        deadlineId: before.deadlineId,
        kind: "objection",
        action: "reschedule",
        oldDueAt: before.dueAt,
        newDueAt: newDue,
        newDeadlineId: `dl${run.context.deadlineSeq + 1}-objection`,
      },
    ]);
    expect(result.effects.map((e) => e.type)).toEqual(["deadline.close", "deadline.open"]);
    expect(result.effects[0]).toMatchObject({ params: { deadlineId: before.deadlineId, reason: "superseded" } });
    expect(result.effects[1]).toMatchObject({ params: { kind: "objection", dueAt: newDue, owners: before.owners } });
    const next = restored(result.snapshot);
    expect(stateOf(next)).toBe("assign.confirming");
    expect(next.context.policy.deadlines.objection.duration).toEqual({ days: 5 });
    expect(next.context.assignment?.objectionDueAt).toBe(newDue);
    expect(next.context.deadlines.map((d) => [d.deadlineId, d.dueAt])).toEqual([[`dl3-objection`, newDue]]);
    // The machine runs on from the migrated snapshot: the unit acknowledges and handling starts.
    const ack = { type: "unit.acknowledge", actor: unit("u-civil"), at: at(run, 2).toISOString() } as const;
    expect(checkEvent(next, ack)).toEqual({ ok: true });
  });

  it("migrating the migrated snapshot again under the same plan changes nothing", () => {
    const run = confirming();
    const thePlan = plan({ policy: { id: "rules-2027", deadlines: { objection: { duration: { days: 5 } } } } });
    const first = planProposalMigration(thePlan, persisted(run), at(run, 1));
    if (first.outcome !== "migrate") throw new Error(first.outcome);
    const again = planProposalMigration(thePlan, reordered(JSON.parse(JSON.stringify(first.snapshot))), at(run, 2));
    expect(again.outcome).toBe("unchanged");
  });

  it("keeps a deadline that is already past due (its notices went out) and says so", () => {
    const run = new Run().submitAndRegister().assignSole("u-civil");
    const reply = run.deadline("reply");
    const late = new Date(Date.parse(reply.dueAt) + DAY);
    const result = planProposalMigration(
      plan({ policy: { id: "rules-2027", deadlines: { reply: { duration: { months: 2 } } } } }),
      persisted(run),
      late,
    );
    if (result.outcome !== "migrate") throw new Error(result.outcome);
    expect(result.report.deadlines).toContainEqual({
      deadlineId: reply.deadlineId,
      kind: "reply",
      unitId: "u-civil",
      action: "keep",
      reason: "overdue",
      oldDueAt: reply.dueAt,
    });
    expect(result.effects.filter((e) => "deadlineId" in e.params && e.params.deadlineId === reply.deadlineId)).toEqual(
      [],
    );
  });

  it("a shorter reply limit moves the reply deadline and the part's due time with it", () => {
    const run = new Run().submitAndRegister().assignSole("u-civil");
    const reply = run.deadline("reply");
    const result = planProposalMigration(
      plan({ policy: { id: "rules-2027", deadlines: { reply: { duration: { months: 2 } } } } }),
      persisted(run),
      at(run, 1),
    );
    if (result.outcome !== "migrate") throw new Error(result.outcome);
    const change = result.report.deadlines.find((d) => d.deadlineId === reply.deadlineId);
    expect(change?.action).toBe("reschedule");
    expect(Date.parse(change?.newDueAt ?? "")).toBeLessThan(Date.parse(reply.dueAt));
    const next = restored(result.snapshot);
    expect(next.context.parts[0]?.dueAt).toBe(change?.newDueAt);
  });

  it("maps a state to another (element mapping) and closes the deadlines the target cannot have", () => {
    const run = new Run().submitAndRegister().assignSole("u-civil");
    expect(run.state).toBe("handle.contacting");
    const firstContact = run.deadline("firstContact");
    const result = planProposalMigration(
      plan({ mappings: [{ source: "handle.contacting", target: "handle.handling" }], keepUnmappedStates: false }),
      persisted(run),
      at(run, 1),
    );
    if (result.outcome !== "migrate") throw new Error(result.outcome);
    expect(result.report.fromStates).toEqual(["handle.contacting"]);
    expect(result.report.toStates).toEqual(["handle.handling"]);
    expect(result.report.deadlines).toEqual([
      {
        deadlineId: firstContact.deadlineId,
        kind: "firstContact",
        unitId: "u-civil",
        action: "close",
        reason: "left-state",
        oldDueAt: firstContact.dueAt,
      },
    ]);
    expect(result.effects).toEqual([
      {
        type: "deadline.close",
        params: { deadlineId: firstContact.deadlineId, kind: "firstContact", unitId: "u-civil", reason: "left" },
      },
    ]);
    const next = restored(result.snapshot);
    expect(stateOf(next)).toBe("handle.handling");
    expect(next.context.deadlines.map((d) => d.kind)).toEqual(["reply"]);
  });

  it("leaves what it cannot map where it is, with a stable reason", () => {
    const run = new Run().submitAndRegister();
    const snapshot = persisted(run);
    const strict = plan({
      keepUnmappedStates: false,
      mappings: [{ source: "review.reviewing", target: "review.reviewing" }],
    });
    expect(planProposalMigration(strict, snapshot, at(run, 1))).toMatchObject({
      outcome: "unmappable",
      reason: "STATE_NOT_MAPPED",
    });
    expect(planProposalMigration(plan({ fromVersions: ["0.9.0"] }), snapshot, at(run, 1))).toMatchObject({
      outcome: "unmappable",
      reason: "VERSION_NOT_IN_PLAN",
    });
    expect(planProposalMigration(plan({ fromPolicies: ["county"] }), snapshot, at(run, 1))).toMatchObject({
      outcome: "unmappable",
      reason: "POLICY_NOT_IN_PLAN",
    });
    const intoHandling = plan({ mappings: [{ source: "assign.unassigned", target: "handle.handling" }] });
    expect(planProposalMigration(intoHandling, snapshot, at(run, 1))).toMatchObject({
      outcome: "unmappable",
      reason: "CONTEXT_INCOMPATIBLE",
    });
    expect(planProposalMigration(plan({ policy: { calendarId: "atlantis" } }), snapshot, at(run, 1))).toMatchObject({
      outcome: "unmappable",
      reason: "POLICY_INVALID",
    });
    expect(planProposalMigration(plan(), { value: "nowhere" }, at(run, 1))).toMatchObject({
      outcome: "unmappable",
      reason: "SNAPSHOT_UNREADABLE",
    });
  });

  it("reports a proposal the plan would not change as unchanged, whatever order its stored keys are in", () => {
    const run = new Run().submitAndRegister().assignSole("u-civil");
    expect(planProposalMigration(plan(), persisted(run), at(run, 1)).outcome).toBe("unchanged");
    // The same rules under their own id: the open deadlines (reply, first contact) compute as they were.
    const sameRules = plan({ policy: { id: "default" } });
    expect(planProposalMigration(sameRules, reordered(persisted(run)), at(run, 1)).outcome).toBe("unchanged");
  });

  it("refuses a plan whose targets are not non-final leaf states of the current machine", () => {
    expect(planProblems(plan({ mappings: [{ source: "a.b", target: "handle.handling" }] }))).toEqual([]);
    const problems = planProblems(
      plan({
        mappings: [
          { source: "handle.old", target: "handle.nowhere" },
          { source: "handle.x", target: "closed.completed" },
          { source: "handle.y", target: "handle" },
        ],
      }),
    );
    expect(problems).toHaveLength(3);
    expect(planProblems(plan({ policy: { calendarId: "atlantis" } }))).toEqual(["policy: unknown calendar: atlantis"]);
    expect(problems[0]).toContain("handle.nowhere");
    expect(problems[1]).toContain("closed.completed");
  });
});
