import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database } from "./client.ts";

const migrationsDir = fileURLToPath(new URL("../prisma/migrations", import.meta.url));

/** The migrations this code expects: the folders under prisma/migrations, oldest first. */
export function expectedMigrations(): string[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export interface MigrationState {
  applied: string[];
  pending: string[];
  failed: string[];
}

/** Compares prisma/migrations with `_prisma_migrations`, the table `prisma migrate deploy` keeps. */
export async function migrationState(database: Database): Promise<MigrationState> {
  const table = await database.pool.query<{ exists: boolean }>(
    "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists",
  );
  const rows = table.rows[0]?.exists
    ? (
        await database.pool.query<{ migration_name: string; finished: boolean; rolled_back: boolean }>(
          `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
             FROM _prisma_migrations`,
        )
      ).rows
    : [];
  const applied = rows.filter((row) => row.finished && !row.rolled_back).map((row) => row.migration_name);
  const failed = rows.filter((row) => !row.finished && !row.rolled_back).map((row) => row.migration_name);
  const pending = expectedMigrations().filter((name) => !applied.includes(name));
  return { applied, pending, failed };
}

/**
 * Readiness of the database: it answers within `timeoutMs`, and every migration this code expects is
 * applied. A process running against an unmigrated database would fail on its first query; better that
 * `/readyz` says so and the orchestrator waits.
 */
export async function checkDatabase(database: Database, timeoutMs = 2_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const state = await Promise.race([migrationState(database), timeout]);
    if (state.failed.length > 0) throw new Error(`failed migrations: ${state.failed.join(", ")}`);
    if (state.pending.length > 0) throw new Error(`pending migrations: ${state.pending.join(", ")}`);
  } finally {
    clearTimeout(timer);
  }
}
