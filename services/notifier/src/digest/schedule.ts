import type { Logger } from "@huiyin/logger";
import { cronPatternOf, latestSlot, localDateIn, nextSlot } from "@huiyin/notify";
import { createWorker, type JobPayload, jobCatalog, jobDefaults, jobId, type RedisConnection } from "@huiyin/queue";
import type { Job, Queue, Worker, WorkerOptions } from "bullmq";
import { type DigestRunContext, type DigestRunResult, type DigestSettings, runDigest } from "./run.ts";

/** One scheduler for the whole deployment (the catalog's): every notifier upserts the same one, so a day has one run. */
export const DIGEST_SCHEDULER_ID = jobCatalog["digest.run"].scheduler;
const RUN = "digest.run";

/**
 * Makes the schedule match the configuration, at every start: a BullMQ job scheduler with a daily cron pattern
 * in the digest's time zone (kept in Redis, so a restart neither loses nor repeats it; upserting the same one
 * again changes nothing), or none when the digest is off. When today's digest time has passed already (the
 * notifier was down then, or Redis lost the scheduler's job), it also runs today's digest now: the rows of what
 * was sent keep that from repeating anything. Returns when the next scheduled run is, if any.
 */
export async function scheduleDigests(
  queue: Queue,
  digest: DigestSettings | undefined,
  logger: Logger,
  now = new Date(),
): Promise<Date | undefined> {
  if (!digest) {
    await queue.removeJobScheduler(DIGEST_SCHEDULER_ID);
    logger.info("DIGEST_TIME is not set: no daily digest");
    return undefined;
  }
  await queue.upsertJobScheduler(
    DIGEST_SCHEDULER_ID,
    { pattern: cronPatternOf(digest.time), tz: digest.timeZone },
    { name: RUN, data: {}, opts: jobDefaults(RUN) },
  );
  const today = localDateIn(now, digest.timeZone);
  if (latestSlot(now, digest.time, digest.timeZone).date === today) {
    await queue.add(RUN, {}, { ...jobDefaults(RUN), jobId: jobId(RUN, "catch-up", today) });
    logger.info({ digestDate: today }, "today's digest time has passed: running today's digest now");
  }
  const next = nextSlot(now, digest.time, digest.timeZone);
  logger.info(
    { next: next.at.toISOString(), digestDate: next.date, timeZone: digest.timeZone },
    "daily digest scheduled",
  );
  return next.at;
}

/**
 * When a run job is for: the time it was scheduled at (a scheduler's job is delayed until its cron time), or now
 * when it runs later than that. Taking the scheduled time keeps a job that a clock a little ahead hands over a
 * moment early on its own day.
 */
export function firedAtOf(job: Pick<Job, "timestamp" | "delay">, now = Date.now()): Date {
  return new Date(Math.max(now, job.timestamp + (job.delay ?? 0)));
}

/** The worker of digest runs. */
export function startDigestWorker(
  context: DigestRunContext & { redis: RedisConnection; prefix: string },
  options: Omit<WorkerOptions, "connection" | "prefix"> = {},
): Worker<JobPayload<typeof RUN>, DigestRunResult> {
  const { redis, prefix, ...runContext } = context;
  const worker = createWorker<typeof RUN, DigestRunResult>(
    RUN,
    (job) => runDigest({ ...runContext, logger: context.logger.child({ jobId: job.id }) }, firedAtOf(job)),
    redis,
    { concurrency: 1, ...options, prefix },
  );
  worker.on("error", (error) => context.logger.error({ err: error }, "digest worker error"));
  return worker;
}
