import type { Database } from "@huiyin/db";
import type { RequestHandler } from "express";
import type { Caller } from "../auth/keys.ts";
import { inboxOf, proposalsAddressedTo } from "../notifications/inbox.ts";

/**
 * Reads a leader's reach for this request: the units whose supervising leader it is in the directory, and the
 * proposals whose notices are addressed to it (escalations, as its inbox holds them). Read per request, like the
 * key itself, so that a directory change applies at once. Other roles pass unchanged.
 */
export function leaderScope(database: Database): RequestHandler {
  return async (_request, response, next) => {
    const caller = response.locals.caller as Caller | undefined;
    if (caller?.role === "leader") {
      const [units, addressedProposalIds] = await Promise.all([
        database.prisma.unit.findMany({ where: { supervisorLeaderId: caller.actorId }, select: { id: true } }),
        inboxOf(database, caller).then((inbox) => proposalsAddressedTo(database, inbox)),
      ]);
      response.locals.caller = {
        ...caller,
        leaderScope: { supervisedUnitIds: units.map((unit) => unit.id), addressedProposalIds },
      } satisfies Caller;
    }
    next();
  };
}
