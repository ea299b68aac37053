import { persistedSnapshot } from "@huiyin/engine";
import { proposalMachine } from "@huiyin/workflow-proposal";
import { describe, expect, it } from "vitest";
import {
  type AnyMachineSnapshot,
  assign,
  createActor,
  createMachine,
  initialTransition,
  setup,
  transition,
} from "xstate";
import { input, lead, Run, staff, unit } from "../workflows/proposal/src/test-support/fixtures.ts";

/**
 * The engine persists a snapshot with `persistedSnapshot` (issue 18: XState's `getPersistedSnapshot` walks the whole
 * context for actor references, 30–40 % of the machine's CPU per transition). What it writes must be what XState
 * would have written, so that `resolveState` restores it as before, for the proposal machine at every step.
 */
const same = (machine: Parameters<typeof persistedSnapshot>[0], snapshot: AnyMachineSnapshot) => {
  const ours = persistedSnapshot(machine, snapshot);
  expect(ours).toEqual(machine.getPersistedSnapshot(snapshot));
  expect(JSON.stringify(ours)).toBe(JSON.stringify(machine.getPersistedSnapshot(snapshot)));
};

describe("persistedSnapshot", () => {
  it("is XState's persisted snapshot at every step of a proposal's lifecycle, timers included", () => {
    const run = new Run(input());
    const steps: [Record<string, unknown> & { type: string }, typeof lead][] = [
      [{ type: "submit" }, lead],
      [{ type: "review.register", category: "livelihood" }, staff],
      [{ type: "assign", mode: "sole", units: [{ unitId: "civil", role: "lead" }] }, staff],
      [{ type: "unit.acknowledge" }, unit("civil")],
    ];
    same(proposalMachine, run.snapshot as AnyMachineSnapshot);
    for (const [body, actor] of steps) {
      run.send(body as never, actor);
      same(proposalMachine, run.snapshot as AnyMachineSnapshot);
    }
    run.fire("reply", "deadline.remind", undefined, "civil");
    same(proposalMachine, run.snapshot as AnyMachineSnapshot);
    run.fire("reply", "deadline.due", undefined, "civil");
    same(proposalMachine, run.snapshot as AnyMachineSnapshot);
    // And restored from it, the machine goes on as from XState's own.
    const restored = proposalMachine.resolveState(
      JSON.parse(JSON.stringify(persistedSnapshot(proposalMachine, run.snapshot as AnyMachineSnapshot))),
    );
    expect(restored.value).toEqual(run.snapshot.value);
    expect(restored.context).toEqual(run.snapshot.context);
  });

  it("keeps the remembered states of a history node, by their ids", () => {
    const machine = createMachine({
      initial: "a",
      states: {
        a: {
          initial: "one",
          states: { one: { on: { NEXT: "two" } }, two: {}, back: { type: "history" } },
          on: { OUT: "b" },
        },
        b: { on: { BACK: "a.back" } },
      },
    });
    let [snapshot] = initialTransition(machine);
    [snapshot] = transition(machine, snapshot, { type: "NEXT" });
    [snapshot] = transition(machine, snapshot, { type: "OUT" });
    expect(Object.keys(snapshot.historyValue)).not.toHaveLength(0);
    same(machine, snapshot);
  });

  it("leaves a snapshot with child actors to XState, which persists the children and the references to them", () => {
    const child = createMachine({ initial: "idle", states: { idle: {} } });
    const machine = setup({ actors: { child } }).createMachine({
      context: { ref: undefined as unknown },
      entry: assign({ ref: ({ spawn }) => spawn("child", { id: "kid" }) }),
    });
    const snapshot = createActor(machine).start().getSnapshot();
    const ours = persistedSnapshot(machine, snapshot) as { context: { ref: unknown }; children: object };
    expect(ours.context.ref).toEqual({ xstate$$type: 1, id: "kid" });
    expect(Object.keys(ours.children)).toEqual(["kid"]);
    same(machine, snapshot);
  });
});
