import {
  calendarOf,
  deadlineRuleOf,
  endOfLocalDate,
  type ProposalEvent,
  type ProposalEventOf,
  type ProposalEventType,
  scheduleDeadline,
} from "@huiyin/domain";
import { currentLookback, unsatisfiedResults } from "./after-reply.ts";
import { allProposers, Change, leadProposer, type Outcome, raters, STAFF, unitRecipient } from "./change.ts";
import type { ClosureReason, Part, ProposalContext } from "./context.ts";
import type { Recipient } from "./effects.ts";
import { currentRatings, type Decision, decide, decisionOn, outcomeOf, ratingOf } from "./evaluation.ts";
import { recomputeDeadlines } from "./recompute.ts";
import { targetParts } from "./rules.ts";

/**
 * What each accepted event does to the context, and the effects it declares. Pure functions: the machine runs
 * them through one `apply` action after its guards have checked the rules.
 */
type Step<T extends ProposalEventType = ProposalEventType> = (
  ctx: ProposalContext,
  event: ProposalEventOf<T>,
) => Outcome;

function step<T extends ProposalEventType>(type: T, body: (c: Change, e: ProposalEventOf<T>) => void): Step {
  return (ctx, event) => {
    const c = new Change(ctx);
    // The machine only routes matching events here; the check keeps a wrong wiring from corrupting the context.
    if (event.type === type) body(c, event as ProposalEventOf<T>);
    return c.done(event.at);
  };
}

/** Steps that react to any event (entries, exits, timers): they only need `at`. */
function anyStep(body: (c: Change, e: ProposalEvent) => void): Step {
  return (ctx, event) => {
    const c = new Change(ctx);
    body(c, event);
    return c.done(event.at);
  };
}

/** Who a deadline's escalation level goes to: the role, bound to the deadline's unit or the key leader. */
function escalationRecipient(ctx: ProposalContext, role: Recipient["role"], unitId: string | undefined): Recipient {
  if (role === "supervising-leader" && ctx.key?.leaderId) return { role, id: ctx.key.leaderId };
  if ((role === "unit-head" || role === "co-unit-head") && unitId) return { role, unitId };
  return { role };
}

/** Opens the handling deadlines when handling starts: first contact and reply per part, opinion per co-unit. */
const startHandling = anyStep((c, e) => {
  const a = c.ctx.assignment;
  if (!a) return;
  const override = a.replyDueDate === undefined ? {} : { dueAt: calendarDue(c.ctx, a.replyDueDate) };
  for (const part of c.ctx.parts) {
    const owners = [unitRecipient(part.unitId)];
    c.openDeadline("firstContact", a.assignedAt, e.at, { unitId: part.unitId, owners });
    const reply = c.openDeadline("reply", a.assignedAt, e.at, { unitId: part.unitId, owners, ...override });
    c.updatePart(part.unitId, () => ({ dueAt: reply.dueAt }));
  }
  for (const co of a.units.filter((u) => u.role === "co")) {
    c.openDeadline("coOpinion", a.assignedAt, e.at, { unitId: co.unitId, owners: [unitRecipient(co.unitId)] });
  }
});

/** Puts parts back to work under the re-handling limit (after a returned reply or an unsatisfied evaluation). */
function rehandleParts(c: Change, unitIds: readonly string[], at: string, note: string) {
  for (const unitId of unitIds) {
    c.closeDeadlines("superseded", { kinds: ["check"], unitId });
    const { dueAt } = c.openDeadline("rehandle", at, at, { unitId, owners: [unitRecipient(unitId)] });
    c.updatePart(unitId, () => ({ status: "handling", round: "rehandle", dueAt }));
    c.notify({ topic: "rehandle.requested", recipients: [unitRecipient(unitId)], note });
  }
}

/**
 * The staff check is the gate (disclosure.ts): the proposers get the replies only once every part is accepted, and
 * only the accepted reply of each part (a returned one was replaced by the unit's next reply).
 */
function releaseReplies(c: Change) {
  if (c.ctx.parts.length === 0 || !c.ctx.parts.every((p) => p.status === "accepted")) return;
  const replies = c.ctx.parts.flatMap((p) =>
    p.reply ? [{ unitId: p.unitId, classification: p.reply.classification, text: p.reply.text, at: p.reply.at }] : [],
  );
  c.notify({ topic: "reply.released", recipients: allProposers(c.ctx), replies });
}

/** A handling unit's part as handling starts: before first contact, under the reply deadline. */
const newPart = (unitId: string): Part => ({
  unitId,
  status: "contacting",
  round: "reply",
  contacts: 0,
  dueAt: "",
  extensions: 0,
  replies: 0,
});

export const STEPS = {
  submit: step("submit", (c, e) => {
    c.set({
      submittedAt: e.at,
      submissions: c.ctx.submissions + 1,
      ...(e.content ? { content: e.content } : {}),
      // The session of the first submission: a proposal returned and resubmitted stays where it came in.
      ...(e.session && !c.ctx.session ? { session: e.session } : {}),
    });
    c.notify({ topic: "proposal.submitted", recipients: [STAFF] });
  }),
  withdraw: step("withdraw", (c, e) => c.set({ closure: { reason: "withdrawn", at: e.at, note: e.reason } })),
  register: step("review.register", (c, e) => {
    c.set({
      review: { outcome: "registered", at: e.at },
      content: { ...c.ctx.content, category: e.category },
      ...(e.session && !c.ctx.session ? { session: e.session } : {}),
      ...(e.number ? { number: e.number } : {}),
      ...(e.key ? { key: {} } : {}),
    });
    c.notify({ topic: "proposal.registered", recipients: allProposers(c.ctx) });
  }),
  reject: step("review.reject", (c, e) => {
    c.set({ review: { outcome: "rejected", at: e.at, note: e.reason, ...(e.ground ? { ground: e.ground } : {}) } });
    c.notify({ topic: "proposal.rejected", recipients: allProposers(c.ctx), note: e.reason });
  }),
  convert: step("review.convert", (c, e) => {
    c.set({ review: { outcome: "converted", at: e.at, note: `${e.target}: ${e.reason}` } });
    c.notify({ topic: "proposal.converted", recipients: allProposers(c.ctx), note: e.target });
  }),
  merge: step("review.merge", (c, e) => {
    c.set({ review: { outcome: "merged", at: e.at, note: e.intoId } });
    // Every proposer of a merged proposal still gets the reply: they are linked to the target, which the engine
    // tells through its outbox in this same transaction.
    c.notify({
      topic: "proposal.merged",
      recipients: allProposers(c.ctx),
      note: e.intoId,
    });
    c.send({ proposalId: e.intoId, event: { type: "merge.link", fromId: c.ctx.id, proposers: c.ctx.proposers } });
  }),
  returnForRevision: step("review.return", (c, e) => {
    c.set({ review: { outcome: "returned", at: e.at, note: e.reason } });
    c.notify({ topic: "proposal.returned", recipients: allProposers(c.ctx), note: e.reason });
  }),
  resubmit: step("resubmit", (c, e) =>
    c.set({ content: e.content, submittedAt: e.at, submissions: c.ctx.submissions + 1 }),
  ),
  assign: step("assign", (c, e) => {
    const replyDue = newPart;
    const handlers = e.units.filter((u) => u.role !== "co");
    c.set({
      assignment: {
        mode: e.mode,
        units: e.units,
        assignedAt: e.at,
        objectionDueAt: "",
        acknowledged: [],
        ...(e.replyDueDate === undefined ? {} : { replyDueDate: e.replyDueDate }),
      },
      assignments: c.ctx.assignments + 1,
      parts: handlers.map((u) => replyDue(u.unitId)),
      coOpinions: [],
    });
    c.notify({ topic: "proposal.assigned", recipients: e.units.map((u) => unitRecipient(u.unitId)) });
    // The proposers learn who handles their proposal (the assignment is theirs to read), again on a reassignment.
    c.notify({
      topic: "assignment.announced",
      recipients: allProposers(c.ctx),
      units: e.units.map((u) => ({ unitId: u.unitId, role: u.role })),
    });
  }),
  acknowledge: step("unit.acknowledge", (c, e) => {
    const a = c.ctx.assignment;
    if (a) c.set({ assignment: { ...a, acknowledged: [...a.acknowledged, e.actor.unitId ?? ""] } });
  }),
  object: step("unit.object", (c, e) => {
    c.set({ objections: [...c.ctx.objections, { unitId: e.actor.unitId ?? "", reason: e.reason, at: e.at }] });
    c.notify({ topic: "assignment.objected", recipients: [STAFF], note: e.reason });
  }),
  startHandling,
  designateKey: step("key.designate", (c, e) => {
    c.set({ key: { leaderId: e.leaderId } });
    c.notify({ topic: "key.designated", recipients: [{ role: "leader", id: e.leaderId }] });
  }),
  contact: step("handle.contact", (c, e) => {
    const unitId = e.actor.unitId ?? "";
    c.closeDeadlines("fulfilled", { kinds: ["firstContact"], unitId });
    c.updatePart(unitId, (p) => ({
      contacts: p.contacts + 1,
      status: p.status === "contacting" ? "handling" : p.status,
    }));
  }),
  coOpinion: step("handle.coOpinion", (c, e) => {
    const unitId = e.actor.unitId ?? "";
    c.closeDeadlines("fulfilled", { kinds: ["coOpinion"], unitId });
    c.set({ coOpinions: [...c.ctx.coOpinions, { unitId, at: e.at, opinion: e.opinion }] });
    const lead = c.ctx.assignment?.units.find((u) => u.role === "lead");
    if (lead) c.notify({ topic: "coOpinion.received", recipients: [unitRecipient(lead.unitId)] });
  }),
  requestExtension: step("handle.requestExtension", (c, e) => {
    c.updatePart(e.actor.unitId ?? "", () => ({
      pendingExtension: { newDueDate: e.newDueDate, reason: e.reason, at: e.at },
    }));
    c.notify({ topic: "extension.requested", recipients: [STAFF], note: e.reason });
  }),
  approveExtension: step("extension.approve", (c, e) => {
    const a = c.ctx.assignment;
    for (const part of targetParts(c.ctx, e.unitId).filter((p) => p.pendingExtension)) {
      const date = part.pendingExtension?.newDueDate ?? "";
      c.closeDeadlines("superseded", { kinds: ["reply"], unitId: part.unitId });
      const owners = [unitRecipient(part.unitId)];
      const due = calendarDue(c.ctx, date);
      const { dueAt } = c.openDeadline("reply", a?.assignedAt ?? e.at, e.at, {
        unitId: part.unitId,
        owners,
        dueAt: due,
      });
      c.updatePart(part.unitId, (p) => ({ pendingExtension: undefined, extensions: p.extensions + 1, dueAt }));
      c.notify({ topic: "extension.decided", recipients: owners, extension: { approved: true, dueDate: date } });
    }
  }),
  denyExtension: step("extension.deny", (c, e) => {
    for (const part of targetParts(c.ctx, e.unitId).filter((p) => p.pendingExtension)) {
      c.updatePart(part.unitId, () => ({ pendingExtension: undefined }));
      c.notify({
        topic: "extension.decided",
        recipients: [unitRecipient(part.unitId)],
        extension: { approved: false },
        note: e.reason,
      });
    }
  }),
  reply: step("handle.reply", (c, e) => {
    const unitId = e.actor.unitId ?? "";
    c.closeDeadlines("fulfilled", { kinds: ["reply", "rehandle", "firstContact"], unitId });
    const reply = { classification: e.classification, text: e.text, signedOffBy: e.signedOffBy, at: e.at };
    c.updatePart(unitId, (p) => ({ status: "replied", reply, replies: p.replies + 1, pendingExtension: undefined }));
    c.openDeadline("check", e.at, e.at, { unitId, owners: [STAFF] });
    c.notify({ topic: "reply.received", recipients: [STAFF] });
  }),
  recordSupervision: step("supervise.record", (c, e) =>
    c.set({ supervision: [...c.ctx.supervision, { mode: e.mode, note: e.note, by: e.actor, at: e.at }] }),
  ),
  acceptReply: step("supervise.acceptReply", (c, e) => {
    for (const part of targetParts(c.ctx, e.unitId).filter((p) => p.status === "replied")) {
      c.closeDeadlines("fulfilled", { kinds: ["check"], unitId: part.unitId });
      c.updatePart(part.unitId, () => ({ status: "accepted" }));
    }
    releaseReplies(c);
  }),
  returnReply: step("supervise.returnReply", (c, e) => {
    const returned = targetParts(c.ctx, e.unitId).filter((p) => p.status === "replied");
    rehandleParts(
      c,
      returned.map((p) => p.unitId),
      e.at,
      e.reason,
    );
    c.notify({ topic: "reply.returned", recipients: returned.map((p) => unitRecipient(p.unitId)), note: e.reason });
  }),
  evaluate: step("evaluate", (c, e) => {
    const decision = decisionOn(c.ctx, e);
    c.set({ evaluations: [...c.ctx.evaluations, ratingOf(c.ctx, e)] });
    if (decision) settleEvaluation(c, decision, e.at, e.comment);
  }),
  /** The evaluation window closed: the ratings given decide, or the result is "no answer". */
  closeEvaluation: anyStep((c, e) => {
    const decision = decide(c.ctx, currentRatings(c.ctx), true) ?? {
      result: "no-answer",
      rehandle: false,
      unitIds: [],
    };
    if (decision.result === "no-answer") {
      c.set({ evaluations: [...c.ctx.evaluations, { result: "no-answer", comment: "", at: e.at }] });
    }
    settleEvaluation(c, decision, e.at, "");
  }),
  reclassify: step("supervise.reclassify", (c, e) => {
    for (const part of targetParts(c.ctx, e.unitId).filter((p) => p.status === "accepted")) {
      const reply = part.reply;
      if (!reply || reply.classification === e.classification) continue;
      const change = { unitId: part.unitId, from: reply.classification, to: e.classification, reason: e.reason };
      c.set({ reclassifications: [...(c.ctx.reclassifications ?? []), { ...change, by: e.actor, at: e.at }] });
      c.updatePart(part.unitId, () => ({
        reply: {
          ...reply,
          classification: e.classification,
          originalClassification: reply.originalClassification ?? reply.classification,
        },
      }));
    }
  }),
  closeTracking: step("tracking.close", (c, e) => {
    for (const part of targetParts(c.ctx, e.unitId).filter((p) => p.tracking === "open")) {
      c.closeDeadlines("left", { kinds: ["followUp"], unitId: part.unitId });
      c.updatePart(part.unitId, () => ({ tracking: "closed" }));
      const closure = { unitId: part.unitId, reason: e.reason, by: e.actor, at: e.at };
      c.set({ trackingClosures: [...(c.ctx.trackingClosures ?? []), closure] });
      c.notify({ topic: "tracking.closed", recipients: [unitRecipient(part.unitId)], note: e.reason });
    }
  }),
  reassign: step("handle.reassign", (c, e) => {
    const a = c.ctx.assignment;
    if (!a) return;
    const removed = e.remove ?? [];
    const added = e.add ?? [];
    // A removed unit's deadlines close with it (its reply, contact, opinion, check); an added unit's open from now.
    for (const unitId of removed) c.closeDeadlines("left", { unitId });
    // An added unit may object within the policy's objection window from now, as the first units could.
    const objectionDueAt = scheduleDeadline(deadlineRuleOf(c.ctx.policy, "objection"), e.at, c.ctx.policy, {
      notBefore: e.at,
    }).dueAt;
    const changed = new Set([...removed, ...added.map((u) => u.unitId)]);
    const joined = [
      ...(a.joined ?? []).filter((j) => !changed.has(j.unitId)),
      ...added.map((u) => ({ unitId: u.unitId, at: e.at, objectionDueAt })),
    ];
    c.set({
      assignment: {
        ...a,
        units: [...a.units.filter((u) => !removed.includes(u.unitId)), ...added],
        acknowledged: a.acknowledged.filter((u) => !removed.includes(u)),
        ...(joined.length > 0 ? { joined } : {}),
      },
      parts: c.ctx.parts.filter((p) => !removed.includes(p.unitId)),
      reassignments: [...(c.ctx.reassignments ?? []), { added, removed, reason: e.reason, by: e.actor, at: e.at }],
    });
    for (const u of added) {
      const owners = [unitRecipient(u.unitId)];
      if (u.role === "co") {
        c.openDeadline("coOpinion", e.at, e.at, { unitId: u.unitId, owners });
        continue;
      }
      c.set({ parts: [...c.ctx.parts, newPart(u.unitId)] });
      c.openDeadline("firstContact", e.at, e.at, { unitId: u.unitId, owners });
      const reply = c.openDeadline("reply", e.at, e.at, { unitId: u.unitId, owners });
      c.updatePart(u.unitId, () => ({ dueAt: reply.dueAt }));
    }
    if (removed.length > 0) {
      c.notify({ topic: "assignment.changed", recipients: removed.map(unitRecipient), note: e.reason });
    }
    if (added.length > 0) {
      c.notify({ topic: "proposal.assigned", recipients: added.map((u) => unitRecipient(u.unitId)), note: e.reason });
    }
    c.notify({
      topic: "assignment.announced",
      recipients: allProposers(c.ctx),
      units: (c.ctx.assignment?.units ?? []).map((u) => ({ unitId: u.unitId, role: u.role })),
    });
    // Separate handling: removing the last unit still at work may leave only accepted replies, now released.
    releaseReplies(c);
  }),
  /** Entering the consultation: it is required, staff and the units arrange it within the policy's time. */
  requireConsultation: anyStep((c, e) => {
    c.set({ consultation: { requiredAt: e.at, unsatisfiedCount: unsatisfiedResults(c.ctx) } });
    const units = (c.ctx.assignment?.units ?? []).map((u) => unitRecipient(u.unitId));
    c.openDeadline("consultation", e.at, e.at, { owners: [STAFF, ...units] });
    c.notify({ topic: "consultation.required", recipients: [STAFF, ...units] });
  }),
  arrangeConsultation: step("consultation.arrange", (c, e) => {
    const consultation = c.ctx.consultation ?? { requiredAt: e.at, unsatisfiedCount: unsatisfiedResults(c.ctx) };
    const arranged = { scheduledAt: e.scheduledAt, place: e.place, by: e.actor, at: e.at };
    c.set({ consultation: { ...consultation, arranged } });
    const units = (c.ctx.assignment?.units ?? []).map((u) => unitRecipient(u.unitId));
    c.notify({ topic: "consultation.arranged", recipients: [...allProposers(c.ctx), ...units], note: e.place });
  }),
  recordConsultation: step("consultation.record", (c, e) => {
    const consultation = c.ctx.consultation ?? { requiredAt: e.at, unsatisfiedCount: unsatisfiedResults(c.ctx) };
    const held = { heldAt: e.heldAt, participants: e.participants, summary: e.summary, by: e.actor, at: e.at };
    c.set({ consultation: { ...consultation, held } });
    c.closeDeadlines("fulfilled", { kinds: ["consultation"] });
    c.notify({ topic: "consultation.recorded", recipients: [STAFF, ...allProposers(c.ctx)], note: e.summary });
  }),
  openLookback: step("lookback.open", (c, e) => {
    const lookback = { openedAt: e.at, openedBy: e.actor, note: e.note, findings: [], requests: [] };
    c.set({ lookbacks: [...(c.ctx.lookbacks ?? []), lookback] });
  }),
  recordLookback: step("lookback.record", (c, e) => {
    const current = currentLookback(c.ctx);
    if (!current) return;
    const findings = [...current.findings, { text: e.findings, by: e.actor, at: e.at }];
    let requests = current.requests;
    if (e.unitId !== undefined && e.request !== undefined) {
      const owners = [unitRecipient(e.unitId)];
      const override = e.dueDate === undefined ? {} : { dueAt: calendarDue(c.ctx, e.dueDate) };
      const d = c.openDeadline("lookbackReport", e.at, e.at, { unitId: e.unitId, owners, ...override });
      requests = [
        ...requests,
        { unitId: e.unitId, request: e.request, deadlineId: d.deadlineId, dueAt: d.dueAt, at: e.at },
      ];
      c.notify({ topic: "lookback.reportRequested", recipients: owners, note: e.request });
    }
    c.set({ lookbacks: [...(c.ctx.lookbacks ?? []).slice(0, -1), { ...current, findings, requests }] });
  }),
  reportLookback: step("lookback.report", (c, e) => {
    const current = currentLookback(c.ctx);
    const unitId = e.actor.unitId ?? "";
    if (!current) return;
    const requests = current.requests.map((r) =>
      r.unitId === unitId && r.report === undefined ? { ...r, report: { text: e.report, at: e.at } } : r,
    );
    c.closeDeadlines("fulfilled", { kinds: ["lookbackReport"], unitId });
    c.set({ lookbacks: [...(c.ctx.lookbacks ?? []).slice(0, -1), { ...current, requests }] });
    const opener = current.openedBy.role === "leader" ? [{ role: "leader" as const, id: current.openedBy.id }] : [];
    c.notify({ topic: "lookback.reported", recipients: [STAFF, ...opener], note: e.report });
  }),
  linkMerged: step("merge.link", (c, e) => {
    const known = new Set(raters(c.ctx));
    const linked = e.proposers.filter((p) => !known.has(p.id)).map((p) => ({ ...p, fromId: e.fromId }));
    c.set({ linkedProposers: [...(c.ctx.linkedProposers ?? []), ...linked] });
  }),
  startTracking: anyStep((c, e) => {
    for (const part of c.ctx.parts.filter((p) => p.reply?.classification === "B")) {
      c.updatePart(part.unitId, () => ({ tracking: "open" }));
      c.openDeadline("followUp", e.at, e.at, { unitId: part.unitId, owners: [unitRecipient(part.unitId)] });
    }
  }),
  reportFollowUp: step("followup.report", (c, e) => {
    const unitId = e.actor.unitId ?? "";
    c.set({ followUps: [...c.ctx.followUps, { unitId, progress: e.progress, resolved: e.resolved, at: e.at }] });
    if (e.resolved) {
      c.closeDeadlines("fulfilled", { kinds: ["followUp"], unitId });
      c.updatePart(unitId, () => ({ tracking: "resolved" }));
    }
    c.notify({ topic: "followUp.reported", recipients: [STAFF], note: e.progress });
  }),
  remind: step("deadline.remind", (c, e) => {
    const d = c.ctx.deadlines.find((x) => x.deadlineId === e.deadlineId);
    if (d) c.notify({ topic: "deadline.reminder", recipients: d.owners, deadlineId: d.deadlineId });
  }),
  markDue: step("deadline.due", (c, e) => {
    const d = c.ctx.deadlines.find((x) => x.deadlineId === e.deadlineId);
    if (!d) return;
    c.updateDeadline(d.deadlineId, { overdue: true });
    c.notify({ topic: "deadline.due", recipients: d.owners, deadlineId: d.deadlineId });
  }),
  escalate: step("deadline.escalate", (c, e) => {
    const d = c.ctx.deadlines.find((x) => x.deadlineId === e.deadlineId);
    const level = d?.escalations.find((x) => x.level === e.level);
    if (!d || !level) return;
    c.updateDeadline(d.deadlineId, { escalatedLevel: level.level });
    c.notify({
      topic: "deadline.escalation",
      recipients: [escalationRecipient(c.ctx, level.recipientRole, d.unitId)],
      deadlineId: d.deadlineId,
      level: level.level,
    });
    c.webhook({
      topic: "deadline.escalated",
      deadlineId: d.deadlineId,
      deadlineKind: d.kind,
      level: level.level,
      recipientRole: level.recipientRole,
    });
  }),
  /** The committee's calendar changed: open deadlines it moves are counted again (recompute.ts). */
  recomputeDeadlines: (ctx, event) =>
    event.type === "deadlines.recomputed" ? recomputeDeadlines(ctx, event) : new Change(ctx).done(),
  /** The objection window closed: silence is acceptance. */
  closeObjectionWindow: anyStep((c) => c.closeDeadlines("fulfilled", { kinds: ["objection"] })),
} satisfies Record<string, Step>;

export type StepName = keyof typeof STEPS;

/** A due date in policy time (the end of that local day); the time scale is applied when the deadline opens. */
function calendarDue(ctx: ProposalContext, date: string): Date {
  return endOfLocalDate(date, calendarOf(ctx.policy));
}

/** Records what an evaluation window decided and, for an unsatisfied result, puts the parts back to work. */
function settleEvaluation(c: Change, decision: Decision, at: string, note: string) {
  c.set({ evaluationOutcomes: [...(c.ctx.evaluationOutcomes ?? []), outcomeOf(c.ctx, decision, at)] });
  if (decision.rehandle) {
    c.set({ rehandles: c.ctx.rehandles + 1 });
    rehandleParts(c, decision.unitIds, at, note);
  }
}

/** Whether the event decides the evaluation window with a result that re-handles. */
export function wantsRehandle(ctx: ProposalContext, event: ProposalEvent): boolean {
  return decisionOn(ctx, event as never)?.rehandle === true;
}

/** Whether the rating leaves the window open: other proposers are still to rate. */
export function evaluationPending(ctx: ProposalContext, event: ProposalEvent): boolean {
  return event.type === "evaluate" && decisionOn(ctx, event) === undefined;
}

/**
 * Where a stage deadline starts: now, except the evaluation window under `evaluationFrom: "reply"`, which runs
 * from the last accepted reply (the reference's rule). A window that would already have ended when staff release
 * the reply (a staff check slower than the window) runs from the release instead, so that the proposers always
 * have the time to rate.
 */
function stageOrigin(ctx: ProposalContext, kind: string, now: string): string {
  if (kind !== "evaluation" || ctx.policy.evaluationFrom !== "reply") return now;
  const replies = ctx.parts.flatMap((p) => (p.reply ? [Date.parse(p.reply.at)] : []));
  if (replies.length === 0) return now;
  const from = new Date(Math.max(...replies)).toISOString();
  const { dueAt } = scheduleDeadline(deadlineRuleOf(ctx.policy, "evaluation"), from, ctx.policy, { notBefore: now });
  return Date.parse(dueAt) > Date.parse(now) ? from : now;
}

/** Steps parameterised by data rather than by the event. */
export const DATA_STEPS = {
  openStageDeadline(
    ctx: ProposalContext,
    event: ProposalEvent,
    kind: "review" | "resubmission" | "objection" | "evaluation",
  ) {
    const c = new Change(ctx);
    const owners: Recipient[] =
      kind === "review"
        ? [STAFF]
        : kind === "objection"
          ? (ctx.assignment?.units ?? []).map((u) => unitRecipient(u.unitId))
          : kind === "evaluation"
            ? // Every proposer rates (a merged proposal's too), so every proposer is reminded of the window.
              allProposers(ctx)
            : [leadProposer(ctx)];
    const opened = c.openDeadline(kind, stageOrigin(ctx, kind, event.at), event.at, { owners });
    if (kind === "objection" && c.ctx.assignment) {
      c.set({ assignment: { ...c.ctx.assignment, objectionDueAt: opened.dueAt } });
    }
    return c.done();
  },
  close(ctx: ProposalContext, event: ProposalEvent, reason: ClosureReason): Outcome {
    const c = new Change(ctx);
    c.closeDeadlines("left");
    c.set({ closure: { ...ctx.closure, reason, at: event.at } });
    c.webhook({ topic: "proposal.closed", stage: "closed", reason });
    return c.done();
  },
};
