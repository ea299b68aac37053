import type { Database } from "@huiyin/db";
import type { Clock } from "@huiyin/engine";
import { Router } from "express";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import { visibleWhere } from "../proposals/access.ts";
import { evaluationFigures, type RatedContext } from "./ratings.ts";

/**
 * `GET /v1/stats`: the figures proposal work is measured by, over what the caller may see: proposals per stage,
 * open deadlines that are past due (per unit), key proposals, every proposer's rating and each unit's satisfaction,
 * and replies by final grade. For staff, admin and leaders.
 */
export function statsRoutes(database: Database, clock: Clock): Router {
  const router = Router();
  router.get("/stats", requireRole("admin", "staff", "leader"), async (_request, response) => {
    const visible = visibleWhere(callerOf(response));
    const now = clock.now();
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
    const figures = evaluationFigures(
      rated.map((row) => ((row.snapshot as { context?: RatedContext } | null)?.context ?? {}) as RatedContext),
    );
    const byStage = Object.fromEntries(stages.map((row) => [row.stage, row._count._all]));
    response.json({
      at: now.toISOString(),
      proposals: { total: stages.reduce((sum, row) => sum + row._count._all, 0), key, byStage },
      overdueDeadlines: {
        total: overdue.reduce((sum, row) => sum + row._count._all, 0),
        byUnit: Object.fromEntries(overdue.map((row) => [row.unitId ?? "(committee)", row._count._all])),
      },
      ...figures,
    });
  });
  return router;
}
