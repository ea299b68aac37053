import { existsSync, readdirSync, realpathSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startLocalInfrastructure } from "../local.ts";
import { dataDir } from "../paths.ts";
import { freePort } from "../ports.ts";
import { runPrisma } from "../prisma.ts";
import { isAlive } from "../process.ts";
import { TEMPLATE_DATABASE } from "./names.ts";

/**
 * Starts a real PostgreSQL and Redis once per test run, in a folder of its own (so that a run never
 * touches the data of `npm start`, and two runs never touch each other's), applies the migrations to a
 * template database with the real Prisma CLI, and tears everything down at the end.
 *
 * Durability settings are off on this throw-away server (fsync, synchronous_commit): tests check
 * behaviour, not crash safety of PostgreSQL itself, and these settings do not change query semantics.
 */
export default async function globalSetup(project: TestProject): Promise<() => Promise<void>> {
  const runs = path.join(dataDir(), "test-runs");
  removeAbandonedRuns(runs);
  const dir = path.join(runs, `run-${process.pid}`);
  const infra = await startLocalInfrastructure({
    dir,
    postgresPort: await freePort(),
    redisPort: await freePort(),
    database: TEMPLATE_DATABASE,
    postgresSettings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off" },
  });
  try {
    runPrisma(["migrate", "deploy"], infra.databaseUrl);
  } catch (error) {
    await infra.stop();
    throw error;
  }
  project.provide("postgresAdminUrl", infra.postgres.url("postgres"));
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  project.provide("redisUrl", infra.redisUrl);
  return async () => {
    await infra.stop();
    // When the checkout is not traversable by the postgres user, the cluster lives elsewhere behind a link.
    rmSync(realpathSync(path.join(dir, "postgres")), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  };
}

/** Folders of runs whose process is gone (killed, or failed in setup before teardown was registered). */
function removeAbandonedRuns(runs: string): void {
  if (!existsSync(runs)) return;
  for (const entry of readdirSync(runs)) {
    const pid = Number(entry.replace(/^run-/, ""));
    if (!Number.isInteger(pid) || !isAlive(pid)) rmSync(path.join(runs, entry), { recursive: true, force: true });
  }
}
