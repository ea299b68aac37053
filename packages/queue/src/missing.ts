import type { Queue } from "bullmq";
import type { RedisConnection } from "./connection.ts";

/**
 * The items whose BullMQ job is not in Redis (a job in any state, failed included, keeps its hash): one pipelined
 * EXISTS per item instead of BullMQ's add script, so that checking 100,000 pending rows whose jobs are all there
 * costs one round trip per batch. Every key carries the queue prefix (with Redis Cluster a hash tag), so one
 * pipeline stays in one slot. An unanswered check counts as missing: adding an existing id is a harmless no-op.
 */
export async function withoutJobs<T>(
  redis: RedisConnection,
  queue: Pick<Queue, "toKey">,
  items: readonly T[],
  jobIdOf: (item: T) => string,
): Promise<T[]> {
  if (items.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const item of items) pipeline.exists(queue.toKey(jobIdOf(item)));
  const answers = (await pipeline.exec()) ?? [];
  return items.filter((_, index) => {
    const [error, exists] = answers[index] ?? [null, 0];
    return error !== null || exists !== 1;
  });
}
