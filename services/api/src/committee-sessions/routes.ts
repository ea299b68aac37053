import { randomUUID } from "node:crypto";
import type { CommitteeSession, Database } from "@huiyin/db";
import { Router } from "express";
import { recordAudit, subjectOf } from "../audit/record.ts";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import { refuse } from "../http/error-codes.ts";
import { parseBody } from "../http/validate.ts";
import { createSessionSchema } from "./schemas.ts";

const day = (date: Date) => date.toISOString().slice(0, 10);

export function sessionView(row: CommitteeSession) {
  return {
    id: row.id,
    name: row.name,
    startsOn: day(row.startsOn),
    endsOn: day(row.endsOn),
    plenaryStartsOn: day(row.plenaryStartsOn),
    plenaryEndsOn: day(row.plenaryEndsOn),
    numberPattern: row.numberPattern,
    lastNumber: row.lastNumber,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The committee's sessions (届次): an admin creates them; anyone with a key lists them. A proposal belongs to the
 * session whose days hold its submission (`sessionFacts`), so the sessions of one committee never overlap.
 */
export function committeeSessionRoutes(database: Database): Router {
  const router = Router();

  router.post("/committee-sessions", requireRole("admin"), async (request, response) => {
    const caller = callerOf(response);
    const body = parseBody(createSessionSchema, request.body);
    // The caller's committee: its sessions never overlap; another committee's are none of its concern.
    const committee = caller.committeeId;
    const row = await database.prisma.$transaction(async (tx) => {
      // One creation at a time per committee, so that two overlapping sessions cannot both pass the check.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`committee_sessions:${committee}`}))`;
      const overlapping = await tx.committeeSession.findFirst({
        where: {
          committeeId: committee,
          startsOn: { lte: new Date(body.endsOn) },
          endsOn: { gte: new Date(body.startsOn) },
        },
      });
      if (overlapping) {
        throw refuse("SESSION_OVERLAPS", `The session ${overlapping.name} covers some of these days.`, {
          sessionId: overlapping.id,
        });
      }
      if (await tx.committeeSession.findFirst({ where: { committeeId: committee, name: body.name } })) {
        throw refuse("SESSION_NAME_TAKEN", `A session is named ${body.name} already.`);
      }
      const created = await tx.committeeSession.create({
        data: {
          id: `s_${randomUUID().replaceAll("-", "").slice(0, 16)}`,
          committeeId: committee,
          name: body.name,
          startsOn: new Date(body.startsOn),
          endsOn: new Date(body.endsOn),
          plenaryStartsOn: new Date(body.plenaryStartsOn),
          plenaryEndsOn: new Date(body.plenaryEndsOn),
          numberPattern: body.numberPattern,
          createdBy: `${caller.role}:${caller.actorId}`,
        },
      });
      await recordAudit(tx, subjectOf(request, response), {
        action: "committee-session.create",
        target: { type: "committee-session", id: created.id },
        details: { ...body },
      });
      return created;
    });
    request.log.info({ sessionId: row.id, name: row.name }, "committee session created");
    response.status(201).location(`/v1/committee-sessions/${row.id}`).json(sessionView(row));
  });

  router.get("/committee-sessions", async (_request, response) => {
    const committee = callerOf(response).committeeId;
    const rows = await database.prisma.committeeSession.findMany({
      where: { committeeId: committee },
      orderBy: { startsOn: "desc" },
    });
    response.json({ items: rows.map(sessionView) });
  });

  router.get("/committee-sessions/:id", async (request, response) => {
    const committee = callerOf(response).committeeId;
    const row = await database.prisma.committeeSession.findFirst({
      where: { id: request.params.id, committeeId: committee },
    });
    if (!row) throw refuse("NOT_FOUND", `No session ${request.params.id}.`);
    response.json(sessionView(row));
  });

  return router;
}
