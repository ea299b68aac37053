import type { Job, JobsOptions, Queue } from "bullmq";

/** The jobs a queue's `getFailed` gives, with the queue's own data type. */
type FailedJobOf<Q extends Queue> = NonNullable<Awaited<ReturnType<Q["getFailed"]>>[number]>;

/** Every job in a queue's failed set, read in pages: the failed set is small in a healthy system. */
export async function failedJobsOf<Q extends Queue>(queue: Q, pageSize = 500): Promise<FailedJobOf<Q>[]> {
  const failed: FailedJobOf<Q>[] = [];
  for (let start = 0; ; start += pageSize) {
    const page = (await queue.getFailed(start, start + pageSize - 1)) as (FailedJobOf<Q> | undefined)[];
    failed.push(...page.filter((job): job is FailedJobOf<Q> => Boolean(job)));
    if (page.length < pageSize) break;
  }
  return failed;
}

/**
 * Puts a job that BullMQ gave up on back into its queue under the same id, with the same data. Removed and
 * added anew rather than `job.retry`: a retried job keeps its stall count (the hash's `stc`), so the job of a
 * starved process would fail again at its very next stall. Throws when the job is no longer removable (another
 * process moved it first, or it is locked): the caller's next pass looks again.
 */
export async function addAgainAsNew(queue: Queue, job: Job, options: JobsOptions): Promise<void> {
  await job.remove();
  await queue.add(job.name, job.data, options);
}
