import type { ActorBehalf } from "@huiyin/domain";
import type { Grant } from "../auth/keys.ts";
import { roleView } from "../auth/person-grants.ts";

/**
 * Who may act for whom (issue 14), as pure rules: which of a person's roles an integrator key may use for them, and
 * which of a delegator's roles a delegate holds during a delegation. IO (the directory, the key's binding, the
 * delegations) is read by ./middleware.ts and handed in.
 */

/**
 * The roles one may hold for someone else: the proposal work. `admin` is never acted for (keys, people and settings
 * stay the admin's own, at the console or with an admin key), nor `integrator` (a key, not a person's role).
 */
export const ACTING_ROLES = ["staff", "unit", "leader", "proposer"] as const;
export type ActingRole = (typeof ACTING_ROLES)[number];

/**
 * A role as bindings and delegations name it, in the directory's words: `proposer` (any member), `unit:water` (the
 * contacts and head of that unit), `leader:l-1`, `staff` (staff and staff-head). Without a scope: every holder.
 */
export interface RolePattern {
  role: ActingRole;
  scope?: string;
}

/** `role` or `role:scope` with an acting role; undefined for anything else. */
export function parseRolePattern(text: string): RolePattern | undefined {
  const colon = text.indexOf(":");
  const role = colon === -1 ? text : text.slice(0, colon);
  const scope = colon === -1 ? undefined : text.slice(colon + 1);
  const known = ACTING_ROLES.find((candidate) => candidate === role);
  if (!known || scope === "" || (known === "staff" && scope !== undefined)) return undefined;
  return scope === undefined ? { role: known } : { role: known, scope };
}

/** Whether a grant is one of the pattern's: same role, and the same unit, leader or member when it names one. */
export function grantMatches(pattern: RolePattern, grant: Grant): boolean {
  if (grant.role !== pattern.role) return false;
  return pattern.scope === undefined || roleView(grant).scope === pattern.scope;
}

/** The grants one may hold for someone else: their acting roles only (see `ACTING_ROLES`). */
function actable(grants: readonly Grant[]): Grant[] {
  return grants.filter((grant) => (ACTING_ROLES as readonly string[]).includes(grant.role));
}

/** An integrator key's binding: the people it may act for, and the directory roles whose holders it may act for. */
export interface Binding {
  people: readonly string[];
  roles: readonly string[];
}

/** What an integrator key records on every event it sends for a person. */
export interface Via {
  keyId: string;
  keyPrefix: string;
  integratorId: string;
}

/**
 * The roles an integrator key acts under for `personId`, given the person's grants (their own and those delegated
 * to them now), each marked with the key: bound to the person, all of them; bound to roles, those of the bound
 * roles. Undefined when the key is bound neither to the person nor to any role they hold: the request is refused.
 * An empty list (bound to a person who holds no role) authorises nothing.
 */
export function grantsForIntegrator(
  binding: Binding,
  personId: string,
  grants: readonly Grant[],
  via: Via,
): Grant[] | undefined {
  const usable = actable(grants);
  const patterns = binding.roles.flatMap((text) => parseRolePattern(text) ?? []);
  const bound = binding.people.includes(personId)
    ? usable
    : usable.filter((grant) => patterns.some((pattern) => grantMatches(pattern, grant)));
  if (!binding.people.includes(personId) && bound.length === 0) return undefined;
  return bound.map((grant) => ({ ...grant, behalf: { ...grant.behalf, via: { ...via, personId } } }));
}

/** A delegation's period and revocation: what decides whether it holds now. */
export interface DelegationWindow {
  startsAt: Date;
  endsAt: Date;
  revokedAt: Date | null;
}

/** Active from `startsAt` (included) until `endsAt` (excluded), unless revoked before. */
export function delegationActive(delegation: DelegationWindow, now: Date): boolean {
  if (delegation.revokedAt !== null && delegation.revokedAt.getTime() <= now.getTime()) return false;
  return delegation.startsAt.getTime() <= now.getTime() && now.getTime() < delegation.endsAt.getTime();
}

export interface DelegationTerms {
  id: string;
  delegatorId: string;
  delegateId: string;
  /** Role patterns; empty: every acting role of the delegator. */
  roles: readonly string[];
}

/**
 * The delegator's roles a delegate holds under a delegation (the acting roles, narrowed to `roles` when it names
 * some), each marked with the delegation, so that every event sent under them says who acted, for whom, under what.
 */
export function delegatedGrants(delegation: DelegationTerms, delegatorGrants: readonly Grant[]): Grant[] {
  const patterns = delegation.roles.flatMap((text) => parseRolePattern(text) ?? []);
  const chosen =
    delegation.roles.length === 0
      ? actable(delegatorGrants)
      : actable(delegatorGrants).filter((grant) => patterns.some((pattern) => grantMatches(pattern, grant)));
  const marked: ActorBehalf["delegation"] = {
    id: delegation.id,
    delegatorId: delegation.delegatorId,
    delegateId: delegation.delegateId,
  };
  return chosen.map((grant) => ({ ...grant, behalf: { ...grant.behalf, delegation: marked } }));
}

/**
 * A person's own grants followed by those delegated to them; a delegated role the person already holds as their own
 * (the same role, actor and unit) is dropped: they act under their own.
 */
export function withDelegated(own: readonly Grant[], delegated: readonly Grant[]): Grant[] {
  const same = (a: Grant, b: Grant) => a.role === b.role && a.actorId === b.actorId && a.unitId === b.unitId;
  const merged = [...own];
  for (const grant of delegated) if (!merged.some((held) => same(held, grant))) merged.push(grant);
  return merged;
}
