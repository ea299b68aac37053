import type { ProposalEventType } from "@huiyin/domain";

/**
 * Who may read what of a proposal's history: the rules of the committee's work, as data. Every party sees that an
 * event happened (its type, time and actor); its payload (a reply's text, a return reason, a supervision note)
 * only when the rules give it to them:
 * - the back office (staff, admin) and leaders see everything: they supervise the whole;
 * - a handling unit sees the proposal itself, the assignment, and its own part (its contacts, opinions,
 *   extension requests, replies, and what staff decided about them), not another unit's part nor the committee's
 *   internal notes; the lead unit (主办) also reads the co-units' opinions, which the regulations send to it for
 *   its reply;
 * - the proposers (and integrators acting for them) see their proposal, what the committee decided about it and
 *   why, the contacts, and a reply only once staff have accepted it: the staff check is a gate, so a reply that
 *   is returned for rework never reaches them. Internal notes (supervision, objections, co-units' opinions,
 *   extensions, staff's return reasons) are not theirs.
 * The history, the proposal view, notices, webhooks and exports apply the same rules through `disclose`.
 */
export type Audience = "back-office" | "leader" | "unit" | "proposer";

export interface Viewer {
  audience: Audience;
  /** The viewer's unit, for `unit`. */
  unitId?: string | null;
  /**
   * For `unit`: whether the viewer's unit is the proposal's lead unit (主办), to which the co-units (会办) send their
   * opinions (`leadUnitOf`). Absent: not the lead.
   */
  leadsProposal?: boolean;
}

/**
 * The lead unit (主办) of a proposal assigned to a lead with co-units, from its persisted context; none for other
 * assignments or before one. The co-units' opinions are sent to it.
 */
export function leadUnitOf(context: unknown): string | undefined {
  const assignment = (context as { assignment?: { units?: { unitId?: unknown; role?: unknown }[] } } | null)
    ?.assignment;
  const lead = assignment?.units?.find((unit) => unit.role === "lead");
  return typeof lead?.unitId === "string" ? lead.unitId : undefined;
}

/** What of a history entry `disclose` needs. */
export interface HistoryEntryFacts {
  seq: number;
  type: string;
  actor: unknown;
  payload: unknown;
}

/**
 * Per event type, who besides the back office and leaders sees its payload: `all`, `proposer`, `unit` (any
 * handling unit), `own-unit` (the unit the event concerns), `to-lead` (the unit the event concerns and the lead
 * unit), `accepted-reply` (a unit's reply: its unit at once, the proposers once staff accepted it), or `internal`
 * (nobody else). A type missing here is internal: a new event type is hidden until someone decides who may read it.
 */
const RULES: Record<
  ProposalEventType | "create",
  "all" | "proposer" | "own-unit" | "to-lead" | "accepted-reply" | "internal"
> = {
  // The proposal as it was first written (the history's first entry, `create`).
  create: "all",
  submit: "all",
  resubmit: "all",
  withdraw: "all",
  "review.register": "all",
  // The grounds of not registering, of a conversion and of a return are the proposer's to know (不予立案 must be
  // explained to the proposer); units were not yet concerned.
  "review.reject": "proposer",
  "review.convert": "proposer",
  "review.merge": "proposer",
  "review.return": "proposer",
  assign: "all",
  "key.designate": "all",
  "unit.acknowledge": "own-unit",
  "unit.object": "own-unit",
  // A contact is with the proposer: both sides know what was said.
  "handle.contact": "own-unit",
  // "Co-units send their opinion to the lead unit": the lead reads it (and its letter) to write the one reply.
  "handle.coOpinion": "to-lead",
  "handle.requestExtension": "own-unit",
  "extension.approve": "own-unit",
  "extension.deny": "own-unit",
  "handle.reply": "accepted-reply",
  "supervise.record": "internal",
  "supervise.acceptReply": "own-unit",
  "supervise.returnReply": "own-unit",
  // A regrade of an accepted reply: its unit, and the proposers who read that reply, see the new grade and why.
  "supervise.reclassify": "own-unit",
  // The proposers' evaluation is about the units' replies: both see it.
  evaluate: "all",
  "followup.report": "all",
  // Closing a B reply's tracking: its unit, and the proposers the promise was made to, see why.
  "tracking.close": "own-unit",
  // Who handles the proposal is everyone's to know (as `assign`), and so is why it changed.
  "handle.reassign": "all",
  // The consultation is held with the proposers and the units: all of them see when, where and what was agreed.
  "consultation.arrange": "all",
  "consultation.record": "all",
  // A follow-up review (回头看) is opened in the open, and the unit's report is read like a follow-up report; the
  // findings and the request to a unit stay with the committee and that unit.
  "lookback.open": "all",
  "lookback.record": "own-unit",
  "lookback.report": "all",
  // The proposers who joined by a merge: the proposers know who shares their proposal (as the joint proposers).
  "merge.link": "proposer",
  "deadline.remind": "own-unit",
  "deadline.due": "own-unit",
  "deadline.escalate": "own-unit",
  // Which deadlines a calendar change moved, with the committee's calendar data: the back office's business.
  "deadlines.recomputed": "internal",
};

/** Types whose payload the proposer sees in addition to `all`: decisions addressed to them, and contacts. */
const PROPOSER_ALSO: ReadonlySet<string> = new Set(["handle.contact", "supervise.reclassify", "tracking.close"]);

function unitOf(entry: HistoryEntryFacts): string | undefined {
  const payload = entry.payload as { unitId?: unknown } | null;
  if (payload && typeof payload.unitId === "string") return payload.unitId;
  const actor = entry.actor as { unitId?: unknown } | null;
  return actor && typeof actor.unitId === "string" ? actor.unitId : undefined;
}

/**
 * For each reply (by seq), whether staff accepted it: a later `supervise.acceptReply` for its unit, or one without
 * a unit (a proposal with one replying unit). Computed over the whole history, since the acceptance can lie on a
 * later page than the reply.
 */
export function acceptedReplies(history: readonly HistoryEntryFacts[]): Set<number> {
  const accepted = new Set<number>();
  const open = new Map<string, number[]>();
  for (const entry of [...history].sort((a, b) => a.seq - b.seq)) {
    if (entry.type === "handle.reply") {
      const unit = unitOf(entry) ?? "";
      open.set(unit, [...(open.get(unit) ?? []), entry.seq]);
    } else if (entry.type === "supervise.acceptReply") {
      const unit = unitOf(entry);
      for (const [replyUnit, seqs] of open) {
        if (unit === undefined || unit === replyUnit) {
          for (const seq of seqs) accepted.add(seq);
          open.set(replyUnit, []);
        }
      }
    } else if (entry.type === "supervise.returnReply") {
      // A returned reply is replaced by the next one; it never becomes the proposer's to read.
      const unit = unitOf(entry);
      for (const replyUnit of open.keys()) if (unit === undefined || unit === replyUnit) open.set(replyUnit, []);
    }
  }
  return accepted;
}

/** Whether `viewer` may read the payload of `entry`; `accepted` comes from `acceptedReplies` of the whole history. */
export function maySeePayload(viewer: Viewer, entry: HistoryEntryFacts, accepted: ReadonlySet<number>): boolean {
  if (viewer.audience === "back-office" || viewer.audience === "leader") return true;
  const rule = RULES[entry.type as keyof typeof RULES] ?? "internal";
  if (rule === "all") return true;
  if (viewer.audience === "proposer") {
    if (rule === "proposer" || PROPOSER_ALSO.has(entry.type)) return true;
    return rule === "accepted-reply" && accepted.has(entry.seq);
  }
  // A unit: its own part, and its own replies from the start; the lead unit, the co-units' opinions too.
  if (rule === "own-unit" || rule === "accepted-reply" || rule === "to-lead") {
    if (viewer.unitId == null) return false;
    return unitOf(entry) === viewer.unitId || (rule === "to-lead" && viewer.leadsProposal === true);
  }
  return false;
}

/** A payload that says nothing (an acknowledgement, an acceptance without a note): there is nothing to hide. */
const saysNothing = (payload: unknown): boolean =>
  payload === null ||
  payload === undefined ||
  (typeof payload === "object" && !Array.isArray(payload) && Object.keys(payload).length === 0);

/**
 * The history as `viewer` may read it: every entry, with `payload` null and `payloadHidden` where it may not. An
 * empty payload is not hidden: "content hidden" under an event that carried none told a reader there was something.
 */
export function disclose<Entry extends HistoryEntryFacts>(
  viewer: Viewer,
  page: readonly Entry[],
  accepted: ReadonlySet<number>,
): (Entry & { payloadHidden: boolean })[] {
  return page.map((entry) =>
    saysNothing(entry.payload) || maySeePayload(viewer, entry, accepted)
      ? { ...entry, payloadHidden: false }
      : { ...entry, payload: null, payloadHidden: true },
  );
}
