import type { createQueue } from "@huiyin/queue";

/** The notifier's e-mail job: one notice, one person. */
export interface EmailJob {
  noticeId: string;
  personId: string;
}

type EmailQueue = ReturnType<typeof createQueue<EmailJob>>;

/** Puts one e-mail of a notice back on the notifier's e-mail queue. */
export interface EmailRequeue {
  requeue(noticeId: string, personId: string): Promise<"retried" | "added" | "pending">;
}

/**
 * The notifier's e-mail queue (`services/notifier/src/email.ts`: queue `notice-email`, one job per (notice,
 * person) with a deterministic id, failed jobs kept a week). A dead e-mail's job is usually still there, failed:
 * adding a job with its id would be ignored by BullMQ, so that one is retried with its attempts reset (a full
 * round of retries with backoff); a job that is gone is added again; a waiting, delayed or running one is left
 * alone. The worker sends only if the delivery row is claimable (`queued`), so a requeue never sends twice.
 */
export const EMAIL_QUEUE = "notice-email";

export function emailRequeue(queue: EmailQueue, options: { attempts: number; backoffMs: number }): EmailRequeue {
  return {
    async requeue(noticeId, personId) {
      const jobId = `email-${noticeId}-${personId}`.replaceAll(":", "_");
      const job = await queue.getJob(jobId);
      if (job && (await job.isFailed())) {
        await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
        return "retried";
      }
      if (job) return "pending";
      await queue.add(
        "email",
        { noticeId, personId },
        {
          jobId,
          attempts: options.attempts,
          backoff: { type: "exponential", delay: options.backoffMs },
          removeOnComplete: true,
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      );
      return "added";
    },
  };
}
