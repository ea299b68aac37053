import type { Database } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import { createWorker, type JobPayload, type RedisConnection } from "@huiyin/queue";
import type { Worker, WorkerOptions } from "bullmq";
import { composeNoticeEmail } from "./compose.ts";
import { EMAIL_CHANNEL, type EmailJob, personRecipient } from "./plan.ts";
import { isFinalAttempt } from "./retry.ts";
import type { EmailSettings } from "./settings.ts";
import { type SendOutcome, sendTracked, trackedRow } from "./tracked.ts";
import type { Mailer } from "./transport.ts";

export interface SendContext {
  database: Database;
  mailer: Mailer;
  settings: EmailSettings;
  logger: Logger;
  now?: () => Date;
}

/** Sends one notice to one person by e-mail, tracked by its `notice_deliveries` row (see `sendTracked`). */
export async function sendEmail(context: SendContext, job: EmailJob, final: boolean): Promise<SendOutcome> {
  const { database, settings } = context;
  const where = { noticeId: job.noticeId, channel: EMAIL_CHANNEL, recipient: personRecipient(job.personId) };
  const row = trackedRow((narrow, data) =>
    database.prisma.noticeDelivery.updateMany({ where: { ...where, ...narrow }, data }),
  );
  const logger = context.logger.child({ noticeId: job.noticeId, personId: job.personId });
  return sendTracked(
    { ...context, logger },
    row,
    () => composeNoticeEmail(database, job, settings, context.now?.() ?? new Date()),
    final,
  );
}

/**
 * The worker of the e-mail queue: each job sends one e-mail through `sendEmail`; BullMQ retries a failed one
 * with exponential backoff (`emailJobOptions`), and the last attempt marks the delivery `dead`.
 */
export function startEmailWorker(
  context: SendContext & { redis: RedisConnection; prefix: string },
  options: Omit<WorkerOptions, "connection" | "prefix"> = {},
): Worker<EmailJob> {
  const { redis, prefix, ...sendContext } = context;
  return startMailWorker(
    "email",
    (data, final, logger) => sendEmail({ ...sendContext, logger }, data, final),
    { logger: context.logger, redis, prefix },
    options,
  );
}

/**
 * A worker of tracked e-mails (notices, digests, invitations): `send` gets the job's data, whether this is the last attempt
 * (so that a failure makes the row `dead`), and a logger bound to the job id.
 */
export function startMailWorker<Name extends "email" | "digest.email" | "invitation.email">(
  name: Name,
  send: (data: JobPayload<Name>, final: boolean, logger: Logger) => Promise<SendOutcome>,
  context: { logger: Logger; redis: RedisConnection; prefix: string },
  options: Omit<WorkerOptions, "connection" | "prefix"> = {},
): Worker<JobPayload<Name>> {
  const worker = createWorker(
    name,
    async (job) => ({ outcome: await send(job.data, isFinalAttempt(job), context.logger.child({ jobId: job.id })) }),
    context.redis,
    { concurrency: 5, ...options, prefix: context.prefix },
  );
  worker.on("error", (error) => context.logger.error({ err: error, queue: worker.name }, "e-mail worker error"));
  return worker;
}
