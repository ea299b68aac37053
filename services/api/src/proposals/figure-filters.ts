/**
 * The list filters behind the statistics' figures (`GET /v1/stats` links each figure to `GET /v1/proposals?...`):
 * they read the same derived rows the figures count (services/api/src/stats), so a figure and its list agree.
 * With `unit`, the filters about handling (assigned, replied, on time, grade, evaluation, re-handled, overdue) are
 * about that unit's own part; without it, about the proposal as a whole.
 */
import type { Prisma } from "@huiyin/db";
import { z } from "zod";
import { REJECTION_GROUND_FIGURES } from "../stats/derive.ts";

const flag = z.enum(["true", "false"]).transform((value) => value === "true");
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const figureFilterSchema = {
  /** Submitted (not a draft that never was). */
  submitted: flag.optional(),
  /** First submitted at or after / before. */
  submittedFrom: instant.optional(),
  submittedTo: instant.optional(),
  /** Registered (立案). `registered=false&stage=closed`: ended without registration. */
  registered: flag.optional(),
  /** Rejected (不予立案) on this ground of the regulations' list; `unspecified`: on none named. */
  rejectionGround: z.enum(REJECTION_GROUND_FIGURES).optional(),
  /** Assigned (with `unit`: a part of its own to answer, 承办, not co-handling 协办). */
  assigned: flag.optional(),
  /** With `unit`: its role in the assignment. */
  unitRole: z.enum(["lead", "co", "separate"]).optional(),
  /** Every part replied (with `unit`: the unit replied). */
  replied: flag.optional(),
  /** Replied, each first reply by the reply deadline in force then (with `unit`: the unit's). */
  repliedOnTime: flag.optional(),
  /** Replied, and a first reply came after its deadline. */
  repliedLate: flag.optional(),
  /** A reply with this final grade (after staff regrades). */
  grade: z.enum(["A", "B", "C"]).optional(),
  /** A proposer's rating with this result (`any`: rated at all); with `unit`: for that unit. */
  evaluation: z.enum(["satisfied", "basically-satisfied", "unsatisfied", "any"]).optional(),
  /** Handled again after an unsatisfied evaluation. */
  rehandled: flag.optional(),
  /** A reply deadline open and past due now. */
  replyOverdue: flag.optional(),
  /** A reply deadline that was ever past due while open (now or before it closed). */
  overdueEver: flag.optional(),
};

export type FigureFilters = {
  [K in keyof typeof figureFilterSchema]?: z.output<(typeof figureFilterSchema)[K]>;
};

/** Whether a query uses any figure filter (the derived rows are then brought up to date first). */
export function usesFigureFilters(query: FigureFilters): boolean {
  return Object.keys(figureFilterSchema).some((name) => query[name as keyof FigureFilters] !== undefined);
}

const REPLY_KINDS = ["reply", "rehandle"];

export function figureFiltersOf(
  query: FigureFilters & { unit?: string | undefined },
  now: Date,
): Prisma.ProposalWhereInput[] {
  const filters: Prisma.ProposalWhereInput[] = [];
  const unit = query.unit;
  const both = (condition: Prisma.ProposalWhereInput, value: boolean | undefined) => {
    if (value !== undefined) filters.push(value ? condition : { NOT: condition });
  };
  const facts = (where: Prisma.StatProposalWhereInput): Prisma.ProposalWhereInput => ({ statFacts: { is: where } });
  const part = (where: Prisma.StatPartWhereInput): Prisma.ProposalWhereInput => ({
    statParts: { some: { ...where, ...(unit ? { unitId: unit } : {}) } },
  });
  const owed = { role: { not: "co" } };
  both(facts({ submittedAt: { not: null } }), query.submitted);
  if (query.submittedFrom) filters.push(facts({ submittedAt: { gte: query.submittedFrom } }));
  if (query.submittedTo) filters.push(facts({ submittedAt: { lt: query.submittedTo } }));
  both(facts({ registeredAt: { not: null } }), query.registered);
  if (query.rejectionGround) filters.push(facts({ rejectionGround: query.rejectionGround }));
  both(unit ? part(owed) : facts({ assignedAt: { not: null } }), query.assigned);
  if (query.unitRole) filters.push(part({ role: query.unitRole }));
  both(unit ? part({ ...owed, repliedAt: { not: null } }) : facts({ repliedAt: { not: null } }), query.replied);
  both(unit ? part({ ...owed, repliedOnTime: true }) : facts({ repliedOnTime: true }), query.repliedOnTime);
  both(unit ? part({ ...owed, repliedOnTime: false }) : facts({ repliedOnTime: false }), query.repliedLate);
  if (query.grade) filters.push(part({ grade: query.grade }));
  if (query.evaluation) {
    const result = query.evaluation === "any" ? {} : { result: query.evaluation };
    filters.push({ statRatings: { some: { unitId: unit ?? "", ...result } } });
  }
  both(unit ? part({ rehandled: true }) : facts({ rehandled: true }), query.rehandled);
  const overdueNow: Prisma.ProposalWhereInput = {
    deadlines: {
      some: { status: "open", kind: { in: REPLY_KINDS }, dueAt: { lt: now }, ...(unit ? { unitId: unit } : {}) },
    },
  };
  both(overdueNow, query.replyOverdue);
  both({ OR: [overdueNow, unit ? part({ overdueEver: true }) : facts({ overdueEver: true })] }, query.overdueEver);
  return filters;
}
