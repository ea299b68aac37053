import {
  addDuration,
  calendarOf,
  type DeadlineKind,
  endOfLocalDate,
  type Instant,
  type LocalDate,
  scaleInstant,
  scheduleDeadline,
} from "@huiyin/domain";
import type { OpenDeadline, Part, ProposalContext } from "./context.ts";
import { deadlineRuleFor } from "./deadline-rule.ts";
import type {
  DeadlineCloseParams,
  Effect,
  EventSendParams,
  NotifyParams,
  Recipient,
  WebhookParams,
} from "./effects.ts";

export interface Outcome {
  context: ProposalContext;
  effects: Effect[];
}

/**
 * Collects one step's new context and its effects. Steps read like the rules ("close the reply deadline, open
 * the check deadline, tell staff") while staying pure: nothing is mutated, `done()` hands back the result.
 */
export class Change {
  private readonly effects: Effect[] = [];
  constructor(public ctx: ProposalContext) {}

  set(patch: Partial<ProposalContext>): this {
    this.ctx = { ...this.ctx, ...patch };
    return this;
  }

  updatePart(unitId: string, patch: (part: Part) => Partial<Part>): this {
    return this.set({ parts: this.ctx.parts.map((p) => (p.unitId === unitId ? { ...p, ...patch(p) } : p)) });
  }

  /** Opens a deadline of `kind` starting at `origin`; `dueAt` (policy time) overrides the rule's duration. */
  openDeadline(
    kind: DeadlineKind,
    origin: Instant,
    now: Instant,
    opts: { unitId?: string; owners: Recipient[]; dueAt?: Instant },
  ): OpenDeadline {
    const seq = this.ctx.deadlineSeq + 1;
    const deadlineId = `dl${seq}-${kind}`;
    // A reply is due by the duration of its kind of proposal: plenary or interim (`replyDurations`).
    const rule = deadlineRuleFor(this.ctx, this.ctx.policy, kind);
    const schedule = scheduleDeadline(rule, origin, this.ctx.policy, {
      ...(opts.dueAt === undefined ? {} : { dueAt: opts.dueAt }),
      notBefore: now,
    });
    const params = {
      deadlineId,
      kind,
      ...schedule,
      ...(opts.unitId === undefined ? {} : { unitId: opts.unitId }),
      owners: opts.owners,
    };
    const open: OpenDeadline = {
      ...params,
      openedAt: new Date(now).toISOString(),
      origin: new Date(origin).toISOString(),
      ...(opts.dueAt === undefined ? {} : { fixedDue: new Date(opts.dueAt).toISOString() }),
      overdue: false,
      escalatedLevel: 0,
    };
    this.set({ deadlineSeq: seq, deadlines: [...this.ctx.deadlines, open] });
    this.effects.push({ type: "deadline.open", params });
    return open;
  }

  /** Closes every open deadline that matches: all of `kinds` (all kinds when omitted), for `unitId` if given. */
  closeDeadlines(reason: DeadlineCloseParams["reason"], match: { kinds?: DeadlineKind[]; unitId?: string } = {}): this {
    const hit = (d: OpenDeadline) =>
      (match.kinds === undefined || match.kinds.includes(d.kind)) &&
      (match.unitId === undefined || d.unitId === match.unitId);
    for (const d of this.ctx.deadlines.filter(hit)) {
      this.effects.push({
        type: "deadline.close",
        params: {
          deadlineId: d.deadlineId,
          kind: d.kind,
          ...(d.unitId === undefined ? {} : { unitId: d.unitId }),
          reason,
        },
      });
    }
    return this.set({ deadlines: this.ctx.deadlines.filter((d) => !hit(d)) });
  }

  /** Closes one open deadline by its id (a deadline a calendar change moves: superseded by its new self). */
  closeDeadline(deadlineId: string, reason: DeadlineCloseParams["reason"]): this {
    const d = this.ctx.deadlines.find((x) => x.deadlineId === deadlineId);
    if (!d) return this;
    this.effects.push({
      type: "deadline.close",
      params: { deadlineId, kind: d.kind, ...(d.unitId === undefined ? {} : { unitId: d.unitId }), reason },
    });
    return this.set({ deadlines: this.ctx.deadlines.filter((x) => x.deadlineId !== deadlineId) });
  }

  updateDeadline(deadlineId: string, patch: Partial<OpenDeadline>): this {
    return this.set({
      deadlines: this.ctx.deadlines.map((d) => (d.deadlineId === deadlineId ? { ...d, ...patch } : d)),
    });
  }

  notify(params: NotifyParams): this {
    this.effects.push({ type: "notify", params });
    return this;
  }

  webhook(params: WebhookParams): this {
    this.effects.push({ type: "webhook.emit", params });
    return this;
  }

  /** An event for another proposal, queued by the engine with this step's other effects. */
  send(params: EventSendParams): this {
    this.effects.push({ type: "event.send", params });
    return this;
  }

  done(at?: string): Outcome {
    return { context: at === undefined ? this.ctx : { ...this.ctx, updatedAt: at }, effects: this.effects };
  }
}

// Policy-time helpers shared by the steps and the rules, so a guard and the step it guards compute alike.

/** The reply due time of a local date, time-scaled from the assignment like every other handling deadline. */
export function replyDueFromDate(ctx: ProposalContext, assignedAt: string, date: LocalDate): string {
  const calendar = calendarOf(ctx.policy);
  return scaleInstant(assignedAt, endOfLocalDate(date, calendar), ctx.policy.timeScale).toISOString();
}

/** The latest instant a reply may be due: the extension cap counted from assignment, time-scaled. */
export function extensionCapDue(ctx: ProposalContext, assignedAt: string): string {
  const cap = addDuration(assignedAt, ctx.policy.extensionCap, calendarOf(ctx.policy));
  return scaleInstant(assignedAt, cap, ctx.policy.timeScale).toISOString();
}

export const leadProposer = (ctx: ProposalContext): Recipient => ({ role: "proposer", id: ctx.proposers[0]?.id ?? "" });
/**
 * Every proposer of a (joint, 联名) proposal, and those of the proposals merged into it (并案): what the committee
 * tells the proposers reaches each of them.
 */
export const allProposers = (ctx: ProposalContext): Recipient[] =>
  raters(ctx).map((id): Recipient => ({ role: "proposer", id }));

/** The ids of the proposers and of the linked proposers of merged proposals: those who rate the reply. */
export const raters = (ctx: ProposalContext): string[] => [
  ...ctx.proposers.map((p) => p.id),
  ...(ctx.linkedProposers ?? []).map((p) => p.id),
];
export const unitRecipient = (unitId: string): Recipient => ({ role: "unit", unitId });
export const STAFF: Recipient = { role: "staff" };
