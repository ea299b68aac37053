import type { JobsOptions } from "bullmq";
import { z } from "zod";

/**
 * Every kind of job huiyin puts on a queue: its queue, its payload schema, and how it is retried. Producers
 * and workers take their types from here, so a payload cannot drift between the two sides.
 *
 * Job ids are always given by the producer and derived from database ids (`jobId()`), so that adding the
 * same job twice — a relay that runs again after a crash — leaves one job.
 */
const id = z.string().min(1).max(200);

export const jobCatalog = {
  /** Apply one event to a proposal (events that do not come over HTTP). */
  "proposal.event": {
    queue: "events",
    payload: z.object({ outboxId: id, proposalId: id, event: z.record(z.string(), z.unknown()) }),
    options: { attempts: 10, backoff: { type: "exponential", delay: 500 } },
  },
  /** A deadline's alarm clock: when it rings, the worker feeds a `deadline.*` event to the proposal. */
  "deadline.alarm": {
    queue: "alarms",
    payload: z.object({ alarmId: id, proposalId: id, deadlineId: id }),
    options: { attempts: 10, backoff: { type: "exponential", delay: 1_000 } },
  },
  /** Deliver a notice (reminder or escalation) through its channels. */
  "notice.deliver": {
    queue: "notices",
    payload: z.object({ noticeId: id }),
    options: { attempts: 8, backoff: { type: "exponential", delay: 2_000 } },
  },
  /** POST one webhook delivery to a subscriber. */
  "webhook.deliver": {
    queue: "webhooks",
    payload: z.object({ deliveryId: id }),
    options: { attempts: 8, backoff: { type: "exponential", delay: 2_000 } },
  },
} as const satisfies Record<string, { queue: string; payload: z.ZodType; options: JobsOptions }>;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<Name extends JobName> = z.infer<(typeof jobCatalog)[Name]["payload"]>;
export type QueueName = (typeof jobCatalog)[JobName]["queue"];

/** The queues a process must open to handle `names`. */
export function queuesOf(names: readonly JobName[]): QueueName[] {
  return [...new Set(names.map((name) => jobCatalog[name].queue))];
}

/**
 * A BullMQ job id from parts. BullMQ refuses ids with ':' (its key separator) and ids that are integers;
 * the name prefix rules out the second, and ':' is replaced.
 */
export function jobId(name: JobName, ...parts: readonly (string | number)[]): string {
  return [name.replace(".", "-"), ...parts.map((part) => String(part).replaceAll(":", "_"))].join("-");
}

/** Validates a payload on the worker side: a job added by an older or foreign producer fails loudly. */
export function parsePayload<Name extends JobName>(name: Name, data: unknown): JobPayload<Name> {
  return jobCatalog[name].payload.parse(data) as JobPayload<Name>;
}

/**
 * The options of one job: the catalog's retry policy, the producer's deterministic id, and a delay.
 * Completed jobs are removed at once: their id must be free again so that a reconciler can re-create a job
 * the database still considers pending; failed ones stay a week for inspection.
 */
export function jobOptions(name: JobName, id: string, delayMs = 0): JobsOptions {
  return {
    ...jobCatalog[name].options,
    jobId: id,
    delay: Math.max(0, delayMs),
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}
