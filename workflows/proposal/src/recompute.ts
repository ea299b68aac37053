import {
  type CalendarAdditions,
  type DeadlineCorrection,
  type Policy,
  type ProposalEventOf,
  scheduleDeadline,
} from "@huiyin/domain";
import { Change, type Outcome } from "./change.ts";
import type { OpenDeadline, ProposalContext } from "./context.ts";
import { deadlineRuleFor } from "./deadline-rule.ts";

/**
 * A calendar change (an official year loaded, local days off changed) applied to a running proposal: which of its
 * open deadlines move, and the step that moves them. Pure; the same function gives the dry run of
 * `PUT /v1/calendar/years/:year?dryRun=true`, the corrections the sender puts in the event, and what the machine does.
 *
 * A deadline moves when its schedule, counted again from what it was counted from (`origin`, `fixedDue`) on the new
 * calendar, differs: its due time, an escalation level or a reminder still to come. Only deadlines not yet due are
 * moved: one that fell due has rung, been recorded and perhaps escalated, and a new due time cannot undo that.
 */
export function plannedCorrections(
  ctx: ProposalContext,
  calendar: CalendarAdditions,
  at: string,
): DeadlineCorrection[] {
  if (calendar.calendarId !== ctx.policy.calendarId) return [];
  const policy: Policy = { ...ctx.policy, calendarAdditions: calendar };
  const corrections: DeadlineCorrection[] = [];
  for (const deadline of ctx.deadlines) {
    if (deadline.overdue || Date.parse(deadline.dueAt) <= Date.parse(at)) continue;
    const basis = basisOf(ctx, deadline);
    if (!basis) continue;
    const next = scheduleDeadline(deadlineRuleFor(ctx, policy, deadline.kind), basis.origin, policy, {
      ...(basis.fixedDue === undefined ? {} : { dueAt: basis.fixedDue }),
      notBefore: at,
    });
    const upcoming = deadline.reminders.filter((r) => Date.parse(r.at) > Date.parse(at)).map((r) => r.at);
    const same =
      next.dueAt === deadline.dueAt &&
      sameList(
        next.escalations.map((e) => e.at),
        deadline.escalations.map((e) => e.at),
      ) &&
      sameList(
        next.reminders.map((r) => r.at),
        upcoming,
      );
    if (same) continue;
    corrections.push({
      deadlineId: deadline.deadlineId,
      kind: deadline.kind,
      ...(deadline.unitId === undefined ? {} : { unitId: deadline.unitId }),
      oldDueAt: deadline.dueAt,
      newDueAt: next.dueAt,
    });
  }
  return corrections;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * What a deadline was counted from. Deadlines opened since machine version 1.2.0 record it; for older ones it is
 * read back from the context the way the steps opened them (handling deadlines run from the assignment, a reply
 * date given at assignment or by an extension is fixed, every other deadline runs from when it opened). A fixed date
 * of an older deadline under a time-scaled policy cannot be read back: such a deadline is left as it is.
 */
function basisOf(ctx: ProposalContext, d: OpenDeadline): { origin: string; fixedDue?: string } | undefined {
  if (d.origin !== undefined)
    return { origin: d.origin, ...(d.fixedDue === undefined ? {} : { fixedDue: d.fixedDue }) };
  const assignedAt = ctx.assignment?.assignedAt;
  const handling = d.kind === "firstContact" || d.kind === "reply" || d.kind === "coOpinion";
  const origin = handling && assignedAt ? assignedAt : d.openedAt;
  const part = ctx.parts.find((p) => p.unitId === d.unitId);
  const fixed = d.kind === "reply" && (ctx.assignment?.replyDueDate !== undefined || (part?.extensions ?? 0) > 0);
  if (!fixed) return { origin };
  return ctx.policy.timeScale === 1 ? { origin, fixedDue: d.dueAt } : undefined;
}

/**
 * The step of `deadlines.recomputed`: the proposal adopts the calendar, and each deadline of the corrections is
 * closed (superseded) and opened again, under a new id, on the new calendar; the part's or the objection window's
 * due time follows. The rules have checked that the event's corrections are the ones this computes.
 */
export function recomputeDeadlines(ctx: ProposalContext, event: ProposalEventOf<"deadlines.recomputed">): Outcome {
  const c = new Change(ctx);
  c.set({ policy: { ...ctx.policy, calendarAdditions: event.calendar } });
  for (const correction of plannedCorrections(ctx, event.calendar, event.at)) {
    const old = ctx.deadlines.find((d) => d.deadlineId === correction.deadlineId);
    if (!old) continue;
    const basis = basisOf(ctx, old);
    if (!basis) continue;
    c.closeDeadline(old.deadlineId, "superseded");
    const moved = c.openDeadline(old.kind, basis.origin, event.at, {
      ...(old.unitId === undefined ? {} : { unitId: old.unitId }),
      owners: old.owners,
      ...(basis.fixedDue === undefined ? {} : { dueAt: basis.fixedDue }),
    });
    if (old.kind === "reply" || old.kind === "rehandle") {
      c.updatePart(old.unitId ?? "", (p) => (p.dueAt === old.dueAt ? { dueAt: moved.dueAt } : {}));
    }
    if (old.kind === "objection" && c.ctx.assignment) {
      c.set({ assignment: { ...c.ctx.assignment, objectionDueAt: moved.dueAt } });
    }
  }
  return c.done(event.at);
}
