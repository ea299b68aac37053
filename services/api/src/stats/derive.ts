/**
 * A proposal's figures, derived from its history: the events it went through, the reply deadlines the machine
 * opened, and the machine's own record of final grades and ratings (what the ratings feature keeps). Pure, so that
 * the definitions are tested without a database; `figures-store.ts` reads the rows and writes what this returns.
 */
import { type BusinessCalendar, REJECTION_GROUNDS, workingDaysBetween } from "@huiyin/domain";

/** One history entry, as far as the figures read it. */
export interface HistoryFact {
  seq: number;
  type: string;
  actor: { unitId?: string } | null;
  payload: Record<string, unknown> | null;
  at: Date;
}

/** A reply (or re-handling) deadline the machine opened for a unit. */
export interface DeadlineFact {
  unitId: string | null;
  kind: string;
  dueAt: Date;
  openedAt: Date;
  closedAt: Date | null;
}

/** What the machine's context says of grades and ratings (older snapshots may lack any of it). */
export interface RecordFacts {
  parts?: { unitId: string; reply?: { classification?: string } }[];
  evaluations?: { result: string; proposerId?: string; units?: { unitId: string; result: string }[] }[];
}

export interface ProposalFacts {
  committeeId: string;
  /** The proposal's state paths now (`closed.rejected`...): how it ended without registration. */
  states: readonly string[];
  history: readonly HistoryFact[];
  deadlines: readonly DeadlineFact[];
  record: RecordFacts;
  calendar: BusinessCalendar;
}

export const NOT_REGISTERED_GROUNDS = ["rejected", "converted", "merged", "withdrawn", "lapsed"] as const;
export type NotRegisteredGround = (typeof NOT_REGISTERED_GROUNDS)[number];

/**
 * What a rejection (不予立案) is counted under: the ground from the regulations' list that staff named
 * (`review.reject`'s `ground`), or `unspecified` for one that named none (sent without it, or before it existed).
 */
export const REJECTION_GROUND_FIGURES = [...REJECTION_GROUNDS, "unspecified"] as const;
export type RejectionGroundFigure = (typeof REJECTION_GROUND_FIGURES)[number];

export interface DerivedPart {
  unitId: string;
  role: string;
  assignedAt: Date | null;
  repliedAt: Date | null;
  repliedOnTime: boolean | null;
  replyWorkingDays: number | null;
  grade: string | null;
  rehandled: boolean;
  overdueEver: boolean;
}

export interface DerivedRating {
  position: number;
  /** "" for the rating as a whole. */
  unitId: string;
  proposerId: string | null;
  result: string;
}

export interface DerivedFigures {
  submittedAt: Date | null;
  registeredAt: Date | null;
  notRegistered: NotRegisteredGround | null;
  /** For a rejected proposal, the ground it was rejected on. */
  rejectionGround: RejectionGroundFigure | null;
  assignedAt: Date | null;
  repliedAt: Date | null;
  repliedOnTime: boolean | null;
  replyWorkingDays: number | null;
  rehandled: boolean;
  overdueEver: boolean;
  parts: DerivedPart[];
  ratings: DerivedRating[];
}

/** Deadlines that count as the reply time limit (办理期限): the assignment's and a re-handling's. */
export const REPLY_DEADLINE_KINDS = ["reply", "rehandle"] as const;

interface Unit {
  unitId: string;
  role: string;
}

export function deriveFigures(facts: ProposalFacts): DerivedFigures {
  const events = [...facts.history].sort((a, b) => a.seq - b.seq);
  const first = (type: string) => events.find((event) => event.type === type);
  const submittedAt = first("submit")?.at ?? null;
  const registeredAt = first("review.register")?.at ?? null;
  const closedAs = facts.states.find((state) => state.startsWith("closed."))?.slice("closed.".length);
  const notRegistered =
    registeredAt === null && (NOT_REGISTERED_GROUNDS as readonly string[]).includes(closedAs ?? "")
      ? (closedAs as NotRegisteredGround)
      : null;
  const ground = events.findLast((event) => event.type === "review.reject")?.payload?.ground;
  const rejectionGround =
    notRegistered !== "rejected"
      ? null
      : (REJECTION_GROUNDS as readonly unknown[]).includes(ground)
        ? (ground as RejectionGroundFigure)
        : "unspecified";

  // The units as they stand: the last assignment (a reassignment after an objection replaces it), then the units
  // staff added or removed during handling.
  let assignedAt: Date | null = null;
  let assignSeq = 0;
  let units: Unit[] = [];
  for (const event of events) {
    if (event.type === "assign") {
      assignedAt = event.at;
      assignSeq = event.seq;
      units = ((event.payload?.units as Unit[] | undefined) ?? []).map(({ unitId, role }) => ({ unitId, role }));
    } else if (event.type === "handle.reassign") {
      const removed = new Set((event.payload?.remove as string[] | undefined) ?? []);
      const added = ((event.payload?.add as Unit[] | undefined) ?? []).map(({ unitId, role }) => ({ unitId, role }));
      units = [...units.filter((u) => !removed.has(u.unitId) && !added.some((a) => a.unitId === u.unitId)), ...added];
    }
  }

  const grades = new Map((facts.record.parts ?? []).map((part) => [part.unitId, part.reply?.classification ?? null]));
  const parts: DerivedPart[] = units.map(({ unitId, role }) => {
    const own = facts.deadlines.filter((d) => d.unitId === unitId);
    const overdueEver = own.some(
      (d) =>
        (REPLY_DEADLINE_KINDS as readonly string[]).includes(d.kind) && d.closedAt !== null && d.closedAt > d.dueAt,
    );
    const rehandled = own.some((d) => d.kind === "rehandle");
    if (role === "co") {
      // A co-unit (协办) sends its opinion to the lead unit and owes no reply of its own.
      return {
        unitId,
        role,
        assignedAt,
        repliedAt: null,
        repliedOnTime: null,
        replyWorkingDays: null,
        grade: null,
        rehandled,
        overdueEver,
      };
    }
    const reply = events.find((e) => e.type === "handle.reply" && e.seq > assignSeq && e.actor?.unitId === unitId);
    const repliedAt = reply?.at ?? null;
    let repliedOnTime: boolean | null = null;
    if (repliedAt) {
      // The deadline in force when the reply came: the latest reply deadline opened by then (an approved
      // extension opens a later one).
      const inForce = own
        .filter((d) => d.kind === "reply" && d.openedAt <= repliedAt)
        .sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime())[0];
      repliedOnTime = inForce !== undefined && repliedAt <= inForce.dueAt;
    }
    return {
      unitId,
      role,
      assignedAt,
      repliedAt,
      repliedOnTime,
      replyWorkingDays: repliedAt && assignedAt ? workingDaysBetween(assignedAt, repliedAt, facts.calendar) : null,
      grade: grades.get(unitId) ?? null,
      rehandled,
      overdueEver,
    };
  });

  const owed = parts.filter((part) => part.role !== "co");
  const allReplied = owed.length > 0 && owed.every((part) => part.repliedAt !== null);
  const repliedAt = allReplied ? new Date(Math.max(...owed.map((part) => part.repliedAt?.getTime() ?? 0))) : null;

  const ratings: DerivedRating[] = [];
  (facts.record.evaluations ?? []).forEach((rating, position) => {
    if (rating.result === "no-answer") return;
    const proposerId = rating.proposerId ?? null;
    ratings.push({ position, unitId: "", proposerId, result: rating.result });
    // A rating from before per-unit results applies to every handling part.
    const perUnit =
      rating.units ?? (facts.record.parts ?? []).map((p) => ({ unitId: p.unitId, result: rating.result }));
    // Counted for the units that hold a part now (a unit removed from the proposal has no row to count it in).
    for (const unit of perUnit) {
      if (!units.some((u) => u.unitId === unit.unitId)) continue;
      ratings.push({ position, unitId: unit.unitId, proposerId, result: unit.result });
    }
  });

  return {
    submittedAt,
    registeredAt,
    notRegistered,
    rejectionGround,
    assignedAt,
    repliedAt,
    repliedOnTime: repliedAt ? owed.every((part) => part.repliedOnTime === true) : null,
    replyWorkingDays: repliedAt && assignedAt ? workingDaysBetween(assignedAt, repliedAt, facts.calendar) : null,
    rehandled: parts.some((part) => part.rehandled),
    overdueEver: parts.some((part) => part.overdueEver),
    parts,
    ratings,
  };
}
