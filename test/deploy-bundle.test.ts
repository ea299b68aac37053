import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@huiyin/infra-local";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@huiyin/infra-local/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, repoRoot, TEST_ENCRYPTION_KEYS } from "./support/processes.ts";

/**
 * `pnpm deploy --prod` makes a bundle of one service that runs from its runtime dependencies alone: the api's
 * bundle migrates an empty database with its `huiyin-migrate` bin (the compose file's one-shot `migrate`) and then
 * starts with `node --import tsx src/main.ts`, outside the repository, and answers over HTTP; the worker's and the
 * notifier's bundles start the same way on that database and answer on their health port (`/readyz`, `/metrics`).
 */
const SERVICES = ["api", "worker", "notifier"] as const;
type Service = (typeof SERVICES)[number];
let root: string;
const bundles = {} as Record<Service, string>;
let database: TestDatabase;
let redis: TestRedis;
const running: ChildProcess[] = [];

/** The pinned pnpm: the one running these tests when it is pnpm, else the start command's private copy, else PATH's. */
function pnpmCommand(): [string, string[]] {
  const running = process.env.npm_execpath;
  if (running && /pnpm\.c?js$/.test(running)) return [process.execPath, [running]];
  const own = path.join(repoRoot, ".huiyin", "tools", "node_modules", "pnpm", "bin", "pnpm.cjs");
  if (existsSync(own)) return [process.execPath, [own]];
  return ["pnpm", []];
}

/** `pnpm deploy` of one service into `target`; the three run side by side (mostly file copying). */
function deploy(service: Service, target: string): Promise<void> {
  const [command, prefix] = pnpmCommand();
  const child = spawn(
    command,
    [...prefix, "--filter", `@huiyin/${service}`, "deploy", "--legacy", "--prod", "--prefer-offline", target],
    { cwd: repoRoot, env: { ...process.env, CI: "true" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return new Promise((resolve, reject) =>
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`pnpm deploy of ${service} failed:\n${output}`)),
    ),
  );
}

/** Starts a bundle the way its image does, outside the repository; returns what it printed so far. */
function startBundle(service: Service, env: NodeJS.ProcessEnv): () => string {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: bundles[service],
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return () => output;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "huiyin-bundle-"));
  for (const service of SERVICES) bundles[service] = path.join(root, service);
  await Promise.all(SERVICES.map((service) => deploy(service, bundles[service])));
  database = await createTestDatabase({ empty: true });
  redis = createTestRedis();
}, 240_000);

afterAll(async () => {
  for (const child of running) child.kill("SIGKILL");
  await database?.drop();
  await redis?.cleanup();
  if (root) await rm(root, { recursive: true, force: true });
});

describe("the api's deployed bundle", () => {
  it("holds runtime dependencies only", () => {
    const installed = readdirSync(path.join(bundles.api, "node_modules", ".pnpm"));
    for (const devOnly of ["vitest@", "@biomejs+biome@", "dependency-cruiser@", "turbo@"]) {
      expect(
        installed.filter((name) => name.startsWith(devOnly)),
        devOnly,
      ).toEqual([]);
    }
    expect(installed.some((name) => name.startsWith("tsx@"))).toBe(true);
  });

  it("migrates an empty database and starts from it, outside the repository", async () => {
    const env = { PATH: process.env.PATH ?? "", DATABASE_URL: database.url };
    const migrated = spawnSync(path.join(bundles.api, "node_modules", ".bin", "huiyin-migrate"), [], {
      cwd: bundles.api,
      encoding: "utf8",
      env,
    });
    expect(migrated.status, `${migrated.stdout}\n${migrated.stderr}`).toBe(0);
    expect(migrated.stdout).toMatch(/migrations have been successfully applied|applied/i);

    const port = await freePort();
    const adminKey = `bundle-test-admin-key-${"k".repeat(24)}`;
    const output = startBundle("api", {
      ...env,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: redis.prefix,
      PORT: String(port),
      LOG_FORMAT: "json",
      HUIYIN_ADMIN_KEY: adminKey,
      SECRETS_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
      ATTACHMENT_DIR: path.join(root, "attachments"),
    });
    const base = `http://127.0.0.1:${port}`;
    await eventually(async () => (await fetch(`${base}/readyz`)).status === 200, 60_000, output);
    const whoami = await fetch(`${base}/v1/whoami`, { headers: { authorization: `Bearer ${adminKey}` } });
    expect(whoami.status).toBe(200);
    expect(((await whoami.json()) as { role: string }).role).toBe("admin");
  }, 90_000);

  // The database the api's bundle migrated above: the worker and the notifier refuse to be ready on an unmigrated one.
  for (const [service, metric] of [
    ["worker", "huiyin_webhook_deliveries_total"],
    ["notifier", "huiyin_notice_deliveries_total"],
  ] as const) {
    it(`starts the ${service}'s bundle, which answers on its health port with its metrics`, async () => {
      const port = await freePort();
      const output = startBundle(service, {
        PATH: process.env.PATH ?? "",
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: redis.prefix,
        HEALTH_PORT: String(port),
        LOG_FORMAT: "json",
        SECRETS_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
      });
      const base = `http://127.0.0.1:${port}`;
      await eventually(async () => (await fetch(`${base}/readyz`)).status === 200, 60_000, output);
      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(text).toContain(`# TYPE ${metric} counter`);
      expect(text).toMatch(/^process_cpu_seconds_total(\{[^}]*\})? \d/m);
    }, 90_000);
  }
});
