import type { Database } from "@huiyin/db";
import type { Clock, Keyring } from "@huiyin/engine";
import { type Request, Router } from "express";
import * as client from "openid-client";
import { recordAudit, subjectOf } from "../../audit/record.ts";
import { refuse } from "../../http/error-codes.ts";
import { HttpError } from "../../http/http-error.ts";
import { peopleWithEmail } from "../people-by-email.ts";
import type { PeopleOptions } from "../people-options.ts";
import { sessionCookie } from "../session-tokens.ts";
import { startSession } from "../sessions.ts";
import {
  clearedFlowCookie,
  FLOW_TTL_SECONDS,
  type Flow,
  flowCookie,
  flowCookieOf,
  openFlow,
  sealFlow,
  stateMatches,
} from "./flow-cookie.ts";
import { CONSOLE_BASE, consoleNext } from "./next-path.ts";
import { type OidcSignIn, PlatformRefusal, PlatformUnavailable } from "./platform.ts";

export interface OidcRoutesDeps {
  database: Database;
  clock: Clock;
  people: PeopleOptions;
  /** SECRETS_ENCRYPTION_KEYS: seals the flow cookie. */
  keyring: Keyring;
  /** Absent: OIDC is off, and every OIDC route answers 404 OIDC_DISABLED. */
  oidc?: OidcSignIn | undefined;
}

const SIGN_IN_FAILED =
  "The identity platform signed you in, but huiyin has no enabled account for you: ask an administrator.";
const FLOW_INVALID =
  "This sign-in attempt is not valid (expired, already used, or not started in this browser): start again.";

/**
 * `GET /v1/session/oidc` (is it on, and the button's label), `GET /v1/session/oidc/start?next=` (to the platform)
 * and `GET /v1/session/oidc/callback` (back from it: a session, as a password sign-in gives, then to `next`), before
 * authentication. The person the platform names must be in the directory with an enabled account (invited, or
 * enabled by an admin): nobody is created, and every reason to refuse answers the same OIDC_SIGN_IN_FAILED.
 * The attempt's state, nonce and PKCE verifier travel in a sealed, httpOnly, 10-minute cookie bound to this browser,
 * so an answer of the platform meant for another browser (login CSRF) or replayed does not sign anyone in.
 */
export function oidcRoutes(deps: OidcRoutesDeps): Router {
  const router = Router();
  const { oidc } = deps;
  if (!oidc) {
    router.all(["/session/oidc", "/session/oidc/*rest"], () => {
      throw refuse("OIDC_DISABLED", "Sign-in with an identity platform (OIDC) is not configured here.");
    });
    return router;
  }

  router.get("/session/oidc", (_request, response) => {
    response.json({ name: oidc.name, startUrl: "/v1/session/oidc/start" });
  });

  router.get("/session/oidc/start", async (request, response) => {
    const asked = typeof request.query.next === "string" ? request.query.next : undefined;
    if (request.query.next !== undefined && asked === undefined) {
      throw refuse("OIDC_NEXT_REFUSED", "next must be one path inside the console.");
    }
    const next = consoleNext(asked);
    if (!next) throw refuse("OIDC_NEXT_REFUSED", "next must be a path inside the console (/work, /proposals/…).");
    const flow: Flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      next,
      expiresAt: deps.clock.now().getTime() + FLOW_TTL_SECONDS * 1000,
    };
    const target = await unavailableAs503(() => oidc.platform.authorizationUrl(flow));
    response
      .setHeader("Set-Cookie", flowCookie(sealFlow(deps.keyring, flow), { secure: request.secure }))
      .setHeader("Cache-Control", "no-store")
      .redirect(303, target.toString());
  });

  router.get("/session/oidc/callback", async (request, response) => {
    // An attempt is used once, whatever happens to it.
    response.setHeader("Cache-Control", "no-store");
    const cleared = clearedFlowCookie({ secure: request.secure });
    try {
      const flow = openFlow(deps.keyring, flowCookieOf(request.headers.cookie), deps.clock.now());
      if (!flow || !stateMatches(flow, request.query.state)) throw refuse("OIDC_FLOW_INVALID", FLOW_INVALID);
      const answer = new URL(oidc.redirectUrl);
      answer.search = new URL(request.originalUrl, "http://callback.invalid").search;
      const claims = await unavailableAs503(() => oidc.platform.claims(answer, flow, oidc.claim)).catch(
        (error: unknown) => {
          if (error instanceof PlatformRefusal) {
            request.log.warn({ reason: error.message }, "identity platform's answer refused");
            throw refuse("OIDC_FLOW_INVALID", FLOW_INVALID);
          }
          throw error;
        },
      );
      const person = await personNamed(deps.database, oidc, claims);
      if (!person) {
        request.log.info({ claim: oidc.claim }, "OIDC sign-in of no enabled person");
        throw refuse("OIDC_SIGN_IN_FAILED", SIGN_IN_FAILED);
      }
      const now = deps.clock.now();
      const session = await deps.database.prisma.$transaction(async (tx) => {
        const started = await startSession(tx, person.id, deps.people, now, person.committeeId);
        await recordAudit(tx, subjectOf(request, response), {
          action: "session.start",
          committeeId: person.committeeId,
          target: { type: "person", id: person.id },
          details: { session: started.id.slice(0, 8), method: "oidc" },
        });
        return started;
      });
      request.log.info({ personId: person.id, sessionPrefix: session.id.slice(0, 8) }, "signed in with OIDC");
      response
        .setHeader("Set-Cookie", [
          cleared,
          sessionCookie(session.token, {
            secure: request.secure,
            maxAgeSeconds: (session.expiresAt.getTime() - now.getTime()) / 1000,
          }),
        ])
        .redirect(303, `${CONSOLE_BASE}${flow.next}`);
    } catch (error) {
      response.setHeader("Set-Cookie", cleared);
      if (!(error instanceof HttpError) || !wantsPage(request)) throw error;
      // A browser back from the platform gets the sign-in page, which says why; a 401 there is audited here, as
      // the refusals middleware does for the JSON answer.
      if (error.status === 401) {
        await recordAudit(deps.database.prisma, subjectOf(request, response), {
          action: "authentication.failed",
          outcome: "failed",
          details: { method: "GET", path: "/v1/session/oidc/callback", code: error.code },
        });
      }
      response.redirect(303, `${CONSOLE_BASE}/sign-in?error=${encodeURIComponent(error.code)}`);
    }
  });
  return router;
}

/** Whether the request is a browser's page navigation (it prefers HTML to JSON). */
function wantsPage(request: Request): boolean {
  return request.accepts(["application/json", "text/html"]) === "text/html";
}

async function unavailableAs503<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PlatformUnavailable) {
      throw refuse("OIDC_UNAVAILABLE", "The identity platform cannot be reached now; try again shortly.");
    }
    throw error;
  }
}

/**
 * The one person the claim names, if their account is enabled: an e-mail the platform says is unverified, a value
 * held by two people, no account, a disabled or a locked one all name nobody.
 */
async function personNamed(
  database: Database,
  oidc: Pick<OidcSignIn, "claim" | "match">,
  claims: Record<string, unknown>,
): Promise<{ id: string; committeeId: string } | undefined> {
  const value = claims[oidc.claim];
  if (typeof value !== "string" || value === "" || value.length > 320) return undefined;
  if (oidc.match === "email" && oidc.claim === "email" && claims.email_verified === false) return undefined;
  const matches =
    oidc.match === "email"
      ? await peopleWithEmail(database, value)
      : await database.prisma.person.findMany({ where: { id: value }, include: { account: true } });
  const person = matches.length === 1 ? matches[0] : undefined;
  const account = person?.account;
  if (!person || !account || account.disabledAt || account.lockedAt) return undefined;
  return { id: person.id, committeeId: person.committeeId };
}
