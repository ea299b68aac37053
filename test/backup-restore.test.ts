import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, type Database } from "@huiyin/db";
import { defaultPolicy } from "@huiyin/domain";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@huiyin/infra-local/testing";
import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPostgresBin } from "../infra/local/src/system.ts";
import { importLeaders, lateReply } from "./support/late-reply.ts";
import { eventually, type Spawned, serviceEnv, spawnEntry } from "./support/processes.ts";

/**
 * The backup procedure of the README, end to end: a running stack (a worker on its database and Redis) with
 * proposals whose deadlines are partly rung and partly pending; `pg_dump -Fc` of its database while it runs; the
 * stack lost; `pg_restore` into a fresh database, a worker started on it with an EMPTY Redis. Every deadline that
 * was pending in the dump rings, once; none rung before the dump rings again. Nothing but PostgreSQL is backed up:
 * the jobs are rebuilt from it.
 */
const policy = { ...defaultPolicy, timeScale: 1 / 2_592_000 }; // a day lasts 33 ms: a reply is due in ~3 s
const logger = createLogger({ service: "backup-test", level: "silent", format: "json" });

let source: TestDatabase;
let restored: TestDatabase;
let sourceDb: Database;
let restoredDb: Database;
let sourceRedis: TestRedis;
let emptyRedis: TestRedis;
let dumpDir: string;
const processes: Spawned[] = [];

beforeAll(async () => {
  source = await createTestDatabase();
  restored = await createTestDatabase({ empty: true });
  sourceDb = createDatabase(source.url, { maxConnections: 4 });
  sourceRedis = createTestRedis();
  emptyRedis = createTestRedis();
  dumpDir = mkdtempSync(path.join(tmpdir(), "huiyin-backup-"));
  await importLeaders(sourceDb);
});

afterAll(async () => {
  for (const spawned of processes) if (spawned.child.exitCode === null) spawned.child.kill("SIGKILL");
  await Promise.all(processes.map((spawned) => spawned.exited));
  await sourceDb?.close();
  await restoredDb?.close();
  await source?.drop();
  await restored?.drop();
  await sourceRedis?.cleanup();
  await emptyRedis?.cleanup();
  rmSync(dumpDir, { recursive: true, force: true });
});

async function startWorker(databaseUrl: string, redis: TestRedis): Promise<Spawned> {
  const env = await serviceEnv({ databaseUrl, redisUrl: redis.url, prefix: redis.prefix });
  const spawned = spawnEntry("services/worker/src/main.ts", env);
  processes.push(spawned);
  await eventually(
    async () => (await fetch(`http://127.0.0.1:${env.HEALTH_PORT}/readyz`)).status === 200,
    30_000,
    () => spawned.output().slice(-2000),
  );
  return spawned;
}

/** pg_dump / pg_restore of the PostgreSQL the test setup runs (Debian's, the same major version). */
function postgresTool(tool: "pg_dump" | "pg_restore", args: string[]): void {
  const bin = findPostgresBin();
  if (!bin) throw new Error("no PostgreSQL binaries (the test setup installs them)");
  const result = spawnSync(path.join(bin, tool), args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr}`);
}

describe("a database dump restored into a fresh stack with an empty Redis", () => {
  it("rings every deadline pending in the dump once, and none rung before it again", { timeout: 120_000 }, async () => {
    const first = await startWorker(source.url, sourceRedis);
    const ids: string[] = [];
    for (const title of ["关于加装路灯的建议", "关于修缮老旧小区的建议"]) {
      ids.push(await lateReply({ db: sourceDb, logger }, title, policy));
    }
    // Some of the first proposals' alarms have rung in the running stack before the backup…
    await eventually(
      async () => (await sourceDb.prisma.alarm.count({ where: { status: "fired" } })) >= 2,
      30_000,
      () => first.output().slice(-2000),
    );
    // …and these are all still to come.
    for (const title of ["关于增设公交线路的建议", "关于完善社区食堂的建议"]) {
      ids.push(await lateReply({ db: sourceDb, logger }, title, policy));
    }

    const dump = path.join(dumpDir, "huiyin.dump");
    postgresTool("pg_dump", ["--format=custom", "--no-owner", `--file=${dump}`, `--dbname=${source.url}`]);
    // The old stack is lost (its worker and its Redis with it).
    first.child.kill("SIGKILL");
    await first.exited;

    postgresTool("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${restored.url}`, dump]);
    restoredDb = createDatabase(restored.url, { maxConnections: 4 });
    const atRestore = await restoredDb.prisma.alarm.findMany({ where: { proposalId: { in: ids } } });
    const firedBefore = atRestore.filter((alarm) => alarm.status === "fired");
    const pendingBefore = atRestore.filter((alarm) => alarm.status === "pending");
    expect(firedBefore.length).toBeGreaterThanOrEqual(2);
    expect(pendingBefore.length).toBeGreaterThan(0);
    const rungBefore = await restoredDb.prisma.proposalEvent.count({
      where: { proposalId: { in: ids }, idempotencyKey: { startsWith: "alarm." } },
    });
    expect(rungBefore).toBe(firedBefore.length);

    const second = await startWorker(restored.url, emptyRedis);
    await eventually(
      async () =>
        (await restoredDb.prisma.alarm.count({ where: { proposalId: { in: ids }, status: "pending" } })) === 0,
      60_000,
      () => second.output().slice(-3000),
    );
    // Anything rung twice would have been by now.
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const alarms = await restoredDb.prisma.alarm.findMany({ where: { proposalId: { in: ids } } });
    const history = await restoredDb.prisma.proposalEvent.findMany({
      where: { proposalId: { in: ids }, idempotencyKey: { startsWith: "alarm." } },
      select: { idempotencyKey: true },
    });
    const rang = history.map((event) => event.idempotencyKey).sort();
    // Nothing pending is left; every alarm that rang did so once (one history event by its key), and nothing else
    // rang: the pending ones rang after the restore (or were cancelled or found stale by a later transition).
    expect(alarms.filter((alarm) => alarm.status === "pending")).toEqual([]);
    const firedNow = alarms.filter((alarm) => alarm.status === "fired");
    expect(rang).toEqual(firedNow.map((alarm) => `alarm.${alarm.id}`).sort());
    expect(firedNow.length).toBeGreaterThan(firedBefore.length);
    // Those rung before the backup were not rung again.
    for (const alarm of firedBefore) {
      const now = alarms.find((candidate) => candidate.id === alarm.id);
      expect(now?.firedAt?.getTime()).toBe(alarm.firedAt?.getTime());
    }
  });
});
