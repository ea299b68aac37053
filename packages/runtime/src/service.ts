import { type Config, parseConfig } from "@huiyin/config";
import { checkDatabase, createDatabase, type Database } from "@huiyin/db";
import { createLogger, type Logger } from "@huiyin/logger";
import { checkRedis, createRedisConnection, type RedisConnection, type RedisRole } from "@huiyin/queue";
import { startHealthServer } from "./health-server.ts";
import { createMetrics, type Metrics } from "./metrics.ts";
import type { Check } from "./readiness.ts";
import { installShutdown, type Shutdown } from "./shutdown.ts";

export interface ServiceContext {
  config: Config;
  logger: Logger;
  database: Database;
  redis: RedisConnection;
  shutdown: Shutdown;
  /** Readiness of the database (reachable, migrated) and of Redis. */
  checks: Check[];
  /** What the health server's `GET /metrics` shows (worker and notifier). */
  metrics: Metrics;
}

export interface ServiceOptions {
  name: "api" | "worker" | "notifier";
  /** `producer` fails fast when Redis is away (request paths); `worker` waits for it (background work). */
  redisRole: RedisRole;
  /** Serve /healthz and /readyz on HEALTH_PORT (for processes without an HTTP API of their own). */
  healthServer: boolean;
}

/**
 * The composition root every service shares: parse the configuration, create the root logger, connect to
 * PostgreSQL and Redis, install graceful shutdown, then hand over to the service's own `start`. Cleanups
 * run in reverse order, so what `start` opens closes before the connections it uses.
 */
export function runService(options: ServiceOptions, start: (context: ServiceContext) => Promise<void>): void {
  const main = async () => {
    const config = parseConfig(process.env);
    const logger = createLogger({ service: options.name, level: config.LOG_LEVEL, format: config.LOG_FORMAT });
    const shutdown = installShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
    const database = createDatabase(config.DATABASE_URL, {
      // A restart of PostgreSQL ends every session: one line per connection, and the pool makes new ones.
      // Code and message only: the stack of a socket read says nothing, and there is one line per connection.
      onConnectionError: (error) =>
        logger.warn(
          { code: (error as { code?: string }).code, reason: error.message },
          "database connection lost; the pool replaces it",
        ),
    });
    shutdown.add("database", () => database.close());
    const redis = createRedisConnection(
      { urls: config.REDIS_URL, mode: config.REDIS_MODE, role: options.redisRole, name: `huiyin-${options.name}` },
      (error) => logger.warn({ err: error }, "redis connection error"),
    );
    shutdown.add("redis", async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
    let started = false;
    const checks: Check[] = [
      { name: "database", run: () => checkDatabase(database) },
      { name: "redis", run: () => checkRedis(redis) },
      {
        // Ready means ready to work: not before the service's own start has finished.
        name: "started",
        run: async () => {
          if (!started) throw new Error("still starting");
        },
      },
    ];
    const metrics = createMetrics();
    if (options.healthServer) {
      const health = await startHealthServer({
        metrics,
        host: config.HOST,
        port: config.HEALTH_PORT,
        service: options.name,
        checks,
      });
      shutdown.add("health", () => health.close());
      logger.info({ healthUrl: `http://${config.HOST}:${health.port}` }, "health endpoints listening");
    }
    await start({ config, logger, database, redis, shutdown, checks, metrics });
    started = true;
  };
  main().catch((error: unknown) => {
    // Before the logger exists (a bad configuration), plain stderr is all there is.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
