import { randomUUID } from "node:crypto";
import type { Committee, Database } from "@huiyin/db";
import type { Clock } from "@huiyin/engine";
import { type Request, type Response, Router } from "express";
import { recordAudit, subjectOf } from "../audit/record.ts";
import { keyView } from "../auth/api-keys.ts";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import { createInvitation, invitationLink } from "../auth/invitations.ts";
import { generateKey } from "../auth/keys.ts";
import type { PeopleOptions } from "../auth/people-options.ts";
import { refuse } from "../http/error-codes.ts";
import { parseBody } from "../http/validate.ts";
import {
  committeeAdminKeySchema,
  committeeAdminSchema,
  createCommitteeSchema,
  updateCommitteeSchema,
} from "./schemas.ts";

export function committeeView(row: Committee) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface CommitteeRoutesDeps {
  database: Database;
  clock: Clock;
  people: PeopleOptions;
}

/**
 * The deployment operator's routes (role `operator`): the committees a deployment hosts, and a new committee's first
 * administrator (an admin API key, or a person with the admin role and an invitation). The operator reads none of a
 * committee's proposals or directory: everything else of the API answers it as a caller of no committee's work.
 * Every change is audited, in the committee it concerns (whose admins then read it) and as the operator's.
 */
export function committeeRoutes(deps: CommitteeRoutesDeps): Router {
  const router = Router();
  const { database } = deps;
  router.use("/committees", requireRole("operator"));

  async function existing(request: Request): Promise<Committee> {
    const id = String(request.params.id);
    const row = await database.prisma.committee.findUnique({ where: { id } });
    if (!row) throw refuse("NOT_FOUND", `No committee ${id}.`);
    return row;
  }

  router.get("/committees", async (_request, response) => {
    const rows = await database.prisma.committee.findMany({ orderBy: { id: "asc" } });
    response.json({ items: rows.map(committeeView) });
  });

  router.post("/committees", async (request, response) => {
    const body = parseBody(createCommitteeSchema, request.body);
    const row = await database.prisma.$transaction(async (tx) => {
      const created = await tx.committee.createMany({ data: [body], skipDuplicates: true });
      if (created.count === 0) throw refuse("COMMITTEE_EXISTS", `A committee ${body.id} exists already.`);
      await recordAudit(tx, subjectOf(request, response), {
        action: "committee.create",
        committeeId: body.id,
        target: { type: "committee", id: body.id },
        details: { name: body.name },
      });
      return tx.committee.findUniqueOrThrow({ where: { id: body.id } });
    });
    request.log.info({ committeeId: row.id }, "committee created");
    response.status(201).location(`/v1/committees/${row.id}`).json(committeeView(row));
  });

  router.get("/committees/:id", async (request, response) => {
    response.json(committeeView(await existing(request)));
  });

  router.patch("/committees/:id", async (request, response) => {
    const before = await existing(request);
    const body = parseBody(updateCommitteeSchema, request.body);
    const row = await database.prisma.$transaction(async (tx) => {
      const after = await tx.committee.update({ where: { id: before.id }, data: { name: body.name } });
      await recordAudit(tx, subjectOf(request, response), {
        action: "committee.update",
        committeeId: before.id,
        target: { type: "committee", id: before.id },
        details: { name: { before: before.name, after: after.name } },
      });
      return after;
    });
    request.log.info({ committeeId: row.id }, "committee renamed");
    response.json(committeeView(row));
  });

  router.post("/committees/:id/admin-keys", async (request, response) => {
    const committee = await existing(request);
    const body = parseBody(committeeAdminKeySchema, request.body);
    const { key, prefix, hash } = generateKey();
    const row = await database.prisma.$transaction(async (tx) => {
      const row = await tx.apiKey.create({
        data: {
          id: randomUUID(),
          committeeId: committee.id,
          prefix,
          hash,
          role: "admin",
          actorId: body.actorId,
          name: body.name ?? null,
          createdBy: callerOf(response).keyId,
        },
      });
      await recordAudit(tx, subjectOf(request, response), {
        action: "committee.admin-key.issue",
        committeeId: committee.id,
        target: { type: "api-key", id: row.id },
        details: { prefix, role: "admin", actorId: row.actorId, name: row.name },
      });
      return row;
    });
    request.log.info({ committeeId: committee.id, issuedKey: prefix }, "committee admin key issued");
    response.status(201).json({ ...keyView(row), key });
  });

  router.post("/committees/:id/admins", async (request, response) => {
    const committee = await existing(request);
    const body = parseBody(committeeAdminSchema, request.body);
    const result = await firstAdmin(request, response, committee, body);
    request.log.info({ committeeId: committee.id, personId: body.personId }, "committee admin invited");
    response.status(201).json(result);
  });

  /** The person, their admin role and their invitation, in one transaction. */
  async function firstAdmin(
    request: Request,
    response: Response,
    committee: Committee,
    body: ReturnType<typeof committeeAdminSchema.parse>,
  ) {
    const now = deps.clock.now();
    return database.prisma.$transaction(async (tx) => {
      // Ids are unique across the deployment: an id in use (in whatever committee) is refused without saying whose.
      const made = await tx.person.createMany({
        data: [
          { id: body.personId, committeeId: committee.id, name: body.name, email: body.email, language: body.language },
        ],
        skipDuplicates: true,
      });
      if (made.count === 0) {
        throw refuse("ID_TAKEN", `The person id ${body.personId} is in use in this deployment; choose another.`);
      }
      await tx.roleAssignment.create({ data: { personId: body.personId, role: "admin", scope: "" } });
      const invitation = await createInvitation(tx, {
        personId: body.personId,
        createdBy: callerOf(response).keyId,
        ttlHours: deps.people.invitationTtlHours,
        now,
        committeeId: committee.id,
      });
      await recordAudit(tx, subjectOf(request, response), {
        action: "committee.admin.invite",
        committeeId: committee.id,
        target: { type: "person", id: body.personId },
        details: { name: body.name, invitation: invitation.id, expiresAt: invitation.expiresAt.toISOString() },
      });
      return {
        committeeId: committee.id,
        personId: body.personId,
        roles: ["admin"],
        link: invitationLink(deps.people.publicBaseUrl, invitation.token),
        expiresAt: invitation.expiresAt.toISOString(),
      };
    });
  }

  return router;
}
