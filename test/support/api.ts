import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, type Database } from "@huiyin/db";
import { createTestDatabase, createTestRedis, type TestDatabase } from "@huiyin/infra-local/testing";
import { createLogger } from "@huiyin/logger";
import { createQueue, createRedisConnection, type JobPayload, queues } from "@huiyin/queue";
import { type Keyring, NOTHING_ALLOWED, systemClock, systemResolver } from "../../packages/engine/src/index.ts";
import {
  type AppDependencies,
  channelRequeue,
  createApp,
  directoryStore,
  ensureAdminKey,
  PEOPLE_DEFAULTS,
  redisRateLimiter,
} from "../../services/api/src/index.ts";
import { exportDefinition, proposalWorkflow, toMermaid } from "../../workflows/proposal/src/index.ts";
import { TEST_ENCRYPTION_KEYS } from "./processes.ts";

/** The retries of SMS and robot messages the tests' api re-arms (short: the tests' notifiers retry fast). */
export const CHANNEL_RETRY = { attempts: 2, backoffMs: 100 };

/** The scrypt cost of the tests' password hashes. */
export const TEST_SCRYPT = { N: 2 ** 14, r: 8, p: 1 };

export interface ApiResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field in the tests
  body: any;
}

/** The key that seals webhook secrets in the tests' api and workers: the one processes get too. */
export const testKeyring: Keyring = [
  { id: "test1", key: Buffer.from(TEST_ENCRYPTION_KEYS.split(":")[1] as string, "base64") },
];

export interface RequestOptions {
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiHarness {
  base: string;
  adminKey: string;
  database: Database;
  /** The URL of this file's database, for services a test runs as processes beside the api. */
  databaseUrl: string;
  /** This file's Redis and queue prefix, for tests that run workers beside the api. */
  redis: { url: string; prefix: string };
  call(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  /** Follows `nextCursor` from the first page to the last; the ids of every item, in the order served. */
  pageIds(path: string, key: string): Promise<string[]>;
  /** Issues a key through the API itself, as the admin. */
  issueKey(role: string, actorId: string, unitId?: string): Promise<string>;
  /**
   * A second api over the same database and Redis (as a second api process of one deployment would be), with its
   * own `overrides`; closed with this one.
   */
  another(overrides: Partial<AppDependencies>): Promise<Pick<ApiHarness, "base" | "call">>;
  close(): Promise<void>;
}

/**
 * The api's Express app (`createApp`, with its real dependencies) on an ephemeral port, over a database of this
 * test file's own and a Redis prefix of its own: real HTTP, real PostgreSQL, real Redis. `rateLimitPerMinute` is
 * the budget of each key; `overrides` injects what else differs per test file.
 */
export async function startApi(
  options: {
    rateLimitPerMinute?: number;
    /** Per client address, and failed authentications per address: high unless a test is about them. */
    addressRateLimitPerMinute?: number;
    authFailuresPerMinute?: number;
    overrides?: Partial<AppDependencies>;
    /** The queue board under /admin/queues, over every queue of this file's Redis prefix. */
    queueBoard?: { writable: boolean };
  } = {},
): Promise<ApiHarness> {
  const testDatabase: TestDatabase = await createTestDatabase();
  const database = createDatabase(testDatabase.url);
  const logger = createLogger({ service: "api-test", level: process.env.TEST_LOG_LEVEL ?? "silent", format: "json" });
  const redis = createTestRedis();
  const connection = createRedisConnection(
    { urls: [redis.url], mode: "standalone", role: "producer", name: "api-test" },
    () => {},
  );
  const rateLimiter = redisRateLimiter(connection, {
    perMinute: options.rateLimitPerMinute ?? 100_000,
    prefix: redis.prefix,
    logger,
  });
  const addressRateLimiter = redisRateLimiter(connection, {
    perMinute: options.addressRateLimitPerMinute ?? 100_000,
    prefix: redis.prefix,
    name: "address",
    logger,
  });
  const authFailureLimiter = redisRateLimiter(connection, {
    perMinute: options.authFailuresPerMinute ?? 100_000,
    prefix: redis.prefix,
    name: "auth-failures",
    logger,
  });
  const adminKey = `admin-key-for-tests-${randomBytes(16).toString("hex")}`;
  await ensureAdminKey(database, { key: adminKey }, logger);
  // Attachments in a folder of this api's own, removed with it.
  const attachmentsDir = await mkdtemp(path.join(tmpdir(), "huiyin-attachments-"));
  const boardQueues = options.queueBoard
    ? Object.values(queues).map((name) => createQueue(name, connection, { prefix: redis.prefix }))
    : [];
  // The notifier's SMS and robot queue of this file's prefix, as the api always has it (retries of dead messages).
  const channelQueue = createQueue<JobPayload<"channel.send">>(queues.noticeChannel, connection, {
    prefix: redis.prefix,
  });
  const deps: AppDependencies = {
    logger,
    checks: [],
    database,
    bodyLimitBytes: 10_000,
    workflow: proposalWorkflow,
    clock: systemClock,
    rateLimiter,
    addressRateLimiter,
    authFailureLimiter,
    workflowDefinition: { describe: exportDefinition, diagram: () => toMermaid() },
    // The production policy: public addresses only. A test whose receiver is on loopback allows it by override.
    webhooks: { destinations: { allow: NOTHING_ALLOWED, resolve: systemResolver() }, keyring: testKeyring },
    // Password hashes at 16 MiB rather than production's 128 MiB: the same scrypt, at a cost tests can pay many
    // times on two cores (services/api/src/auth/passwords.test.ts asserts the production parameters).
    people: { ...PEOPLE_DEFAULTS, scrypt: TEST_SCRYPT },
    attachments: { store: directoryStore(attachmentsDir), maxBytes: 1_000_000 },
    channelRequeue: channelRequeue(channelQueue, CHANNEL_RETRY),
    ...(options.queueBoard ? { queueBoard: { queues: boardQueues, writable: options.queueBoard.writable } } : {}),
    ...options.overrides,
  };
  const servers: Server[] = [];
  async function serve(extra: Partial<AppDependencies>): Promise<string> {
    const app = createApp({ ...deps, ...extra });
    const server: Server = await new Promise((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const base = await serve({});
  const call = callAt(base);

  function callAt(base: string) {
    return (method: string, path: string, options: RequestOptions = {}) => request(base, method, path, options);
  }

  async function request(base: string, method: string, path: string, options: RequestOptions): Promise<ApiResponse> {
    const key = options.key === undefined ? adminKey : options.key;
    const headers: Record<string, string> = { ...options.headers };
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers["content-type"] ??= "application/json";
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  return {
    base,
    adminKey,
    database,
    databaseUrl: testDatabase.url,
    redis: { url: redis.url, prefix: redis.prefix },
    call,
    async pageIds(path, key) {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await call("GET", `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { key });
        if (page.status !== 200) throw new Error(`${path}: ${page.status} ${JSON.stringify(page.body)}`);
        ids.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      return ids;
    },
    async issueKey(role, actorId, unitId) {
      const issued = await call("POST", "/v1/api-keys", { body: { role, actorId, ...(unitId ? { unitId } : {}) } });
      if (issued.status !== 201)
        throw new Error(`issuing a ${role} key: ${issued.status} ${JSON.stringify(issued.body)}`);
      return issued.body.key as string;
    },
    async another(overrides) {
      const base = await serve(overrides);
      return { base, call: callAt(base) };
    },
    async close() {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
      await Promise.all([...boardQueues, channelQueue].map((queue) => queue.close()));
      await database.close();
      await testDatabase.drop();
      await redis.cleanup();
      connection.disconnect();
      await rm(attachmentsDir, { recursive: true, force: true });
    },
  };
}
