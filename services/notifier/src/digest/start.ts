import type { Database } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import { createQueue, queues, type RedisConnection } from "@huiyin/queue";
import type { WorkerOptions } from "bullmq";
import { type EmailSettings, type Mailer, startMailWorker } from "../email.ts";
import type { DigestEmailJob, DigestSettings } from "./run.ts";
import { scheduleDigests, startDigestWorker } from "./schedule.ts";
import { sendDigest } from "./send.ts";

export interface DigestServiceContext {
  database: Database;
  logger: Logger;
  redis: RedisConnection;
  prefix: string;
  /** Undefined: the digest is off (DIGEST_TIME unset or `off`); a schedule left from earlier is removed. */
  digest: DigestSettings | undefined;
  /** Undefined: e-mail is off; digests are planned and `stored` only. */
  email: { mailer: Mailer; settings: EmailSettings } | undefined;
  workerOptions?: Omit<WorkerOptions, "connection" | "prefix">;
}

/**
 * The digest's part of the notifier: the queues and workers are made at once (not yet taking jobs, so that
 * `close` can be registered before anything is awaited); `start` puts the schedule right and starts them.
 */
export function createDigestService(context: DigestServiceContext) {
  const { database, redis, prefix, digest, email } = context;
  const logger = context.logger.child({ component: "digest" });
  const queue = createQueue(queues.digests, redis, { prefix });
  const emailQueue = email ? createQueue<DigestEmailJob>(queues.digestEmail, redis, { prefix }) : undefined;
  const options = { ...context.workerOptions, autorun: false };
  const runs = digest
    ? startDigestWorker(
        {
          database,
          logger,
          digest,
          emails: emailQueue && email ? { queue: emailQueue, settings: email.settings } : undefined,
          redis,
          prefix,
        },
        options,
      )
    : undefined;
  const sends = email
    ? startMailWorker(
        "digest.email",
        (data, final, jobLogger) => sendDigest({ database, ...email, logger: jobLogger }, data, final),
        { logger, redis, prefix },
        options,
      )
    : undefined;
  let closing = false;
  return {
    async start(): Promise<void> {
      await scheduleDigests(queue, digest, logger);
      if (closing) return;
      // Sends run even with the digest off: what an earlier run reserved still goes out.
      for (const worker of [runs, sends]) if (worker) void worker.run();
    },
    async close(): Promise<void> {
      closing = true;
      await Promise.all([runs?.close(), sends?.close()]);
      await Promise.all([queue.close(), emailQueue?.close()]);
    },
  };
}
