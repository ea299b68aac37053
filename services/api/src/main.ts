import { parseConfig } from "@huiyin/config";
import { checkDatabase, createDatabase } from "@huiyin/db";
import { createLogger } from "@huiyin/logger";
import { checkRedis, createRedisConnection } from "@huiyin/queue";
import { installShutdown } from "@huiyin/runtime";
import { createApp } from "./app.ts";

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createLogger({ service: "api", level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const shutdown = installShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });

  const database = createDatabase(config.DATABASE_URL);
  shutdown.add("database", () => database.close());
  const redis = createRedisConnection(
    { urls: config.REDIS_URL, mode: config.REDIS_MODE, role: "producer", name: "huiyin-api" },
    (error) => logger.warn({ err: error }, "redis connection error"),
  );
  shutdown.add("redis", async () => {
    await redis.quit().catch(() => redis.disconnect());
  });

  const app = createApp({
    logger,
    checks: [
      { name: "database", run: () => checkDatabase(database) },
      { name: "redis", run: () => checkRedis(redis) },
    ],
  });
  const server = app.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  // Stop accepting, let in-flight requests finish; idle keep-alive sockets are closed at once.
  shutdown.add("http", () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    return closed;
  });
  logger.info({ url: `http://${config.HOST}:${config.PORT}` }, "api listening");
}

main().catch((error: unknown) => {
  // Before the logger exists (a bad configuration), plain stderr is all there is.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
