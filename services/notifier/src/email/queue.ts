import { catalogJob, configuredJobOptions } from "@huiyin/queue";
import type { JobsOptions, Queue } from "bullmq";
import type { EmailJob } from "./plan.ts";
import type { EmailSettings } from "./settings.ts";

/** The BullMQ options of one e-mail (the catalog's `email`): a deterministic id, the deployment's retry policy. */
export function emailJobOptions(job: EmailJob, settings: EmailSettings): JobsOptions {
  return configuredJobOptions("email", settings, job.noticeId, job.personId);
}

export async function enqueueEmails(queue: Queue, jobs: readonly EmailJob[], settings: EmailSettings): Promise<void> {
  if (jobs.length === 0) return;
  await queue.addBulk(jobs.map((job) => catalogJob("email", job, emailJobOptions(job, settings))));
}
