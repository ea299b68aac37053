import { machineStart, machineStep } from "@huiyin/engine";
import { proposalMachine } from "@huiyin/workflow-proposal";
import { describe, expect, it } from "vitest";
import {
  type AnyMachineSnapshot,
  assign,
  createMachine,
  initialTransition,
  setup,
  stopChild,
  transition,
} from "xstate";
import { input, lead, staff, unit } from "../workflows/proposal/src/test-support/fixtures.ts";

/**
 * The engine steps its machines with `machineStep` / `machineStart` (issue 18: XState's `transition` builds an inert
 * actor per call, and computes the machine's initial snapshot in it for nothing). What they give must be what
 * XState's own give: the same snapshot and the same actions to execute, for the proposal machine at every step.
 */
const at = "2026-03-02T09:00:00.000Z";

/** The actions as data: what `effectsOf` reads of them. */
const plain = (actions: { type: string; params?: unknown }[]) =>
  actions.map((action) => ({ type: action.type, params: action.params }));

function expectSame(
  ours: [AnyMachineSnapshot, { type: string; params?: unknown }[]],
  theirs: [AnyMachineSnapshot, { type: string; params?: unknown }[]],
) {
  expect(ours[0].value).toEqual(theirs[0].value);
  expect(ours[0].context).toEqual(theirs[0].context);
  expect(ours[0].status).toBe(theirs[0].status);
  expect(plain(ours[1])).toEqual(plain(theirs[1]));
}

describe("machineStep and machineStart", () => {
  it("give XState's snapshots and actions over a proposal's steps, refusals and timers included", () => {
    const start = { ...input(), id: "p_step", createdAt: at };
    const first = machineStart(proposalMachine, start);
    expectSame(first, initialTransition(proposalMachine, start));
    const steps: ({ type: string } & Record<string, unknown>)[] = [
      { type: "submit", actor: lead },
      { type: "review.register", category: "livelihood", actor: staff },
      { type: "evaluate", result: "satisfied", actor: lead }, // not allowed here: the snapshot stays
      { type: "assign", mode: "sole", units: [{ unitId: "civil", role: "lead" }], actor: staff },
      { type: "unit.acknowledge", actor: unit("civil") },
    ];
    let snapshot = first[0];
    let actionsSeen = 0;
    for (const step of steps) {
      const event = { ...step, at };
      const ours = machineStep(proposalMachine, snapshot, event);
      expectSame(ours, transition(proposalMachine, snapshot, event as never));
      actionsSeen += ours[1].length;
      // A second step from the same snapshot gives the same again (nothing carried over between calls).
      expectSame(machineStep(proposalMachine, snapshot, event), ours);
      snapshot = ours[0];
    }
    expect(actionsSeen).toBeGreaterThan(0);
    expect(snapshot.value).not.toEqual(first[0].value);
  });

  it("leaves machines with child actors to XState's own functions, and gives the same", () => {
    const child = createMachine({ initial: "idle", states: { idle: {} } });
    const machine = setup({ actors: { child } }).createMachine({
      context: { ref: undefined as unknown, count: 0 },
      entry: assign({ ref: ({ spawn }) => spawn("child", { id: "kid", systemId: "kid" }) }),
      on: { BUMP: { actions: assign({ count: ({ context }) => context.count + 1 }) } },
    });
    // Started twice: a shared system would refuse the second `systemId: "kid"`.
    const [one] = machineStart(machine, undefined);
    const [two] = machineStart(machine, undefined);
    expect(Object.keys(one.children)).toEqual(["kid"]);
    expect(Object.keys(two.children)).toEqual(["kid"]);
    const [bumped] = machineStep(machine, one, { type: "BUMP" });
    expect(bumped.context.count).toBe(1);
    expect(Object.keys(bumped.children)).toEqual(["kid"]);
  });

  it("drops its shared scope after a step that spawned and stopped a child, or threw", () => {
    const child = createMachine({ initial: "idle", states: { idle: {} } });
    const machine = setup({ actors: { child } }).createMachine({
      context: { ref: undefined as unknown },
      on: {
        FLASH: {
          actions: [
            assign({ ref: ({ spawn }) => spawn("child", { id: "kid", systemId: "kid" }) }),
            stopChild("kid"),
            assign({ ref: undefined }),
          ],
        },
        BOOM: {
          actions: assign({
            ref: ({ spawn }) => {
              spawn("child", { id: "kid", systemId: "kid" });
              throw new Error("boom");
            },
          }),
        },
      },
    });
    const [start] = machineStart(machine, undefined);
    const [flashed] = machineStep(machine, start, { type: "FLASH" });
    expect(Object.keys(flashed.children)).toEqual([]);
    // A step whose action throws throws, as XState's own does.
    expect(() => machineStep(machine, start, { type: "BOOM" })).toThrow("boom");
    expect(() => transition(machine, start, { type: "BOOM" })).toThrow("boom");
    // Had either step left "kid" registered in a shared system, spawning it again would fail.
    const [again] = machineStep(machine, start, { type: "FLASH" });
    expect(again.status).toBe("active");
    expect(again.status).toBe(transition(machine, start, { type: "FLASH" })[0].status);
  });

  it("drops its shared scope once a step spawns: two steps that spawn one systemId each get their child", () => {
    const child = createMachine({ initial: "idle", states: { idle: {} } });
    const machine = setup({ actors: { child } }).createMachine({
      context: { ref: undefined as unknown },
      on: { SPAWN: { actions: assign({ ref: ({ spawn }) => spawn("child", { id: "kid", systemId: "kid" }) }) } },
    });
    const [start] = machineStart(machine, undefined);
    expect(Object.keys(start.children)).toEqual([]);
    const [one] = machineStep(machine, start, { type: "SPAWN" });
    const [two] = machineStep(machine, start, { type: "SPAWN" });
    expect(one.status).toBe("active");
    expect(two.status).toBe("active");
    expect(Object.keys(one.children)).toEqual(["kid"]);
    expect(Object.keys(two.children)).toEqual(["kid"]);
  });
});
