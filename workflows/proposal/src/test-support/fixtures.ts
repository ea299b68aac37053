import {
  type Actor,
  type DeadlineKind,
  defaultPolicy,
  type Policy,
  type ProposalContent,
  type ProposalEvent,
  type ProposalEventBody,
  TIMER_ACTOR,
} from "@huiyin/domain";
import { initialTransition, transition } from "xstate";
import type { ProposalInput } from "../context.ts";
import { type Effect, toEffects } from "../effects.ts";
import { proposalMachine } from "../machine.ts";
import { checkEvent, type ProposalSnapshot, stateOf } from "../queries.ts";

/** Shared by the machine's tests: people, a valid proposal, and a driver that runs events through `transition()`. */

export const lead: Actor = { role: "proposer", id: "member-lead" };
export const coProposer: Actor = { role: "proposer", id: "member-2" };
export const staff: Actor = { role: "staff", id: "staff-1" };
export const leader: Actor = { role: "leader", id: "leader-1" };
export const unit = (unitId: string): Actor => ({ role: "unit", id: `${unitId}-clerk`, unitId });

export const content: ProposalContent = {
  title: "关于加强社区养老服务设施建设的提案",
  reasons: "老龄人口增长，社区养老设施不足。",
  suggestions: ["统筹规划社区养老服务用房", "落实运营补贴"],
  category: "livelihood",
};

/** Monday 3 March 2025, 10:00 in Shanghai. */
export const T0 = "2025-03-03T02:00:00.000Z";

/** One proposer: the lead alone decides the evaluation, as before joint rating. */
export function input(overrides: Partial<ProposalInput> = {}, policy: Policy = defaultPolicy): ProposalInput {
  return {
    id: "p-1",
    content,
    proposers: [{ id: lead.id, name: "Lead" }],
    createdAt: T0,
    policy,
    ...overrides,
  };
}

/** A joint proposal (联名): the lead and a co-proposer, who both rate the reply. */
export const jointInput = (overrides: Partial<ProposalInput> = {}, policy: Policy = defaultPolicy): ProposalInput =>
  input({ proposers: [{ id: lead.id, name: "Lead" }, { id: coProposer.id }], ...overrides }, policy);

type Body = ProposalEventBody | (Extract<ProposalEventBody, { type: "review.merge" }> & { intoRegistered: boolean });

const DAY = 86_400_000;

/**
 * Drives one proposal the way the engine will: stamp `actor` and `at`, ask `checkEvent`, then `transition()`.
 * `send` fails the test on a refusal; `refuse` expects one and checks that nothing changed.
 */
export class Run {
  snapshot: ProposalSnapshot;
  effects: Effect[];
  now: number;

  constructor(init: ProposalInput = input()) {
    const [snapshot, actions] = initialTransition(proposalMachine, init);
    this.snapshot = snapshot;
    this.effects = toEffects(actions);
    this.now = Date.parse(init.createdAt);
  }

  get state(): string {
    return stateOf(this.snapshot);
  }

  get context() {
    return this.snapshot.context;
  }

  advanceDays(days: number): this {
    this.now += days * DAY;
    return this;
  }

  event(body: Body, actor: Actor, at = new Date(this.now).toISOString()): ProposalEvent {
    return { ...body, actor, at } as ProposalEvent;
  }

  send(body: Body, actor: Actor, at?: string): Effect[] {
    const event = this.event(body, actor, at);
    const verdict = checkEvent(this.snapshot, event);
    if (!verdict.ok) throw new Error(`${event.type} refused in ${this.state}: ${verdict.code} ${verdict.message}`);
    const [next, actions] = transition(proposalMachine, this.snapshot, event);
    if (next === this.snapshot) throw new Error(`${event.type} passed checkEvent but changed nothing`);
    this.snapshot = next;
    this.effects = toEffects(actions);
    return this.effects;
  }

  /** Sends an event that must be refused; returns the code after checking the machine ignores it too. */
  refuse(body: Body, actor: Actor, at?: string): string {
    const event = this.event(body, actor, at);
    const verdict = checkEvent(this.snapshot, event);
    if (verdict.ok) throw new Error(`${event.type} was accepted in ${this.state}`);
    const [next] = transition(proposalMachine, this.snapshot, event);
    if (JSON.stringify(next.context) !== JSON.stringify(this.snapshot.context) || stateOf(next) !== this.state) {
      throw new Error(`${event.type} was refused (${verdict.code}) but the machine changed`);
    }
    return verdict.code;
  }

  deadline(kind: DeadlineKind, unitId?: string) {
    const d = this.context.deadlines.find((x) => x.kind === kind && (unitId === undefined || x.unitId === unitId));
    if (!d) throw new Error(`no open ${kind} deadline in ${this.state}`);
    return d;
  }

  /** Fires a timer of an open deadline at the time it is scheduled for. */
  fire(
    kind: DeadlineKind,
    type: "deadline.remind" | "deadline.due" | "deadline.escalate" = "deadline.due",
    level?: number,
    unitId?: string,
  ) {
    const d = this.deadline(kind, unitId);
    const at =
      type === "deadline.due"
        ? d.dueAt
        : type === "deadline.escalate"
          ? (d.escalations.find((e) => e.level === level)?.at ?? d.dueAt)
          : (d.reminders[0]?.at ?? d.dueAt);
    this.now = Math.max(this.now, Date.parse(at));
    const body: Body =
      type === "deadline.escalate"
        ? { type, deadlineId: d.deadlineId, level: level ?? 1 }
        : { type, deadlineId: d.deadlineId };
    return this.send(body, TIMER_ACTOR, at);
  }

  // Common steps, so scenarios read as the path they walk.
  submitAndRegister(key = false): this {
    this.send({ type: "submit" }, lead);
    this.advanceDays(2).send({ type: "review.register", category: "livelihood", key }, staff);
    return this;
  }

  assignSole(unitId = "u-civil"): this {
    this.advanceDays(1).send({ type: "assign", mode: "sole", units: [{ unitId, role: "lead" }] }, staff);
    this.advanceDays(1).send({ type: "unit.acknowledge" }, unit(unitId));
    return this;
  }

  /** A lead unit with co-handling units (主办 + 会办); handling starts once they acknowledge or the window closes. */
  assignLeadCo(leadUnit: string, coUnits: string[]): this {
    const units = [
      { unitId: leadUnit, role: "lead" as const },
      ...coUnits.map((unitId) => ({ unitId, role: "co" as const })),
    ];
    this.advanceDays(1).send({ type: "assign", mode: "lead-co", units }, staff);
    return this;
  }

  /** Separate handling (分办) of `unitIds`; handling starts when the objection window closes. */
  assignSeparately(unitIds: string[]): this {
    this.advanceDays(1).send(
      { type: "assign", mode: "separate", units: unitIds.map((unitId) => ({ unitId, role: "separate" as const })) },
      staff,
    );
    this.fire("objection");
    return this;
  }

  contactAndReply(unitId: string, classification: "A" | "B" | "C" = "A"): this {
    this.advanceDays(3).send(
      { type: "handle.contact", channel: "meeting", contactedAt: new Date(this.now).toISOString(), summary: "met" },
      unit(unitId),
    );
    return this.reply(unitId, classification);
  }

  reply(unitId: string, classification: "A" | "B" | "C" = "A"): this {
    this.advanceDays(20).send(
      { type: "handle.reply", classification, text: "answers each suggestion", signedOffBy: "head" },
      unit(unitId),
    );
    return this;
  }
}

export const effectTypes = (effects: Effect[]) => effects.map((e) => e.type);
export const opened = (effects: Effect[]) => effects.flatMap((e) => (e.type === "deadline.open" ? [e.params] : []));
export const closed = (effects: Effect[]) => effects.flatMap((e) => (e.type === "deadline.close" ? [e.params] : []));
