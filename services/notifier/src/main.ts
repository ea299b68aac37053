import { ConfigError, requireEncryptionKeys } from "@huiyin/config";
import { systemResolver } from "@huiyin/engine";
import { parseDigestTime } from "@huiyin/notify";
import { createQueue, createWorker, parsePayload, queues as queueNames } from "@huiyin/queue";
import { Counter, rebuildOnDataLoss, runService } from "@huiyin/runtime";
import { createTransport } from "nodemailer";
import {
  type ChannelJob,
  type ChannelRouting,
  dingtalkAdapter,
  enqueueChannelJobs,
  planChannels,
  smsAdapter,
  startChannelWorker,
  wecomAdapter,
} from "./channels.ts";
import type { DigestEmailJob } from "./digest/run.ts";
import { createDigestService } from "./digest/start.ts";
import {
  type EmailJob,
  type EmailSettings,
  enqueueEmails,
  type InvitationEmailJob,
  planEmails,
  startEmailWorker,
  startInvitationEmailWorker,
} from "./email.ts";
import { deliverToInbox, markHandled } from "./inbox.ts";
import { rebuildNotifierJobs } from "./rebuild.ts";
import { startDeliveryReconciler } from "./reconcile.ts";

runService(
  { name: "notifier", redisRole: "worker", healthServer: true },
  async ({ config, logger, database, redis, shutdown, metrics }) => {
    const settings: EmailSettings = {
      from: config.NOTIFY_FROM,
      publicBaseUrl: config.PUBLIC_BASE_URL,
      linkSecret: config.NOTIFY_LINK_SECRET,
      attempts: config.NOTIFY_EMAIL_ATTEMPTS,
      backoffMs: config.NOTIFY_EMAIL_BACKOFF_MS,
    };
    const queueSettings = { prefix: config.QUEUE_PREFIX };
    const emailQueue = config.SMTP_URL
      ? createQueue<EmailJob>(queueNames.noticeEmail, redis, queueSettings)
      : undefined;
    if (emailQueue) shutdown.add("email queue", () => emailQueue.close());

    // --- metrics (issue 17): begin ---
    const deliveries = new Counter({
      name: "huiyin_notice_deliveries_total",
      help: "Notice deliveries of this process, by channel (inbox, email, sms, wecom, dingtalk) and status (delivered, queued, sent, failed).",
      labelNames: ["channel", "status"] as const,
      registers: [metrics.registry],
    });
    const noticesHandled = new Counter({
      name: "huiyin_notices_handled_total",
      help: "Notices (reminders, escalations) this process put into inboxes and e-mail queues.",
      registers: [metrics.registry],
    });
    // --- metrics (issue 17): end ---

    // --- notification channels (issue 17): begin ---
    // SMS with a gateway configured; robots always listen, and find nothing to send until a robot is configured
    // (their rows name no one otherwise). Every request goes where the webhook outbound policy allows, https only.
    if (config.NOTIFY_SMS_URL && !config.NOTIFY_SMS_API_KEY) {
      throw new ConfigError([
        "NOTIFY_SMS_API_KEY: required with NOTIFY_SMS_URL (the gateway's key signs each request)",
      ]);
    }
    const https = { policy: { allow: config.WEBHOOK_ALLOWED_DESTINATIONS, resolve: systemResolver() } };
    const routing: ChannelRouting = {
      sms: Boolean(config.NOTIFY_SMS_URL),
      smsKinds: config.NOTIFY_SMS_KINDS,
      robotKinds: config.SECRETS_ENCRYPTION_KEYS ? config.NOTIFY_ROBOT_KINDS : [],
    };
    const channelRetry = { attempts: config.NOTIFY_CHANNEL_ATTEMPTS, backoffMs: config.NOTIFY_CHANNEL_BACKOFF_MS };
    const channelQueue = createQueue<ChannelJob>(queueNames.noticeChannel, redis, queueSettings);
    shutdown.add("channel queue", () => channelQueue.close());
    const channelWorker = startChannelWorker(
      {
        database,
        adapters: {
          sms:
            config.NOTIFY_SMS_URL && config.NOTIFY_SMS_API_KEY
              ? smsAdapter({ url: config.NOTIFY_SMS_URL, apiKey: config.NOTIFY_SMS_API_KEY }, https)
              : undefined,
          wecom: wecomAdapter(https),
          dingtalk: dingtalkAdapter(https),
        },
        keyring: config.SECRETS_ENCRYPTION_KEYS,
        publicBaseUrl: config.PUBLIC_BASE_URL,
        logger,
        redis,
        prefix: config.QUEUE_PREFIX,
      },
      { lockDuration: config.JOB_LOCK_MS, stalledInterval: config.JOB_STALLED_CHECK_MS },
    );
    shutdown.add("channel messages", () => channelWorker.close());
    channelWorker.on("completed", (job, result: { outcome?: string } | undefined) => {
      if (result?.outcome === "sent") deliveries.inc({ channel: job.data.channel, status: "sent" });
    });
    channelWorker.on("failed", (job) => {
      if (job) deliveries.inc({ channel: job.data.channel, status: "failed" });
    });
    logger.info(
      { sms: routing.sms, smsKinds: routing.smsKinds, robotKinds: routing.robotKinds },
      routing.sms || routing.robotKinds.length > 0 ? "SMS and robot channels" : "SMS and robot channels off",
    );
    // --- notification channels (issue 17): end ---
    const notices = createWorker(
      "notice.deliver",
      async (job) => {
        const { noticeId } = parsePayload("notice.deliver", job.data);
        const jobLogger = logger.child({ jobId: job.id, noticeId });
        const delivered = await deliverToInbox(database, noticeId, jobLogger);
        // The e-mails are reserved (rows) and enqueued as their own jobs: one refusing SMTP answer for one
        // person retries that e-mail only, never the inbox or the other people.
        const emails = emailQueue ? await planEmails(database, noticeId, jobLogger) : [];
        if (emailQueue) await enqueueEmails(emailQueue, emails, settings);
        // SMS and robots likewise: rows first, then one job each (none while nothing is configured).
        const messages = await planChannels(database, noticeId, routing, jobLogger);
        await enqueueChannelJobs(channelQueue, messages, channelRetry);
        for (const message of messages) deliveries.inc({ channel: message.channel, status: "queued" });
        await markHandled(database, noticeId);
        noticesHandled.inc();
        deliveries.inc({ channel: "inbox", status: "delivered" }, delivered);
        deliveries.inc({ channel: "email", status: "queued" }, emails.length);
        return { delivered, emails: emails.length, channelMessages: messages.length };
      },
      redis,
      { ...queueSettings, concurrency: 10 },
    );
    notices.on("error", (error) => logger.error({ err: error }, "notice worker error"));
    shutdown.add(notices.name, () => notices.close());

    const transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : undefined;
    if (transport) {
      shutdown.add("smtp", () => transport.close());
      const emails = startEmailWorker(
        { database, mailer: transport, settings, logger, redis, prefix: config.QUEUE_PREFIX },
        { lockDuration: config.JOB_LOCK_MS, stalledInterval: config.JOB_STALLED_CHECK_MS },
      );
      shutdown.add("emails", () => emails.close());
      emails.on("completed", (_job, result: { outcome?: string } | undefined) => {
        if (result?.outcome === "sent") deliveries.inc({ channel: "email", status: "sent" });
      });
      emails.on("failed", () => deliveries.inc({ channel: "email", status: "failed" }));
      // Invitations (issue 15): the api seals each link onto its invitation; this opens it to send it.
      const invitations = startInvitationEmailWorker(
        {
          database,
          mailer: transport,
          settings,
          keyring: requireEncryptionKeys(config),
          timeZone: config.DIGEST_TIME_ZONE,
          logger,
          redis,
          prefix: config.QUEUE_PREFIX,
        },
        { lockDuration: config.JOB_LOCK_MS, stalledInterval: config.JOB_STALLED_CHECK_MS },
      );
      shutdown.add("invitation e-mails", () => invitations.close());
      logger.info({ from: settings.from, attempts: settings.attempts }, "e-mail channel on");
    } else {
      logger.warn("SMTP_URL is not set: the e-mail channel is off; notices reach the in-app inbox only");
    }
    const digest = config.DIGEST_TIME
      ? { time: parseDigestTime(config.DIGEST_TIME), timeZone: config.DIGEST_TIME_ZONE }
      : undefined;
    const digests = createDigestService({
      database,
      logger,
      redis,
      prefix: config.QUEUE_PREFIX,
      digest,
      email: transport ? { mailer: transport, settings } : undefined,
      workerOptions: { lockDuration: config.JOB_LOCK_MS, stalledInterval: config.JOB_STALLED_CHECK_MS },
    });
    shutdown.add(queueNames.digests, () => digests.close());
    await digests.start();

    // Jobs BullMQ failed without our failure path (stalled past the limit): see reconcileDeliveries.
    const queues = {
      notices: createQueue(queueNames.notices, redis, queueSettings),
      digests: createQueue(queueNames.digests, redis, queueSettings),
      emails: emailQueue,
      digestEmails: transport ? createQueue<DigestEmailJob>(queueNames.digestEmail, redis, queueSettings) : undefined,
      invitationEmails: transport
        ? createQueue<InvitationEmailJob>(queueNames.invitationEmail, redis, queueSettings)
        : undefined,
      channels: channelQueue,
    };
    shutdown.add("reconciler queues", async () => {
      await Promise.all([
        queues.notices.close(),
        queues.digests.close(),
        queues.digestEmails?.close(),
        queues.invitationEmails?.close(),
      ]);
    });
    // Jobs missing from Redis (a notice, an e-mail, the digest's schedule) come back from the database: at start,
    // every RECONCILE_EVERY_MS, and at once when Redis is seen to have lost its data.
    const rebuild = () =>
      rebuildNotifierJobs({
        database,
        logger,
        redis,
        queues,
        emailSettings: transport ? settings : undefined,
        digest,
        channelRetry,
      });
    const reconciler = startDeliveryReconciler({ database, logger, queues }, config.RECONCILE_EVERY_MS, rebuild);
    shutdown.add("delivery reconciler", () => reconciler.close());
    rebuildOnDataLoss({ config, logger, redis, shutdown, metrics }, "notifier", () => rebuild());
    logger.info("notifier running");
  },
);
