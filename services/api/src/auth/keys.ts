import { createHash, randomBytes } from "node:crypto";
import type { ActorBehalf } from "@huiyin/domain";

/**
 * The roles an API key can carry (the domain's `system` is the engine's own, never a key's). `operator` is the
 * deployment's, not a committee's: it manages committees (`/v1/committees`) and reads no committee's proposals.
 */
export const KEY_ROLES = ["admin", "staff", "unit", "leader", "proposer", "integrator", "operator"] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

/**
 * One role a caller acts under, with its scope: `actorId` is stamped on the events sent under it; `unitId` is the
 * handling unit of a `unit` role.
 */
export interface Grant {
  role: KeyRole;
  actorId: string;
  unitId: string | null;
  /**
   * A leader's reach beyond the key proposals it leads, read from the directory and the inbox for each request
   * (services/api/src/proposals/leader-scope.ts): the units it supervises, and the proposals whose notices are
   * addressed to it (escalations). Absent for the other roles.
   */
  leaderScope?: { supervisedUnitIds: string[]; addressedProposalIds: string[] };
  /**
   * A role held for someone else (services/api/src/acting-for): an integrator acting for a person it authenticated
   * (`via`), or a delegate acting with a delegator's role (`delegation`). Stamped on the events sent under it.
   */
  behalf?: ActorBehalf;
}

/**
 * The caller behind a request: an API key (one role), or a signed-in person (the roles the directory gives them,
 * read for each request). The top-level role and scope are the caller's first grant (the most privileged), or
 * the grant a `requireRole` check passed under; what a caller may see is the union over `grants`.
 */
export interface Caller extends Grant {
  /** The API key's id, or `person:<id>` for a person's session (what idempotency keys and budgets belong to). */
  keyId: string;
  /** The key's public prefix, or `session:<first characters of the session id>`: safe to log. */
  prefix: string;
  /** Every role the caller holds, most privileged first. Absent: the caller's own role only (an API key). */
  grants?: readonly Grant[];
  /**
   * The committee whose data the caller reaches (the key's, or the signed-in person's): every query and every
   * authorisation is scoped by it. "default" in a deployment with one committee.
   */
  committeeId: string;
  /** The signed-in person behind a session cookie. */
  person?: { id: string; sessionId: string };
  /** An integrator key acting for a person it authenticated (`X-On-Behalf-Of`): the grants are that person's. */
  onBehalf?: { personId: string; integratorId: string };
}

/** The roles a caller acts under: one for a key, one per directory role for a person. */
export function grantsOf(caller: Caller): readonly Grant[] {
  return caller.grants ?? [caller];
}

/** Most privileged first: which of a person's roles speaks for them where one must be chosen. */
export const ROLE_ORDER: readonly KeyRole[] = [
  "admin",
  "staff",
  "leader",
  "unit",
  "proposer",
  "integrator",
  "operator",
];

const PREFIX_LENGTH = 12;

/**
 * A new API key: `hy_` + a 12-character public prefix + `_` + 43 characters of secret (256 random bits). The
 * prefix names the key in lists and logs without revealing it; only the SHA-256 of the whole key is stored.
 * A fast hash is right here (unlike for passwords): the key is random with 256 bits, nothing to brute-force.
 */
export function generateKey(): { key: string; prefix: string; hash: string } {
  const prefix = `hy_${randomBytes(9).toString("base64url").replace(/[-_]/g, "x").slice(0, PREFIX_LENGTH)}`;
  const key = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, hash: hashKey(key) };
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The public prefix of a key in our format, or a short neutral label for a key given from outside. */
export function prefixOf(key: string): string {
  const match = /^(hy_[A-Za-z0-9]{12})_/.exec(key);
  return match?.[1] ?? `ext_${hashKey(key).slice(0, 12)}`;
}

/** The token of an `Authorization: Bearer <token>` header, or undefined when the header is missing or not Bearer. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer +([\x21-\x7e]{16,512}) *$/i.exec(header);
  return match?.[1];
}

/** The caller acting under one of its grants: its top-level role and scope are the grant's. */
export function actingAs(caller: Caller, grant: Grant): Caller {
  const { leaderScope: _scope, behalf: _behalf, ...rest } = caller;
  return {
    ...rest,
    role: grant.role,
    actorId: grant.actorId,
    unitId: grant.unitId,
    ...(grant.leaderScope ? { leaderScope: grant.leaderScope } : {}),
    ...(grant.behalf ? { behalf: grant.behalf } : {}),
  };
}
