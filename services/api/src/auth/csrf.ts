import { createHash, timingSafeEqual } from "node:crypto";

/** The methods that change state: they need the CSRF token (and a same-origin Origin) with a session cookie. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function changesState(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * The CSRF token of a session: derived from the session's secret token by a one-way function, so it is bound to
 * the session (a token of another session never matches), costs no storage, and reveals nothing of the cookie.
 * The console reads it from the sign-in answer (or GET /v1/session) and sends it as `X-CSRF-Token`; a page on
 * another origin can neither read the answer nor the cookie, so it cannot send it.
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHash("sha256").update(`huiyin-csrf:${sessionToken}`, "utf8").digest("base64url");
}

export interface CsrfInput {
  method: string;
  /** The `Origin` header, when the browser sent one. */
  origin: string | undefined;
  /** The origins the api answers as (its own: the request's host, and PUBLIC_BASE_URL's). */
  ownOrigins: readonly string[];
  /** The `X-CSRF-Token` header. */
  token: string | undefined;
  /** The session's token, as `csrfTokenOf` gives it. */
  expected: string;
}

/**
 * Why a cookie-authenticated request is refused as a possible cross-site request forgery, or undefined when it
 * passes: a state-changing method needs a same-origin `Origin` (when the browser sends one) and the session's
 * token. A read passes: the browser does not let another origin read its answer.
 */
export function csrfRefusal(input: CsrfInput): string | undefined {
  if (!changesState(input.method)) return undefined;
  const originRefusal = originRefused(input.origin, input.ownOrigins);
  if (originRefusal) return originRefusal;
  if (!input.token) return "A change made with a session needs the X-CSRF-Token header (from the sign-in answer).";
  if (!sameText(input.token, input.expected)) return "The X-CSRF-Token does not belong to this session.";
  return undefined;
}

/** Why the `Origin` is not one of ours, or undefined when it is, or when the browser sent none. */
export function originRefused(origin: string | undefined, ownOrigins: readonly string[]): string | undefined {
  if (origin === undefined) return undefined;
  return ownOrigins.includes(origin) ? undefined : `Requests from ${origin.slice(0, 100)} are not accepted.`;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
