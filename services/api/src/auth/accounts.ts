import type { Database } from "@huiyin/db";
import type { Clock } from "@huiyin/engine";
import { type Request, type Response, Router } from "express";
import { type AuditAction, recordAudit, subjectOf } from "../audit/record.ts";
import { scopedToCommittee } from "../committees/scope.ts";
import { refuse } from "../http/error-codes.ts";
import { callerOf, requireRole } from "./authenticate.ts";
import { refuseLosingLastAdmin } from "./last-admin.ts";
import { endSessionsOf, lockAccount } from "./sessions.ts";

/** An account as admins see it: never the hash. */
export function accountView(
  personId: string,
  row: {
    passwordHash: string | null;
    passwordSetAt: Date | null;
    disabledAt: Date | null;
    lockedAt: Date | null;
    failedAttempts: number;
  } | null,
) {
  return {
    personId,
    hasPassword: Boolean(row?.passwordHash),
    passwordSetAt: row?.passwordSetAt?.toISOString() ?? null,
    disabledAt: row?.disabledAt?.toISOString() ?? null,
    lockedAt: row?.lockedAt?.toISOString() ?? null,
    failedAttempts: row?.failedAttempts ?? 0,
  };
}

/**
 * A person's account, for admins: `GET /v1/accounts` (all of the committee's), `GET /v1/people/:id/account`; `POST /v1/people/:id/unlock` (lifts a lockout),
 * `/disable` (ends their sessions at once: their next request is 401) and `/enable`. Each change is audited.
 */
export function accountRoutes(database: Database, clock: Clock): Router {
  const router = Router();
  const admin = requireRole("admin");

  /** The person of the path, in the admin's own committee (another committee's answers 404). */
  async function person(request: Request, response: Response): Promise<string> {
    const id = String(request.params.id);
    const found = await database.prisma.person.findFirst({
      where: { id, ...scopedToCommittee(callerOf(response)) },
      select: { id: true },
    });
    if (!found) throw refuse("NOT_FOUND", `No person ${id} in the directory.`);
    return id;
  }

  // Every account of the caller's committee at once: the console's people page shows each person's state beside
  // them (no password yet, disabled, locked) without a request per person.
  router.get("/accounts", admin, async (_request, response) => {
    const rows = await database.prisma.personAccount.findMany({
      where: { committeeId: callerOf(response).committeeId },
      orderBy: { personId: "asc" },
    });
    response.json({ items: rows.map((row) => accountView(row.personId, row)) });
  });

  router.get("/people/:id/account", admin, async (request, response) => {
    const personId = await person(request, response);
    const row = await database.prisma.personAccount.findUnique({ where: { personId } });
    response.json(accountView(personId, row));
  });

  const change =
    (action: AuditAction, data: (now: Date) => Record<string, unknown>, endsSessions: boolean) =>
    async (request: Request, response: Response) => {
      const personId = await person(request, response);
      const caller = callerOf(response);
      const disabling = action === "account.disable";
      // Signed out at once, with nobody to enable the account again if no other admin is left.
      if (disabling && caller.person?.id === personId) {
        throw refuse("CANNOT_DISABLE_SELF", "You cannot disable your own account; another admin can.");
      }
      const now = clock.now();
      const row = await database.prisma.$transaction(async (tx) => {
        if (disabling) await refuseLosingLastAdmin(tx, caller.committeeId, personId);
        await lockAccount(tx, personId);
        const before = await tx.personAccount.findUniqueOrThrow({ where: { personId } });
        const after = await tx.personAccount.update({ where: { personId }, data: data(now) });
        const ended = endsSessions ? await endSessionsOf(tx, personId, "disabled", now) : 0;
        await recordAudit(tx, subjectOf(request, response), {
          action,
          target: { type: "person", id: personId },
          details: {
            before: { disabled: Boolean(before.disabledAt), locked: Boolean(before.lockedAt) },
            after: { disabled: Boolean(after.disabledAt), locked: Boolean(after.lockedAt) },
            ...(endsSessions ? { sessionsEnded: ended } : {}),
          },
        });
        return after;
      });
      request.log.info({ personId, action }, "account changed");
      response.json(accountView(personId, row));
    };

  router.post(
    "/people/:id/unlock",
    admin,
    change("account.unlock", () => ({ lockedAt: null, failedAttempts: 0 }), false),
  );
  router.post(
    "/people/:id/disable",
    admin,
    change("account.disable", (now) => ({ disabledAt: now }), true),
  );
  router.post(
    "/people/:id/enable",
    admin,
    change("account.enable", () => ({ disabledAt: null }), false),
  );
  return router;
}
