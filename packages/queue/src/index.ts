export {
  catalogJob,
  configuredJobOptions,
  type JobName,
  type JobPayload,
  jobCatalog,
  jobDefaults,
  jobId,
  jobOptions,
  type OutboxJobName,
  type OutboxQueueName,
  outboxJobs,
  parsePayload,
  type QueueName,
  queues,
  queuesOf,
  type RetrySettings,
} from "./catalog.ts";
export {
  checkRedis,
  createRedisConnection,
  isCluster,
  type RedisConnection,
  type RedisRole,
  whenReady,
} from "./connection.ts";
export { createQueue, createWorker, type QueueSettings } from "./factory.ts";
export { addAgainAsNew, failedJobsOf } from "./failed.ts";
export { withoutJobs } from "./missing.ts";
