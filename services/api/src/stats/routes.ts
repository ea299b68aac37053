import type { Database, Prisma } from "@huiyin/db";
import type { Clock } from "@huiyin/engine";
import { Router } from "express";
import { z } from "zod";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import { type Caller, grantsOf } from "../auth/keys.ts";
import { deprecated } from "../http/deprecation.ts";
import { refuse } from "../http/error-codes.ts";
import { parseQuery } from "../http/validate.ts";
import { visibleWhere } from "../proposals/access.ts";
import { type FigureScope, figureTables, GROUP_BYS } from "./figures-query.ts";
import { refreshFigures } from "./figures-store.ts";

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

/**
 * `GET /v1/stats`: over one committee session (届次) and/or the proposals submitted in a date range, or over
 * everything the caller may see; `groupBy` breaks the summary down.
 */
export const statsQuerySchema = z.strictObject({
  /** The committee session (届次) the proposals belong to. */
  sessionId: z.string().trim().min(1).max(100).optional(),
  /** The same as `sessionId` (the parameter's first name): deprecated, answered with a Deprecation header. */
  session: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({ ...deprecated({ since: "2026-12-03" }), description: "Deprecated: use sessionId (the same)." }),
  /** Proposals first submitted at or after this instant. */
  from: instant.optional(),
  /** Proposals first submitted before this instant. */
  to: instant.optional(),
  /** One row per handling unit, leader, category, proposer type, source channel or session. */
  groupBy: z.enum(GROUP_BYS).optional(),
});
export type StatsQuery = z.output<typeof statsQuerySchema>;

/**
 * `GET /v1/stats`: the figures proposal work is measured by, over what the caller may see: proposals per stage,
 * open deadlines that are past due (per unit), key proposals, every proposer's rating and each unit's satisfaction,
 * and replies by final grade. For staff, admin and leaders.
 */
export function statsRoutes(database: Database, clock: Clock): Router {
  const router = Router();
  router.get("/stats", requireRole("admin", "staff", "leader", "unit"), async (request, response) => {
    const query = parseQuery(statsQuerySchema, request.query);
    response.json(await statsOf(database, callerOf(response), query, clock.now()));
  });
  return router;
}

/** The answer of `GET /v1/stats` for a caller (also what the statistics export writes out). */
export async function statsOf(database: Database, caller: Caller, query: StatsQuery, now: Date) {
  const sessionId = query.sessionId ?? query.session;
  if (query.from && query.to && query.from >= query.to) {
    throw refuse("INVALID_QUERY", "`from` must be before `to`.");
  }
  const visible: Prisma.ProposalWhereInput = {
    AND: [visibleWhere(caller), { committeeId: caller.committeeId }, ...(sessionId ? [{ sessionId }] : [])],
  };
  // The rates, from the derived figures brought up to date with the history.
  await refreshFigures(database.pool);
  const tables = await figureTables(database, {
    committeeId: caller.committeeId,
    scope: await scopeOf(database, caller),
    sessionId,
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    now,
  });
  const [stages, overdue, key] = await Promise.all([
    database.prisma.proposal.groupBy({ by: ["stage"], where: visible, _count: { _all: true } }),
    database.prisma.deadline.groupBy({
      by: ["unitId"],
      where: { status: "open", dueAt: { lt: now }, proposal: visible },
      _count: { _all: true },
    }),
    database.prisma.proposal.count({ where: { AND: [visible, { isKey: true }] } }),
  ]);
  const byStage = Object.fromEntries(stages.map((row) => [row.stage, row._count._all]));
  const { summary, units } = tables;
  return {
    at: now.toISOString(),
    filters: {
      sessionId: sessionId ?? null,
      from: query.from?.toISOString() ?? null,
      to: query.to?.toISOString() ?? null,
      groupBy: query.groupBy ?? null,
    },
    summary,
    ...(tables.rows ? { rows: tables.rows } : {}),
    proposals: { total: stages.reduce((sum, row) => sum + row._count._all, 0), key, byStage },
    overdueDeadlines: {
      total: overdue.reduce((sum, row) => sum + row._count._all, 0),
      byUnit: Object.fromEntries(overdue.map((row) => [row.unitId ?? "(committee)", row._count._all])),
    },
    // The first figures of this endpoint, now read from the same derived rows as the tables above.
    evaluations: {
      ratings: summary.evaluations.rated.count,
      byResult: nonZero({
        satisfied: summary.evaluations.satisfied.count,
        "basically-satisfied": summary.evaluations.basicallySatisfied.count,
        unsatisfied: summary.evaluations.unsatisfied.count,
      }),
      byUnit: Object.fromEntries(
        units
          .filter((row) => row.evaluations.rated.count > 0)
          .map((row) => {
            const rated = row.evaluations.rated.count;
            const satisfied = row.evaluations.satisfied.count + row.evaluations.basicallySatisfied.count;
            return [row.key, { rated, satisfied, rate: satisfied / rated }];
          }),
      ),
    },
    replyClasses: nonZero({ A: summary.grades.A.count, B: summary.grades.B.count, C: summary.grades.C.count }),
    rates: {
      byUnit: Object.fromEntries(
        units
          .filter((row) => row.assigned.count > 0)
          .map((row) => [
            row.key,
            {
              assigned: row.assigned.count,
              replied: row.replied.count,
              repliedOnTime: row.repliedOnTime.count,
              ...row.rates,
            },
          ]),
      ),
    },
  };
}

function nonZero(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
}

/**
 * Whose figures the caller gets: staff and admin the whole committee's; a unit the proposals assigned to it (and
 * in the unit table its own row only); anyone else (a leader, a person with several roles) what it may see.
 */
async function scopeOf(database: Database, caller: Caller): Promise<FigureScope> {
  const grants = grantsOf(caller);
  if (grants.some((grant) => grant.role === "admin" || grant.role === "staff")) return { kind: "all" };
  if (grants.every((grant) => grant.role === "unit")) {
    return { kind: "units", unitIds: grants.flatMap((grant) => (grant.unitId ? [grant.unitId] : [])) };
  }
  const rows = await database.prisma.proposal.findMany({
    where: { AND: [visibleWhere(caller), { committeeId: caller.committeeId }] },
    select: { id: true },
  });
  return { kind: "ids", ids: rows.map((row) => row.id) };
}
