import type { Database, Prisma } from "@huiyin/db";
import { DEFAULT_COMMITTEE } from "@huiyin/engine";
import { Router } from "express";
import { z } from "zod";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import { scopedToCommittee } from "../committees/scope.ts";
import { parseQuery } from "../http/validate.ts";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "./record.ts";

const text = z.string().min(1).max(200);

/** `GET /v1/audit-log`: newest first; `cursor` = the last id seen; `from`/`to` bound `at` (from ≤ at < to). */
export const auditQuerySchema = z.strictObject({
  action: z.enum(AUDIT_ACTIONS).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  actorId: text.optional(),
  targetType: text.optional(),
  targetId: text.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, "an audit entry id")
    .optional(),
});

type AuditRow = Prisma.AuditEntryGetPayload<Record<string, never>>;

export function auditEntryView(row: AuditRow) {
  return {
    id: row.id.toString(),
    committeeId: row.committeeId,
    at: row.at.toISOString(),
    actor: row.actorKeyId
      ? { keyId: row.actorKeyId, keyPrefix: row.actorKey, role: row.actorRole, actorId: row.actorId }
      : null,
    action: row.action,
    outcome: row.outcome,
    target: row.targetType ? { type: row.targetType, id: row.targetId } : null,
    details: row.details ?? null,
    requestId: row.requestId,
    address: row.address,
  };
}

/**
 * The audit trail, for administrators only, each its own committee's entries; it is read here and written by the
 * routes that change things. The deployment's operator reads, with the same query, what operators did and the
 * entries of no committee (failed authentications, before any key was known), and no committee's own work. The
 * default committee's admins read the entries of no committee too (a deployment of one sees what it always saw).
 */
export function auditRoutes(database: Database): Router {
  const router = Router();
  router.get("/audit-log", requireRole("admin", "operator"), async (request, response) => {
    const caller = callerOf(response);
    const scope: Prisma.AuditEntryWhereInput =
      caller.role === "operator"
        ? { OR: [{ actorRole: "operator" }, { committeeId: null }] }
        : caller.committeeId === DEFAULT_COMMITTEE
          ? // The deployment's home committee: a deployment of one reads its failed authentications as it always did.
            { OR: [scopedToCommittee(caller), { committeeId: null }] }
          : scopedToCommittee(caller);
    const query = parseQuery(auditQuerySchema, request.query);
    const at: Prisma.DateTimeFilter = {};
    if (query.from) at.gte = new Date(query.from);
    if (query.to) at.lt = new Date(query.to);
    const rows = await database.prisma.auditEntry.findMany({
      where: {
        AND: [scope],
        ...(query.action ? { action: query.action } : {}),
        ...(query.outcome ? { outcome: query.outcome } : {}),
        ...(query.actorId ? { actorId: query.actorId } : {}),
        ...(query.targetType ? { targetType: query.targetType } : {}),
        ...(query.targetId ? { targetId: query.targetId } : {}),
        ...(query.from || query.to ? { at } : {}),
        ...(query.cursor ? { id: { lt: BigInt(query.cursor) } } : {}),
      },
      orderBy: { id: "desc" },
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    response.json({
      items: page.map(auditEntryView),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id.toString() ?? null) : null,
    });
  });
  return router;
}
