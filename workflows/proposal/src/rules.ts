import {
  type Actor,
  assignmentProblem,
  checkContent,
  type ProposalEvent,
  type ProposalEventOf,
  type ProposalEventType,
  QUEUE_ACTOR,
  type Refusal,
  type Role,
  refusal,
} from "@huiyin/domain";
import { coOpinionsPending, lookbackProblem } from "./after-reply.ts";
import { extensionCapDue, raters, replyDueFromDate } from "./change.ts";
import type { Part, ProposalContext } from "./context.ts";
import { currentRatings, ratedUnits } from "./evaluation.ts";
import { plannedCorrections } from "./recompute.ts";

/**
 * Who may send an event and what must hold for it, as data. The machine's `permitted` guard and the
 * `checkEvent` / `allowedEvents` helpers both read this table, so a refusal always says the same thing the
 * machine enforces. Which *state* accepts an event is the machine's business, not this table's.
 */
export interface Rule<T extends ProposalEventType> {
  roles: readonly Role[];
  /** Checks that need only who acts and when (used by `allowedEvents`, which has no payload). */
  actor?: (ctx: ProposalContext, actor: Actor, at: string | undefined) => Refusal | undefined;
  /** Checks of the payload. */
  payload?: (ctx: ProposalContext, event: ProposalEventOf<T>) => Refusal | undefined;
}

const PROPOSER = ["proposer"] as const;
const STAFF = ["staff"] as const;
const UNIT = ["unit"] as const;
const SYSTEM = ["system"] as const;

const leadProposer = (ctx: ProposalContext, actor: Actor) =>
  ctx.proposers[0]?.id === actor.id ? undefined : refusal("NOT_A_PARTY", "only the lead proposer may do this");

const partOf = (ctx: ProposalContext, actor: Actor): Part | undefined =>
  ctx.parts.find((p) => p.unitId === actor.unitId);

const assignedUnit = (ctx: ProposalContext, actor: Actor) =>
  ctx.assignment?.units.some((u) => u.unitId === actor.unitId)
    ? undefined
    : refusal("NOT_A_PARTY", "the unit is not assigned to this proposal");

/** A handling unit (sole, lead or separate) that still owes its reply. */
const handlingUnit = (ctx: ProposalContext, actor: Actor) => {
  const part = partOf(ctx, actor);
  if (!part) return refusal("NOT_A_PARTY", "the unit does not handle this proposal (co-units send opinions)");
  if (part.status === "replied" || part.status === "accepted") {
    return refusal("ALREADY_REPLIED", "the unit has replied; staff are checking or have accepted the reply");
  }
  return undefined;
};

/** A leader acts on the key proposals they lead and on the proposals of the units they supervise (督办). */
const leaderInScope = (ctx: ProposalContext, actor: Actor, what: string) =>
  actor.role === "leader" &&
  ctx.key?.leaderId !== actor.id &&
  !ctx.parts.some((part) => actor.supervisedUnitIds?.includes(part.unitId))
    ? refusal("NOT_A_PARTY", `a leader ${what} the key proposals they lead or of the units they supervise`)
    : undefined;

/**
 * Whether `unitId` may still object: within the assignment's window, or, for a unit added after handling started,
 * within its own window from when it was added (and once: then staff decide).
 */
const objectionWindow = (ctx: ProposalContext, unitId: string | undefined, at: string | undefined) => {
  const joined = ctx.assignment?.joined?.find((j) => j.unitId === unitId);
  if (joined && ctx.objections.some((o) => o.unitId === unitId && Date.parse(o.at) >= Date.parse(joined.at))) {
    return refusal("ALREADY_OBJECTED", "the unit has objected to this assignment; the committee office decides");
  }
  const due = joined?.objectionDueAt ?? ctx.assignment?.objectionDueAt;
  // At the due instant the window's timer has fired: handling started, silence was acceptance.
  return at !== undefined && due !== undefined && Date.parse(at) >= Date.parse(due)
    ? refusal("OBJECTION_WINDOW_CLOSED", `objections were due by ${due}`)
    : undefined;
};

const unknownUnit = (ctx: ProposalContext, unitIds: readonly string[]) => {
  const unknown = unitIds.filter((u) => !ctx.parts.some((p) => p.unitId === u));
  return unknown.length > 0 ? refusal("UNKNOWN_UNIT", `no handling part for: ${unknown.join(", ")}`) : undefined;
};

/** The parts an optional `unitId` addresses: that one, or all. */
export const targetParts = (ctx: ProposalContext, unitId: string | undefined): Part[] =>
  ctx.parts.filter((p) => unitId === undefined || p.unitId === unitId);

const content = (ctx: ProposalContext, c = ctx.content) => checkContent(c, ctx.policy.titleMaxLength);

const openDeadline = (ctx: ProposalContext, deadlineId: string) =>
  ctx.deadlines.find((d) => d.deadlineId === deadlineId);

const staleUnlessOpen = (ctx: ProposalContext, event: { deadlineId: string }) =>
  openDeadline(ctx, event.deadlineId)
    ? undefined
    : refusal("STALE_DEADLINE", `deadline ${event.deadlineId} is not open: the proposal has moved on`);

/** Whether the rehandle limit allows another round. */
export const canRehandle = (ctx: ProposalContext) => ctx.rehandles < ctx.policy.rehandleLimit;

type Rules = { [T in ProposalEventType]: Rule<T> };

export const RULES: Rules = {
  submit: { roles: PROPOSER, actor: leadProposer, payload: (ctx, e) => content(ctx, e.content) },
  withdraw: { roles: PROPOSER, actor: leadProposer },
  "review.register": { roles: STAFF },
  "review.reject": { roles: STAFF },
  "review.convert": { roles: STAFF },
  "review.merge": {
    roles: STAFF,
    payload: (ctx, e) => {
      if (e.intoId === ctx.id) return refusal("MERGE_INTO_SELF", "a proposal cannot be merged into itself");
      if (!e.intoRegistered) return refusal("MERGE_TARGET_NOT_REGISTERED", `${e.intoId} is not a registered proposal`);
      return undefined;
    },
  },
  "review.return": { roles: STAFF },
  resubmit: { roles: PROPOSER, actor: leadProposer, payload: (ctx, e) => content(ctx, e.content) },
  assign: {
    roles: STAFF,
    payload: (ctx, e) => {
      const problem = assignmentProblem(e.mode, e.units);
      if (problem) return refusal("ASSIGNMENT_INVALID", problem);
      if (e.replyDueDate !== undefined) {
        const due = replyDueFromDate(ctx, e.at, e.replyDueDate);
        if (Date.parse(due) <= Date.parse(e.at)) return refusal("ASSIGNMENT_INVALID", "the reply due date has passed");
        if (due > extensionCapDue(ctx, e.at)) {
          return refusal("EXTENSION_CAP_EXCEEDED", "the reply due date is beyond the policy's cap");
        }
      }
      return undefined;
    },
  },
  "unit.acknowledge": {
    roles: UNIT,
    actor: (ctx, actor) =>
      assignedUnit(ctx, actor) ??
      (ctx.assignment?.acknowledged.includes(actor.unitId ?? "")
        ? refusal("ALREADY_ACKNOWLEDGED", "the unit has acknowledged this assignment")
        : undefined),
  },
  "unit.object": {
    roles: UNIT,
    actor: (ctx, actor, at) =>
      assignedUnit(ctx, actor) ??
      (ctx.assignment?.acknowledged.includes(actor.unitId ?? "")
        ? refusal("ALREADY_ACKNOWLEDGED", "the unit accepted the assignment and can no longer object")
        : objectionWindow(ctx, actor.unitId, at)),
  },
  "key.designate": { roles: STAFF },
  "handle.contact": { roles: UNIT, actor: handlingUnit },
  "handle.coOpinion": {
    roles: UNIT,
    actor: (ctx, actor) => {
      if (!ctx.assignment?.units.some((u) => u.unitId === actor.unitId && u.role === "co")) {
        return refusal("NOT_A_CO_UNIT", "only a co-handling unit (会办) sends an opinion to the lead unit");
      }
      return ctx.coOpinions.some((o) => o.unitId === actor.unitId)
        ? refusal("CO_OPINION_ALREADY_GIVEN", "the unit has sent its opinion")
        : undefined;
    },
  },
  "handle.requestExtension": {
    roles: UNIT,
    actor: (ctx, actor) => {
      const problem = handlingUnit(ctx, actor);
      const part = partOf(ctx, actor);
      if (problem || !part) return problem;
      if (part.round !== "reply") {
        return refusal("EXTENSION_NOT_APPLICABLE", "extensions apply to the reply deadline, not re-handling");
      }
      return part.pendingExtension ? refusal("EXTENSION_PENDING", "an extension request is awaiting staff") : undefined;
    },
    payload: (ctx, e) => {
      const part = partOf(ctx, e.actor);
      if (!part || !ctx.assignment) return undefined;
      const due = replyDueFromDate(ctx, ctx.assignment.assignedAt, e.newDueDate);
      if (Date.parse(due) <= Date.parse(part.dueAt)) {
        return refusal("EXTENSION_NOT_LATER", `the reply is already due by ${part.dueAt}`);
      }
      return Date.parse(due) > Date.parse(extensionCapDue(ctx, ctx.assignment.assignedAt))
        ? refusal("EXTENSION_CAP_EXCEEDED", "extensions may not take the reply past the policy's cap from assignment")
        : undefined;
    },
  },
  "extension.approve": { roles: STAFF, payload: (ctx, e) => pendingExtension(ctx, e.unitId) },
  "extension.deny": { roles: STAFF, payload: (ctx, e) => pendingExtension(ctx, e.unitId) },
  "handle.reply": {
    roles: UNIT,
    actor: (ctx, actor, at) =>
      handlingUnit(ctx, actor) ??
      (partOf(ctx, actor)?.contacts === 0
        ? refusal("CONTACT_REQUIRED", "contact the proposer before replying (办前沟通)")
        : coOpinionsPending(ctx, at)),
  },
  "supervise.record": {
    roles: ["staff", "leader"],
    actor: (ctx, actor) => leaderInScope(ctx, actor, "records supervision of"),
  },
  "supervise.acceptReply": { roles: STAFF, payload: (ctx, e) => replyToCheck(ctx, e.unitId) },
  "supervise.returnReply": { roles: STAFF, payload: (ctx, e) => replyToCheck(ctx, e.unitId) },
  evaluate: {
    roles: PROPOSER,
    // Every proposer of a joint proposal (联名) rates, once per evaluation window.
    actor: (ctx, actor) => {
      if (!raters(ctx).includes(actor.id)) {
        return refusal("NOT_A_PARTY", "only a proposer of this proposal (or of one merged into it) may evaluate it");
      }
      return currentRatings(ctx).some((r) => r.proposerId === actor.id)
        ? refusal("ALREADY_EVALUATED", "the proposer has rated this reply")
        : undefined;
    },
    payload: (ctx, e) => {
      if (e.unitIds) {
        const problem = unknownUnit(ctx, e.unitIds);
        if (problem) return problem;
      }
      if (e.units) {
        const unknown = e.units.filter((u) => !ratedUnits(ctx).includes(u.unitId)).map((u) => u.unitId);
        if (unknown.length > 0) return refusal("UNKNOWN_UNIT", `not a handling unit: ${unknown.join(", ")}`);
      }
      return e.result === "unsatisfied" && e.rehandle === true && !canRehandle(ctx)
        ? refusal("REHANDLE_LIMIT_REACHED", `re-handling is limited to ${ctx.policy.rehandleLimit} time(s)`)
        : undefined;
    },
  },
  "supervise.reclassify": {
    roles: STAFF,
    payload: (ctx, e) => {
      if (e.unitId !== undefined) {
        const problem = unknownUnit(ctx, [e.unitId]);
        if (problem) return problem;
      }
      const accepted = targetParts(ctx, e.unitId).filter((p) => p.status === "accepted" && p.reply);
      if (accepted.length === 0) return refusal("NO_ACCEPTED_REPLY", "only an accepted reply can be reclassified");
      return accepted.every((p) => p.reply?.classification === e.classification)
        ? refusal("SAME_CLASSIFICATION", `the reply is already graded ${e.classification}`)
        : undefined;
    },
  },
  "followup.report": {
    roles: UNIT,
    actor: (ctx, actor) =>
      partOf(ctx, actor)?.tracking === "open"
        ? undefined
        : refusal("NOT_TRACKED", "the unit has no B reply being tracked"),
  },
  "tracking.close": {
    roles: STAFF,
    payload: (ctx, e) =>
      (e.unitId === undefined ? undefined : unknownUnit(ctx, [e.unitId])) ??
      (targetParts(ctx, e.unitId).some((p) => p.tracking === "open")
        ? undefined
        : refusal("NOT_TRACKED", "no B reply is being tracked there")),
  },
  "handle.reassign": {
    roles: STAFF,
    payload: (ctx, e) => {
      const a = ctx.assignment;
      if (!a) return refusal("ASSIGNMENT_INVALID", "the proposal has no assignment to change");
      const remove = e.remove ?? [];
      const add = e.add ?? [];
      const unknown = remove.filter((u) => !a.units.some((x) => x.unitId === u));
      if (unknown.length > 0) return refusal("UNKNOWN_UNIT", `not an assigned unit: ${unknown.join(", ")}`);
      if (add.some((u) => remove.includes(u.unitId))) {
        return refusal("ASSIGNMENT_INVALID", "a unit is both added and removed");
      }
      const units = [...a.units.filter((u) => !remove.includes(u.unitId)), ...add];
      const problem = assignmentProblem(a.mode, units);
      return problem ? refusal("ASSIGNMENT_INVALID", problem) : undefined;
    },
  },
  "consultation.arrange": { roles: ["staff", "unit"], actor: (ctx, actor) => unitIfUnit(ctx, actor) },
  "consultation.record": { roles: ["staff", "unit"], actor: (ctx, actor) => unitIfUnit(ctx, actor) },
  "lookback.open": {
    roles: ["staff", "leader"],
    actor: (ctx, actor) => leaderInScope(ctx, actor, "reviews") ?? lookbackProblem(ctx, "open"),
  },
  "lookback.record": {
    roles: ["staff", "leader"],
    actor: (ctx, actor) => leaderInScope(ctx, actor, "reviews") ?? lookbackProblem(ctx, "record"),
    payload: (ctx, e) => {
      if (e.unitId === undefined) return undefined;
      if (!ctx.assignment?.units.some((u) => u.unitId === e.unitId)) {
        return refusal("UNKNOWN_UNIT", `${e.unitId} did not handle this proposal`);
      }
      const pending = lookbackProblem(ctx, "request", e.unitId);
      if (pending) return pending;
      return e.dueDate !== undefined && Date.parse(replyDueFromDate(ctx, e.at, e.dueDate)) <= Date.parse(e.at)
        ? refusal("DUE_DATE_PASSED", `the report's due date ${e.dueDate} has passed`)
        : undefined;
    },
  },
  "merge.link": {
    roles: SYSTEM,
    // Queued by the engine (its outbox), never a timer's.
    actor: (_ctx, actor) =>
      actor.id === QUEUE_ACTOR.id ? undefined : refusal("NOT_A_PARTY", "a merge link is queued by the engine"),
    payload: (ctx, e) =>
      e.fromId === ctx.id ? refusal("MERGE_INTO_SELF", "a proposal is not merged into itself") : undefined,
  },
  "lookback.report": { roles: UNIT, actor: (ctx, actor) => lookbackProblem(ctx, "report", actor.unitId) },
  "deadline.remind": { roles: SYSTEM, payload: staleUnlessOpen },
  "deadlines.recomputed": {
    roles: SYSTEM,
    payload: (ctx, e) => {
      if (e.calendar.calendarId !== ctx.policy.calendarId) {
        return refusal(
          "CALENDAR_MISMATCH",
          `the proposal counts on ${ctx.policy.calendarId}, not ${e.calendar.calendarId}`,
        );
      }
      const current = ctx.policy.calendarAdditions?.version;
      if (current !== undefined && Number(current) >= Number(e.calendar.version)) {
        return refusal("CALENDAR_MISMATCH", `the proposal counts on calendar version ${current} already`);
      }
      const planned = plannedCorrections(ctx, e.calendar, e.at);
      const key = (c: { deadlineId: string; oldDueAt: string; newDueAt: string }) =>
        `${c.deadlineId} ${c.oldDueAt} ${c.newDueAt}`;
      const same =
        planned.length === e.corrections.length &&
        planned.every((c, i) => key(c) === key(e.corrections[i] ?? c) && e.corrections[i] !== undefined);
      return same
        ? undefined
        : refusal(
            "CORRECTIONS_CHANGED",
            "the deadlines have changed since the corrections were computed; compute them again",
          );
    },
  },
  "deadline.due": {
    roles: SYSTEM,
    payload: (ctx, e) =>
      staleUnlessOpen(ctx, e) ??
      (openDeadline(ctx, e.deadlineId)?.overdue
        ? refusal("STALE_DEADLINE", "the due time was already recorded")
        : undefined),
  },
  "deadline.escalate": {
    roles: SYSTEM,
    payload: (ctx, e) => {
      const d = openDeadline(ctx, e.deadlineId);
      if (!d) return staleUnlessOpen(ctx, e);
      if (!d.escalations.some((x) => x.level === e.level)) {
        return refusal("STALE_DEADLINE", `deadline ${e.deadlineId} has no escalation level ${e.level}`);
      }
      return d.escalatedLevel >= e.level
        ? refusal("STALE_DEADLINE", `level ${e.level} was already escalated`)
        : undefined;
    },
  },
};

/** A unit takes part only in a proposal it is assigned to; staff always may. */
function unitIfUnit(ctx: ProposalContext, actor: Actor): Refusal | undefined {
  return actor.role === "unit" ? assignedUnit(ctx, actor) : undefined;
}

function pendingExtension(ctx: ProposalContext, unitId: string | undefined): Refusal | undefined {
  return (
    (unitId === undefined ? undefined : unknownUnit(ctx, [unitId])) ??
    (targetParts(ctx, unitId).some((p) => p.pendingExtension)
      ? undefined
      : refusal("NO_PENDING_EXTENSION", "there is no extension request to decide"))
  );
}

function replyToCheck(ctx: ProposalContext, unitId: string | undefined): Refusal | undefined {
  return (
    (unitId === undefined ? undefined : unknownUnit(ctx, [unitId])) ??
    (targetParts(ctx, unitId).some((p) => p.status === "replied")
      ? undefined
      : refusal("NO_REPLY_TO_CHECK", "there is no reply awaiting the staff check"))
  );
}

function ruleOf<T extends ProposalEventType>(type: T): Rule<T> | undefined {
  return RULES[type];
}

/** Role and actor checks only: what `allowedEvents` can know without a payload. */
export function actorRefusal(
  ctx: ProposalContext,
  type: ProposalEventType,
  actor: Actor,
  at: string | undefined,
): Refusal | undefined {
  const rule = ruleOf(type);
  if (!rule) return refusal("INVALID_EVENT", `unknown event type ${type}`);
  if (!rule.roles.includes(actor.role)) {
    return refusal("ROLE_NOT_ALLOWED", `${type} may be sent by: ${rule.roles.join(", ")}`);
  }
  if (actor.role === "unit" && !actor.unitId) return refusal("NOT_A_PARTY", "a unit actor must name its unit");
  return rule.actor?.(ctx, actor, at);
}

/** Every rule for an event, in order: role, actor, payload. `undefined` means the rules allow it. */
export function ruleRefusal(ctx: ProposalContext, event: ProposalEvent): Refusal | undefined {
  const byActor = actorRefusal(ctx, event.type, event.actor, event.at);
  if (byActor) return byActor;
  const payload = ruleOf(event.type)?.payload as
    | ((c: ProposalContext, e: ProposalEvent) => Refusal | undefined)
    | undefined;
  return payload?.(ctx, event);
}
