import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@huiyin/infra-local";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, getJson, spawnEntry } from "./support/processes.ts";

/**
 * `npm start` on the embedded default: no DATABASE_URL, no REDIS_URL. It must bring up its own PostgreSQL
 * and Redis, migrate, start the three services, answer /readyz; keep its data for the next start; and
 * leave nothing running after Ctrl-C.
 */
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "huiyin-start-"));
  chmodSync(dataDir, 0o755); // the postgres user must be able to traverse it when we run as root
  env = {
    HUIYIN_DATA_DIR: dataDir,
    HUIYIN_POSTGRES_PORT: String(await freePort()),
    HUIYIN_REDIS_PORT: String(await freePort()),
    PORT: String(await freePort()),
    WORKER_HEALTH_PORT: String(await freePort()),
    NOTIFIER_HEALTH_PORT: String(await freePort()),
    DATABASE_URL: "",
    REDIS_URL: "",
    // As on a fresh machine: the start command generates the key that seals webhook secrets.
    SECRETS_ENCRYPTION_KEYS: "",
  };
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function startOnce() {
  const start = spawnEntry("infra/launcher/src/start.ts", env);
  await eventually(async () => start.output().includes("huiyin is ready"), 90_000, start.output);
  return start;
}

async function portAnswers(port: string): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/healthz`).then(
    () => true,
    () => false,
  );
}

/**
 * No credential in any log: none of the generated secrets (database and Redis passwords, the admin key, the link
 * secret) is in the start command's output or in any file under the logs folder.
 */
function expectNoSecretIn(output: string): void {
  const secretsDir = path.join(dataDir, "secrets");
  const secrets = readdirSync(secretsDir).map((name) => [
    name,
    readFileSync(path.join(secretsDir, name), "utf8").trim(),
  ]);
  expect(secrets.map(([name]) => name)).toEqual(
    expect.arrayContaining(["admin-api-key", "notify-link-secret", "postgres-password", "redis-password"]),
  );
  const logsDir = path.join(dataDir, "logs");
  const logs = readdirSync(logsDir).map((name) => [name, readFileSync(path.join(logsDir, name), "utf8")]);
  expect(logs.find(([name]) => name === "api.log")?.[1]).toContain('"url":"/v1/whoami"');
  const found = [];
  for (const [secretName, secret = ""] of secrets) {
    expect(secret.length, secretName).toBeGreaterThanOrEqual(16);
    for (const [where, text = ""] of [["the start command's output", output], ...logs]) {
      if (text.includes(secret) || text.includes(encodeURIComponent(secret))) found.push(`${secretName} in ${where}`);
    }
  }
  expect(found).toEqual([]);
}

function databaseUrl(): string {
  const password = readFileSync(path.join(dataDir, "secrets", "postgres-password"), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.HUIYIN_POSTGRES_PORT}/huiyin`;
}

describe("the start command on the embedded default", () => {
  it("brings the whole system up, ready, and prints where things are", async () => {
    const start = await startOnce();
    try {
      const ready = await getJson(`http://127.0.0.1:${env.PORT}/readyz`);
      expect(ready.status).toBe(200);
      const keysFile = path.join(dataDir, "secrets", "secrets-encryption-keys");
      expect(readFileSync(keysFile, "utf8")).toMatch(/^local1:/);
      expect(statSync(keysFile).mode & 0o777).toBe(0o600);
      for (const port of [env.WORKER_HEALTH_PORT, env.NOTIFIER_HEALTH_PORT]) {
        expect((await getJson(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      }
      expect(start.output()).toContain(`http://127.0.0.1:${env.PORT}`);
      expect(start.output()).toContain("logs");
      // Leave a mark, to see that the next start keeps the data.
      const client = new pg.Client({ connectionString: databaseUrl() });
      await client.connect();
      await client.query("CREATE TABLE start_test_marker (id int)");
      await client.end();
      // One request with the admin key, so the api's log has a line about an authenticated request.
      const adminKey = readFileSync(path.join(dataDir, "secrets", "admin-api-key"), "utf8").trim();
      const whoami = await fetch(`http://127.0.0.1:${env.PORT}/v1/whoami`, {
        headers: { authorization: `Bearer ${adminKey}` },
      });
      expect(whoami.status).toBe(200);
    } finally {
      start.child.kill("SIGINT");
    }
    expect(await start.exited).toBe(0);
    expect(start.output()).toContain("Stopped.");
    expectNoSecretIn(start.output());
  });

  it("leaves no server running after Ctrl-C", async () => {
    for (const port of [env.PORT, env.WORKER_HEALTH_PORT, env.NOTIFIER_HEALTH_PORT]) {
      expect(await portAnswers(port ?? "")).toBe(false);
    }
    const client = new pg.Client({ connectionString: databaseUrl(), connectionTimeoutMillis: 1_000 });
    await expect(client.connect()).rejects.toThrow();
    expect(existsSync(path.join(dataDir, "postgres", "data", "postmaster.pid"))).toBe(false);
  });

  it("starts again on the same data", async () => {
    const start = await startOnce();
    try {
      const client = new pg.Client({ connectionString: databaseUrl() });
      await client.connect();
      const marker = await client.query("SELECT to_regclass('start_test_marker') IS NOT NULL AS kept");
      await client.end();
      expect(marker.rows[0]).toEqual({ kept: true });
    } finally {
      start.child.kill("SIGINT");
    }
    expect(await start.exited).toBe(0);
  });
});
