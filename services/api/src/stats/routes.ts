import type { Database, Prisma } from "@huiyin/db";
import type { Clock } from "@huiyin/engine";
import { Router } from "express";
import { z } from "zod";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import type { Caller } from "../auth/keys.ts";
import { parseQuery } from "../http/validate.ts";
import { visibleWhere } from "../proposals/access.ts";
import { unitRates } from "./rates.ts";
import { evaluationFigures, type RatedContext } from "./ratings.ts";

/** `GET /v1/stats`: over one committee session (届次), or over everything the caller may see. */
export const statsQuerySchema = z.strictObject({ session: z.string().trim().min(1).max(100).optional() });
export type StatsQuery = z.output<typeof statsQuerySchema>;

/**
 * `GET /v1/stats`: the figures proposal work is measured by, over what the caller may see: proposals per stage,
 * open deadlines that are past due (per unit), key proposals, every proposer's rating and each unit's satisfaction,
 * and replies by final grade. For staff, admin and leaders.
 */
export function statsRoutes(database: Database, clock: Clock): Router {
  const router = Router();
  router.get("/stats", requireRole("admin", "staff", "leader"), async (request, response) => {
    const query = parseQuery(statsQuerySchema, request.query);
    response.json(await statsOf(database, callerOf(response), query, clock.now()));
  });
  return router;
}

/** The figures of `GET /v1/stats` for `caller`: also what `GET /v1/exports/stats` writes as tables. */
export async function statsOf(database: Database, caller: Caller, query: StatsQuery, now: Date) {
  const visible: Prisma.ProposalWhereInput = {
    AND: [visibleWhere(caller), ...(query.session ? [{ sessionId: query.session }] : [])],
  };
  const [stages, overdue, key, rated] = await Promise.all([
    database.prisma.proposal.groupBy({ by: ["stage"], where: visible, _count: { _all: true } }),
    database.prisma.deadline.groupBy({
      by: ["unitId"],
      where: { status: "open", dueAt: { lt: now }, proposal: visible },
      _count: { _all: true },
    }),
    database.prisma.proposal.count({ where: { AND: [visible, { isKey: true }] } }),
    // Ratings and grades live in the machine's context; only proposals that reached a reply have any.
    database.prisma.proposal.findMany({
      where: { AND: [visible, { stage: { in: ["supervise", "evaluate", "closed", "handle"] } }] },
      select: { snapshot: true },
    }),
  ]);
  const [assigns, replies, dues] = await Promise.all([
    database.prisma.proposalEvent.findMany({
      where: { type: "assign", proposal: visible },
      select: { proposalId: true, seq: true, payload: true },
    }),
    database.prisma.proposalEvent.findMany({
      where: { type: "handle.reply", proposal: visible },
      select: { proposalId: true, actor: true, at: true },
    }),
    database.prisma.deadline.findMany({
      where: { kind: "reply", unitId: { not: null }, proposal: visible },
      select: { proposalId: true, unitId: true, openedAt: true, dueAt: true },
    }),
  ]);
  const rates = unitRates(
    assigns.map((event) => ({
      proposalId: event.proposalId,
      seq: event.seq,
      unitIds: ((event.payload as { units?: { unitId: string }[] } | null)?.units ?? []).map((u) => u.unitId),
    })),
    replies.map((event) => ({
      proposalId: event.proposalId,
      unitId: (event.actor as { unitId?: string } | null)?.unitId ?? "",
      at: event.at,
    })),
    dues.map((due) => ({ ...due, unitId: due.unitId ?? "" })),
  );
  const figures = evaluationFigures(
    rated.map((row) => ((row.snapshot as { context?: RatedContext } | null)?.context ?? {}) as RatedContext),
  );
  const byStage = Object.fromEntries(stages.map((row) => [row.stage, row._count._all]));
  return {
    at: now.toISOString(),
    proposals: { total: stages.reduce((sum, row) => sum + row._count._all, 0), key, byStage },
    overdueDeadlines: {
      total: overdue.reduce((sum, row) => sum + row._count._all, 0),
      byUnit: Object.fromEntries(overdue.map((row) => [row.unitId ?? "(committee)", row._count._all])),
    },
    ...figures,
    rates: {
      byUnit: Object.fromEntries(
        Object.entries(rates).map(([unitId, row]) => {
          const rated = figures.evaluations.byUnit[unitId];
          return [unitId, { ...row, satisfactionRate: rated ? rated.rate : null }];
        }),
      ),
    },
  };
}
