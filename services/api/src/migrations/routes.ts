import type { Database } from "@huiyin/db";
import { MIGRATION_OUTCOMES, migrationItems, migrationProgress } from "@huiyin/engine";
import { Router } from "express";
import { z } from "zod";
import { requireRole } from "../auth/authenticate.ts";
import { refuse } from "../http/error-codes.ts";
import { parseQuery } from "../http/validate.ts";

/** `GET /v1/migrations/:id/items`: in proposal id order; `cursor` = the last proposal id seen. */
export const migrationItemsQuerySchema = z.strictObject({
  outcome: z.enum(MIGRATION_OUTCOMES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().min(1).max(200).optional(),
});

/**
 * The progress and the report of the runs of migration plans (running proposals moved to a new machine version or
 * new rules), for administrators. Runs are started with `pnpm migrate:proposals` (services/worker); these routes
 * read what a run keeps in PostgreSQL, so they show a run while it goes on, after it died midway and once done.
 */
export function migrationRoutes(database: Database): Router {
  const router = Router();
  router.get("/migrations/:id", requireRole("admin"), async (request, response) => {
    const id = String(request.params.id);
    const progress = await migrationProgress(database, id);
    if (!progress) throw refuse("NOT_FOUND", `No migration run ${id}.`);
    response.json({
      ...progress,
      startedAt: progress.startedAt.toISOString(),
      finishedAt: progress.finishedAt?.toISOString() ?? null,
    });
  });

  router.get("/migrations/:id/items", requireRole("admin"), async (request, response) => {
    const id = String(request.params.id);
    const query = parseQuery(migrationItemsQuerySchema, request.query);
    if (!(await database.prisma.migrationRun.findUnique({ where: { id }, select: { id: true } }))) {
      throw refuse("NOT_FOUND", `No migration run ${id}.`);
    }
    const rows = await migrationItems(database, id, {
      ...(query.outcome ? { outcome: query.outcome } : {}),
      ...(query.cursor ? { after: query.cursor } : {}),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    response.json({
      items: page.map((row) => ({
        proposalId: row.proposalId,
        outcome: row.outcome,
        reason: row.reason,
        report: row.report,
        at: row.at.toISOString(),
      })),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.proposalId ?? null) : null,
    });
  });
  return router;
}
