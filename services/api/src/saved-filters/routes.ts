import { randomUUID } from "node:crypto";
import type { Database } from "@huiyin/db";
import { Router } from "express";
import { z } from "zod";
import { callerOf } from "../auth/authenticate.ts";
import { refuse } from "../http/error-codes.ts";
import { parseBody } from "../http/validate.ts";
import { listQuerySchema } from "../proposals/schemas.ts";

/** A person keeps at most this many filters: a short list of the views they use, not a store. */
export const SAVED_FILTERS_MAX = 50;

/** The list's own paging is not part of a filter: a saved filter opens at the first page. */
const PAGING = new Set(["cursor", "limit"]);

export const saveFilterSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** The query string of GET /v1/proposals (`stage=handle&q=养老`), checked as the list checks it. */
  query: z
    .string()
    .max(2000)
    .refine((query) => {
      const params = new URLSearchParams(query);
      if ([...params.keys()].some((key) => PAGING.has(key))) return false;
      return listQuerySchema.safeParse(Object.fromEntries(params)).success;
    }, "not a filter of GET /v1/proposals (cursor and limit are not part of one)"),
});

function filterView(row: { id: string; name: string; query: string; createdAt: Date }) {
  return { id: row.id, name: row.name, query: row.query, createdAt: row.createdAt.toISOString() };
}

/**
 * Saved filters of the proposals list, per caller (a person's session: their own; an API key: the key's), within
 * the caller's committee: `GET /v1/saved-filters`, `POST /v1/saved-filters` (by name: a new name adds one, a
 * known name replaces its query), `DELETE /v1/saved-filters/:id`.
 */
export function savedFilterRoutes(database: Database): Router {
  const router = Router();

  router.get("/saved-filters", async (_request, response) => {
    const caller = callerOf(response);
    const rows = await database.prisma.savedFilter.findMany({
      where: { committeeId: caller.committeeId, ownerId: caller.keyId },
      orderBy: { name: "asc" },
    });
    response.json({ items: rows.map(filterView) });
  });

  router.post("/saved-filters", async (request, response) => {
    const caller = callerOf(response);
    const body = parseBody(saveFilterSchema, request.body);
    const owner = { committeeId: caller.committeeId, ownerId: caller.keyId };
    const { row, created } = await database.prisma.$transaction(async (tx) => {
      // One owner's saves in turn: the count and the insert see the same list.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`saved-filters:${owner.committeeId}:${owner.ownerId}`}))`;
      const existing = await tx.savedFilter.findUnique({
        where: { committeeId_ownerId_name: { ...owner, name: body.name } },
      });
      if (existing) {
        return {
          row: await tx.savedFilter.update({ where: { id: existing.id }, data: { query: body.query } }),
          created: false,
        };
      }
      if ((await tx.savedFilter.count({ where: owner })) >= SAVED_FILTERS_MAX) {
        throw refuse("SAVED_FILTERS_FULL", `At most ${SAVED_FILTERS_MAX} saved filters: delete one first.`);
      }
      return {
        row: await tx.savedFilter.create({ data: { id: randomUUID(), ...owner, name: body.name, query: body.query } }),
        created: true,
      };
    });
    response.status(created ? 201 : 200).json(filterView(row));
  });

  router.delete("/saved-filters/:id", async (request, response) => {
    const caller = callerOf(response);
    const { count } = await database.prisma.savedFilter.deleteMany({
      where: { id: String(request.params.id), committeeId: caller.committeeId, ownerId: caller.keyId },
    });
    if (count === 0) throw refuse("NOT_FOUND", "No such saved filter of yours.");
    response.status(204).end();
  });

  return router;
}
