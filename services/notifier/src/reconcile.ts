import type { Database } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import { addAgainAsNew, failedJobsOf, jobOptions } from "@huiyin/queue";
import type { Job, Queue } from "bullmq";
import type { ChannelJob } from "./channels.ts";
import { type DigestEmailJob, dateColumn } from "./digest/run.ts";
import { EMAIL_CHANNEL, type EmailJob, personRecipient } from "./email.ts";

/** The states of a tracked e-mail row (`notice_deliveries`, `digests`) that still expect its job to end them. */
const UNFINISHED = ["queued", "sending", "retrying"];

export interface DeliveryQueues {
  /** `notices`: one `notice.deliver` job per notice (inbox, then the e-mails' rows and jobs). */
  notices: Queue;
  /** `notice-email` and `digest-email`, when the e-mail channel is on. */
  emails?: Queue<EmailJob> | undefined;
  digestEmails?: Queue<DigestEmailJob> | undefined;
  /** `notice-channel`: SMS and robot messages, when a channel is on. */
  channels?: Queue<ChannelJob> | undefined;
}

export interface ReconcileResult {
  retriedNotices: number;
  deadEmails: number;
  deadDigests: number;
  deadChannelMessages: number;
}

/**
 * Repairs what BullMQ ended without the processor's own failure path running: a job stalled more often than
 * `maxStalledCount` allows (its process starved past its lock, or died), or its last attempt lost that way. Such a
 * job sits in the failed set under its deterministic id, so nothing re-adds it, and the row it was to finish
 * would stay `queued`, `sending` or `retrying` for ever, out of the dead letters and never retried.
 * - A failed `notice.deliver` job goes back to the queue as a new job (fresh attempts, no stalls counted): it is idempotent (inbox rows and
 *   e-mail rows are unique, e-mail jobs have deterministic ids, a delivered e-mail is never sent again), and
 *   without it the notice reaches nobody.
 * - A failed e-mail job whose row is not final makes the row `dead`, with the job's failure as `lastError`,
 *   exactly as its last failed attempt would have: the back office sees it (`GET /v1/notice-deliveries?status=dead`)
 *   and retries it (`POST /v1/notice-deliveries/:id/retry`). Reviving it here instead could send a message the
 *   server had already accepted, or loop for ever on a message whose sending kills the process.
 */
export async function reconcileDeliveries(
  deps: { database: Database; logger: Logger; queues: DeliveryQueues },
  pageSize = 500,
): Promise<ReconcileResult> {
  const { database, logger, queues } = deps;
  let retriedNotices = 0;
  for (const job of await failedJobsOf(queues.notices, pageSize)) {
    if (!job.id) continue;
    try {
      await addAgainAsNew(queues.notices, job, jobOptions("notice.deliver", job.id));
      retriedNotices += 1;
      logger.warn(
        { jobId: job.id, noticeId: (job.data as { noticeId?: unknown }).noticeId },
        "failed notice job retried",
      );
    } catch (error) {
      logger.debug({ err: error, jobId: job.id }, "failed notice job already moved");
    }
  }
  const deadEmails = queues.emails
    ? await markDead(await failedJobsOf(queues.emails, pageSize), logger, (data, lastError) =>
        database.prisma.noticeDelivery.updateMany({
          where: {
            noticeId: data.noticeId,
            channel: EMAIL_CHANNEL,
            recipient: personRecipient(data.personId),
            status: { in: UNFINISHED },
          },
          data: { status: "dead", lastError },
        }),
      )
    : 0;
  const deadDigests = queues.digestEmails
    ? await markDead(await failedJobsOf(queues.digestEmails, pageSize), logger, (data, lastError) =>
        database.prisma.digest.updateMany({
          where: { personId: data.personId, digestDate: dateColumn(data.date), status: { in: UNFINISHED } },
          data: { status: "dead", lastError },
        }),
      )
    : 0;
  const deadChannelMessages = queues.channels
    ? await markDead(await failedJobsOf(queues.channels, pageSize), logger, (data, lastError) =>
        database.prisma.noticeDelivery.updateMany({
          where: {
            noticeId: data.noticeId,
            channel: data.channel,
            recipient: data.recipient,
            status: { in: UNFINISHED },
          },
          data: { status: "dead", lastError },
        }),
      )
    : 0;
  const result = { retriedNotices, deadEmails, deadDigests, deadChannelMessages };
  logger.info(result, "deliveries reconciled");
  return result;
}

/** Marks the row of each failed job `dead` when it is not final yet; returns how many it marked. */
async function markDead<Data>(
  jobs: readonly Job<Data>[],
  logger: Logger,
  mark: (data: Data, lastError: string) => Promise<{ count: number }>,
): Promise<number> {
  let marked = 0;
  for (const job of jobs) {
    // Still failed now, not only when the set was read: an admin's retry in between has put it back to work,
    // and its row back to `queued`, which must stay so.
    if (!(await job.isFailed())) continue;
    const reason = job.failedReason || "failed";
    const { count } = await mark(job.data, `${reason} (the queue gave up on the job)`.slice(0, 1000));
    if (count === 0) continue;
    marked += count;
    logger.warn({ jobId: job.id, reason, job: job.data }, "e-mail given up by the queue; its row is now dead");
  }
  return marked;
}

/**
 * Runs `reconcileDeliveries` now and every `everyMs` (RECONCILE_EVERY_MS), as the worker reconciles alarms; any
 * number of notifiers may run it side by side. Returns what stops it.
 */
export function startDeliveryReconciler(
  deps: { database: Database; logger: Logger; queues: DeliveryQueues },
  everyMs: number,
  /** Then re-creates the jobs missing from Redis (`rebuildNotifierJobs`). */
  rebuild?: () => Promise<unknown>,
): { close(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const reconcile = () => {
    running = reconcileDeliveries(deps)
      .then(() => rebuild?.())
      .catch((error: unknown) => deps.logger.error({ err: error }, "reconciling deliveries failed"));
  };
  reconcile();
  const timer = setInterval(reconcile, everyMs);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
