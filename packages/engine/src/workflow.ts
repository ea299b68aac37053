import type { AnyMachineSnapshot, AnyStateMachine } from "xstate";

/** Who sent an event. The domain's Actor has this shape; the engine needs only these fields. */
export interface Actor {
  role: string;
  id: string;
  unitId?: string;
  /** A leader's supervised units, when the caller's edge knows them (see the domain's `actorSchema`). */
  supervisedUnitIds?: string[];
}

/** The columns of a proposal row that are copied out of its snapshot for lists, filters and statistics. */
export interface Described {
  stage: string;
  /** The active state nodes as dotted paths, e.g. `handle.lead.awaitingReply`. */
  states: string[];
  title: string;
  category: string | null;
  proposerId: string;
  unitIds: string[];
  leaderId: string | null;
  isKey: boolean;
}

export interface Refusal {
  code: string;
  message: string;
}

/**
 * What the engine needs to know about a machine to run it durably. The engine is generic: the proposal
 * workflow plugs in here (and tests can plug in a small machine to exercise the runtime alone).
 */
export interface Workflow {
  machine: AnyStateMachine;
  version: string;
  /** Why `event` would be refused in `snapshot`, or `null` when it is accepted. Pure. */
  check(snapshot: AnyMachineSnapshot, event: { type: string } & Record<string, unknown>): Refusal | null;
  describe(snapshot: AnyMachineSnapshot): Described;
  /**
   * The notice kind the machine gives its escalation notices. Acknowledging one stops the later escalation
   * levels of its deadline (see `escalationHold`); a workflow without it escalates every level regardless.
   */
  escalationNoticeKind?: string;
  /** The event types `actor` may send now. */
  allowedEvents(snapshot: AnyMachineSnapshot, actor: Actor): string[];
  /**
   * Adds facts from outside the instance that the pure machine needs to judge an event (another
   * proposal's state, say). `load` reads a proposal's persisted context inside the same transaction.
   */
  prepare?(
    event: { type: string } & Record<string, unknown>,
    load: (proposalId: string) => Promise<{ context: Record<string, unknown>; stage: string } | null>,
  ): Promise<{ type: string } & Record<string, unknown>>;
}

/** Flattens an XState state value into dotted paths of its leaves: {a: {b: "c"}} → ["a.b.c"]. */
export function statePaths(value: unknown, prefix = ""): string[] {
  if (typeof value === "string") return [prefix ? `${prefix}.${value}` : value];
  if (typeof value !== "object" || value === null) return [];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return prefix ? [prefix] : [];
  return entries.flatMap(([key, child]) => statePaths(child, prefix ? `${prefix}.${key}` : key));
}
