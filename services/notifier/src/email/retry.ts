/**
 * The retry policy of tracked e-mails (notices and digests): BullMQ retries a failed send with exponential
 * backoff up to `attempts` (the catalog's `configuredJobOptions`); an SMTP answer no retry can change stops it at
 * once; the last attempt gives up.
 */

/** An SMTP answer that no retry can change (5xx: no such mailbox, refused for policy). */
export function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** Whether this run of a job is its last attempt, so that a failure makes its row `dead`. */
export function isFinalAttempt(job: { attemptsMade: number; opts: { attempts?: number } }): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
