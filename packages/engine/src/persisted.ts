import type { AnyMachineSnapshot, AnyStateMachine } from "xstate";

/**
 * What `machine.getPersistedSnapshot(snapshot)` returns, without its walk of the whole context in search of actor
 * references, when the snapshot has no child actors: the engine persists contexts as JSON, so they hold data only
 * (an actor is referenced from a context only once spawned, and a spawned actor is a child). The walk was 30–40 % of
 * the machine's CPU per transition (issue 18: `persistContext` in the profiles of the bench and the api), for a
 * context of ~3.5 KB whose policy alone is 2.4 KB. A machine with children still goes through XState's own.
 * The result is the same object (test/persisted-snapshot.test.ts compares the two over a lifecycle).
 */
export function persistedSnapshot(machine: AnyStateMachine, snapshot: AnyMachineSnapshot): Record<string, unknown> {
  if (Object.keys(snapshot.children ?? {}).length > 0) {
    return machine.getPersistedSnapshot(snapshot) as Record<string, unknown>;
  }
  const {
    _nodes,
    tags,
    machine: _machine,
    children: _children,
    context,
    can,
    hasTag,
    matches,
    getMeta,
    toJSON,
    ...values
  } = snapshot as AnyMachineSnapshot & { _nodes: unknown };
  return { ...values, context, children: {}, historyValue: historyOf(values.historyValue) };
}

/** XState's `serializeHistoryValue`: each history state's remembered nodes by their ids. */
function historyOf(history: unknown): Record<string, { id: string }[]> {
  const result: Record<string, { id: string }[]> = {};
  if (typeof history !== "object" || history === null) return result;
  for (const [key, nodes] of Object.entries(history)) {
    if (Array.isArray(nodes)) result[key] = nodes.map((node: { id: string }) => ({ id: node.id }));
  }
  return result;
}
