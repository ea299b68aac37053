import { type Processor, Queue, Worker, type WorkerOptions } from "bullmq";
import type { RedisConnection } from "./connection.ts";

export interface QueueSettings {
  /** BullMQ key prefix; with Redis Cluster it must carry a hash tag such as `{huiyin}`. */
  prefix: string;
}

/** A producer-side queue on a shared connection (BullMQ never closes a connection it was given). */
export function createQueue<Data, Result = unknown>(
  name: string,
  connection: RedisConnection,
  settings: QueueSettings,
): Queue<Data, Result> {
  return new Queue<Data, Result>(name, { connection, prefix: settings.prefix });
}

/**
 * A worker. BullMQ duplicates the given connection for its blocking commands, so one `worker`-role
 * connection serves any number of workers in a process. The lock and stalled-check intervals decide how
 * soon a job whose process died is taken up again: BullMQ's defaults (30 s) unless the caller says.
 */
export function createWorker<Data, Result = unknown>(
  name: string,
  processor: Processor<Data, Result>,
  connection: RedisConnection,
  settings: QueueSettings & Omit<WorkerOptions, "connection" | "prefix">,
): Worker<Data, Result> {
  const { prefix, ...options } = settings;
  return new Worker<Data, Result>(name, processor, { ...options, connection, prefix });
}
