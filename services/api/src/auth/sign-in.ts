import type { Database } from "@huiyin/db";
import type { Clock } from "@huiyin/engine";
import { type Request, type Response, Router } from "express";
import { z } from "zod";
import { recordAudit, subjectOf } from "../audit/record.ts";
import { addressBucket } from "../http/client-address.ts";
import { refuse } from "../http/error-codes.ts";
import type { RateLimiter } from "../http/rate-limit.ts";
import { parseBody } from "../http/validate.ts";
import { sessionOf } from "./authenticate.ts";
import { csrfTokenOf, originRefused } from "./csrf.ts";
import { type Caller, type Grant, grantsOf } from "./keys.ts";
import { decoyHash, verifyPassword } from "./passwords.ts";
import { peopleWithEmail } from "./people-by-email.ts";
import { ownOrigins, type PeopleOptions } from "./people-options.ts";
import { grantsOfPerson, roleView } from "./person-grants.ts";
import { clearedSessionCookie, hashToken, sessionCookie } from "./session-tokens.ts";
import { endSession, startSession } from "./sessions.ts";

export const signInSchema = z.strictObject({
  /** The person's e-mail address in the directory (case does not matter). */
  login: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
});

/** The answer of sign-in and of `GET /v1/session`: who, with which roles now, and the session's CSRF token. */
export function sessionBody(
  person: { id: string; name: string; language: string },
  grants: readonly Grant[],
  token: string,
) {
  return {
    person: { id: person.id, name: person.name, language: person.language },
    roles: grants.map(roleView),
    csrfToken: csrfTokenOf(token),
  };
}

const SIGN_IN_FAILED = "Wrong login or password, or the account cannot sign in now (ask an administrator).";

export interface SignInDeps {
  database: Database;
  clock: Clock;
  people: PeopleOptions;
  /** The budget of failed sign-ins, per address and per account (429 once spent). */
  failureLimiter: RateLimiter;
}

/**
 * `POST /v1/session`: signs a person in with their e-mail and password, before authentication. Every way to fail
 * (unknown login, no password yet, wrong password, disabled, locked) answers the same 401 `SIGN_IN_FAILED` after
 * the same scrypt work, so the answer tells nobody whether a login exists. Failures are counted per address and per
 * login (429 once a budget is spent) and per account: SIGN_IN_LOCKOUT_FAILURES in a row lock it until an admin
 * unlocks it. The Origin must be ours when the browser sends one (a login CSRF would sign a victim into our account).
 */
export function signInRoutes(deps: SignInDeps): Router {
  const router = Router();
  const { database, clock, people, failureLimiter } = deps;

  router.post("/session", async (request, response) => {
    const refusal = originRefused(request.headers.origin, ownOrigins(request, people.publicBaseUrl));
    if (refusal) throw refuse("CSRF_REJECTED", refusal);
    const body = parseBody(signInSchema, request.body);
    const budgets = [`sign-in:${bucketOf(request)}`, `sign-in:account:${hashToken(body.login.toLowerCase())}`];
    for (const budget of budgets) {
      const decision = await failureLimiter.check(budget);
      if (!decision.allowed) {
        throw refuse(
          "RATE_LIMITED",
          `Too many failed sign-ins; retry in ${decision.retryAfterSeconds} s.`,
          { retryAfterSeconds: decision.retryAfterSeconds },
          { "Retry-After": String(decision.retryAfterSeconds) },
        );
      }
    }
    // An e-mail held by two people names nobody: neither can sign in with it until the directory is fixed.
    const matches = await peopleWithEmail(database, body.login);
    const person = matches.length === 1 ? matches[0] : undefined;
    const account = person?.account ?? undefined;
    const passwordMatches = await verifyPassword(
      body.password,
      account?.passwordHash ?? (await decoyHash(people.scrypt)),
    );
    const now = clock.now();
    if (!person || !account?.passwordHash || account.disabledAt || account.lockedAt || !passwordMatches) {
      await Promise.all(budgets.map((budget) => failureLimiter.take(budget)));
      if (person && account?.passwordHash && !account.disabledAt && !account.lockedAt && !passwordMatches) {
        await countFailure(database, request, response, person, people.lockoutFailures);
      }
      throw refuse("SIGN_IN_FAILED", SIGN_IN_FAILED);
    }
    const session = await database.prisma.$transaction(async (tx) => {
      await tx.personAccount.update({ where: { personId: person.id }, data: { failedAttempts: 0 } });
      const started = await startSession(tx, person.id, people, now, person.committeeId);
      await recordAudit(tx, subjectOf(request, response), {
        action: "session.start",
        committeeId: person.committeeId,
        target: { type: "person", id: person.id },
        details: { session: started.id.slice(0, 8) },
      });
      return started;
    });
    const grants = await grantsOfPerson(database, person.id);
    request.log.info({ personId: person.id, sessionPrefix: session.id.slice(0, 8) }, "signed in");
    response
      .setHeader(
        "Set-Cookie",
        sessionCookie(session.token, {
          secure: request.secure,
          maxAgeSeconds: (session.expiresAt.getTime() - now.getTime()) / 1000,
        }),
      )
      .json(sessionBody(person, grants, session.token));
  });

  return router;
}

/** Counts a wrong password against the account; the failure that reaches the limit locks it (and is audited). */
async function countFailure(
  database: Database,
  request: Request,
  response: Response,
  person: { id: string; committeeId: string },
  limit: number,
): Promise<void> {
  const personId = person.id;
  await database.prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ failed_attempts: number; locked: boolean }[]>`
      UPDATE person_accounts
      SET failed_attempts = failed_attempts + 1, updated_at = now(),
        locked_at = CASE WHEN failed_attempts + 1 >= ${limit} THEN coalesce(locked_at, now()) ELSE locked_at END
      WHERE person_id = ${personId}
      RETURNING failed_attempts, locked_at IS NOT NULL AS locked`;
    if (row?.locked && row.failed_attempts === limit) {
      request.log.warn({ personId, failedAttempts: row.failed_attempts }, "account locked after failed sign-ins");
      await recordAudit(tx, subjectOf(request, response), {
        action: "account.lock",
        committeeId: person.committeeId,
        outcome: "failed",
        target: { type: "person", id: personId },
        details: { failedAttempts: row.failed_attempts },
      });
    }
  });
}

/**
 * `GET /v1/session` (the person and their roles as they stand now, and the CSRF token) and `DELETE /v1/session`
 * (sign-out: the session row is ended, the cookie cleared), behind authentication: only a session answers them.
 */
export function sessionRoutes(database: Database, clock: Clock): Router {
  const router = Router();
  router.get("/session", async (_request, response) => {
    const session = sessionOf(response);
    if (!session) throw refuse("UNAUTHENTICATED", "No session: sign in (POST /v1/session).");
    // The roles held now under delegations to the person (issue 14), beside their own: the console shows them,
    // with the delegator's name (read only when there are any, within the person's committee).
    // Absent without any, so that the answer is the sign-in's.
    const caller = response.locals.caller as Caller | undefined;
    const held = (caller ? grantsOf(caller) : []).flatMap((grant) => {
      const delegation = grant.behalf?.delegation;
      return delegation ? [{ grant, delegation }] : [];
    });
    const delegators =
      held.length === 0
        ? []
        : await database.prisma.person.findMany({
            where: {
              committeeId: session.person.committeeId,
              id: { in: [...new Set(held.map(({ delegation }) => delegation.delegatorId))] },
            },
            select: { id: true, name: true },
          });
    const names = new Map(delegators.map((person) => [person.id, person.name]));
    const delegated = held.map(({ grant, delegation }) => ({
      ...roleView(grant),
      delegatorId: delegation.delegatorId,
      delegatorName: names.get(delegation.delegatorId) ?? null,
      delegationId: delegation.id,
    }));
    response.json({
      ...sessionBody(session.person, session.grants, session.token),
      ...(delegated.length > 0 ? { delegated } : {}),
    });
  });
  router.delete("/session", async (request, response) => {
    const session = sessionOf(response);
    if (!session) throw refuse("UNAUTHENTICATED", "No session: sign in (POST /v1/session).");
    await database.prisma.$transaction(async (tx) => {
      await endSession(tx, session.sessionId, clock.now());
      await recordAudit(tx, subjectOf(request, response), {
        action: "session.end",
        committeeId: session.person.committeeId,
        target: { type: "person", id: session.person.id },
        details: { session: session.sessionId.slice(0, 8), reason: "sign-out" },
      });
    });
    request.log.info({ personId: session.person.id }, "signed out");
    response
      .setHeader("Set-Cookie", clearedSessionCookie({ secure: request.secure }))
      .status(204)
      .end();
  });
  return router;
}

function bucketOf(request: Request): string {
  return addressBucket(request.ip ?? request.socket.remoteAddress ?? "unknown");
}
