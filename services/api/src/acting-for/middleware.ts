import type { Database } from "@huiyin/db";
import type { Clock } from "@huiyin/engine";
import type { RequestHandler, Response } from "express";
import { sessionOf } from "../auth/authenticate.ts";
import { type Caller, type Grant, grantsOf } from "../auth/keys.ts";
import { grantsOfPerson } from "../auth/person-grants.ts";
import { refuse } from "../http/error-codes.ts";
import { isStorable } from "../http/input-guard.ts";
import { delegatedGrants, grantsForIntegrator, withDelegated } from "./rules.ts";

/** The header an integrator key names the person it acts for with. */
export const ON_BEHALF_HEADER = "x-on-behalf-of";

/**
 * Who the request acts for, after authentication and before anything reads the caller's roles:
 * - an `integrator` key with `X-On-Behalf-Of: <person id>` becomes that person (of the key's committee) for this
 *   request: their roles the key is bound to, each marked with the key (./rules.ts `grantsForIntegrator`), so that
 *   what they may see and do is decided by the same rules as a session of theirs, and the history keeps both;
 * - a signed-in person (or the person an integrator acts for) also holds the roles delegated to them now.
 * Refusals (403, audited as refused requests): the header on another kind of caller, a person unknown in the
 * committee, a disabled person, a person the key is not bound to. Everything is read now, so a binding changed, a
 * delegation revoked or expired, applies at the next request.
 */
export function actingFor(database: Database, clock: Clock): RequestHandler {
  return async (request, response, next) => {
    const header = request.headers[ON_BEHALF_HEADER];
    const now = clock.now();
    if (header !== undefined) {
      const caller = await integratorActingFor(database, response, String(header), now);
      response.locals.caller = caller;
      request.log = request.log.child({ onBehalfOf: caller.onBehalf.personId });
      return next();
    }
    const session = sessionOf(response);
    if (!session) return next();
    const delegated = await delegatedGrantsOf(database, session.person.id, session.person.committeeId, now);
    if (delegated.length === 0) return next();
    const caller = response.locals.caller as Caller | undefined;
    const grants = withDelegated(caller ? grantsOf(caller) : [], delegated);
    const [first] = grants;
    if (!first) return next();
    response.locals.caller = {
      ...(caller ?? first),
      keyId: `person:${session.person.id}`,
      prefix: `session:${session.sessionId.slice(0, 8)}`,
      grants,
      committeeId: session.person.committeeId,
      person: { id: session.person.id, sessionId: session.sessionId },
    } satisfies Caller;
    next();
  };
}

async function integratorActingFor(database: Database, response: Response, personId: string, now: Date) {
  const key = response.locals.caller as Caller | undefined;
  if (!key || sessionOf(response) || key.role !== "integrator" || key.grants) {
    throw refuse("ON_BEHALF_NOT_INTEGRATOR", "X-On-Behalf-Of is for integrator keys only.");
  }
  // The person of the key's committee only: one of another committee is as unknown as an id nobody has.
  const person =
    personId.length > 0 && personId.length <= 200 && isStorable(personId)
      ? await database.prisma.person.findFirst({
          where: { id: personId, committeeId: key.committeeId },
          select: { id: true, account: { select: { disabledAt: true } } },
        })
      : null;
  if (!person) throw refuse("ON_BEHALF_UNKNOWN_PERSON", `No person ${personId} in the directory.`);
  if (person.account?.disabledAt) {
    throw refuse("ON_BEHALF_PERSON_DISABLED", `${personId}'s account is disabled: nobody acts for them.`);
  }
  const [binding, own, delegated] = await Promise.all([
    database.prisma.apiKey.findUniqueOrThrow({
      where: { id: key.keyId },
      select: { actsForPeople: true, actsForRoles: true },
    }),
    grantsOfPerson(database, personId),
    delegatedGrantsOf(database, personId, key.committeeId, now),
  ]);
  const grants = grantsForIntegrator(
    { people: binding.actsForPeople, roles: binding.actsForRoles },
    personId,
    withDelegated(own, delegated),
    { keyId: key.keyId, keyPrefix: key.prefix, integratorId: key.actorId },
  );
  if (!grants) {
    throw refuse(
      "ON_BEHALF_NOT_BOUND",
      `This key may not act for ${personId}: bind it to them or to one of their roles.`,
    );
  }
  const [first] = grants;
  if (!first) throw refuse("FORBIDDEN", `${personId} holds no role this key may act under.`);
  return {
    ...first,
    keyId: key.keyId,
    prefix: key.prefix,
    grants,
    committeeId: key.committeeId,
    onBehalf: { personId, integratorId: key.actorId },
  } satisfies Caller;
}

/**
 * The roles delegated to a person now: for each delegation to them that holds at `now` (not revoked, within its
 * period, its delegator not disabled), the delegator's roles as the directory gives them now, narrowed to the delegation's roles.
 */
export async function delegatedGrantsOf(
  database: Database,
  personId: string,
  committeeId: string,
  now: Date,
): Promise<Grant[]> {
  const delegations = await database.prisma.delegation.findMany({
    where: {
      delegateId: personId,
      committeeId,
      revokedAt: null,
      startsAt: { lte: now },
      endsAt: { gt: now },
      // Nobody acts for a person whose account an admin disabled, a delegate no more than an integrator.
      delegator: { OR: [{ account: null }, { account: { disabledAt: null } }] },
    },
    orderBy: { createdAt: "asc" },
  });
  const each = await Promise.all(
    delegations.map(async (delegation) =>
      delegatedGrants(delegation, await grantsOfPerson(database, delegation.delegatorId)),
    ),
  );
  return each.flat();
}
