import { createDatabase, type Database } from "@huiyin/db";
import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyCache, type KeyChangeListener, listenForKeyChanges } from "../services/api/src/index.ts";
import { type ApiHarness, type ApiResponse, startApi } from "./support/api.ts";
import { eventually } from "./support/processes.ts";

/**
 * Two api instances of one deployment (each with its own pool, key cache and change listener, as two processes
 * have) over one real PostgreSQL: a key cached by both, revoked through one, fails at the next request on the other.
 */
let api: ApiHarness;
let other: { call: ApiHarness["call"] };
let otherDatabase: Database;
const logger = createLogger({ service: "key-cache-test", level: "silent", format: "json" });
const cacheA = new KeyCache(60);
const cacheB = new KeyCache(60);
const listeners: KeyChangeListener[] = [];
let listenerB: KeyChangeListener;

beforeAll(async () => {
  api = await startApi({ overrides: { keyCache: cacheA } });
  otherDatabase = createDatabase(api.databaseUrl);
  listeners.push(listenForKeyChanges(api.database, cacheA, logger));
  listenerB = listenForKeyChanges(otherDatabase, cacheB, logger, { retryMs: 300 });
  listeners.push(listenerB);
  other = await api.another({ database: otherDatabase, keyCache: cacheB });
  await eventually(
    async () => cacheA.serving && cacheB.serving,
    10_000,
    () => "the listeners did not start",
  );
});

afterAll(async () => {
  await Promise.all(listeners.map((listener) => listener.close()));
  await otherDatabase.close();
  await api.close();
});

const whoami = (call: ApiHarness["call"], key: string): Promise<ApiResponse> => call("GET", "/v1/whoami", { key });

describe("the API-key cache across api processes", () => {
  it("serves a verified key from the cache, and a key revoked on one process is refused at the next request on the other", async () => {
    const issued = await api.call("POST", "/v1/api-keys", { body: { role: "staff", actorId: "staff-cache" } });
    expect(issued.status).toBe(201);
    const key = issued.body.key as string;
    expect((await whoami(api.call, key)).status).toBe(200);
    expect((await whoami(other.call, key)).status).toBe(200);
    const cachedBefore = cacheB.size;
    expect(cachedBefore).toBeGreaterThan(0);
    expect((await whoami(other.call, key)).status).toBe(200);

    const revoked = await api.call("POST", `/v1/api-keys/${issued.body.id}/revoke`);
    expect(revoked.status).toBe(200);
    const next = await whoami(other.call, key);
    expect(next.status).toBe(401);
    expect(next.body.error.code).toBe("UNAUTHENTICATED");
    expect((await whoami(api.call, key)).status).toBe(401);
    expect(cacheB.size).toBe(cachedBefore - 1);
  });

  it("drops a key changed behind the api's back (psql, the CLI): the trigger publishes every change", async () => {
    const key = await api.issueKey("staff", "staff-psql");
    expect((await whoami(other.call, key)).status).toBe(200);
    await api.database.pool.query("UPDATE api_keys SET revoked_at = now() WHERE actor_id = 'staff-psql'");
    expect((await whoami(other.call, key)).status).toBe(401);
  });

  it("caches nothing while its channel is down, so a change published meanwhile cannot be missed", async () => {
    const key = await api.issueKey("staff", "staff-channel");
    expect((await whoami(other.call, key)).status).toBe(200);
    const pid = listenerB.backendPid();
    expect(pid).toBeDefined();
    // Waits until the listening session has ended: its FATAL message is on B's socket before the revocation runs.
    await api.database.pool.query("SELECT pg_terminate_backend($1, 5000)", [pid]);
    await api.database.pool.query("UPDATE api_keys SET revoked_at = now() WHERE actor_id = 'staff-channel'");
    expect((await whoami(other.call, key)).status).toBe(401);
    // And it comes back by itself, listening on a new session, serving again.
    await eventually(
      async () => cacheB.serving && listenerB.backendPid() !== undefined && listenerB.backendPid() !== pid,
      10_000,
      () => "the listener did not reconnect",
    );
    const fresh = await api.issueKey("staff", "staff-back");
    expect((await whoami(other.call, fresh)).status).toBe(200);
    expect(cacheB.size).toBeGreaterThan(0);
  });
});
