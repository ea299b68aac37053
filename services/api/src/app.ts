import { randomUUID } from "node:crypto";
import type { Database } from "@huiyin/db";
import { createGroupCommit, DEFAULT_COMMITTEE } from "@huiyin/engine";
import type { Logger } from "@huiyin/logger";
import { type Check, createMetrics, engineMetrics, type Metrics } from "@huiyin/runtime";
import express, { type Express, Router } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { actingFor } from "./acting-for/middleware.ts";
import { actingForRoutes } from "./acting-for/routes.ts";
import { QUEUE_BOARD_PATH, type QueueBoardOptions, queueBoardRoutes } from "./admin/queue-board.ts";
import { type AttachmentDeps, attachmentRoutes } from "./attachments/routes.ts";
import { auditRefusals } from "./audit/record.ts";
import { auditRoutes } from "./audit/routes.ts";
import { accountRoutes } from "./auth/accounts.ts";
import { apiKeyRoutes } from "./auth/api-keys.ts";
import { authenticate, callerOf, requireCaller } from "./auth/authenticate.ts";
import { type InvitationMail, invitationAdminRoutes, invitationRoutes } from "./auth/invitations.ts";
import type { KeyCache } from "./auth/key-cache.ts";
import { grantsOf } from "./auth/keys.ts";
import type { OidcSignIn } from "./auth/oidc/platform.ts";
import { oidcRoutes } from "./auth/oidc/routes.ts";
import { ownOrigins, PEOPLE_DEFAULTS, type PeopleOptions } from "./auth/people-options.ts";
import { roleView } from "./auth/person-grants.ts";
import { sessionRoutes, signInRoutes } from "./auth/sign-in.ts";
import { batchRoutes } from "./batches/routes.ts";
import { coverageMetrics } from "./calendar/coverage.ts";
import { calendarRoutes, committeeCalendar } from "./calendar/routes.ts";
import { sessionFacts } from "./committee-sessions/facts.ts";
import { committeeSessionRoutes } from "./committee-sessions/routes.ts";
import { committeeRoutes } from "./committees/routes.ts";
import { consoleRoutes } from "./console/static.ts";
import { directoryRoutes } from "./directory/routes.ts";
import { unitNameRoutes } from "./directory/unit-names.ts";
import { publicationRoutes, publicRoutes } from "./disclosure/routes.ts";
import { type ExportDeps, exportRoutes } from "./exports/routes.ts";
import { apiReference } from "./http/api-reference.ts";
import { deprecationNotices } from "./http/deprecation.ts";
import { docsPage } from "./http/docs.ts";
import { errorHandler, notFound } from "./http/errors.ts";
import { healthRoutes } from "./http/health.ts";
import { refuseHostileBody, refuseMalformedUrl } from "./http/input-guard.ts";
import { HttpMetrics, measure, mountedAt } from "./http/metrics.ts";
import { limitFailedAuthentication, type RateLimiter, rateLimit, rateLimitByAddress } from "./http/rate-limit.ts";
import { requestForLog, responseForLog } from "./http/request-log.ts";
import { type ImportDeps, importRoutes } from "./imports/routes.ts";
import { migrationRoutes } from "./migrations/routes.ts";
import { workRoutes } from "./my-work/routes.ts";
import { notificationRobotRoutes } from "./notification-robots/routes.ts";
import { ackLinkRoutes } from "./notifications/ack-link.ts";
import type { ChannelRequeue } from "./notifications/channel-requeue.ts";
import { noticeDeliveryRoutes } from "./notifications/deliveries.ts";
import type { EmailRequeue } from "./notifications/email-requeue.ts";
import { notificationRoutes } from "./notifications/routes.ts";
import { openApiDocument } from "./openapi.ts";
import { policyRoutes } from "./policy/routes.ts";
import { leaderScope } from "./proposals/leader-scope.ts";
import { type ProposalRoutesDeps, proposalRoutes } from "./proposals/routes.ts";
import { savedFilterRoutes } from "./saved-filters/routes.ts";
import { statsRoutes } from "./stats/routes.ts";
import { workflowRoutes } from "./stats/workflow.ts";
import { type WebhookRoutesDeps, webhookRoutes } from "./webhooks/routes.ts";

export interface AppDependencies
  extends ProposalRoutesDeps,
    Pick<ExportDeps, "exportBatchSize" | "onExportBatch">,
    Pick<ImportDeps, "importMaxBytes" | "importMaxRows"> {
  logger: Logger;
  checks: readonly Check[];
  database: Database;
  /** Largest JSON body accepted, in bytes (413 beyond). */
  bodyLimitBytes: number;
  /** The per-key request budget (429 beyond). */
  rateLimiter: RateLimiter;
  /** The per-address request budget, spent before authentication (429 beyond). */
  addressRateLimiter: RateLimiter;
  /** The per-address budget of failed authentications (429 before the key is looked up, once spent). */
  authFailureLimiter: RateLimiter;
  /** Express's `trust proxy` (TRUST_PROXY): whose X-Forwarded-For names the client. `false`: nobody's. */
  trustProxy?: false | number | readonly string[];
  /** The definition of the workflow, as data and as a diagram, for `GET /v1/workflows/proposal`. */
  workflowDefinition: { describe(): unknown; diagram(): string };
  /** NOTIFY_LINK_SECRET: verifies the acknowledge links in e-mails (none is valid without it). */
  ackLinkSecret?: string | undefined;
  /** The webhook outbound policy and the keyring that seals webhook secrets. */
  webhooks: WebhookRoutesDeps;
  /**
   * How people sign in (sessions' expiry, lockout, invitations, PUBLIC_BASE_URL): from the configuration;
   * `PEOPLE_DEFAULTS` (the configuration's defaults) when absent.
   */
  people?: PeopleOptions | undefined;
  /** The notifier's e-mail queue, for retrying dead e-mails; absent when the e-mail channel is off (no SMTP_URL). */
  emailRequeue?: EmailRequeue | undefined;
  /** The notifier's SMS and robot queue, for retrying dead messages there (the notifier always runs its worker). */
  channelRequeue: ChannelRequeue;
  /**
   * Sign-in with the committee's identity platform (OIDC_*); absent: off, and its routes answer 404 OIDC_DISABLED.
   * Its attempts are sealed with `webhooks.keyring` (SECRETS_ENCRYPTION_KEYS).
   */
  oidc?: OidcSignIn | undefined;
  /** E-mails invitations through the notifier; absent when the e-mail channel is off (no SMTP_URL). */
  invitationMail?: InvitationMail | undefined;
  /** The registry of `GET /metrics` (the service's, with the process metrics); a fresh one when absent. */
  metrics?: Metrics | undefined;
  /** Where attachments' bytes are kept, and the largest accepted. */
  attachments: AttachmentDeps;
  /** The console's static build (services/console/dist), served under /console; absent: /console says to build it. */
  consoleDir?: string | undefined;
  /** The queue board under /admin/queues (admins only); absent: no board. */
  queueBoard?: QueueBoardOptions | undefined;
  /**
   * Verified API keys kept for a few seconds, kept in step with revocations by auth/key-revocations.ts;
   * absent: every request reads its key.
   */
  keyCache?: KeyCache | undefined;
}

/**
 * Builds the Express application. No listening, no connections here: `main.ts` owns those, tests drive
 * the app over a real socket.
 */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable("x-powered-by");
  // Only a configured proxy may name the client (req.ip), so a client cannot pick its rate-limit bucket.
  app.set("trust proxy", typeof deps.trustProxy === "object" ? [...deps.trustProxy] : (deps.trustProxy ?? false));
  app.use(
    pinoHttp({
      logger: deps.logger,
      // A caller's X-Request-Id is kept (so one id spans systems) when it is sane; otherwise we make one.
      genReqId: (request, response) => {
        const given = request.headers["x-request-id"];
        const id = typeof given === "string" && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
        response.setHeader("x-request-id", id);
        return id;
      },
      customAttributeKeys: { reqId: "requestId" },
      // No credential in a request line: the ack link's signature is in its query, API keys in headers; none in a
      // response line either: a sign-in's Set-Cookie holds the session token.
      serializers: { req: requestForLog, res: responseForLog },
      autoLogging: { ignore: (request) => ["/healthz", "/readyz", "/metrics"].includes(request.url ?? "") },
    }),
  );
  // helmet's defaults: nosniff, frame and referrer policies, HSTS, a strict CSP (our JSON needs none of what it
  // forbids); a browser that opens the API gets no room for content sniffing or framing.
  app.use(helmet());
  // For the scraper, on the API port: requests per route pattern, transitions, calendar coverage, the process;
  // nothing about any caller.
  const metrics = deps.metrics ?? createMetrics();
  app.use(measure(new HttpMetrics(metrics.registry)));
  // The default committee's (a deployment of one has only it); read at each scrape: a year loaded meanwhile (PUT /v1/calendar/years/:year) shows at once.
  coverageMetrics(
    metrics.registry,
    () => committeeCalendar(deps.database, DEFAULT_COMMITTEE),
    () => deps.clock.now(),
  );
  const observer = engineMetrics(metrics.registry);
  app.use(healthRoutes(deps.checks));
  app.use(refuseMalformedUrl);
  app.get("/metrics", (_request, response, next) => {
    metrics.render().then((text) => response.type(metrics.contentType).send(text), next);
  });
  // Per address, before the acknowledge-link pages and authentication: what an unauthenticated caller can cost.
  app.use("/v1", rateLimitByAddress(deps.addressRateLimiter, deps.authFailureLimiter));
  app.use("/v1", ackLinkRoutes({ database: deps.database, secret: deps.ackLinkSecret, clock: deps.clock }));
  app.use("/v1", v1({ ...deps, observer }));
  // The disclosure (公开) endpoints and pages: no key, so behind the same per-address budget as /v1.
  app.use("/public", rateLimitByAddress(deps.addressRateLimiter));
  app.use("/public", publicRoutes(deps.database, deps.attachments.store));
  if (deps.queueBoard) app.use(QUEUE_BOARD_PATH, adminRoutes(deps, deps.queueBoard));
  // The console: its own CSP (helmet's default forbids the styles Ant Design writes at run time).
  app.use("/console", consoleRoutes(deps.consoleDir));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}

/** The queue board, behind the per-address budget and the budget of failed authentications, like /v1. */
function adminRoutes(deps: AppDependencies, board: QueueBoardOptions): Router {
  const router = Router();
  const people = deps.people ?? PEOPLE_DEFAULTS;
  const failedAuthentication = limitFailedAuthentication(deps.authFailureLimiter);
  router.use(rateLimitByAddress(deps.addressRateLimiter, deps.authFailureLimiter), failedAuthentication.before);
  router.use(
    queueBoardRoutes(board, {
      database: deps.database,
      clock: deps.clock,
      sessions: people,
      ownOrigins: (request) => ownOrigins(request, people.publicBaseUrl),
    }),
  );
  router.use(failedAuthentication.counting);
  return router;
}

function v1(deps: AppDependencies): Router {
  const router = Router();
  router.use(mountedAt);
  const openApi = openApiDocument();
  router.get("/openapi.json", (_request, response) => {
    response.json(openApi);
  });
  router.get("/docs", docsPage(openApi));
  // Deprecation / Sunset / Link headers on what the document marks deprecated (docs/versioning.md).
  router.use(deprecationNotices(openApi, "/v1/reference"));
  router.use(apiReference(`${(openApi.info as { title?: string } | undefined)?.title ?? "API"} reference`));
  router.use(express.json({ limit: deps.bodyLimitBytes }), refuseHostileBody);
  // Before authentication, so that failed authentications (401) are audited as well as refusals (403).
  router.use(auditRefusals(deps.database));
  const people = deps.people ?? PEOPLE_DEFAULTS;
  // Signing in and setting one's password from an invitation come before authentication (behind the per-address
  // budget above); failed sign-ins spend the budget of failed authentications, per address and per account.
  router.use(
    signInRoutes({ database: deps.database, clock: deps.clock, people, failureLimiter: deps.authFailureLimiter }),
  );
  router.use(invitationRoutes({ database: deps.database, clock: deps.clock, people }));
  router.use(
    oidcRoutes({
      database: deps.database,
      clock: deps.clock,
      people,
      keyring: deps.webhooks.keyring,
      oidc: deps.oidc,
    }),
  );
  const failedAuthentication = limitFailedAuthentication(deps.authFailureLimiter);
  router.use(failedAuthentication.before);
  router.use(
    authenticate(deps.database, {
      limits: people,
      clock: deps.clock,
      ownOrigins: (request) => ownOrigins(request, people.publicBaseUrl),
      keyCache: deps.keyCache,
    }),
  );
  router.use(failedAuthentication.counting);
  // A signed-in person without any role may read and end their session, and nothing else.
  // Who the request acts for: an integrator key's X-On-Behalf-Of person, the roles delegated to a person now.
  router.use(actingFor(deps.database, deps.clock));
  router.use(sessionRoutes(deps.database, deps.clock));
  router.use(requireCaller);
  router.use(rateLimit(deps.rateLimiter, (response) => callerOf(response).keyId));
  router.use(leaderScope(deps.database));
  router.get("/whoami", (_request, response) => {
    const caller = callerOf(response);
    const { role, actorId, unitId, prefix, committeeId } = caller;
    response.json({
      role,
      actorId,
      unitId,
      prefix,
      committeeId,
      ...(caller.onBehalf ? { onBehalfOf: caller.onBehalf.personId, roles: grantsOf(caller).map(roleView) } : {}),
    });
  });
  router.use(apiKeyRoutes(deps.database));
  router.use(actingForRoutes(deps.database, deps.clock, deps.idempotencyLease));
  router.use(invitationAdminRoutes({ database: deps.database, clock: deps.clock, people, mail: deps.invitationMail }));
  router.use(accountRoutes(deps.database, deps.clock));
  router.use(auditRoutes(deps.database));
  router.use(committeeRoutes({ database: deps.database, clock: deps.clock, people }));
  router.use(migrationRoutes(deps.database));
  // The committee's sessions and numbers, stamped on submissions and registrations in their transactions.
  // Each proposal's own committee's (read in the transaction). Events sent at once share transactions under load
  // (group commit, issue 18).
  const year = { ...deps, facts: sessionFacts(), groupCommit: createGroupCommit() };
  router.use(proposalRoutes(year));
  router.use(savedFilterRoutes(deps.database));
  router.use(attachmentRoutes(deps.database, deps.attachments));
  router.use(workRoutes(deps));
  router.use(batchRoutes(year));
  router.use(committeeSessionRoutes(deps.database));
  router.use(publicationRoutes(deps));
  router.use(notificationRoutes(deps.database));
  router.use(statsRoutes(deps.database, deps.clock));
  // Files for the committee office and into huiyin (issue 16): imported proposals get the year's facts as created ones.
  router.use(exportRoutes(deps));
  router.use(importRoutes(year));
  router.use(workflowRoutes(deps.workflowDefinition));
  // The caller's committee's calendar and policy.
  router.use(calendarRoutes(deps, deps.logger));
  router.use(policyRoutes(deps.database));
  router.use(webhookRoutes(deps.database, { ...deps.webhooks, lease: deps.idempotencyLease }));
  router.use("/directory", directoryRoutes(deps.database));
  router.use(unitNameRoutes(deps.database));
  router.use(notificationRobotRoutes(deps.database, { keyring: deps.webhooks.keyring }));
  router.use(noticeDeliveryRoutes(deps.database, deps.emailRequeue, deps.channelRequeue));
  return router;
}
