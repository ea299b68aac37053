import { freePort } from "@huiyin/infra-local";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@huiyin/infra-local/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, getJson, type Spawned, spawnEntry } from "./support/processes.ts";

/**
 * Each service, run as its own process the way `npm start` and a deployment run it, against the test
 * run's real PostgreSQL and Redis: it becomes ready, answers its health endpoints in JSON, and stops
 * cleanly on SIGTERM with the conventional exit code.
 */
let database: TestDatabase;
let redis: TestRedis;

beforeAll(async () => {
  database = await createTestDatabase();
  redis = createTestRedis();
});

afterAll(async () => {
  await redis.cleanup();
  await database.drop();
});

const services = [
  { name: "api", portVariable: "PORT" },
  { name: "worker", portVariable: "HEALTH_PORT" },
  { name: "notifier", portVariable: "HEALTH_PORT" },
] as const;

describe.each(services)("the $name service", ({ name, portVariable }) => {
  let service: Spawned;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    service = spawnEntry(`services/${name}/src/main.ts`, {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: redis.prefix,
      [portVariable]: String(port),
      LOG_FORMAT: "json",
    });
    await eventually(async () => (await fetch(`${base}/readyz`)).status === 200, 30_000, service.output);
  });

  afterAll(() => {
    if (service.child.exitCode === null) service.child.kill("SIGKILL");
  });

  it("answers /healthz and /readyz in JSON", async () => {
    const health = await getJson(`${base}/healthz`);
    expect(health).toMatchObject({ status: 200, body: { status: "ok", service: name } });
    const ready = await getJson(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: "ready", checks: { database: { ok: true }, redis: { ok: true } } });
  });

  it("answers an unknown path with the JSON error shape", async () => {
    const missing = await getJson(`${base}/no-such-path`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("logs JSON lines that name the service", () => {
    const lines = service
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"));
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ service: name });
  });

  it("stops on SIGTERM, draining first, with exit code 143", async () => {
    service.child.kill("SIGTERM");
    expect(await service.exited).toBe(143);
    expect(service.output()).toContain("stopped");
  });
});

describe("a service with a bad configuration", () => {
  it("refuses to start and names every bad variable", async () => {
    const service = spawnEntry("services/api/src/main.ts", { DATABASE_URL: "mysql://x", REDIS_URL: "", PORT: "x" });
    expect(await service.exited).toBe(1);
    for (const variable of ["DATABASE_URL", "REDIS_URL", "PORT"]) expect(service.output()).toContain(variable);
  });

  it("the api and the worker refuse to start without SECRETS_ENCRYPTION_KEYS rather than keep secrets in clear", async () => {
    for (const name of ["api", "worker"]) {
      const service = spawnEntry(`services/${name}/src/main.ts`, {
        DATABASE_URL: "postgresql://u:p@127.0.0.1:1/none",
        REDIS_URL: "redis://127.0.0.1:1",
        HEALTH_PORT: "0",
        SECRETS_ENCRYPTION_KEYS: "",
      });
      expect(await service.exited, name).toBe(1);
      expect(service.output(), name).toContain("SECRETS_ENCRYPTION_KEYS: required");
    }
  });
});
