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
 * starts with `node --import tsx src/main.ts`, outside the repository, and answers over HTTP.
 */
let bundle: string;
let database: TestDatabase;
let redis: TestRedis;
let api: ChildProcess | undefined;

/** The pinned pnpm: the one running these tests when it is pnpm, else the start command's private copy, else PATH's. */
function pnpmCommand(): [string, string[]] {
  const running = process.env.npm_execpath;
  if (running && /pnpm\.c?js$/.test(running)) return [process.execPath, [running]];
  const own = path.join(repoRoot, ".huiyin", "tools", "node_modules", "pnpm", "bin", "pnpm.cjs");
  if (existsSync(own)) return [process.execPath, [own]];
  return ["pnpm", []];
}

beforeAll(async () => {
  bundle = path.join(await mkdtemp(path.join(tmpdir(), "huiyin-bundle-")), "api");
  const [command, prefix] = pnpmCommand();
  const deployed = spawnSync(
    command,
    [...prefix, "--filter", "@huiyin/api", "deploy", "--legacy", "--prod", "--prefer-offline", bundle],
    { cwd: repoRoot, encoding: "utf8", env: { ...process.env, CI: "true" } },
  );
  if (deployed.status !== 0) throw new Error(`pnpm deploy failed:\n${deployed.stdout}\n${deployed.stderr}`);
  database = await createTestDatabase({ empty: true });
  redis = createTestRedis();
}, 180_000);

afterAll(async () => {
  api?.kill("SIGKILL");
  await database?.drop();
  await redis?.cleanup();
  if (bundle) await rm(path.dirname(bundle), { recursive: true, force: true });
});

describe("the api's deployed bundle", () => {
  it("holds runtime dependencies only", () => {
    const installed = readdirSync(path.join(bundle, "node_modules", ".pnpm"));
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
    const migrated = spawnSync(path.join(bundle, "node_modules", ".bin", "huiyin-migrate"), [], {
      cwd: bundle,
      encoding: "utf8",
      env,
    });
    expect(migrated.status, `${migrated.stdout}\n${migrated.stderr}`).toBe(0);
    expect(migrated.stdout).toMatch(/migrations have been successfully applied|applied/i);

    const port = await freePort();
    const adminKey = `bundle-test-admin-key-${"k".repeat(24)}`;
    let output = "";
    api = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: bundle,
      env: {
        ...env,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: redis.prefix,
        PORT: String(port),
        LOG_FORMAT: "json",
        HUIYIN_ADMIN_KEY: adminKey,
        SECRETS_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
        ATTACHMENT_DIR: path.join(path.dirname(bundle), "attachments"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    api.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    api.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const base = `http://127.0.0.1:${port}`;
    await eventually(
      async () => (await fetch(`${base}/readyz`)).status === 200,
      60_000,
      () => output,
    );
    const whoami = await fetch(`${base}/v1/whoami`, { headers: { authorization: `Bearer ${adminKey}` } });
    expect(whoami.status).toBe(200);
    expect(((await whoami.json()) as { role: string }).role).toBe("admin");
  }, 90_000);
});
