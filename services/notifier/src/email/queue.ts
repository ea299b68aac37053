import type { JobsOptions, Queue } from "bullmq";
import type { EmailJob } from "./plan.ts";
import { mailJobOptions } from "./retry.ts";
import type { EmailSettings } from "./settings.ts";

/** The queue of single e-mails: one job per (notice, person), so each retries on its own. */
export const EMAIL_QUEUE = "notice-email";

/** The BullMQ options of one e-mail: a deterministic id (adding it twice leaves one job), retries with backoff. */
export function emailJobOptions(job: EmailJob, settings: EmailSettings): JobsOptions {
  return mailJobOptions(`email-${job.noticeId}-${job.personId}`, settings);
}

export async function enqueueEmails(queue: Queue, jobs: readonly EmailJob[], settings: EmailSettings): Promise<void> {
  if (jobs.length === 0) return;
  await queue.addBulk(jobs.map((job) => ({ name: "email", data: job, opts: emailJobOptions(job, settings) })));
}
