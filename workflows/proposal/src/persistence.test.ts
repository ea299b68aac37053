import { type ProposalEvent, TIMER_ACTOR } from "@huiyin/domain";
import { describe, expect, it } from "vitest";
import { initialTransition, transition } from "xstate";
import { PROPOSAL_MACHINE_VERSION } from "./context.ts";
import { toEffects } from "./effects.ts";
import { proposalMachine } from "./machine.ts";
import { openDeadlines, stateOf } from "./queries.ts";
import { input, lead, staff, T0 } from "./test-support/fixtures.ts";

/** Exactly what the engine will do: initialTransition, persist as JSON, restore, transition, read the actions. */

const persistRestore = (s: Parameters<typeof proposalMachine.getPersistedSnapshot>[0]) =>
  proposalMachine.resolveState(JSON.parse(JSON.stringify(proposalMachine.getPersistedSnapshot(s))));

describe("pure transition with JSON persistence", () => {
  it("initialTransition declares the stage webhook and nothing else", () => {
    const [snapshot, actions] = initialTransition(proposalMachine, input());
    expect(stateOf(snapshot)).toBe("submit.draft");
    expect(snapshot.context.machineVersion).toBe(PROPOSAL_MACHINE_VERSION);
    expect(toEffects(actions)).toEqual([
      { type: "webhook.emit", params: { topic: "proposal.stage", stage: "submit" } },
    ]);
  });

  it("transition from a restored snapshot returns the declared effects with schedulable params", () => {
    const [s0] = initialTransition(proposalMachine, input());
    const submit: ProposalEvent = { type: "submit", actor: lead, at: T0 };
    const [s1, actions] = transition(proposalMachine, persistRestore(s0), submit);
    expect(stateOf(s1)).toBe("review.reviewing");
    // Monday 3 March 2025 + 10 working days = Monday 17 March, end of day in Shanghai; reminder 2 wd before at 09:00.
    expect(toEffects(actions)).toEqual([
      { type: "notify", params: { topic: "proposal.submitted", recipients: [{ role: "staff" }] } },
      { type: "webhook.emit", params: { topic: "proposal.stage", stage: "review" } },
      {
        type: "deadline.open",
        params: {
          deadlineId: "dl1-review",
          kind: "review",
          dueAt: "2025-03-17T15:59:59.999Z",
          reminders: [{ at: "2025-03-13T01:00:00.000Z", offset: { workingDays: 2 } }],
          escalations: [
            { level: 1, at: "2025-03-17T15:59:59.999Z", recipientRole: "staff-head" },
            { level: 2, at: "2025-03-24T15:59:59.999Z", recipientRole: "committee-leader" },
          ],
          owners: [{ role: "staff" }],
        },
      },
    ]);
    expect(openDeadlines(s1).map((d) => d.deadlineId)).toEqual(["dl1-review"]);
  });

  it("a restored snapshot behaves like the live one (same state, context and effects)", () => {
    const [s0] = initialTransition(proposalMachine, input());
    const [s1] = transition(proposalMachine, s0, { type: "submit", actor: lead, at: T0 });
    const next: ProposalEvent = {
      type: "review.register",
      category: "livelihood",
      actor: staff,
      at: "2025-03-05T02:00:00Z",
    };
    const [live, liveActions] = transition(proposalMachine, s1, next);
    const [restored, restoredActions] = transition(proposalMachine, persistRestore(s1), next);
    expect(stateOf(restored)).toBe(stateOf(live));
    expect(restored.context).toEqual(live.context);
    expect(toEffects(restoredActions)).toEqual(toEffects(liveActions));
    expect(toEffects(liveActions)).toContainEqual({
      type: "deadline.close",
      params: { deadlineId: "dl1-review", kind: "review", reason: "left" },
    });
  });

  it("returns the snapshot unchanged and no effects for a refused event", () => {
    const [s0] = initialTransition(proposalMachine, input());
    const [s1, actions] = transition(proposalMachine, s0, {
      type: "deadline.due",
      deadlineId: "dl1-review",
      actor: TIMER_ACTOR,
      at: T0,
    });
    expect(s1.value).toEqual(s0.value);
    expect(s1.context).toEqual(s0.context);
    expect(toEffects(actions)).toEqual([]);
  });
});
