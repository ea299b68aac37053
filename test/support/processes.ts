import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@huiyin/infra-local";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const tsx = createRequire(import.meta.url).resolve("tsx");

export interface Spawned {
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code (or 128 + signal number) once it has exited. */
  exited: Promise<number>;
}

const signalNumbers: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/**
 * SECRETS_ENCRYPTION_KEYS of a test file's api and worker processes (which `npm start` would generate); the api
 * harness seals with the same key, so a worker process opens what it sealed.
 */
export const TEST_ENCRYPTION_KEYS = `test1:${randomBytes(32).toString("base64")}`;

/**
 * Runs a TypeScript entry point of the repository the way the start command does, through tsx. The api and the
 * worker need SECRETS_ENCRYPTION_KEYS: every process gets the same test key unless `env` says otherwise.
 */
export function spawnEntry(entry: string, env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(process.execPath, ["--import", tsx, path.join(repoRoot, entry)], {
    cwd: repoRoot,
    env: { SECRETS_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS, ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  const exited = new Promise<number>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? 128 + (signalNumbers[signal ?? ""] ?? 0))),
  );
  return { child, output: () => text, exited };
}

/** Polls until `probe` returns true, or fails with what the process printed. */
export async function eventually(
  probe: () => Promise<boolean>,
  timeoutMs: number,
  context: () => string,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms; output so far:\n${context()}`);
}

export async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * The environment of a worker or notifier process a test runs beside it: the test's database and Redis prefix, a
 * free health port, JSON logs, short job locks (the jobs of a killed process run elsewhere within seconds), and
 * links under a fixed public base. `extra` adds or overrides (SMTP_URL, NOTIFY_*, …).
 */
export async function serviceEnv(
  stores: { databaseUrl: string; redisUrl: string; prefix: string },
  extra: NodeJS.ProcessEnv = {},
): Promise<NodeJS.ProcessEnv> {
  return {
    DATABASE_URL: stores.databaseUrl,
    REDIS_URL: stores.redisUrl,
    QUEUE_PREFIX: stores.prefix,
    HEALTH_PORT: String(await freePort()),
    LOG_FORMAT: "json",
    JOB_LOCK_MS: "2000",
    JOB_STALLED_CHECK_MS: "1000",
    PUBLIC_BASE_URL: "https://huiyin.example",
    ...extra,
  };
}
