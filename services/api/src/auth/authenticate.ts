import type { Database } from "@huiyin/db";
import type { Clock } from "@huiyin/engine";
import type { Request, RequestHandler, Response } from "express";
import { refuse } from "../http/error-codes.ts";
import type { HttpError } from "../http/errors.ts";
import { csrfRefusal, csrfTokenOf } from "./csrf.ts";
import type { KeyCache } from "./key-cache.ts";
import { actingAs, bearerToken, type Caller, grantsOf, hashKey, KEY_ROLES, type KeyRole } from "./keys.ts";
import { clearedSessionCookie, type SessionLimits, sessionCookieOf } from "./session-tokens.ts";
import { readSession, type SignedIn } from "./sessions.ts";

export interface SessionAuthentication {
  limits: SessionLimits;
  clock: Clock;
  /** The origins the api answers as, for the Origin check of a cookie-authenticated change. */
  ownOrigins(request: Request): readonly string[];
  /** Verified API keys kept for a few seconds (./key-cache.ts); absent: every request reads its key. */
  keyCache?: KeyCache | undefined;
}

/** The signed-in person of a request authenticated by its session cookie (with or without any role). */
export interface SessionLocals extends SignedIn {
  /** The cookie's token: never logged, never answered; only the CSRF token derived from it is. */
  token: string;
}

/**
 * Authenticates a request under /v1, or answers 401 `UNAUTHENTICATED`:
 * - `Authorization: Bearer <api key>`: the key is looked up by its SHA-256 (the only form stored); a revoked key is
 *   as unknown as a wrong one, so the answer reveals nothing. Unchanged by sessions: a key never needs a CSRF token.
 *   A verified key may come from the key cache (a few seconds; a revocation, published by PostgreSQL, drops it
 *   at once on every process). Sessions are not cached: each request reads its session and roles.
 * - else the `huiyin_session` cookie: the session must hold (auth/sessions.ts), and a change (POST, PUT, PATCH,
 *   DELETE) must carry the session's `X-CSRF-Token` and, when the browser sends one, our own `Origin`; otherwise
 *   403 `CSRF_REJECTED`. The person's roles are read from the directory now, so a change applies at once.
 * The request's logger is rebound with the key's public prefix or the person's id (never a credential).
 */
export function authenticate(database: Database, sessions: SessionAuthentication): RequestHandler {
  return async (request, response, next) => {
    const header = request.headers.authorization;
    const cookie = header === undefined ? sessionCookieOf(request.headers.cookie) : undefined;
    if (cookie !== undefined) return authenticateSession(database, sessions, cookie, request, response, next);
    if (!bearerToken(header)) {
      throw unauthenticated("Send an API key as Authorization: Bearer <key>, or sign in (POST /v1/session).");
    }
    const caller = await keyCaller(database, header, sessions.keyCache);
    if (!caller) throw unauthenticated("The API key is unknown or revoked.");
    response.locals.caller = caller;
    request.log = request.log.child({ keyPrefix: caller.prefix, role: caller.role });
    next();
  };
}

/**
 * The caller of an `Authorization: Bearer <api key>` header, or undefined when there is none or the key is unknown
 * or revoked. The key is looked up by its SHA-256, the only form stored.
 */
export async function keyCaller(
  database: Database,
  header: string | undefined,
  cache?: KeyCache,
): Promise<Caller | undefined> {
  const token = bearerToken(header);
  if (!token) return undefined;
  const hash = hashKey(token);
  const cached = cache?.get(hash, Date.now());
  if (cached) return cached;
  // Taken before the read: a change published while the read is in flight keeps its result out of the cache.
  const generation = cache?.generation ?? 0;
  const { rows } = await database.pool.query<KeyRow>(
    `SELECT id, prefix, role, actor_id, unit_id, committee_id FROM api_keys WHERE hash = $1 AND revoked_at IS NULL`,
    [hash],
  );
  const row = rows[0];
  if (!row) return undefined;
  const caller: Caller = {
    keyId: row.id,
    prefix: row.prefix,
    role: asRole(row.role),
    actorId: row.actor_id,
    unitId: row.unit_id,
    committeeId: row.committee_id,
  };
  cache?.store(hash, caller, generation, Date.now());
  return caller;
}

interface KeyRow {
  id: string;
  prefix: string;
  role: string;
  actor_id: string;
  unit_id: string | null;
  committee_id: string;
}

async function authenticateSession(
  database: Database,
  sessions: SessionAuthentication,
  token: string,
  request: Request,
  response: Response,
  next: () => void,
): Promise<void> {
  const signedIn = await readSession(database, token, sessions.limits, sessions.clock.now());
  if (!signedIn) {
    // The browser drops the dead cookie, so that the console's next request is plainly signed out.
    throw refuse(
      "UNAUTHENTICATED",
      "The session has ended or is unknown; sign in again (POST /v1/session).",
      undefined,
      {
        "WWW-Authenticate": 'Bearer realm="huiyin"',
        "Set-Cookie": clearedSessionCookie({ secure: request.secure }),
      },
    );
  }
  const refusal = csrfRefusal({
    method: request.method,
    origin: request.headers.origin,
    ownOrigins: sessions.ownOrigins(request),
    token: headerValue(request.headers["x-csrf-token"]),
    expected: csrfTokenOf(token),
  });
  if (refusal) throw refuse("CSRF_REJECTED", refusal);
  response.locals.session = { ...signedIn, token } satisfies SessionLocals;
  const [first] = signedIn.grants;
  if (first) {
    const caller: Caller = {
      ...first,
      keyId: `person:${signedIn.person.id}`,
      prefix: `session:${signedIn.sessionId.slice(0, 8)}`,
      grants: signedIn.grants,
      committeeId: signedIn.person.committeeId,
      person: { id: signedIn.person.id, sessionId: signedIn.sessionId },
    };
    response.locals.caller = caller;
  }
  request.log = request.log.child({
    personId: signedIn.person.id,
    sessionPrefix: signedIn.sessionId.slice(0, 8),
    roles: signedIn.grants.map((grant) => grant.role),
  });
  next();
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function unauthenticated(message: string): HttpError {
  return refuse("UNAUTHENTICATED", message, undefined, { "WWW-Authenticate": 'Bearer realm="huiyin"' });
}

function asRole(role: string): KeyRole {
  const known = KEY_ROLES.find((candidate) => candidate === role);
  if (!known) throw new Error(`API key with unknown role ${role}`);
  return known;
}

/** The signed-in person of a session-authenticated request, if it is one. */
export function sessionOf(response: Response): SessionLocals | undefined {
  return response.locals.session as SessionLocals | undefined;
}

/**
 * 403 `FORBIDDEN` for a signed-in person who holds no role in the directory: they may read and end their session
 * (mounted before this) and nothing else.
 */
export const requireCaller: RequestHandler = (_request, response, next) => {
  if (!response.locals.caller) {
    throw refuse("FORBIDDEN", "You hold no role in the directory yet; ask an administrator to assign one.");
  }
  next();
};

/** The authenticated caller; only on routes behind `authenticate`. */
export function callerOf(response: Response): Caller {
  const caller = response.locals.caller as Caller | undefined;
  if (!caller) throw new Error("callerOf used on a route without authenticate()");
  return caller;
}

/**
 * 403 `FORBIDDEN` unless the caller holds one of `roles`. A person with several roles passes under the first
 * that fits, and the route then sees the caller acting under that role (its top-level role and scope).
 */
export function requireRole(...roles: KeyRole[]): RequestHandler {
  return (_request, response, next) => {
    const caller = callerOf(response);
    const grant = grantsOf(caller).find((candidate) => roles.includes(candidate.role));
    if (!grant) {
      const held = grantsOf(caller)
        .map((candidate) => candidate.role)
        .join(", ");
      throw refuse("FORBIDDEN", `This needs the role ${roles.join(" or ")}; the caller is ${held}.`);
    }
    if (grant !== caller) response.locals.caller = actingAs(caller, grant);
    next();
  };
}
