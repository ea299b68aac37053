import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, type LocalInfrastructure, repoRoot, runPrisma, startLocalInfrastructure } from "@huiyin/infra-local";
import { Redis } from "ioredis";
import pg from "pg";
import type { ServerPids } from "./processes.ts";

/** Where the bench runs: its own servers (embedded) or the user's (`DATABASE_URL` / `REDIS_URL`). */
export interface Environment {
  databaseUrl: string;
  redisUrl: string;
  /** True when the servers are ours: FLUSHALL and dropping the database are allowed. */
  embedded: boolean;
  machine: Machine;
  /** The servers' processes, for CPU and memory counted for them alone (none when they run elsewhere). */
  servers: ServerPids;
  stop(): Promise<void>;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  redis: string;
  /** The durability settings that decide the cost of a commit. */
  postgresSettings: Record<string, string>;
  redisSettings: Record<string, string>;
}

const BENCH_DATABASE = "huiyin_bench";
const benchDir = path.join(repoRoot, ".huiyin", "bench");

/**
 * Starts PostgreSQL and Redis under `.huiyin/bench` on free ports with the embedded default's normal
 * durability (fsync on, synchronous_commit on; Redis AOF every second), unless the user points us at their
 * own. On a user's PostgreSQL the bench works in a database of its own (`huiyin_bench`), never in theirs.
 * The bench database is dropped and migrated afresh, so every run starts from empty tables.
 */
export async function prepareEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<Environment> {
  let infrastructure: LocalInfrastructure | undefined;
  let adminUrl: string;
  let redisUrl: string;
  if (env.DATABASE_URL && env.REDIS_URL) {
    adminUrl = env.DATABASE_URL;
    redisUrl = env.REDIS_URL;
  } else if (env.DATABASE_URL || env.REDIS_URL) {
    throw new Error("Set both DATABASE_URL and REDIS_URL, or neither (the bench then starts its own servers).");
  } else {
    infrastructure = await startLocalInfrastructure({
      dir: benchDir,
      postgresPort: await freePort(),
      redisPort: await freePort(),
      database: "postgres",
      // Statistics per statement, so the report can say where the database time goes.
      postgresSettings: { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "top" },
    });
    adminUrl = infrastructure.postgres.localUrl("postgres");
    redisUrl = infrastructure.redisUrl;
  }
  const databaseUrl = withDatabase(adminUrl, BENCH_DATABASE);
  try {
    await recreateDatabase(adminUrl, BENCH_DATABASE);
    runPrisma(["migrate", "deploy"], databaseUrl);
    const { machine, servers } = await describeMachine(databaseUrl, redisUrl);
    return {
      databaseUrl,
      redisUrl,
      embedded: infrastructure !== undefined,
      machine,
      servers,
      stop: async () => {
        if (!infrastructure) return;
        // Our own servers: drop what the run wrote (the next run starts from an empty database anyway). The
        // cluster keeps up to max_wal_size (1 GB) of recycled WAL; delete .huiyin/bench to reclaim it.
        await recreateDatabase(adminUrl, BENCH_DATABASE, { create: false }).catch(() => {});
        await infrastructure.stop();
        rmSync(path.join(benchDir, "redis", "appendonlydir"), { recursive: true, force: true });
      },
    };
  } catch (error) {
    await infrastructure?.stop();
    throw error;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function recreateDatabase(adminUrl: string, database: string, options = { create: true }): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    if (options.create) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

/** The parent of a process (0 when it is not on this machine). */
function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1] ?? 0);
  } catch {
    return 0;
  }
}

async function describeMachine(
  databaseUrl: string,
  redisUrl: string,
): Promise<{ machine: Machine; servers: ServerPids }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const settings: Record<string, string> = {};
  let postgres = "";
  let postmaster = 0;
  try {
    // Every backend is a child of the postmaster: this session's backend names it.
    const backend = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid ?? 0;
    postmaster = parentOf(backend);
    postgres = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? "";
    const names = [
      "fsync",
      "synchronous_commit",
      "wal_sync_method",
      "full_page_writes",
      "shared_buffers",
      "max_connections",
    ];
    const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
      "SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1)",
      [names],
    );
    for (const row of rows) settings[row.name] = row.unit ? `${row.setting} × ${row.unit}` : row.setting;
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").catch(() => {});
  } finally {
    await client.end();
  }
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let redisVersion = "";
  let redisPid = 0;
  const redisSettings: Record<string, string> = {};
  try {
    const info = await redis.info("server");
    redisVersion = /redis_version:(\S+)/.exec(info)?.[1] ?? "";
    redisPid = Number(/process_id:(\d+)/.exec(info)?.[1] ?? 0);
    for (const name of ["appendonly", "appendfsync", "maxmemory-policy"]) {
      // Managed Redis services often refuse CONFIG: then the report says so instead of failing.
      const reply = (await redis.config("GET", name).catch(() => [])) as string[];
      redisSettings[name] = reply[1] ?? "unknown (CONFIG refused)";
    }
  } finally {
    redis.disconnect();
  }
  // A pid read from a server on another machine (or in a container) names nothing here, or something else.
  const local = (pid: number, name: string) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, "utf8").includes(name) ? pid : undefined;
    } catch {
      return undefined;
    }
  };
  const servers = { postgres: local(postmaster, "postgres"), redis: local(redisPid, "redis") };
  const machine = {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}${debianVersion()}`,
    node: process.version,
    postgres,
    redis: redisVersion,
    postgresSettings: settings,
    redisSettings,
  };
  return { machine, servers };
}

function debianVersion(): string {
  try {
    return ` (Debian ${readFileSync("/etc/debian_version", "utf8").trim()})`;
  } catch {
    return "";
  }
}
