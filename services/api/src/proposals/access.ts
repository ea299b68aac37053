import type { Database, Prisma, Proposal } from "@huiyin/db";
import type { Actor } from "@huiyin/engine";
import { leadUnitOf, type Viewer } from "@huiyin/workflow-proposal";
import { type Caller, type Grant, grantsOf } from "../auth/keys.ts";
import { scopedToCommittee } from "../committees/scope.ts";

/**
 * What a caller may see, as a condition on proposals. One condition serves the list, the single fetch and every
 * action, so the rules live in one place:
 * - admin, staff: everything;
 * - unit: proposals assigned to its unit;
 * - leader: key proposals it leads, proposals of the units it supervises (the directory's supervising leader),
 *   and proposals whose notices were addressed to it (escalations);
 * - proposer: proposals it is a proposer of (lead or joint), and those a proposal of theirs was merged into;
 * - integrator: proposals it created.
 * What a caller may not see answers 404, exactly like an id that does not exist: ids are time-ordered, so a 403
 * would confirm to a unit that a proposal it is not concerned with exists and when it was made.
 * A person with several roles sees the union: what any of their roles sees. All of it within the caller's own
 * committee (`scopedToCommittee`): another committee's proposal is as unknown as one that does not exist.
 */
export function visibleWhere(caller: Caller): Prisma.ProposalWhereInput {
  return { AND: [scopedToCommittee(caller), rolesWhere(caller)] };
}

/**
 * Whether the caller's roles see every proposal of its committee (admin, staff; or a person holding such a role):
 * then `visibleWhere` is the committee alone, which a plain statement can check (`eventSender`'s `requireVisible`).
 * Derived from the same conditions, so the rule stays in one place.
 */
export function seesWholeCommittee(caller: Caller): boolean {
  return Object.keys(rolesWhere(caller)).length === 0;
}

/** The columns of a proposal that `visibleRowTest` reads. */
export type VisibleRow = Pick<Proposal, "id" | "committeeId" | "unitIds" | "leaderId" | "proposerId" | "snapshot">;

/**
 * `visibleWhere` of a caller of one role as a test of a row already read, for the engine to ask of the row its lock
 * read brings anyway (`ApplyInput.admits`): no statement of its own before an event (issue 18). Undefined where the
 * rule needs more than the row (an integrator's reads the history; a person of several roles has their role chosen
 * by reading the row first): then ask the database. Written rule by rule beside `grantWhere`; test/access-row.test.ts
 * holds the two equal over proposals of every shape and callers of every role.
 */
export function visibleRowTest(caller: Caller): ((row: VisibleRow) => boolean) | undefined {
  const grants = grantsOf(caller);
  const [only] = grants;
  if (grants.length !== 1 || !only) return undefined;
  const role = grantRowTest(only);
  return role && ((row) => row.committeeId === caller.committeeId && role(row));
}

function grantRowTest(grant: Grant): ((row: VisibleRow) => boolean) | undefined {
  switch (grant.role) {
    case "admin":
    case "staff":
      return () => true;
    case "unit": {
      const { unitId } = grant;
      return unitId ? (row) => row.unitIds.includes(unitId) : () => false;
    }
    case "leader": {
      const scope = grant.leaderScope;
      if (!scope) return (row) => row.leaderId === grant.actorId;
      return (row) =>
        row.leaderId === grant.actorId ||
        row.unitIds.some((unitId) => scope.supervisedUnitIds.includes(unitId)) ||
        scope.addressedProposalIds.includes(row.id);
    }
    case "proposer":
      return (row) =>
        row.proposerId === grant.actorId ||
        listsPerson(row.snapshot, "proposers", grant.actorId) ||
        listsPerson(row.snapshot, "linkedProposers", grant.actorId);
    case "operator":
      return () => false;
    case "integrator":
      return undefined;
  }
}

/** Whether the snapshot's `context[list]` holds `{ id }` (`array_contains: [{ id }]` of `grantWhere`). */
function listsPerson(snapshot: unknown, list: string, id: string): boolean {
  const context = (snapshot as { context?: Record<string, unknown> } | null)?.context;
  const people = context?.[list];
  return (
    Array.isArray(people) &&
    people.some((person) => typeof person === "object" && person !== null && (person as { id?: unknown }).id === id)
  );
}

function rolesWhere(caller: Caller): Prisma.ProposalWhereInput {
  const grants = grantsOf(caller);
  const [only] = grants;
  if (grants.length === 1 && only) return grantWhere(only);
  const conditions = grants.map(grantWhere);
  if (conditions.some((condition) => Object.keys(condition).length === 0)) return {};
  return conditions.length === 0 ? { id: { in: [] } } : { OR: conditions };
}

/**
 * The roles under which the caller sees proposal `id`, most privileged first: the caller itself for a key; for
 * a person with several roles, those of their roles that see it (the role that reads or acts on it is one).
 */
export async function grantsSeeing(database: Database, id: string, caller: Caller): Promise<readonly Grant[]> {
  const grants = grantsOf(caller);
  if (grants.length <= 1) return grants;
  const seeing = await Promise.all(
    grants.map((grant) =>
      database.prisma.proposal.findFirst({
        where: { AND: [{ id }, scopedToCommittee(caller), grantWhere(grant)] },
        select: { id: true },
      }),
    ),
  );
  return grants.filter((_grant, index) => seeing[index] !== null);
}

/**
 * The first of the caller's roles that sees proposal `id`, a proposal already found visible to the caller (so in
 * its committee): what a proposal's answer is shaped under. An admin or staff role sees every proposal of its
 * committee, so when it comes first (the most privileged does) no query is needed.
 */
export async function firstGrantSeeing(database: Database, id: string, caller: Caller): Promise<Grant> {
  const grants = grantsOf(caller);
  const [first] = grants;
  if (grants.length <= 1 || first?.role === "admin" || first?.role === "staff") return first ?? caller;
  const [seeing = caller] = await grantsSeeing(database, id, caller);
  return seeing;
}

/** What one role sees within its committee (see `visibleWhere`, which adds the committee). */
export function grantWhere(caller: Grant): Prisma.ProposalWhereInput {
  switch (caller.role) {
    case "admin":
    case "staff":
      return {};
    case "unit":
      return caller.unitId ? { unitIds: { has: caller.unitId } } : { id: { in: [] } };
    case "leader": {
      // The key proposals it leads, the proposals of the units it supervises, and those escalated to it.
      const scope = caller.leaderScope;
      if (!scope) return { leaderId: caller.actorId };
      return {
        OR: [
          { leaderId: caller.actorId },
          ...(scope.supervisedUnitIds.length > 0 ? [{ unitIds: { hasSome: scope.supervisedUnitIds } }] : []),
          ...(scope.addressedProposalIds.length > 0 ? [{ id: { in: scope.addressedProposalIds } }] : []),
        ],
      };
    }
    case "proposer":
      return {
        OR: [
          { proposerId: caller.actorId },
          { snapshot: { path: ["context", "proposers"], array_contains: [{ id: caller.actorId }] } },
          // A proposer of a proposal merged into this one (并案) is linked to it: reads its reply and rates it.
          { snapshot: { path: ["context", "linkedProposers"], array_contains: [{ id: caller.actorId }] } },
        ],
      };
    case "operator":
      // The deployment's operator manages committees; it reads none of their proposals.
      return { id: { in: [] } };
    case "integrator":
      return {
        events: {
          some: {
            seq: 1,
            AND: [
              { actor: { path: ["role"], equals: "integrator" } },
              { actor: { path: ["id"], equals: caller.actorId } },
            ],
          },
        },
      };
  }
}

/**
 * The actor stamped on what the caller does. An admin acts on proposals as staff (the machine knows the roles of
 * the proposal work; admin is an operator's role for keys and settings); the key's actor id keeps who it was.
 */
export function actorOf(caller: Grant): Actor {
  return {
    // An operator sees no proposal, so never acts on one; were it to reach here it would act as nobody's staff.
    role: caller.role === "admin" || caller.role === "operator" ? "staff" : caller.role,
    id: caller.actorId,
    ...(caller.unitId ? { unitId: caller.unitId } : {}),
    // The machine decides a leader's supervision by the units it supervises; the history keeps the scope it had.
    ...(caller.leaderScope ? { supervisedUnitIds: caller.leaderScope.supervisedUnitIds } : {}),
    // Acting for someone (an integrator for a person, a delegate for a delegator): kept with the event.
    ...(caller.behalf ? { behalf: caller.behalf } : {}),
  };
}

/**
 * Why the caller may not create this proposal, or undefined when it may: a sentence, and for a proposer key that
 * names another member as lead the reason `NOT_LEAD_PROPOSER` (answered as 403 `FORBIDDEN` with
 * `details.reason`, like the machine's refusals of who may act). A proposer
 * key creates only proposals it leads: the lead proposer (first of `proposers`) submits and acts for all, so a
 * member naming another as lead would act in their name. Co-proposers (联名) may be anyone. Staff and admin
 * register proposals on a member's behalf; an integrator creates for the people of its own system.
 */
export function createRefusal(
  caller: Grant,
  proposerIds: readonly string[],
): { message: string; reason?: "NOT_LEAD_PROPOSER" } | undefined {
  switch (caller.role) {
    case "admin":
    case "staff":
    case "integrator":
      return undefined;
    case "proposer":
      return proposerIds[0] === caller.actorId
        ? undefined
        : {
            reason: "NOT_LEAD_PROPOSER",
            message: `A proposer key creates only proposals it leads: the first of proposers must be ${caller.actorId}.`,
          };
    case "unit":
    case "leader":
    case "operator":
      return { message: `a ${caller.role} key does not create proposals` };
  }
}

/**
 * Which audience of the disclosure rules (workflows/proposal `disclose`) a caller reads as: an integrator creates
 * and follows proposals for their proposers (the member app, the public platform), so it reads what they read.
 * `proposal`, the row read (its snapshot), tells a unit whether it is the lead unit the co-units' opinions go to.
 */
export function viewerOf(caller: Grant, proposal?: { snapshot: unknown }): Viewer {
  switch (caller.role) {
    case "admin":
    case "staff":
      return { audience: "back-office" };
    case "leader":
      return { audience: "leader" };
    case "unit": {
      const context = (proposal?.snapshot as { context?: unknown } | null | undefined)?.context;
      const lead = caller.unitId != null && leadUnitOf(context) === caller.unitId;
      return { audience: "unit", unitId: caller.unitId, ...(lead ? { leadsProposal: true } : {}) };
    }
    case "proposer":
    case "integrator":
    case "operator":
      return { audience: "proposer" };
  }
}

/**
 * The role a person with several roles acts under: the first (most privileged) of `grants` that `permits`, or else
 * the first, whose refusal then explains why. `grants` are the roles under which the caller sees the proposal.
 */
export function grantFor(grants: readonly Grant[], permits: (actor: Actor) => boolean): Grant | undefined {
  return grants.find((grant) => permits(actorOf(grant))) ?? grants[0];
}
