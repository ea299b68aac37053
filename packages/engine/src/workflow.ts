import type { Actor, CalendarAdditions, DeadlineCorrection } from "@huiyin/domain";
import type { AnyMachineSnapshot, AnyStateMachine } from "xstate";

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
  /**
   * A committee's year (sessions, numbers, origins): copied for lists, search by number and statistics. Optional:
   * a workflow without them leaves the columns null.
   */
  sessionId?: string | null;
  plenary?: boolean | null;
  number?: number | null;
  numberLabel?: string | null;
  proposerType?: string | null;
  sourceChannel?: string | null;
}

export interface Refusal {
  code: string;
  message: string;
}

/**
 * What the engine needs to know about a machine to run it durably: the engine's port. The engine is generic and
 * imports no workflow (a dependency rule holds it to that): the proposal workflow's binding lives with the
 * proposal machine (`proposalWorkflow` in workflows/proposal) and meets this port structurally; the composition
 * roots hand it to the engine, which is where the compiler checks the fit. Tests plug in a small machine to
 * exercise the runtime alone (packages/engine/test/ticket-workflow.ts).
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
   * How an instance takes a new version of its committee's calendar (an official year loaded, local days off
   * changed), for `rollOutCalendar`: where its persisted snapshot keeps the calendar it counts on and the version of
   * the additions (JSON paths), which stages have nothing left to move, and the event that moves it onto
   * `additions` with the corrections that event makes (an empty list: nothing moves, the instance only adopts it).
   */
  calendar?: {
    calendarIdPath: readonly string[];
    versionPath: readonly string[];
    finalStages: readonly string[];
    recompute(
      snapshot: AnyMachineSnapshot,
      additions: CalendarAdditions,
      at: string,
    ): { event: { type: string } & Record<string, unknown>; corrections: DeadlineCorrection[] };
  };
  /**
   * Adds facts from outside the instance that the pure machine needs to judge an event (another
   * proposal's state, say). `load` reads a proposal's persisted context inside the same transaction.
   */
  prepare?(
    event: { type: string } & Record<string, unknown>,
    load: (proposalId: string) => Promise<{ context: Record<string, unknown>; stage: string } | null>,
  ): Promise<{ type: string } & Record<string, unknown>>;
}
