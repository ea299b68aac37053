import { type Database, Prisma } from "@huiyin/db";
import { MIGRATION_OUTCOMES, migrationProgress } from "@huiyin/engine";
import { Router } from "express";
import { z } from "zod";
import { callerOf, requireRole } from "../auth/authenticate.ts";
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
 * A run is the deployment's (a machine version spans committees); an admin reads its counts and items over its own
 * committee's proposals only.
 */
export function migrationRoutes(database: Database): Router {
  const router = Router();
  router.get("/migrations/:id", requireRole("admin"), async (request, response) => {
    const id = String(request.params.id);
    const progress = await migrationProgress(database, id);
    if (!progress) throw refuse("NOT_FOUND", `No migration run ${id}.`);
    const groups = await database.prisma.$queryRaw<{ outcome: string; count: bigint }[]>`
      SELECT i.outcome, count(*) AS count FROM migration_items i JOIN proposals p ON p.id = i.proposal_id
       WHERE i.run_id = ${id} AND p.committee_id = ${callerOf(response).committeeId}
       GROUP BY i.outcome`;
    response.json({
      ...progress,
      counts: Object.fromEntries(groups.map((group) => [group.outcome, Number(group.count)])),
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
    const conditions: Prisma.Sql[] = [
      Prisma.sql`i.run_id = ${id}`,
      Prisma.sql`p.committee_id = ${callerOf(response).committeeId}`,
    ];
    if (query.outcome) conditions.push(Prisma.sql`i.outcome = ${query.outcome}`);
    if (query.cursor) conditions.push(Prisma.sql`i.proposal_id > ${query.cursor}`);
    const found = await database.prisma.$queryRaw<
      { proposal_id: string; outcome: string; reason: string | null; report: unknown; at: Date }[]
    >`
      SELECT i.proposal_id, i.outcome, i.reason, i.report, i.at
        FROM migration_items i JOIN proposals p ON p.id = i.proposal_id
       WHERE ${Prisma.join(conditions, " AND ")}
       ORDER BY i.proposal_id LIMIT ${query.limit + 1}`;
    const rows = found.map((row) => ({ ...row, proposalId: row.proposal_id }));
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
