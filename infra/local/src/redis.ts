import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import { explainStartFailure, SetupError } from "./errors.ts";
import { commandLine, exitOf, logSize, logTail, spawnServer, stopChild, stopLeftover, waitUntil } from "./process.ts";
import { localSecret } from "./secrets.ts";
import { aptInstall, which } from "./system.ts";

export interface RedisOptions {
  /** Folder for the append-only file and the pid file; reused across starts. */
  dir: string;
  secretsDir: string;
  port: number;
  logFile: string;
}

export interface RedisServer {
  port: number;
  url: string;
  /** Resolves when the server process has exited (stopped by us, or died), saying how. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts a real Redis on loopback with the settings BullMQ needs in production: AOF persistence (fsync
 * every second) so that delayed jobs survive a crash, and `noeviction`, because an evicted job key is a
 * lost reminder.
 */
export async function startRedis(options: RedisOptions): Promise<RedisServer> {
  const binary = ensureRedisInstalled();
  const dir = path.resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const password = localSecret(options.secretsDir, "redis-password");
  const pidFile = path.join(dir, "redis.pid");
  await stopLeftoverRedis(pidFile);

  // A config file (owner-only) rather than flags, so that the password does not show in `ps`.
  const configFile = path.join(dir, "redis.conf");
  writeFileSync(configFile, redisConfig({ ...options, dir, pidFile, password }), { mode: 0o600 });
  const args = [configFile];
  const logStart = logSize(options.logFile);
  const child = spawnServer({ command: binary, args, logFile: options.logFile });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const url = `redis://:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  try {
    await waitUntil(
      async () => {
        if (exited) throw new SetupError("Redis exited during start-up");
        await ping(url);
      },
      15_000,
      "Redis",
    );
  } catch (error) {
    await stopChild(child, "SIGKILL", 1_000);
    throw explainStartFailure(error, options.port, "Redis", logTail(options.logFile, logStart));
  }
  return { port: options.port, url, exited: exitOf(child), stop: () => stopChild(child, "SIGTERM", 20_000) };
}

function redisConfig(settings: { port: number; dir: string; pidFile: string; password: string }): string {
  const quote = (value: string) => JSON.stringify(value);
  return [
    "bind 127.0.0.1",
    `port ${settings.port}`,
    "protected-mode yes",
    `requirepass ${quote(settings.password)}`,
    `dir ${quote(settings.dir)}`,
    `pidfile ${quote(settings.pidFile)}`,
    "daemonize no",
    "appendonly yes",
    "appendfsync everysec",
    'save ""',
    "maxmemory-policy noeviction",
    "",
  ].join("\n");
}

async function ping(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
  } finally {
    client.disconnect();
  }
}

function ensureRedisInstalled(): string {
  const found = which("redis-server") ?? (existsSync("/usr/bin/redis-server") ? "/usr/bin/redis-server" : undefined);
  if (found) return found;
  aptInstall(["redis-server"], "Redis", "set REDIS_URL to a Redis you run elsewhere.");
  if (existsSync("/usr/bin/redis-server")) return "/usr/bin/redis-server";
  throw new SetupError("redis-server was installed but not found on PATH.");
}

async function stopLeftoverRedis(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  if (Number.isInteger(pid) && pid > 0 && commandLine(pid).includes("redis-server")) {
    await stopLeftover(pid, "SIGTERM", 20_000);
  }
}
