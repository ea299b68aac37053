import { fileURLToPath } from "node:url";
import { attachmentStoreConfig, oidcConfig, requireEncryptionKeys } from "@huiyin/config";
import {
  DEFAULT_COMMITTEE,
  resealWebhookSecrets,
  rollOutCalendar,
  systemClock,
  systemResolver,
  type Workflow,
} from "@huiyin/engine";
import { configuredJobOptions, createQueue, type JobPayload, queues } from "@huiyin/queue";
import { runService } from "@huiyin/runtime";
import { exportDefinition, proposalWorkflow, toMermaid } from "@huiyin/workflow-proposal";
import { createApp } from "./app.ts";
import { sweepStaging } from "./attachments/receive.ts";
import { s3Store } from "./attachments/s3-store.ts";
import { directoryStore } from "./attachments/store.ts";
import { ensureAdminKey } from "./auth/bootstrap.ts";
import { KeyCache } from "./auth/key-cache.ts";
import { listenForKeyChanges } from "./auth/key-revocations.ts";
import { oidcSignIn } from "./auth/oidc/platform.ts";
import { warnWhileUncovered } from "./calendar/coverage.ts";
import { loadCalendarFolder } from "./calendar/folder.ts";
import { committeeCalendar } from "./calendar/routes.ts";
import { redisRateLimiter } from "./http/rate-limit.ts";
import { channelRequeue } from "./notifications/channel-requeue.ts";
import { emailRequeue } from "./notifications/email-requeue.ts";
import { loadPolicyFile } from "./policy/file.ts";

// The proposal binding meets the engine's port structurally (workflows/* import no engine, the engine imports no
// workflow): the fit is checked here, where it is handed to the engine, its optional members included.
const workflow = proposalWorkflow satisfies Required<Workflow>;

runService(
  { name: "api", redisRole: "producer", healthServer: false },
  async ({ config, logger, database, redis, shutdown, checks, metrics }) => {
    const keyring = requireEncryptionKeys(config);
    const oidc = oidcConfig(config);
    // Whether OIDC is on, and with which issuer; never the client's secret.
    if (oidc) logger.info({ issuer: oidc.issuer, claim: oidc.claim, match: oidc.match }, "OIDC sign-in on");
    const storeConfig = attachmentStoreConfig(config);
    const attachmentStore =
      storeConfig.kind === "directory" ? directoryStore(storeConfig.directory) : s3Store(storeConfig);
    const swept = await sweepStaging(attachmentStore.stagingDirectory, 60 * 60 * 1000, systemClock.now());
    logger.info({ store: attachmentStore.kind, partialUploadsRemoved: swept }, "attachments store");
    // Secrets left in clear (from before sealing) or under an older key are sealed under the first key now.
    await resealWebhookSecrets(database, keyring, logger);
    const admin = await ensureAdminKey(
      database,
      { key: config.HUIYIN_ADMIN_KEY, file: config.HUIYIN_ADMIN_KEY_FILE },
      logger,
    );
    if (admin.source === "file") {
      logger.info(
        { adminKeyFile: admin.file, keyPrefix: admin.prefix, generated: admin.generated },
        admin.generated ? "generated the first admin API key (owner-only file)" : "admin API key from file",
      );
    } else if (admin.source === "env") {
      logger.info({ keyPrefix: admin.prefix }, "admin API key from HUIYIN_ADMIN_KEY");
    }
    // A committee's rules as files: its policy and the official years of its calendar folder, kept in PostgreSQL
    // (every process reads them there) when they differ from what it has; a calendar change is rolled out to the
    // running proposals (the worker finishes what this process does not).
    const committeeId = DEFAULT_COMMITTEE;
    if (config.POLICY_FILE) await loadPolicyFile(database, config.POLICY_FILE, committeeId, logger);
    if (config.CALENDAR_DIR) {
      const kept = await loadCalendarFolder(database, config.CALENDAR_DIR, committeeId, logger);
      for (const calendarId of new Set(kept.map((change) => change.calendarId))) {
        void rollOutCalendar({ db: database, logger, clock: systemClock, workflow }, committeeId, calendarId).catch(
          (error: unknown) => logger.warn({ err: error }, "calendar roll-out stopped; the worker resumes it"),
        );
      }
    }
    // Only where the notifier sends e-mail (the same SMTP_URL): retrying a dead e-mail puts it on its queue.
    const emailQueue = config.SMTP_URL
      ? createQueue<JobPayload<"email">>(queues.noticeEmail, redis, { prefix: config.QUEUE_PREFIX })
      : undefined;
    if (emailQueue) shutdown.add("email queue", () => emailQueue.close());
    // The notifier always runs its SMS and robot worker: retrying a dead message there puts it on that queue.
    const channelQueue = createQueue<JobPayload<"channel.send">>(queues.noticeChannel, redis, {
      prefix: config.QUEUE_PREFIX,
    });
    shutdown.add("channel queue", () => channelQueue.close());
    // The queue board's view of every queue of the catalog (it reads them; it changes them only with
    // QUEUE_BOARD_WRITE=true).
    const boardQueues = Object.values(queues).map((name) => createQueue(name, redis, { prefix: config.QUEUE_PREFIX }));
    shutdown.add("queue board", async () => {
      await Promise.all(boardQueues.map((queue) => queue.close()));
    });
    const invitationQueue = config.SMTP_URL
      ? createQueue<JobPayload<"invitation.email">>(queues.invitationEmail, redis, { prefix: config.QUEUE_PREFIX })
      : undefined;
    if (invitationQueue) shutdown.add("invitation e-mail queue", () => invitationQueue.close());
    // Verified keys for API_KEY_CACHE_SECONDS, served only while PostgreSQL's channel of key changes is heard.
    const keyCache = new KeyCache(config.API_KEY_CACHE_SECONDS);
    if (config.API_KEY_CACHE_SECONDS > 0) {
      const keyChanges = listenForKeyChanges(database, keyCache, logger);
      shutdown.add("api-key change channel", () => keyChanges.close());
    }
    const emailRetry = { attempts: config.NOTIFY_EMAIL_ATTEMPTS, backoffMs: config.NOTIFY_EMAIL_BACKOFF_MS };
    const app = createApp({
      keyCache,
      metrics,
      logger,
      checks,
      database,
      bodyLimitBytes: config.API_BODY_LIMIT_BYTES,
      rateLimiter: redisRateLimiter(redis, {
        perMinute: config.API_RATE_LIMIT_PER_MINUTE,
        prefix: config.QUEUE_PREFIX,
        logger,
      }),
      addressRateLimiter: redisRateLimiter(redis, {
        perMinute: config.API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
        prefix: config.QUEUE_PREFIX,
        name: "address",
        logger,
      }),
      authFailureLimiter: redisRateLimiter(redis, {
        perMinute: config.API_AUTH_FAILURES_PER_ADDRESS_PER_MINUTE,
        prefix: config.QUEUE_PREFIX,
        name: "auth-failures",
        logger,
      }),
      trustProxy: config.TRUST_PROXY,
      workflow,
      clock: systemClock,
      workflowDefinition: { describe: exportDefinition, diagram: () => toMermaid() },
      ackLinkSecret: config.NOTIFY_LINK_SECRET,
      oidc: oidc ? oidcSignIn(oidc) : undefined,
      // The console's build beside this service in the repository (npm start builds it; see services/console).
      consoleDir: fileURLToPath(new URL("../../console/dist", import.meta.url)),
      people: {
        idleMinutes: config.SESSION_IDLE_MINUTES,
        absoluteMinutes: config.SESSION_ABSOLUTE_MINUTES,
        lockoutFailures: config.SIGN_IN_LOCKOUT_FAILURES,
        invitationTtlHours: config.INVITATION_TTL_HOURS,
        publicBaseUrl: config.PUBLIC_BASE_URL,
      },
      webhooks: {
        destinations: { allow: config.WEBHOOK_ALLOWED_DESTINATIONS, resolve: systemResolver() },
        keyring,
      },
      attachments: { store: attachmentStore, maxBytes: config.ATTACHMENT_MAX_BYTES },
      queueBoard: { queues: boardQueues, writable: config.QUEUE_BOARD_WRITE },
      emailRequeue: emailQueue
        ? emailRequeue(emailQueue, {
            attempts: config.NOTIFY_EMAIL_ATTEMPTS,
            backoffMs: config.NOTIFY_EMAIL_BACKOFF_MS,
          })
        : undefined,
      channelRequeue: channelRequeue(channelQueue, {
        attempts: config.NOTIFY_CHANNEL_ATTEMPTS,
        backoffMs: config.NOTIFY_CHANNEL_BACKOFF_MS,
      }),
      invitationMail: invitationQueue
        ? {
            keyring,
            enqueue: async (invitationId) => {
              const options = configuredJobOptions("invitation.email", emailRetry, invitationId);
              await invitationQueue.add("invitation.email", { invitationId }, options);
            },
          }
        : undefined,
    });
    // /readyz stays ready: a provisional year is a warning for the operator (logs, /metrics, GET /v1/calendar).
    const stopCoverageWarning = warnWhileUncovered(
      logger,
      () => committeeCalendar(database, committeeId),
      systemClock.now,
    );
    const server = app.listen(config.PORT, config.HOST);
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", reject);
    });
    // Stop accepting, let in-flight requests finish; idle keep-alive sockets are closed at once.
    shutdown.add("http", () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      return closed;
    });
    logger.info({ url: `http://${config.HOST}:${config.PORT}` }, "api listening");
    shutdown.add("calendar coverage", async () => stopCoverageWarning());
  },
);
