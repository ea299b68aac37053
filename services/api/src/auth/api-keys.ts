import { randomUUID } from "node:crypto";
import type { Database } from "@huiyin/db";
import { Router } from "express";
import { z } from "zod";
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
  })
  .superRefine((body, ctx) => {
    if (body.role === "unit" && !body.unitId) {
      ctx.addIssue({ code: "custom", path: ["unitId"], message: "a unit key needs the unit it acts for" });
    }
    if (body.role !== "unit" && body.unitId) {
      ctx.addIssue({ code: "custom", path: ["unitId"], message: "only a unit key has a unit" });
    }
  });

/** `POST /v1/api-keys` (admin): issues a key and returns it this once; only its hash is kept. */
export function apiKeyRoutes(database: Database): Router {
  const router = Router();
  router.post("/api-keys", requireRole("admin"), async (request, response) => {
    const body = parseBody(createApiKeySchema, request.body);
    const caller = callerOf(response);
    const { key, prefix, hash } = generateKey();
    const row = await database.prisma.apiKey.create({
      data: {
        id: randomUUID(),
        prefix,
        hash,
        role: body.role,
        actorId: body.actorId,
        unitId: body.unitId ?? null,
        name: body.name ?? null,
        createdBy: caller.keyId,
      },
    });
    request.log.info({ issuedKey: prefix, issuedRole: row.role }, "api key issued");
    response.status(201).json({
      id: row.id,
      prefix: row.prefix,
      role: row.role,
      actorId: row.actorId,
      unitId: row.unitId,
      name: row.name,
      createdAt: row.createdAt.toISOString(),
      key,
    });
  });
  return router;
}
