import {
  type Actor,
  CALENDAR_ACTOR,
  cnMainlandCalendar,
  months,
  type ProposalEvent,
  QUEUE_ACTOR,
  shiftLocalDate,
  TIMER_ACTOR,
} from "@huiyin/domain";
import { describe, expect, it } from "vitest";
import { type AnyStateNode, createActor, transition } from "xstate";
import { type AdjacencyMap, getAdjacencyMap, type SerializedSnapshot } from "xstate/graph";
import { allStates } from "./definition.ts";
import { maySeePayload } from "./disclosure.ts";
import { toEffects } from "./effects.ts";
import { currentRatings } from "./evaluation.ts";
import { proposalMachine, STAGES } from "./machine.ts";
import { checkEvent, type ProposalSnapshot, stageOf, stateOf } from "./queries.ts";
import { plannedCorrections } from "./recompute.ts";
import { coProposer, jointInput, lead, leader, staff, unit } from "./test-support/fixtures.ts";

/**
 * Model-based test: explore the machine's graph from a draft with every event the parties could send, then
 * replay every edge of the graph, checking invariants on each and recording which transition definitions fire.
 */

const HOUR = 3_600_000;
const later = (s: ProposalSnapshot) => new Date(Date.parse(s.context.updatedAt) + HOUR).toISOString();

type Body = Omit<ProposalEvent, "actor" | "at"> & Record<string, unknown>;

/** Every event a party could send in `s`, valid or not: the machine and `checkEvent` decide. */
function candidateEvents(s: ProposalSnapshot): ProposalEvent[] {
  const ctx = s.context;
  const at = later(s);
  const ev = (body: Body, actor: Actor, when = at) => ({ ...body, actor, at: when }) as ProposalEvent;
  const units = ctx.assignment?.units.map((u) => u.unitId) ?? [];
  const parts = ctx.parts.map((p) => p.unitId);
  const out: ProposalEvent[] = [
    ev({ type: "submit" }, lead),
    ev({ type: "withdraw", reason: "r" }, lead),
    ev({ type: "review.register", category: "livelihood" }, staff),
    ev({ type: "review.reject", reason: "r" }, staff),
    ev({ type: "review.convert", target: "letter", reason: "r" }, staff),
    ev({ type: "review.merge", intoId: "p-0", intoRegistered: true }, staff),
    ev({ type: "review.return", reason: "r" }, staff),
    ev({ type: "resubmit", content: ctx.content }, lead),
    ev({ type: "assign", mode: "sole", units: [{ unitId: "u1", role: "lead" }] }, staff),
    ev(
      {
        type: "assign",
        mode: "lead-co",
        units: [
          { unitId: "u1", role: "lead" },
          { unitId: "u2", role: "co" },
        ],
      },
      staff,
    ),
    ev(
      {
        type: "assign",
        mode: "separate",
        units: [
          { unitId: "u1", role: "separate" },
          { unitId: "u2", role: "separate" },
        ],
      },
      staff,
    ),
    ev({ type: "key.designate", leaderId: leader.id }, staff),
    ev({ type: "supervise.record", mode: "online", note: "n" }, staff),
    ev({ type: "extension.approve" }, staff),
    ev({ type: "extension.deny", reason: "r" }, staff),
    ev({ type: "supervise.acceptReply" }, staff),
    ev({ type: "supervise.returnReply", reason: "r" }, staff),
    ev({ type: "evaluate", result: "satisfied", comment: "" }, lead),
    ev({ type: "evaluate", result: "unsatisfied", comment: "" }, lead),
    ev({ type: "evaluate", result: "unsatisfied", comment: "", rehandle: false }, lead),
    // A joint proposal: the co-proposer rates too (the lowest rating decides once both have rated). One result is
    // enough to reach every transition; more only multiply the graph.
    ev({ type: "evaluate", result: "satisfied", comment: "" }, coProposer),
    // Closing all tracking at once.
    ev({ type: "tracking.close", reason: "r" }, staff),
  ];
  // The events of the evaluation's end and of a closed proposal, where they can matter: every other state refuses
  // them alike (no transition takes them), and checking that in every state only lengthens the run.
  const stage = stageOf(s);
  if (stage === "evaluate") {
    out.push(
      ev({ type: "consultation.arrange", scheduledAt: at, place: "p" }, staff),
      ev({ type: "consultation.record", heldAt: at, participants: ["p"], summary: "s" }, staff),
    );
  }
  if (stage === "closed") out.push(ev({ type: "lookback.open", note: "n" }, staff));
  // A proposal merged into this one links its proposer (并案), once. Every state takes it alike (a root transition)
  // and the link is not part of the abstract state, so one stage is enough.
  if (ctx.linkedProposers === undefined && stageOf(s) === "assign") {
    out.push(ev({ type: "merge.link", fromId: "p-0", proposers: [{ id: "member-9" }] }, QUEUE_ACTOR));
  }
  const first = parts[0];
  if (first !== undefined && stage === "closed") {
    out.push(ev({ type: "lookback.record", findings: "f", unitId: first, request: "r" }, staff));
  }
  // Staff swap the last unit for another of the same role: one swap, before any contact, reaches the reassignment
  // transition (every handling state takes it alike); more only multiply the graph.
  const last = ctx.assignment?.units.at(-1);
  if (last && ctx.reassignments === undefined && ctx.parts.every((p) => p.contacts === 0)) {
    out.push(
      ev(
        { type: "handle.reassign", remove: [last.unitId], add: [{ unitId: "u9", role: last.role }], reason: "r" },
        staff,
      ),
    );
  }
  for (const u of units) {
    out.push(ev({ type: "unit.acknowledge" }, unit(u)), ev({ type: "unit.object", reason: "r" }, unit(u)));
    out.push(ev({ type: "handle.coOpinion", opinion: "o" }, unit(u)));
  }
  for (const u of parts) {
    // A regrade of an A reply to C: it reaches every regrade transition without splitting the abstract state.
    if (ctx.parts.find((p) => p.unitId === u)?.reply?.classification === "A") {
      out.push(ev({ type: "supervise.reclassify", unitId: u, classification: "C", reason: "r" }, staff));
    }
    const newDueDate = shiftLocalDate(ctx.assignment?.assignedAt ?? at, months(5), cnMainlandCalendar);
    out.push(
      ev({ type: "handle.contact", channel: "phone", contactedAt: at, summary: "s" }, unit(u)),
      ev({ type: "handle.requestExtension", newDueDate, reason: "r" }, unit(u)),
      ev({ type: "handle.reply", classification: "A", text: "t", signedOffBy: "h" }, unit(u)),
      ev({ type: "handle.reply", classification: "B", text: "t", signedOffBy: "h" }, unit(u)),
      ev({ type: "supervise.acceptReply", unitId: u }, staff),
      ev({ type: "supervise.returnReply", unitId: u, reason: "r" }, staff),
      ev({ type: "followup.report", progress: "p", resolved: false }, unit(u)),
      ev({ type: "followup.report", progress: "p", resolved: true }, unit(u)),
    );
    if (stage === "evaluate") out.push(ev({ type: "tracking.close", unitId: u, reason: "r" }, staff));
    if (stage === "closed") out.push(ev({ type: "lookback.report", report: "r" }, unit(u)));
  }
  for (const d of ctx.deadlines) {
    out.push(ev({ type: "deadline.remind", deadlineId: d.deadlineId }, TIMER_ACTOR, d.reminders[0]?.at ?? at));
    out.push(ev({ type: "deadline.due", deadlineId: d.deadlineId }, TIMER_ACTOR, d.dueAt));
    const first = d.escalations[0];
    if (first) out.push(ev({ type: "deadline.escalate", deadlineId: d.deadlineId, level: 1 }, TIMER_ACTOR, first.at));
  }
  // A calendar change: the committee closes a week of March 2025, which moves the deadlines that run through it.
  const calendar = {
    calendarId: "cn-mainland",
    version: String(Number(ctx.policy.calendarAdditions?.version ?? 0) + 1),
    years: [],
    localClosedDays: [{ name: "closed", from: "2025-03-10", to: "2025-03-14" }],
  };
  // Offered where a review or evaluation deadline is open: enough to fire it and check it against the invariants in
  // both kinds of stage, without the cost of a recount at every vertex (recompute.test.ts covers the handling ones).
  if (ctx.deadlines.some((d) => d.kind === "review" || d.kind === "evaluation")) {
    const corrections = plannedCorrections(ctx, calendar, at);
    out.push(ev({ type: "deadlines.recomputed", calendar, corrections }, CALENDAR_ACTOR));
  }
  // A timer for a deadline that was never opened is always stale.
  out.push(ev({ type: "deadline.due", deadlineId: "dl999-reply" }, TIMER_ACTOR));
  return out;
}

/** The abstract state: enough to tell situations apart, without timestamps and counters that never repeat. */
function abstractState(s: ProposalSnapshot): string {
  const c = s.context;
  // A closed proposal only takes a follow-up review (回头看), which asks whether it has A or B replies and how the
  // review stands: however it got there makes no other difference.
  if (stageOf(s) === "closed") {
    return JSON.stringify([
      stateOf(s),
      c.parts.map((p) => p.reply !== undefined && p.reply.classification !== "C"),
      c.lookbacks !== undefined,
      c.lookbacks?.at(-1)?.requests.some((r) => r.report === undefined) ?? false,
    ]);
  }
  return JSON.stringify([
    stateOf(s),
    c.assignment?.mode,
    c.assignment?.acknowledged.length,
    c.parts.map((p) => [
      p.status,
      p.round,
      p.contacts > 0,
      Boolean(p.pendingExtension),
      // Only a B grade changes what follows (tracking); A and C (or a regrade between them) lead alike.
      p.reply?.classification === "B",
      p.tracking,
    ]),
    c.coOpinions.length,
    c.rehandles,
    currentRatings(c).map((r) => [r.proposerId, r.result]),
    // A unit added during handling that may still object: told apart only before any contact (where the one
    // reassignment is offered), so that its objection is reached without doubling the rest of the graph.
    c.parts.every((p) => p.contacts === 0) &&
      (c.assignment?.joined ?? []).some((j) => !c.objections.some((o) => o.unitId === j.unitId)),
    // Not the open deadlines, key designation, extensions granted or timer history: they follow from the rest or
    // only multiply the graph, and every transition is still reached the first time its situation arises.
  ]);
}

const transitionId = (source: AnyStateNode, event: string, index: number) => `${source.id} ${event} #${index}`;

function allTransitionIds(): string[] {
  const ids: string[] = [];
  const walk = (node: AnyStateNode) => {
    for (const [event, list] of node.transitions) {
      for (let i = 0; i < list.length; i++) ids.push(transitionId(node, event, i));
    }
    for (const child of Object.values(node.states)) walk(child);
  };
  walk(proposalMachine.root);
  return ids;
}

// The graph has some 2,500 abstract states and 18,000 edges; each check below walks all of it. On two busy cores a
// walk takes a minute or more, so the limit is generous: it guards against a hang, it measures nothing.
describe("model-based: every state and transition from the machine's graph", () => {
  const adjacency: AdjacencyMap<ProposalSnapshot, ProposalEvent> = getAdjacencyMap(proposalMachine, {
    input: jointInput(),
    events: candidateEvents,
    // Only accepted events make edges; refused ones are checked separately below.
    filterEvents: (s, e) => checkEvent(s as ProposalSnapshot, e).ok,
    serializeState: (s) => abstractState(s as ProposalSnapshot) as SerializedSnapshot,
    limit: 500_000,
  });
  type Vertex = {
    state: ProposalSnapshot;
    transitions: Record<string, { event: ProposalEvent; state: ProposalSnapshot }>;
  };
  // The map is keyed by branded strings, which Object.values cannot see through.
  const vertices = Object.values(adjacency as Record<string, Vertex>);
  const edges = vertices.flatMap((v) =>
    Object.values(v.transitions).map((t) => ({
      from: v.state,
      event: t.event,
      to: t.state,
    })),
  );

  it("reaches every state of the definition", { timeout: 240_000 }, () => {
    const reached = new Set<string>();
    for (const v of vertices) {
      const path = stateOf(v.state as ProposalSnapshot).split(".");
      for (let i = 1; i <= path.length; i++) reached.add(path.slice(0, i).join("."));
    }
    const states = allStates().map((s) => s.path);
    const missing = states.filter((p) => !reached.has(p));
    console.log(
      `state coverage: ${states.length - missing.length}/${states.length} (${vertices.length} abstract states, ${edges.length} edges)`,
    );
    expect(missing).toEqual([]);
  });

  it("agrees with checkEvent on every candidate event in every state: refused changes nothing, accepted changes", {
    timeout: 240_000,
  }, () => {
    let refused = 0;
    for (const v of vertices) {
      const from = v.state as ProposalSnapshot;
      for (const event of candidateEvents(from)) {
        const verdict = checkEvent(from, event);
        const [next] = transition(proposalMachine, from, event);
        const changed =
          stateOf(next) !== stateOf(from) || JSON.stringify(next.context) !== JSON.stringify(from.context);
        if (verdict.ok !== changed) {
          throw new Error(
            `${event.type} in ${stateOf(from)}: checkEvent ${JSON.stringify(verdict)}, machine changed: ${changed}`,
          );
        }
        if (!verdict.ok) refused++;
      }
    }
    console.log(`refusals checked: ${refused}`);
    expect(refused).toBeGreaterThan(0);
  });

  it("fires every transition definition", { timeout: 240_000 }, () => {
    const fired = new Set<string>();
    let accepted = 0;
    for (const { from, event, to } of edges) {
      const next = to;
      accepted++;
      const actor = createActor(proposalMachine, {
        snapshot: proposalMachine.getPersistedSnapshot(from),
        input: jointInput(), // ignored when restoring a snapshot, but the types ask for it
        inspect: (e) => {
          if (e.type !== "@xstate.microstep") return;
          for (const t of (e as unknown as { _transitions: { source: AnyStateNode; eventType: string }[] })
            ._transitions) {
            const list = t.source.transitions.get(t.eventType) ?? [];
            fired.add(transitionId(t.source, t.eventType, list.indexOf(t as never)));
          }
        },
      });
      actor.start();
      actor.send(event);
      expect(stateOf(actor.getSnapshot())).toBe(stateOf(next));
      actor.stop();
    }
    const all = allTransitionIds();
    const missing = all.filter((id) => !fired.has(id));
    console.log(
      `transition coverage: ${all.length - missing.length}/${all.length} (${(((all.length - missing.length) / all.length) * 100).toFixed(1)}%) over ${accepted} accepted edges`,
    );
    expect(missing).toEqual([]);
  });

  it("keeps its invariants on every accepted edge", { timeout: 240_000 }, () => {
    for (const { from, event } of edges) {
      const [next, actions] = transition(proposalMachine, from, event);
      const effects = toEffects(actions);
      // Stage is always visible.
      expect(STAGES).toContain(stageOf(next));
      // Effects are data: they survive JSON.
      expect(JSON.parse(JSON.stringify(effects))).toEqual(effects);
      // Open deadlines: unique ids without ':', and the opens and closes of this step are what changed.
      const ids = next.context.deadlines.map((d) => d.deadlineId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).not.toContain(":");
      const before = new Set(from.context.deadlines.map((d) => d.deadlineId));
      const opened = effects.flatMap((e) => (e.type === "deadline.open" ? [e.params.deadlineId] : []));
      const closed = effects.flatMap((e) => (e.type === "deadline.close" ? [e.params.deadlineId] : []));
      expect(new Set(ids)).toEqual(new Set([...before, ...opened].filter((id) => !closed.includes(id))));
      // Notices follow the disclosure rules: what a notice to a proposer carries (a note, the units, replies) comes
      // from an event whose payload the proposers may read, and the only replies it carries are accepted ones.
      for (const effect of effects) {
        if (effect.type !== "notify" || !effect.params.recipients.some((r) => r.role === "proposer")) continue;
        const { note, units, replies } = effect.params;
        if (note !== undefined || units !== undefined) {
          const entry = { seq: 0, type: event.type, actor: event.actor, payload: event };
          expect(maySeePayload({ audience: "proposer" }, entry, new Set())).toBe(true);
        }
        for (const reply of replies ?? []) {
          // Released by the last acceptance, or by removing the last unit still at work (separate handling).
          expect(["supervise.acceptReply", "handle.reassign"]).toContain(event.type);
          const part = next.context.parts.find((p) => p.unitId === reply.unitId);
          expect(part?.status).toBe("accepted");
          expect(part?.reply).toMatchObject({ text: reply.text, classification: reply.classification, at: reply.at });
        }
      }
      // A closed proposal waits on nothing but the reports a follow-up review (回头看) asked for.
      if (stageOf(next) === "closed") {
        expect(next.context.deadlines.filter((d) => d.kind !== "lookbackReport")).toEqual([]);
      }
      // The snapshot round-trips through JSON.
      const restored = proposalMachine.resolveState(
        JSON.parse(JSON.stringify(proposalMachine.getPersistedSnapshot(next))),
      );
      expect(restored.value).toEqual(next.value);
      expect(restored.context).toEqual(JSON.parse(JSON.stringify(next.context)));
    }
  });
});
