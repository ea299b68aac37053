import type { Request } from "express";
import { SCRYPT_PARAMETERS, type ScryptParameters } from "./passwords.ts";

/** How people sign in: from the configuration (SESSION_*, SIGN_IN_LOCKOUT_FAILURES, INVITATION_TTL_HOURS). */
export interface PeopleOptions {
  idleMinutes: number;
  absoluteMinutes: number;
  lockoutFailures: number;
  invitationTtlHours: number;
  /** PUBLIC_BASE_URL: the base of invitation links, and an origin of ours. */
  publicBaseUrl: string;
  /**
   * The cost of new password hashes (and of the decoy hash that unknown logins are checked against): OWASP's
   * `SCRYPT_PARAMETERS` in production. A stored hash is always verified with the parameters it names.
   */
  scrypt?: ScryptParameters | undefined;
}

/** The configuration's defaults (packages/config), for an app built without them (tests of other features). */
export const PEOPLE_DEFAULTS: PeopleOptions = {
  idleMinutes: 60,
  absoluteMinutes: 720,
  lockoutFailures: 10,
  invitationTtlHours: 72,
  publicBaseUrl: "http://127.0.0.1:3000",
  scrypt: SCRYPT_PARAMETERS,
};

/**
 * The origins the api answers as: the one the request reached (its scheme, honouring TRUST_PROXY, and Host) and
 * PUBLIC_BASE_URL's. A forged request from another site carries that site's Origin, whatever Host it reaches.
 */
export function ownOrigins(request: Request, publicBaseUrl: string): string[] {
  const origins = [new URL(publicBaseUrl).origin];
  const host = request.get("host");
  if (host) origins.push(`${request.protocol}://${host}`);
  return origins;
}
