import { randomUUID } from "node:crypto";
import type { Database, Prisma } from "@huiyin/db";
import type { Clock } from "@huiyin/engine";
import { type Request, type Response, Router } from "express";
import { recordAudit, subjectOf } from "../audit/record.ts";
import { keyView } from "../auth/api-keys.ts";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import { type Caller, grantsOf } from "../auth/keys.ts";
import { grantsOfStanding } from "../auth/person-grants.ts";
import { endSessionsOf, lockAccount } from "../auth/sessions.ts";
import { labelOf } from "../directory/roles.ts";
import { refuse } from "../http/error-codes.ts";
import { type IdempotencyLease, respondOnce } from "../http/idempotency.ts";
import { parseBody } from "../http/validate.ts";
import { inboxOf, inboxPage } from "../notifications/inbox.ts";
import { delegationActive } from "./rules.ts";
import { actsForSchema, createDelegationSchema, successionSchema } from "./schemas.ts";

/** The longest delegation: a year. A longer absence is a succession (or a role in the directory). */
const LONGEST_DELEGATION_MS = 366 * 24 * 3_600_000;
/** At most this many open notices are named in a succession's answer and audit entry (all of them move). */
const NOTICES_LISTED = 500;

type Delegation = Prisma.DelegationGetPayload<Record<string, never>>;

/** A delegation as the API shows it, with whether it holds now. */
export function delegationView(row: Delegation, now: Date) {
  return {
    id: row.id,
    delegatorId: row.delegatorId,
    delegateId: row.delegateId,
    from: row.startsAt.toISOString(),
    until: row.endsAt.toISOString(),
    roles: row.roles,
    reason: row.reason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
    active: delegationActive(row, now),
  };
}

/** The person a caller is: a signed-in person, or the person an integrator key acts for. */
function personOf(caller: Caller): string | undefined {
  return caller.person?.id ?? caller.onBehalf?.personId;
}

const isAdmin = (caller: Caller) => grantsOf(caller).some((grant) => grant.role === "admin");

/**
 * Who may act for whom (issue 14), the routes:
 * - `PUT /v1/api-keys/:id/acts-for` (admin): an integrator key's binding, replaced and audited;
 * - `POST|GET /v1/people/:id/delegations`, `POST /v1/people/:id/delegations/:delegationId/revoke`: a person away
 *   delegates (the admin, or the person themself; the delegate may also end it);
 * - `POST /v1/people/:id/succession` (admin): a leaver's roles and open items to a successor.
 * Everything within the caller's committee: a person, key or delegation of another answers 404.
 */
export function actingForRoutes(database: Database, clock: Clock, lease?: IdempotencyLease): Router {
  const router = Router();

  async function personIn(request: Request, response: Response): Promise<string> {
    const id = String(request.params.id);
    const found = await database.prisma.person.findFirst({
      where: { id, committeeId: callerOf(response).committeeId },
      select: { id: true },
    });
    if (!found) throw refuse("NOT_FOUND", `No person ${id} in the directory.`);
    return id;
  }

  /** 403 unless the caller is an admin or the person `id` themself. */
  function requireAdminOrSelf(response: Response, id: string): void {
    const caller = callerOf(response);
    if (!isAdmin(caller) && personOf(caller) !== id) {
      throw refuse("FORBIDDEN", "Only an admin or the person themself manages their delegations.");
    }
  }

  router.put("/api-keys/:id/acts-for", requireRole("admin"), async (request, response) => {
    const body = parseBody(actsForSchema, request.body);
    const id = String(request.params.id);
    const caller = callerOf(response);
    const row = await database.prisma.$transaction(async (tx) => {
      const [before] = await tx.$queryRaw<{ role: string; acts_for_people: string[]; acts_for_roles: string[] }[]>`
        SELECT role, acts_for_people, acts_for_roles FROM api_keys
        WHERE id = ${id} AND committee_id = ${caller.committeeId} FOR UPDATE`;
      if (!before) throw refuse("NOT_FOUND", `No API key ${id}.`);
      if (before.role !== "integrator") {
        throw refuse("VALIDATION_FAILED", "Only an integrator key acts for people.", {
          fields: [{ path: "role", message: `the key is a ${before.role} key` }],
        });
      }
      const after = await tx.apiKey.update({
        where: { id },
        data: { actsForPeople: body.people, actsForRoles: body.roles },
      });
      await recordAudit(tx, subjectOf(request, response), {
        action: "api-key.bind",
        target: { type: "api-key", id },
        details: {
          prefix: after.prefix,
          before: { people: before.acts_for_people ?? [], roles: before.acts_for_roles ?? [] },
          after: { people: after.actsForPeople, roles: after.actsForRoles },
        },
      });
      return after;
    });
    request.log.info(
      { boundKey: row.prefix, people: row.actsForPeople.length, roles: row.actsForRoles },
      "api key bound",
    );
    response.json(keyView(row));
  });

  // A creation, so an Idempotency-Key makes a retry answer the first delegation instead of making a second.
  router.post("/people/:id/delegations", async (request, response) => {
    const delegatorId = await personIn(request, response);
    requireAdminOrSelf(response, delegatorId);
    const caller = callerOf(response);
    await respondOnce({ database, lease }, caller, request, response, () =>
      createDelegation(request, response, delegatorId),
    );
  });

  async function createDelegation(request: Request, response: Response, delegatorId: string) {
    const body = parseBody(createDelegationSchema, request.body);
    const caller = callerOf(response);
    const now = clock.now();
    const from = new Date(body.from);
    const until = new Date(body.until);
    const invalid = (reason: string, message: string) => refuse("DELEGATION_INVALID", message, { reason });
    if (body.delegateId === delegatorId) throw invalid("SELF", "A person does not delegate to themself.");
    if (from >= until || until <= now || until.getTime() - from.getTime() > LONGEST_DELEGATION_MS) {
      throw invalid("PERIOD", "The period must end after it starts, not be over, and last at most a year.");
    }
    const row = await database.prisma.$transaction(async (tx) => {
      const delegate = await tx.person.findFirst({
        where: { id: body.delegateId, committeeId: caller.committeeId },
        select: { id: true },
      });
      if (!delegate) throw invalid("UNKNOWN_DELEGATE", `No person ${body.delegateId} in the directory.`);
      const row = await tx.delegation.create({
        data: {
          id: randomUUID(),
          committeeId: caller.committeeId,
          delegatorId,
          delegateId: body.delegateId,
          startsAt: from,
          endsAt: until,
          roles: body.roles,
          reason: body.reason ?? null,
          createdBy: caller.keyId,
        },
      });
      await recordAudit(tx, subjectOf(request, response), {
        action: "delegation.create",
        target: { type: "person", id: delegatorId },
        details: {
          delegationId: row.id,
          delegateId: row.delegateId,
          from: body.from,
          until: body.until,
          roles: row.roles,
          ...(caller.onBehalf ? { onBehalfOf: caller.onBehalf.personId } : {}),
        },
      });
      return row;
    });
    request.log.info({ delegationId: row.id, delegatorId, delegateId: row.delegateId }, "delegation created");
    return { status: 201, body: delegationView(row, now) };
  }

  router.get("/people/:id/delegations", async (request, response) => {
    const id = await personIn(request, response);
    requireAdminOrSelf(response, id);
    const rows = await database.prisma.delegation.findMany({
      where: { committeeId: callerOf(response).committeeId, OR: [{ delegatorId: id }, { delegateId: id }] },
      orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      take: 500,
    });
    const now = clock.now();
    response.json({ items: rows.map((row) => delegationView(row, now)) });
  });

  router.post("/people/:id/delegations/:delegationId/revoke", async (request, response) => {
    const id = await personIn(request, response);
    requireAdminOrSelf(response, id);
    const caller = callerOf(response);
    const delegationId = String(request.params.delegationId);
    const now = clock.now();
    // The first revocation stands (and alone is audited); a repeat answers the same.
    const row = await database.prisma.$transaction(async (tx) => {
      const where = {
        id: delegationId,
        committeeId: caller.committeeId,
        OR: [{ delegatorId: id }, { delegateId: id }],
      } satisfies Prisma.DelegationWhereInput;
      const { count } = await tx.delegation.updateMany({
        where: { ...where, revokedAt: null },
        data: { revokedAt: now, revokedBy: caller.keyId },
      });
      const row = await tx.delegation.findFirst({ where });
      if (row && count > 0) {
        await recordAudit(tx, subjectOf(request, response), {
          action: "delegation.revoke",
          target: { type: "person", id: row.delegatorId },
          details: {
            delegationId,
            delegateId: row.delegateId,
            wasActive: delegationActive({ ...row, revokedAt: null }, now),
          },
        });
      }
      return row;
    });
    if (!row) throw refuse("NOT_FOUND", `No delegation ${delegationId} of ${id}.`);
    request.log.info({ delegationId }, "delegation revoked");
    response.json(delegationView(row, now));
  });

  router.post("/people/:id/succession", requireRole("admin"), async (request, response) => {
    const leaverId = await personIn(request, response);
    const body = parseBody(successionSchema, request.body);
    const caller = callerOf(response);
    const invalid = (reason: string, message: string) => refuse("SUCCESSION_INVALID", message, { reason });
    if (body.successorId === leaverId) throw invalid("SELF", "A person does not succeed themself.");
    const successor = await database.prisma.person.findFirst({
      where: { id: body.successorId, committeeId: caller.committeeId },
      select: { id: true, account: { select: { disabledAt: true } } },
    });
    if (!successor) throw invalid("UNKNOWN_SUCCESSOR", `No person ${body.successorId} in the directory.`);
    if (successor.account?.disabledAt) {
      throw invalid("SUCCESSOR_DISABLED", `${body.successorId}'s account is disabled.`);
    }
    const now = clock.now();
    const result = await database.prisma.$transaction(async (tx) => {
      // Both people locked in id order, so that two handovers between the same people cannot interleave.
      await tx.$queryRaw`SELECT id FROM people WHERE id IN (${leaverId}, ${body.successorId}) ORDER BY id FOR UPDATE`;
      const moving = await tx.roleAssignment.findMany({
        where: { personId: leaverId, role: { not: "proposer" } },
        orderBy: [{ role: "asc" }, { scope: "asc" }],
      });
      const headed = await tx.unit.findMany({
        where: { headPersonId: leaverId, committeeId: caller.committeeId },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      // The open items addressed to the roles that move (inboxes are addressed to roles, not to people): read
      // before the move, they are in the successor's inbox after it.
      const openNotices = await openNoticesOf(database, leaverId, caller.committeeId, moving, headed);
      if (moving.length > 0) {
        await tx.roleAssignment.createMany({
          data: moving.map(({ role, scope }) => ({ role, scope, personId: body.successorId })),
          skipDuplicates: true,
        });
        await tx.roleAssignment.deleteMany({ where: { personId: leaverId, role: { not: "proposer" } } });
      }
      if (headed.length > 0) {
        await tx.unit.updateMany({
          where: { id: { in: headed.map((unit) => unit.id) } },
          data: { headPersonId: body.successorId },
        });
      }
      // The leaver neither delegates nor is delegated to any more: what was given to them moves with the roles.
      const { count: delegationsRevoked } = await tx.delegation.updateMany({
        where: {
          committeeId: caller.committeeId,
          revokedAt: null,
          endsAt: { gt: now },
          OR: [{ delegatorId: leaverId }, { delegateId: leaverId }],
        },
        data: { revokedAt: now, revokedBy: caller.keyId },
      });
      let sessionsEnded = 0;
      if (body.account === "disable") {
        await lockAccount(tx, leaverId);
        await tx.personAccount.updateMany({
          where: { personId: leaverId, disabledAt: null },
          data: { disabledAt: now },
        });
        sessionsEnded = await endSessionsOf(tx, leaverId, "disabled", now);
      }
      const roles = moving.map(labelOf);
      await recordAudit(tx, subjectOf(request, response), {
        action: "person.succession",
        target: { type: "person", id: leaverId },
        details: {
          successorId: body.successorId,
          roles,
          headOf: headed.map((unit) => unit.id),
          openNotices,
          delegationsRevoked,
          account: body.account === "disable" ? "disabled" : "kept",
          sessionsEnded,
          ...(body.reason ? { reason: body.reason } : {}),
        },
      });
      return { roles, headOf: headed.map((unit) => unit.id), openNotices, delegationsRevoked };
    });
    request.log.info(
      { leaverId, successorId: body.successorId, roles: result.roles.length, notices: result.openNotices.length },
      "succession handed over",
    );
    response.json({
      leaverId,
      successorId: body.successorId,
      ...result,
      account: body.account === "disable" ? "disabled" : "kept",
    });
  });

  return router;
}

/**
 * The unacknowledged notices addressed to the roles a leaver hands over (their unit's, their leader's, the
 * committee office's, the unit-head escalations of the units they head): read through the inbox as a session of
 * theirs would read it, proposer inboxes aside (authorship does not move).
 */
async function openNoticesOf(
  database: Database,
  personId: string,
  committeeId: string,
  moving: readonly { role: string; scope: string }[],
  headed: readonly { id: string }[],
): Promise<string[]> {
  const grants = grantsOfStanding({ personId, assignments: moving, headedUnitIds: headed.map((unit) => unit.id) });
  const [first] = grants;
  if (!first) return [];
  const inbox = await inboxOf(database, {
    ...first,
    keyId: `person:${personId}`,
    prefix: "succession",
    grants,
    committeeId,
  });
  const page = await inboxPage(database, inbox, { unacknowledged: true, limit: NOTICES_LISTED });
  return page.map((notice) => notice.id);
}
