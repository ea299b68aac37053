import {
  type Actor,
  EVENT_FACT_KEYS,
  machineEventSchema,
  PROPOSAL_EVENT_TYPES,
  type ProposalEvent,
  type ProposalEventType,
  type Refusal,
  refusal,
  TIMER_EVENT_TYPES,
} from "@huiyin/domain";
import { getNextTransitions, type SnapshotFrom } from "xstate";
import type { OpenDeadline } from "./context.ts";
import { type ProposalMachine, STAGES, type Stage } from "./machine.ts";
import { actorRefusal, ruleRefusal } from "./rules.ts";

export type ProposalSnapshot = SnapshotFrom<ProposalMachine>;

/** The stage (top-level state) a proposal is in. */
export function stageOf(snapshot: ProposalSnapshot): Stage {
  const value = snapshot.value;
  const key = typeof value === "string" ? value : Object.keys(value)[0];
  const stage = STAGES.find((s) => s === key);
  if (!stage) throw new Error(`snapshot has no stage: ${JSON.stringify(value)}`);
  return stage;
}

/** The full state path, e.g. `handle.contacting` or `closed.completed`. */
export function stateOf(snapshot: ProposalSnapshot): string {
  const path: string[] = [];
  let value: unknown = snapshot.value;
  while (typeof value === "object" && value !== null) {
    const [key, inner] = Object.entries(value)[0] ?? [];
    if (key === undefined) break;
    path.push(key);
    value = inner;
  }
  if (typeof value === "string") path.push(value);
  return path.join(".");
}

/** The deadlines the proposal is waiting on now: what the engine's deadline rows should mirror. */
export function openDeadlines(snapshot: ProposalSnapshot): readonly OpenDeadline[] {
  return snapshot.context.deadlines;
}

/** Event types some transition of the current state configuration (or an ancestor) handles, guards aside. */
function acceptedTypes(snapshot: ProposalSnapshot): Set<string> {
  return new Set(getNextTransitions(snapshot).map((t) => t.eventType));
}

const isTimer = (type: string) => (TIMER_EVENT_TYPES as readonly string[]).includes(type);

/** Maps "this state has no transition for the event" to the most helpful reason. */
function notAcceptedHere(snapshot: ProposalSnapshot, type: ProposalEventType): Refusal {
  if (isTimer(type)) return refusal("STALE_DEADLINE", "no deadline is open for this timer in the current state");
  if (type === "unit.object" && snapshot.context.assignment && stageOf(snapshot) !== "assign") {
    return refusal("OBJECTION_WINDOW_CLOSED", "handling has started: the objection window is over");
  }
  return refusal("EVENT_NOT_ALLOWED", `${type} is not accepted in ${stateOf(snapshot)}`);
}

/**
 * Whether the machine would accept `event` now, and if not, why: role, then state, then the rules (party,
 * windows, caps, stale deadlines), then any state-specific condition. `transition()` with a refused event returns
 * the snapshot unchanged, so call this first and report its refusal.
 */
export function checkEvent(
  snapshot: ProposalSnapshot,
  event: ProposalEvent,
): { ok: true } | { ok: false; code: Refusal["code"]; message: string } {
  const { actor: _actor, at: _at, ...body } = event;
  // Facts stamped by the engine's caller are not part of the body a client may send.
  const payload = Object.fromEntries(
    Object.entries(body).filter(([key]) => !(EVENT_FACT_KEYS as readonly string[]).includes(key)),
  );
  const parsed = machineEventSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, code: "INVALID_EVENT", message: parsed.error.message };
  const byActor = actorRefusal(snapshot.context, event.type, event.actor, event.at);
  if (byActor?.code === "ROLE_NOT_ALLOWED") return { ok: false, ...byActor };
  if (!acceptedTypes(snapshot).has(event.type)) return { ok: false, ...notAcceptedHere(snapshot, event.type) };
  const byRule = ruleRefusal(snapshot.context, event);
  if (byRule) return { ok: false, ...byRule };
  if (!snapshot.can(event)) {
    return { ok: false, code: "EVENT_NOT_ALLOWED", message: `${event.type} does not apply in ${stateOf(snapshot)}` };
  }
  return { ok: true };
}

/**
 * The event types `actor` may send now, judged without a payload (payload checks such as the extension cap
 * still apply when the event is sent). Pass `at` to take time windows into account. Timer events are listed
 * only for the system actor while a deadline is open.
 */
export function allowedEvents(snapshot: ProposalSnapshot, actor: Actor, at?: string): ProposalEventType[] {
  const accepted = acceptedTypes(snapshot);
  return PROPOSAL_EVENT_TYPES.filter(
    (type) =>
      accepted.has(type) &&
      actorRefusal(snapshot.context, type, actor, at) === undefined &&
      (!isTimer(type) || snapshot.context.deadlines.length > 0) &&
      // A calendar change is rolled out to every proposal by the system, never picked from a list.
      type !== "deadlines.recomputed",
  );
}
