import type { Database } from "@huiyin/db";
import type { RequestHandler } from "express";
import type { Caller, Grant } from "../auth/keys.ts";
import { scopedToCommittee } from "../committees/scope.ts";
import { inboxOfGrant, proposalsAddressedTo } from "../notifications/inbox.ts";

/**
 * Reads a leader's reach for this request: the units whose supervising leader it is in the directory, and the
 * proposals whose notices are addressed to it (escalations, as its inbox holds them). Read per request, like the
 * key itself, so that a directory change applies at once. Other roles pass unchanged; a person's leader roles
 * each get their reach.
 */
export function leaderScope(database: Database): RequestHandler {
  return async (_request, response, next) => {
    const caller = response.locals.caller as Caller | undefined;
    if (!caller) return next();
    const scoped = async (grant: Grant): Promise<Grant> => {
      if (grant.role !== "leader") return grant;
      const [units, addressedProposalIds] = await Promise.all([
        database.prisma.unit.findMany({
          where: { supervisorLeaderId: grant.actorId, ...scopedToCommittee(caller) },
          select: { id: true },
        }),
        inboxOfGrant(database, grant, caller.committeeId).then((inbox) => proposalsAddressedTo(database, inbox)),
      ]);
      return { ...grant, leaderScope: { supervisedUnitIds: units.map((unit) => unit.id), addressedProposalIds } };
    };
    if (caller.grants) {
      const grants = await Promise.all(caller.grants.map(scoped));
      const first = grants[0];
      response.locals.caller = { ...caller, ...(first?.leaderScope ? { leaderScope: first.leaderScope } : {}), grants };
    } else if (caller.role === "leader") {
      response.locals.caller = { ...caller, leaderScope: (await scoped(caller)).leaderScope } satisfies Caller;
    }
    next();
  };
}
