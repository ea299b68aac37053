import type {
  Actor,
  AssignedUnit,
  AssignmentMode,
  EvaluationResult,
  Policy,
  ProposalContent,
  ProposalNumber,
  ProposalOrigin,
  Proposer,
  RejectionGround,
  ReplyClass,
} from "@huiyin/domain";
import type { DeadlineOpenParams } from "./effects.ts";

/** Bumped on every change to states, events or context shape; the engine stores it with each instance. */
export const PROPOSAL_MACHINE_VERSION = "1.3.0";

/** What creating a proposal instance needs. */
export interface ProposalInput {
  id: string;
  content: ProposalContent;
  /** Lead proposer first (联名: the lead acts for all). */
  proposers: Proposer[];
  /** ISO instant. */
  createdAt: string;
  policy: Policy;
  /** Who it comes from and where it came in; absent for proposals made before origins were recorded. */
  origin?: ProposalOrigin;
}

export interface Reply {
  /** The final grade: the unit's own, or staff's reclassification of it (see `reclassifications`). */
  classification: ReplyClass;
  /** The grade the unit gave, kept once staff reclassify the reply. */
  originalClassification?: ReplyClass;
  text: string;
  signedOffBy: string;
  at: string;
}

/**
 * One unit's share of the handling: the whole proposal for sole and lead + co handling, its own part for
 * separate handling (分办). Statecharts have a fixed set of regions, so the N parallel parts of separate
 * handling are data here, each with its own status, deadlines and reply; the machine moves on when all replied.
 */
export interface Part {
  unitId: string;
  status: "contacting" | "handling" | "replied" | "accepted";
  /** Which limit the part is under now: the assignment's reply deadline, or re-handling. */
  round: "reply" | "rehandle";
  contacts: number;
  /** When the current reply is due (ISO, already time-scaled). */
  dueAt: string;
  pendingExtension?: { newDueDate: string; reason: string; at: string };
  extensions: number;
  reply?: Reply;
  replies: number;
  /** B replies are tracked after evaluation until the unit reports the matter solved, or staff close it. */
  tracking?: "open" | "resolved" | "closed";
}

export interface Assignment {
  mode: AssignmentMode;
  units: AssignedUnit[];
  assignedAt: string;
  /** End of the objection window (ISO, time-scaled): objections after it are refused. */
  objectionDueAt: string;
  acknowledged: string[];
  /**
   * Units added after handling started (`handle.reassign`), each with its own objection window from when it was
   * added: a unit newly given the proposal may object that it is outside its remit as the first ones could (the
   * regulations' window runs from a unit's assignment). Absent before machine 1.3.0.
   */
  joined?: { unitId: string; at: string; objectionDueAt: string }[];
  replyDueDate?: string;
}

/** A deadline the proposal is currently waiting on, as announced in `deadline.open`, plus what timers did to it. */
export interface OpenDeadline extends DeadlineOpenParams {
  openedAt: string;
  /**
   * What the schedule was computed from, so that a calendar change can compute it again (`recompute.ts`): the
   * instant the period runs from, and the due time (policy time) when it was fixed rather than counted (an
   * assignment's own reply date, an approved extension). Absent in snapshots from before machine version 1.2.0.
   */
  origin?: string;
  fixedDue?: string;
  overdue: boolean;
  escalatedLevel: number;
}

/** One unit's result within a rating (lead + co and separate handling rate each unit for its own part). */
export interface UnitResult {
  unitId: string;
  result: EvaluationResult;
}

/**
 * One entry of the evaluation record: a proposer's rating (with `proposerId`), or `no-answer` when the window
 * closed without the rating that decides. Entries written before joint rating existed have no `proposerId`.
 */
export interface Evaluation {
  result: EvaluationResult | "no-answer";
  comment: string;
  at: string;
  proposerId?: string;
  /** The evaluation window the rating belongs to: the number of re-handlings before it (`rehandles`). */
  round?: number;
  /** The result per unit: as given, or the overall result for every assigned unit. */
  units?: UnitResult[];
  rehandle?: boolean;
  unitIds?: string[];
}

/** What the ratings of one evaluation window decided, by the policy's `evaluationResult` rule. */
export interface EvaluationOutcome {
  result: EvaluationResult | "no-answer";
  rule: "lowest" | "lead";
  round: number;
  at: string;
}

/** A grade changed by staff after acceptance (who, when, from, to, why). */
export interface Reclassification {
  unitId: string;
  from: ReplyClass;
  to: ReplyClass;
  reason: string;
  by: Actor;
  at: string;
}

/** Staff closed a B reply's tracking without the unit's "resolved" (tracking cannot stay open for ever). */
export interface TrackingClosure {
  unitId: string;
  reason: string;
  by: Actor;
  at: string;
}

/** Handling units changed after handling started (reassigned, added, removed), by staff with a reason. */
export interface Reassignment {
  added: AssignedUnit[];
  removed: string[];
  reason: string;
  by: Actor;
  at: string;
}

/** The face-to-face consultation (面对面协商) required after a repeated "unsatisfied". */
export interface Consultation {
  requiredAt: string;
  /** The "unsatisfied" results that made it required. */
  unsatisfiedCount: number;
  arranged?: { scheduledAt: string; place: string; by: Actor; at: string };
  held?: { heldAt: string; participants: string[]; summary: string; by: Actor; at: string };
}

/** A follow-up review (回头看) of a closed proposal's promises, its findings and the reports it asked for. */
export interface Lookback {
  openedAt: string;
  openedBy: Actor;
  note: string;
  findings: { text: string; by: Actor; at: string }[];
  requests: {
    unitId: string;
    request: string;
    deadlineId: string;
    dueAt: string;
    at: string;
    report?: { text: string; at: string };
  }[];
}

export type ClosureReason = "withdrawn" | "rejected" | "converted" | "merged" | "lapsed" | "completed";

export interface ProposalContext {
  machineVersion: string;
  id: string;
  content: ProposalContent;
  proposers: Proposer[];
  createdAt: string;
  /** `at` of the last event that changed the proposal. */
  updatedAt: string;
  policy: Policy;
  /** Absent in snapshots from before origins (1.2.0), and for proposals created without one. */
  origin?: ProposalOrigin;
  /**
   * The committee session it belongs to (the one whose span holds its first submission) and whether it came in
   * during the plenary; stamped by the engine's caller on submit or registration. Absent when no session holds
   * the date (a committee that keeps no sessions). A plenary proposal's reply is due by `replyDurations.plenary`.
   */
  session?: { id: string; plenary: boolean };
  /** Its number in the session, given once at registration (提案号). */
  number?: ProposalNumber;
  submittedAt?: string;
  submissions: number;
  review?: {
    outcome: "registered" | "rejected" | "converted" | "merged" | "returned";
    at: string;
    note?: string;
    /** A rejection's ground from the regulations' list (machine 1.3.0; absent when none was named). */
    ground?: RejectionGround;
  };
  key?: { leaderId?: string };
  assignment?: Assignment;
  assignments: number;
  objections: { unitId: string; reason: string; at: string }[];
  parts: Part[];
  coOpinions: { unitId: string; at: string; opinion: string }[];
  deadlines: OpenDeadline[];
  /** Source of deterministic deadline ids. */
  deadlineSeq: number;
  supervision: { mode: string; note: string; by: Actor; at: string }[];
  rehandles: number;
  evaluations: Evaluation[];
  /** Absent in snapshots from before joint rating. */
  evaluationOutcomes?: EvaluationOutcome[];
  /** Absent in snapshots from before reclassification. */
  reclassifications?: Reclassification[];
  followUps: { unitId: string; progress: string; resolved: boolean; at: string }[];
  /** Absent in snapshots from before staff could close tracking. */
  trackingClosures?: TrackingClosure[];
  /** Absent in snapshots from before reassignment during handling. */
  reassignments?: Reassignment[];
  /** Absent unless a consultation was required. */
  consultation?: Consultation;
  /**
   * The proposers of proposals merged into this one (并案), with the proposal each came from: told of this one's
   * reply, and they may read and rate it. Absent until a merge links some.
   */
  linkedProposers?: (Proposer & { fromId: string })[];
  /** Follow-up reviews (回头看), oldest first; absent until the first. */
  lookbacks?: Lookback[];
  closure?: { reason: ClosureReason; at: string; note?: string };
}
