import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@huiyin/infra-local";
import { createTestRedis, type TestRedis } from "@huiyin/infra-local/testing";
import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAdminKey } from "../services/api/src/index.ts";
import { type ApiHarness, startApi } from "./support/api.ts";
import { eventually, type Spawned, spawnEntry } from "./support/processes.ts";

/** API keys over real HTTP and a real database: Bearer authentication, issuing keys, the first admin key. */
let api: ApiHarness;

beforeAll(async () => {
  api = await startApi();
});

afterAll(async () => {
  await api.close();
});

describe("Bearer authentication", () => {
  it("answers 401 UNAUTHENTICATED without a key, with a WWW-Authenticate challenge", async () => {
    const response = await api.call("GET", "/v1/whoami", { key: null });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("answers 401 for an unknown key and for a revoked one", async () => {
    const wrong = await api.call("GET", "/v1/whoami", { key: "hy_abcdefghijkl_not-a-key-we-issued-at-all" });
    expect(wrong.status).toBe(401);
    const key = await api.issueKey("staff", "staff-9");
    expect((await api.call("GET", "/v1/whoami", { key })).status).toBe(200);
    await api.database.prisma.apiKey.updateMany({ where: { actorId: "staff-9" }, data: { revokedAt: new Date() } });
    const revoked = await api.call("GET", "/v1/whoami", { key });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe("UNAUTHENTICATED");
  });

  it("identifies the caller by the key's role and scope, and echoes a request id", async () => {
    const response = await api.call("GET", "/v1/whoami", { headers: { "x-request-id": "req-auth-1" } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ role: "admin", actorId: "admin" });
    expect(response.headers.get("x-request-id")).toBe("req-auth-1");
  });
});

describe("GET /v1/openapi.json", () => {
  it("needs no key and describes the API as OpenAPI 3.1", async () => {
    const response = await api.call("GET", "/v1/openapi.json", { key: null });
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe("3.1.0");
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(["/v1/proposals", "/v1/proposals/{id}/events", "/v1/notifications"]),
    );
  });
});

describe("POST /v1/api-keys", () => {
  it("issues a key once: the answer carries it, the database only its SHA-256", async () => {
    const response = await api.call("POST", "/v1/api-keys", {
      body: { role: "unit", actorId: "clerk-1", unitId: "unit-water", name: "water bureau clerk" },
    });
    expect(response.status).toBe(201);
    const { key, prefix } = response.body;
    expect(key.startsWith(`${prefix}_`)).toBe(true);
    const row = await api.database.prisma.apiKey.findUniqueOrThrow({ where: { prefix } });
    expect(JSON.stringify(row)).not.toContain(key.slice(prefix.length + 1));
    expect(row).toMatchObject({ role: "unit", unitId: "unit-water", actorId: "clerk-1", revokedAt: null });
    const me = await api.call("GET", "/v1/whoami", { key });
    expect(me.body).toMatchObject({ role: "unit", actorId: "clerk-1", unitId: "unit-water", prefix });
  });

  it("refuses a caller who is not admin with 403 FORBIDDEN, and issues nothing", async () => {
    const staff = await api.issueKey("staff", "staff-1");
    const before = await api.database.prisma.apiKey.count();
    const response = await api.call("POST", "/v1/api-keys", { key: staff, body: { role: "admin", actorId: "me" } });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("FORBIDDEN");
    expect(await api.database.prisma.apiKey.count()).toBe(before);
  });

  it("answers 422 VALIDATION_FAILED naming the failing fields", async () => {
    const response = await api.call("POST", "/v1/api-keys", { body: { role: "unit", actorId: "" } });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("VALIDATION_FAILED");
    const paths = response.body.error.details.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(expect.arrayContaining(["actorId"]));
    const noUnit = await api.call("POST", "/v1/api-keys", { body: { role: "unit", actorId: "clerk-2" } });
    expect(noUnit.body.error.details.fields).toEqual([expect.objectContaining({ path: "unitId" })]);
    const system = await api.call("POST", "/v1/api-keys", { body: { role: "system", actorId: "x" } });
    expect(system.status).toBe(422);
  });

  it("answers 400 MALFORMED_JSON for a body that is not JSON", async () => {
    const response = await api.call("POST", "/v1/api-keys", { body: "{not json" });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("MALFORMED_JSON");
  });
});

describe("GET /v1/api-keys and POST /v1/api-keys/:id/revoke", () => {
  it("list keys by prefix without key or hash, and revoke one at once", async () => {
    const key = await api.issueKey("leader", "leader-7");
    const list = await api.call("GET", "/v1/api-keys");
    expect(list.status).toBe(200);
    const listed = list.body.items.find((item: { actorId: string }) => item.actorId === "leader-7");
    expect(listed).toMatchObject({ role: "leader", revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(key.slice(listed.prefix.length + 1));
    expect(JSON.stringify(list.body)).not.toMatch(/[0-9a-f]{64}/);

    const revoked = await api.call("POST", `/v1/api-keys/${listed.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect((await api.call("GET", "/v1/whoami", { key })).status).toBe(401);
    const again = await api.call("POST", `/v1/api-keys/${listed.id}/revoke`);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
  });

  it("are for admins only; an unknown key id is 404; an admin cannot lock itself out", async () => {
    const staff = await api.issueKey("staff", "staff-7");
    expect((await api.call("GET", "/v1/api-keys", { key: staff })).status).toBe(403);
    expect((await api.call("POST", "/v1/api-keys/nope/revoke")).status).toBe(404);
    const me = await api.database.prisma.apiKey.findFirstOrThrow({ where: { actorId: "admin", revokedAt: null } });
    const self = await api.call("POST", `/v1/api-keys/${me.id}/revoke`);
    expect(self.status).toBe(409);
    expect((await api.call("GET", "/v1/whoami")).status).toBe(200);
  });
});

describe("the first admin key", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "huiyin-admin-key-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("is generated once into an owner-only file, also by processes starting together", async () => {
    const file = path.join(folder, "secrets", "admin-api-key");
    const logger = createLogger({ service: "api-test", level: "silent", format: "json" });
    const outcomes = await Promise.all([1, 2, 3].map(() => ensureAdminKey(api.database, { file }, logger)));
    expect(outcomes.filter((outcome) => outcome.source === "file" && outcome.generated)).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => (outcome.source === "file" ? outcome.prefix : "")))).toHaveProperty(
      "size",
      1,
    );
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const key = (await readFile(file, "utf8")).trim();
    const me = await api.call("GET", "/v1/whoami", { key });
    expect(me.body).toMatchObject({ role: "admin" });
    expect(await api.database.prisma.apiKey.count({ where: { prefix: me.body.prefix } })).toBe(1);
  });

  describe("in the api process", () => {
    let redis: TestRedis;
    let service: Spawned;
    const file = () => path.join(folder, "process", "admin-api-key");

    beforeAll(async () => {
      redis = createTestRedis();
      const port = await freePort();
      service = spawnEntry("services/api/src/main.ts", {
        DATABASE_URL: api.database.pool.options.connectionString ?? "",
        REDIS_URL: redis.url,
        QUEUE_PREFIX: redis.prefix,
        PORT: String(port),
        LOG_FORMAT: "json",
        HUIYIN_ADMIN_KEY_FILE: file(),
      });
      await eventually(
        async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200,
        30_000,
        service.output,
      );
    });

    afterAll(async () => {
      if (service.child.exitCode === null) service.child.kill("SIGKILL");
      await redis.cleanup();
    });

    it("writes the key to HUIYIN_ADMIN_KEY_FILE with mode 0600, says where, and never logs the key", async () => {
      expect((await stat(file())).mode & 0o777).toBe(0o600);
      const key = (await readFile(file(), "utf8")).trim();
      expect((await api.call("GET", "/v1/whoami", { key })).body.role).toBe("admin");
      expect(service.output()).toContain(file());
      expect(service.output()).not.toContain(key);
    });
  });
});
