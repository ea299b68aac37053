import {
  addAgainAsNew,
  configuredJobOptions,
  type createQueue,
  type JobPayload,
  type RetrySettings,
} from "@huiyin/queue";

/** The notifier's queue of SMS and robot messages (`queues.noticeChannel`), with its jobs' payload. */
export type ChannelQueue = ReturnType<typeof createQueue<JobPayload<"channel.send">>>;

/** Puts one SMS or robot message of a notice back on the notifier's channel queue. */
export interface ChannelRequeue {
  requeue(job: JobPayload<"channel.send">): Promise<"retried" | "added" | "pending">;
}

/**
 * Requeues on the notifier's channel queue, as `emailRequeue` does for e-mails: one `channel.send` job per (notice,
 * channel, recipient) with a deterministic id (the notifier's `channelJobOptions`), failed jobs kept a week. A
 * failed job is removed and added anew (a full round of attempts, no stall count carried over); a job that is gone
 * is added again; a waiting, delayed or running one is left alone. The notifier sends only a delivery row it can
 * claim (`queued`, `retrying`), so a requeue never sends a delivered message twice.
 */
export function channelRequeue(queue: ChannelQueue, retry: RetrySettings): ChannelRequeue {
  return {
    async requeue(payload) {
      const options = configuredJobOptions("channel.send", retry, payload.noticeId, payload.channel, payload.recipient);
      const job = await queue.getJob(String(options.jobId));
      if (job && (await job.isFailed())) {
        await addAgainAsNew(queue, job, options);
        return "retried";
      }
      if (job) return "pending";
      const { noticeId, channel, recipient } = payload;
      await queue.add("channel.send", { noticeId, channel, recipient }, options);
      return "added";
    },
  };
}
