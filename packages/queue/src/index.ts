export { checkRedis, createRedisConnection, type RedisConnection, type RedisRole } from "./connection.ts";
export { createQueue, createWorker, type QueueSettings } from "./factory.ts";
