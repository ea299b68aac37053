export {
  type JobName,
  type JobPayload,
  jobCatalog,
  jobId,
  jobOptions,
  parsePayload,
  type QueueName,
  queuesOf,
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
