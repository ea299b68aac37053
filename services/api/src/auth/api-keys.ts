import { randomUUID } from "node:crypto";
import type { Database } from "@huiyin/db";
import { DEFAULT_COMMITTEE } from "@huiyin/engine";
import { Router } from "express";
import { z } from "zod";
import { actsForSchema } from "../acting-for/schemas.ts";
import { recordAudit, subjectOf } from "../audit/record.ts";
import { scopedToCommittee } from "../committees/scope.ts";
import { refuse } from "../http/error-codes.ts";
import { parseBody } from "../http/validate.ts";
import { callerOf, requireRole } from "./authenticate.ts";
import { generateKey, KEY_ROLES } from "./keys.ts";

const text = z.string().trim().min(1).max(200);

export const createApiKeySchema = z
  .strictObject({
    role: z.enum(KEY_ROLES),
    /** Who the key acts as: the person or system id stamped on its events; the scope of proposer and leader keys. */
    actorId: text,
    /** The handling unit of a `unit` key (required for it, refused for the others). */
    unitId: text.optional(),
    name: text.optional(),
    /** An integrator key's binding: the people and directory roles it may act for with X-On-Behalf-Of. */
    actsFor: actsForSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.role !== "integrator" && body.actsFor) {
      ctx.addIssue({ code: "custom", path: ["actsFor"], message: "only an integrator key acts for people" });
    }
    if (body.role === "unit" && !body.unitId) {
      ctx.addIssue({ code: "custom", path: ["unitId"], message: "a unit key needs the unit it acts for" });
    }
    if (body.role !== "unit" && body.unitId) {
      ctx.addIssue({ code: "custom", path: ["unitId"], message: "only a unit key has a unit" });
    }
  });

/** A key as lists show it: never the key, never its hash. */
export function keyView(row: {
  id: string;
  committeeId: string;
  prefix: string;
  role: string;
  actorId: string;
  unitId: string | null;
  name: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  actsForPeople: string[];
  actsForRoles: string[];
}) {
  return {
    id: row.id,
    committeeId: row.committeeId,
    prefix: row.prefix,
    role: row.role,
    actorId: row.actorId,
    unitId: row.unitId,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    actsFor: { people: row.actsForPeople, roles: row.actsForRoles },
  };
}

/**
 * `POST /v1/api-keys` (admin): issues a key and returns it this once; only its hash is kept.
 * `GET /v1/api-keys` (admin) lists keys by prefix; `POST /v1/api-keys/:id/revoke` (admin) revokes one at once.
 * All in the admin's own committee: a key issued reaches that committee's data, and another committee's keys are
 * neither listed nor revocable (404). Only an admin of the default committee (the deployment's own) issues
 * `operator` keys: the first operator of a deployment is made by the admin whose key the start banner prints.
 */
export function apiKeyRoutes(database: Database): Router {
  const router = Router();
  router.post("/api-keys", requireRole("admin"), async (request, response) => {
    const body = parseBody(createApiKeySchema, request.body);
    const caller = callerOf(response);
    if (body.role === "operator" && caller.committeeId !== DEFAULT_COMMITTEE) {
      throw refuse("FORBIDDEN", "Operator keys are issued by an admin of the deployment's default committee only.");
    }
    const { key, prefix, hash } = generateKey();
    const row = await database.prisma.$transaction(async (tx) => {
      const row = await tx.apiKey.create({
        data: {
          id: randomUUID(),
          prefix,
          hash,
          role: body.role,
          actorId: body.actorId,
          unitId: body.unitId ?? null,
          name: body.name ?? null,
          createdBy: caller.keyId,
          actsForPeople: body.actsFor?.people ?? [],
          actsForRoles: body.actsFor?.roles ?? [],
          committeeId: caller.committeeId,
        },
      });
      await recordAudit(tx, subjectOf(request, response), {
        action: "api-key.issue",
        target: { type: "api-key", id: row.id },
        details: {
          prefix,
          role: row.role,
          actorId: row.actorId,
          unitId: row.unitId,
          name: row.name,
          ...(body.actsFor ? { actsFor: { people: row.actsForPeople, roles: row.actsForRoles } } : {}),
        },
      });
      return row;
    });
    request.log.info({ issuedKey: prefix, issuedRole: row.role }, "api key issued");
    response.status(201).json({ ...keyView(row), key });
  });
  router.get("/api-keys", requireRole("admin"), async (_request, response) => {
    const rows = await database.prisma.apiKey.findMany({
      where: scopedToCommittee(callerOf(response)),
      orderBy: { createdAt: "asc" },
    });
    response.json({ items: rows.map(keyView) });
  });
  router.post("/api-keys/:id/revoke", requireRole("admin"), async (request, response) => {
    const caller = callerOf(response);
    const id = String(request.params.id);
    if (id === caller.keyId) {
      throw refuse("CANNOT_REVOKE_SELF", "Revoke this key with another admin key.");
    }
    // The first revocation stands (and alone is audited); a repeat answers the same.
    const row = await database.prisma.$transaction(async (tx) => {
      const { count } = await tx.apiKey.updateMany({
        where: { id, revokedAt: null, ...scopedToCommittee(caller) },
        data: { revokedAt: new Date() },
      });
      const row = await tx.apiKey.findFirst({ where: { id, ...scopedToCommittee(caller) } });
      if (row && count > 0) {
        await recordAudit(tx, subjectOf(request, response), {
          action: "api-key.revoke",
          target: { type: "api-key", id },
          details: { prefix: row.prefix, role: row.role, actorId: row.actorId },
        });
      }
      return row;
    });
    if (!row) throw refuse("NOT_FOUND", `No API key ${id}.`);
    request.log.info({ revokedKey: row.prefix }, "api key revoked");
    response.json(keyView(row));
  });
  return router;
}
