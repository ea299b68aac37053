import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { inject } from "vitest";
import "./names.ts";

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function uniqueSuffix(): string {
  return randomBytes(6).toString("hex");
}

/** Replaces the database name in a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("postgresAdminUrl") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database with every migration applied, cloned from the run's template database (a file copy
 * inside PostgreSQL: milliseconds, where replaying migrations would take a second). `empty: true` gives
 * one with no schema at all, for tests of migrating itself.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `t_${uniqueSuffix()}`;
  const template = options.empty ? "template0" : inject("templateDatabase");
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    name,
    url: withDatabase(inject("postgresAdminUrl"), name),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export interface TestRedis {
  url: string;
  /** A BullMQ prefix no other test file uses; braces make it a valid Redis Cluster hash tag too. */
  prefix: string;
  /** Deletes every key under the prefix. */
  cleanup(): Promise<void>;
}

export function createTestRedis(): TestRedis {
  const url = inject("redisUrl");
  const prefix = `{t-${uniqueSuffix()}}`;
  return {
    url,
    prefix,
    async cleanup() {
      const client = new Redis(url);
      try {
        let cursor = "0";
        do {
          const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
          cursor = next;
          if (keys.length > 0) await client.del(...keys);
        } while (cursor !== "0");
      } finally {
        client.disconnect();
      }
    },
  };
}
