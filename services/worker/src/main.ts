import { parseConfig } from "@huiyin/config";
import { checkDatabase, createDatabase } from "@huiyin/db";
import { createLogger } from "@huiyin/logger";
import { checkRedis, createRedisConnection } from "@huiyin/queue";
import { installShutdown, startHealthServer } from "@huiyin/runtime";

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createLogger({ service: "worker", level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const shutdown = installShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });

  const database = createDatabase(config.DATABASE_URL);
  shutdown.add("database", () => database.close());
  const redis = createRedisConnection(
    { urls: config.REDIS_URL, mode: config.REDIS_MODE, role: "worker", name: "huiyin-worker" },
    (error) => logger.warn({ err: error }, "redis connection error"),
  );
  shutdown.add("redis", async () => {
    await redis.quit().catch(() => redis.disconnect());
  });

  const health = await startHealthServer({
    host: config.HOST,
    port: config.HEALTH_PORT,
    service: "worker",
    checks: [
      { name: "database", run: () => checkDatabase(database) },
      { name: "redis", run: () => checkRedis(redis) },
    ],
  });
  shutdown.add("health", () => health.close());
  logger.info({ healthUrl: `http://${config.HOST}:${health.port}` }, "worker running");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
