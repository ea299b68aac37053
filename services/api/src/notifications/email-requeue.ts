import {
  addAgainAsNew,
  configuredJobOptions,
  type createQueue,
  type JobPayload,
  type RetrySettings,
} from "@huiyin/queue";

/** The notifier's e-mail queue (`queues.noticeEmail` in the queue catalog), with its jobs' payload. */
export type EmailQueue = ReturnType<typeof createQueue<JobPayload<"email">>>;

/** Puts one e-mail of a notice back on the notifier's e-mail queue. */
export interface EmailRequeue {
  requeue(noticeId: string, personId: string): Promise<"retried" | "added" | "pending">;
}

/**
 * Requeues on the notifier's e-mail queue: one `email` job per (notice, person) with a deterministic id, failed
 * jobs kept a week (the queue catalog, packages/queue). A dead e-mail's job is usually still there, failed: adding a
 * job with its id would be ignored by BullMQ, so that one is removed and added anew (`addAgainAsNew`: a full round
 * of attempts with backoff, and no stall count carried over, which `job.retry` would keep); a job that is gone is
 * added again; a waiting, delayed or running one is left alone. The worker sends only if the delivery row is
 * claimable (`queued`), so a requeue never sends twice.
 */
export function emailRequeue(queue: EmailQueue, retry: RetrySettings): EmailRequeue {
  return {
    async requeue(noticeId, personId) {
      const options = configuredJobOptions("email", retry, noticeId, personId);
      const job = await queue.getJob(String(options.jobId));
      if (job && (await job.isFailed())) {
        await addAgainAsNew(queue, job, options);
        return "retried";
      }
      if (job) return "pending";
      await queue.add("email", { noticeId, personId }, options);
      return "added";
    },
  };
}
