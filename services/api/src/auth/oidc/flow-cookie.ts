import { timingSafeEqual } from "node:crypto";
import { type Keyring, openSecret, sealSecret } from "@huiyin/engine";

/** The cookie that carries one sign-in attempt from the start to the callback. */
export const FLOW_COOKIE = "huiyin_oidc";
/** Where the browser sends it: the OIDC routes only. */
export const FLOW_COOKIE_PATH = "/v1/session/oidc";
/** How long a person has at the identity platform before the attempt is void. */
export const FLOW_TTL_SECONDS = 600;

/** What the callback must check the identity platform's answer against, and where to go after. */
export interface Flow {
  state: string;
  nonce: string;
  /** The PKCE code verifier: proves that the code is redeemed by the browser that asked for it. */
  verifier: string;
  /** The console path to land on (already checked by `consoleNext`). */
  next: string;
  /** Milliseconds since the epoch after which the attempt is void. */
  expiresAt: number;
}

// The associated data of the seal: a flow cookie opens as nothing else, and no other sealed value opens as one.
const BOUND_TO = "oidc-flow";

/**
 * The flow's cookie value: sealed with the deployment's keys (AES-256-GCM, SECRETS_ENCRYPTION_KEYS), so the browser
 * can neither read the verifier nor change the state or the landing page, and every api process can open it (no
 * server-side store, no sticky sessions).
 */
export function sealFlow(keyring: Keyring, flow: Flow): string {
  return sealSecret(keyring, JSON.stringify(flow), BOUND_TO);
}

/** The flow a cookie value holds, if it opens, is well-formed and has not expired at `now`. */
export function openFlow(keyring: Keyring, sealed: string | undefined, now: Date): Flow | undefined {
  if (!sealed) return undefined;
  let flow: Partial<Flow>;
  try {
    flow = JSON.parse(openSecret(keyring, sealed, BOUND_TO)) as Partial<Flow>;
  } catch {
    return undefined;
  }
  const { state, nonce, verifier, next, expiresAt } = flow;
  if (typeof state !== "string" || typeof nonce !== "string" || typeof verifier !== "string") return undefined;
  if (typeof next !== "string" || typeof expiresAt !== "number" || now.getTime() >= expiresAt) return undefined;
  return { state, nonce, verifier, next, expiresAt };
}

/** Whether the `state` the identity platform sent back is the flow's own (compared in constant time). */
export function stateMatches(flow: Flow, returned: unknown): boolean {
  if (typeof returned !== "string") return false;
  const expected = Buffer.from(flow.state, "utf8");
  const given = Buffer.from(returned, "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The `Set-Cookie` of a flow: httpOnly, SameSite=Lax (the callback is a top-level GET from the platform). */
export function flowCookie(sealed: string, options: { secure: boolean; maxAgeSeconds?: number }): string {
  return [
    `${FLOW_COOKIE}=${sealed}`,
    "HttpOnly",
    "SameSite=Lax",
    `Path=${FLOW_COOKIE_PATH}`,
    `Max-Age=${options.maxAgeSeconds ?? FLOW_TTL_SECONDS}`,
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

/** The `Set-Cookie` that removes the flow cookie: an attempt is used once, whatever its outcome. */
export function clearedFlowCookie(options: { secure: boolean }): string {
  return flowCookie("", { ...options, maxAgeSeconds: 0 });
}

/** The flow cookie's value from a `Cookie` header. */
export function flowCookieOf(header: string | undefined): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const equals = part.indexOf("=");
    if (equals !== -1 && part.slice(0, equals).trim() === FLOW_COOKIE) return part.slice(equals + 1).trim();
  }
  return undefined;
}
