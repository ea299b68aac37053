import { catalogJob, configuredJobOptions, type RetrySettings } from "@huiyin/queue";
import type { JobsOptions, Queue } from "bullmq";
import type { ChannelJob } from "./plan.ts";

/** The BullMQ options of one channel message: a deterministic id (notice, channel, recipient), the retry policy. */
export function channelJobOptions(job: ChannelJob, retry: RetrySettings): JobsOptions {
  return configuredJobOptions("channel.send", retry, job.noticeId, job.channel, job.recipient);
}

export async function enqueueChannelJobs(
  queue: Queue,
  jobs: readonly ChannelJob[],
  retry: RetrySettings,
): Promise<void> {
  if (jobs.length === 0) return;
  await queue.addBulk(jobs.map((job) => catalogJob("channel.send", job, channelJobOptions(job, retry))));
}
