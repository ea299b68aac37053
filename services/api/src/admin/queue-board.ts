import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import type { Database } from "@huiyin/db";
import { type Clock, DEFAULT_COMMITTEE } from "@huiyin/engine";
import type { Queue } from "bullmq";
import { type Request, type RequestHandler, Router } from "express";
import { keyCaller } from "../auth/authenticate.ts";
import { changesState, originRefused } from "../auth/csrf.ts";
import type { KeyRole } from "../auth/keys.ts";
import { type SessionLimits, sessionCookieOf } from "../auth/session-tokens.ts";
import { readSession } from "../auth/sessions.ts";
import { CONSOLE_CSP } from "../console/static.ts";
import { refuse } from "../http/error-codes.ts";

/** Where the board is mounted: its page, its static assets and its JSON API (`<path>/api/...`) live under it. */
export const QUEUE_BOARD_PATH = "/admin/queues";

export interface QueueBoardOptions {
  /** Every queue of the deployment (the catalog's), on the api's producer connection. */
  queues: readonly Queue[];
  /**
   * QUEUE_BOARD_WRITE: whether the board may change queues (retry, promote, clean, pause, add…). Off by default:
   * the board then only reads, and every change is refused before Bull Board sees it.
   */
  writable: boolean;
}

export interface QueueBoardDeps {
  database: Database;
  clock: Clock;
  sessions: SessionLimits;
  /** The origins the api answers as: a change made with a session must come from one of them. */
  ownOrigins(request: Request): readonly string[];
  /** Which roles of the default committee may open the board: its administrators. */
  roles?: readonly KeyRole[];
}

/**
 * The queue board (Bull Board) under `/admin/queues`, for the deployment's administrators only: an admin API key
 * (`Authorization: Bearer`) or an admin's console session cookie, of the default committee; anyone else gets 401 or
 * 403 before Bull Board runs.
 *
 * Not the `operator` role, not even read-only, and not the admins of the other committees: the queues are shared by
 * every committee of the deployment and Bull Board cannot filter them, so the board shows every committee's jobs,
 * their data (proposal, deadline and person ids) and failure messages. The operator by design reads no
 * committee's data (README, "Several committees in one deployment"); a committee's admin reads only its own. The
 * operator's view of the system is /metrics and the health endpoints, which carry no committee data.
 *
 * Read-only unless `writable`. Even then a promoted alarm does not ring early: the worker's alarm handler compares
 * the alarm's fire time in PostgreSQL and puts the job back into the delayed set (packages/engine/src/workers.ts).
 *
 * CSRF: Bull Board's page cannot send the console's `X-CSRF-Token`, so a change made with a session cookie must
 * carry our own `Origin` (browsers send it on every POST/PUT/DELETE, same-origin ones included); one without it is
 * refused. The cookie is SameSite=Lax, so another site's form or fetch does not carry it to begin with.
 *
 * The page is Bull Board's own build, served from the installed package: scripts from this origin only (its
 * configuration is an inert `application/json` script), styles as the console's (`'unsafe-inline'` for its style
 * attributes); its link to a font CDN is blocked by that policy and the page falls back to local fonts.
 */
export function queueBoardRoutes(options: QueueBoardOptions, deps: QueueBoardDeps): Router {
  const router = Router();
  router.use((_request, response, next) => {
    response.setHeader("Content-Security-Policy", CONSOLE_CSP);
    response.setHeader("Cache-Control", "no-store");
    next();
  });
  router.use(boardAuthentication(deps));
  if (!options.writable) {
    router.use((request, _response, next) => {
      if (changesState(request.method)) {
        throw refuse(
          "FORBIDDEN",
          "The queue board is read-only; set QUEUE_BOARD_WRITE=true on the api to allow changes from it.",
          { reason: "QUEUE_BOARD_READ_ONLY" },
        );
      }
      next();
    });
  }
  const server = new ExpressAdapter();
  server.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: options.queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: !options.writable })),
    serverAdapter: server,
    options: { uiConfig: { boardTitle: "huiyin queues" } },
  });
  router.use(server.getRouter());
  return router;
}

function boardAuthentication(deps: QueueBoardDeps): RequestHandler {
  const roles = deps.roles ?? ["admin"];
  return async (request, _response, next) => {
    const header = request.headers.authorization;
    const cookie = header === undefined ? sessionCookieOf(request.headers.cookie) : undefined;
    let held: readonly KeyRole[];
    let committeeId: string;
    if (cookie !== undefined) {
      const signedIn = await readSession(deps.database, cookie, deps.sessions, deps.clock.now());
      if (!signedIn) throw unauthenticated();
      if (changesState(request.method)) {
        const origin = request.headers.origin;
        const refused =
          origin === undefined
            ? "A change from the queue board needs the browser's Origin header."
            : originRefused(origin, deps.ownOrigins(request));
        if (refused) throw refuse("CSRF_REJECTED", refused);
      }
      held = signedIn.grants.map((grant) => grant.role);
      committeeId = signedIn.person.committeeId;
    } else {
      const caller = await keyCaller(deps.database, header);
      if (!caller) throw unauthenticated();
      held = [caller.role];
      committeeId = caller.committeeId;
    }
    if (!held.some((role) => roles.includes(role)) || committeeId !== DEFAULT_COMMITTEE) {
      throw refuse(
        "FORBIDDEN",
        "The queue board is for the deployment's administrators (the default committee's admins): it shows every committee's jobs.",
      );
    }
    next();
  };
}

function unauthenticated() {
  return refuse(
    "UNAUTHENTICATED",
    "Sign in to the console as an administrator, or send an admin API key as Authorization: Bearer <key>.",
    undefined,
    { "WWW-Authenticate": 'Bearer realm="huiyin"' },
  );
}
