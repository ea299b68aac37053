import type { Job, Queue } from "bullmq";

/** Every job in a queue's failed set, read in pages: the failed set is small in a healthy system. */
export async function failedJobsOf(queue: Queue, pageSize: number): Promise<Job[]> {
  const failed: Job[] = [];
  for (let start = 0; ; start += pageSize) {
    const page = await queue.getFailed(start, start + pageSize - 1);
    failed.push(...page.filter((job): job is Job => Boolean(job)));
    if (page.length < pageSize) break;
  }
  return failed;
}
