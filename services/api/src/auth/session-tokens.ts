import { createHash, randomBytes } from "node:crypto";

/** The name of the session cookie (the contract with the console). */
export const SESSION_COOKIE = "huiyin_session";

/** A new random token (256 bits), for a session cookie or an invitation link; only its SHA-256 is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** SHA-256, hex: a fast hash is right for a 256-bit random token (nothing to brute-force), unlike for passwords. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a string can be one of our tokens: checked before any lookup, so junk costs nothing. */
export function isTokenShaped(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
}

export interface SessionTimes {
  /** The last request seen. */
  lastSeenAt: Date;
  /** The absolute expiry. */
  expiresAt: Date;
  endedAt: Date | null;
}

export interface SessionLimits {
  idleMinutes: number;
  absoluteMinutes: number;
}

/** Whether a session still holds at `now`: not ended, not past its absolute expiry, not idle for too long. */
export function sessionLive(session: SessionTimes, limits: SessionLimits, now: Date): boolean {
  if (session.endedAt !== null) return false;
  if (now.getTime() >= session.expiresAt.getTime()) return false;
  return now.getTime() < session.lastSeenAt.getTime() + limits.idleMinutes * 60_000;
}

/** Whether to write `lastSeenAt` now: at most once a minute, so a busy console does not write on every request. */
export function touchDue(session: Pick<SessionTimes, "lastSeenAt">, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= 60_000;
}

/** The value of the session cookie from a `Cookie` header, if any. */
export function sessionCookieOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const equals = part.indexOf("=");
    if (equals === -1) continue;
    if (part.slice(0, equals).trim() === SESSION_COOKIE) return part.slice(equals + 1).trim();
  }
  return undefined;
}

/** The `Set-Cookie` of a session: httpOnly, SameSite=Lax, Path=/, Secure over https; Max-Age the absolute expiry. */
export function sessionCookie(token: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

/** The `Set-Cookie` that removes the session cookie. */
export function clearedSessionCookie(options: { secure: boolean }): string {
  return sessionCookie("", { ...options, maxAgeSeconds: 0 });
}
