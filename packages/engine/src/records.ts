import type { Proposal } from "@huiyin/db";

/** A proposal as the engine returns it: the row, with the snapshot's state value and context alongside. */
export type ProposalRecord = Omit<Proposal, "snapshot"> & {
  /** XState's state value (nested object for compound and parallel states). */
  state: unknown;
  context: Record<string, unknown>;
};

/**
 * The row again from a record, its snapshot carrying the state value and context (what `resolveState` reads): how
 * a caller answers with the proposal the engine just wrote, without reading it back.
 */
export function fromRecord(record: ProposalRecord): Proposal {
  const { state, context, ...rest } = record;
  return { ...rest, snapshot: { value: state, context } as Proposal["snapshot"] };
}

export function toRecord(row: Proposal): ProposalRecord {
  const { snapshot, ...rest } = row;
  const persisted = (snapshot ?? {}) as { value?: unknown; context?: Record<string, unknown> };
  return { ...rest, state: persisted.value ?? null, context: persisted.context ?? {} };
}
