import { type Processor, Queue, Worker, type WorkerOptions } from "bullmq";
import { type JobName, type JobPayload, jobCatalog } from "./catalog.ts";
import type { RedisConnection } from "./connection.ts";

export interface QueueSettings {
  /** BullMQ key prefix; with Redis Cluster it must carry a hash tag such as `{huiyin}`. */
  prefix: string;
}

/**
 * A producer-side queue on a shared connection (BullMQ never closes a connection it was given). `name` comes from
 * the catalog (`queues`, or a job's `queue`).
 */
export function createQueue<Data, Result = unknown>(
  name: string,
  connection: RedisConnection,
  settings: QueueSettings,
): Queue<Data, Result> {
  return new Queue<Data, Result>(name, { connection, prefix: settings.prefix });
}

/**
 * The worker of one kind of job, on that job's queue in the catalog (each queue holds one kind). BullMQ
 * duplicates the given connection for its blocking commands, so one `worker`-role connection serves any number of
 * workers in a process. The lock and stalled-check intervals decide how soon a job whose process died is taken up
 * again: BullMQ's defaults (30 s) unless the caller says. The data is typed as the catalog's payload; a worker that
 * must not trust it checks it with `parsePayload`.
 */
export function createWorker<Name extends JobName, Result = unknown>(
  job: Name,
  processor: Processor<JobPayload<Name>, Result>,
  connection: RedisConnection,
  settings: QueueSettings & Omit<WorkerOptions, "connection" | "prefix">,
): Worker<JobPayload<Name>, Result> {
  const { prefix, ...options } = settings;
  return new Worker<JobPayload<Name>, Result>(jobCatalog[job].queue, processor, { ...options, connection, prefix });
}
