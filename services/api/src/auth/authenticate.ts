import type { Database } from "@huiyin/db";
import type { RequestHandler, Response } from "express";
import { refuse } from "../http/error-codes.ts";
import type { HttpError } from "../http/errors.ts";
import { bearerToken, type Caller, hashKey, KEY_ROLES, type KeyRole } from "./keys.ts";

/**
 * `Authorization: Bearer <api key>` → the caller, or 401 `UNAUTHENTICATED`. The key is looked up by its
 * SHA-256 (the only form stored); a revoked key is as unknown as a wrong one, so the answer reveals nothing.
 * The request's logger is rebound with the key's public prefix (never the key).
 */
export function authenticate(database: Database): RequestHandler {
  return async (request, response, next) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthenticated("Send an API key as Authorization: Bearer <key>.");
    const row = await database.prisma.apiKey.findUnique({ where: { hash: hashKey(token) } });
    if (!row || row.revokedAt !== null) throw unauthenticated("The API key is unknown or revoked.");
    const caller: Caller = {
      keyId: row.id,
      prefix: row.prefix,
      role: asRole(row.role),
      actorId: row.actorId,
      unitId: row.unitId,
    };
    response.locals.caller = caller;
    request.log = request.log.child({ keyPrefix: row.prefix, role: row.role });
    next();
  };
}

function unauthenticated(message: string): HttpError {
  return refuse("UNAUTHENTICATED", message, undefined, { "WWW-Authenticate": 'Bearer realm="huiyin"' });
}

function asRole(role: string): KeyRole {
  const known = KEY_ROLES.find((candidate) => candidate === role);
  if (!known) throw new Error(`API key with unknown role ${role}`);
  return known;
}

/** The authenticated caller; only on routes behind `authenticate`. */
export function callerOf(response: Response): Caller {
  const caller = response.locals.caller as Caller | undefined;
  if (!caller) throw new Error("callerOf used on a route without authenticate()");
  return caller;
}

/** 403 `FORBIDDEN` unless the caller has one of `roles`. */
export function requireRole(...roles: KeyRole[]): RequestHandler {
  return (_request, response, next) => {
    const caller = callerOf(response);
    if (!roles.includes(caller.role)) {
      throw refuse("FORBIDDEN", `This needs the role ${roles.join(" or ")}; the key is ${caller.role}.`);
    }
    next();
  };
}
