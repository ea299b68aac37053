import { createTestDatabase, runPrisma, type TestDatabase } from "@huiyin/infra-local/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "./client.ts";
import { checkDatabase, expectedMigrations, migrationState } from "./readiness.ts";

/**
 * The migrations, applied by the real Prisma CLI (through the offline schema-engine stand-in where no
 * native engine is available), must really create the schema: a stand-in that exits 0 and does nothing
 * would otherwise go unnoticed.
 */
let testDatabase: TestDatabase;
let database: Database;
let url: string;

beforeAll(async () => {
  testDatabase = await createTestDatabase({ empty: true });
  url = testDatabase.url;
  database = createDatabase(url, { maxConnections: 2 });
});

afterAll(async () => {
  await database.close();
  await testDatabase.drop();
});

describe("migrations", () => {
  it("an empty database is not ready: every migration is pending", async () => {
    const state = await migrationState(database);
    expect(expectedMigrations().length).toBeGreaterThan(0);
    expect(state.pending).toEqual(expectedMigrations());
    await expect(checkDatabase(database)).rejects.toThrow(/pending migrations/);
  });

  it("prisma migrate deploy creates the tables and records every migration", async () => {
    const output = runPrisma(["migrate", "deploy"], url);
    expect(output).toMatch(/applied|migrations have been successfully applied/i);
    const tables = await database.pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const names = tables.rows.map((row) => row.table_name);
    expect(names).toContain("_prisma_migrations");
    expect(names.length).toBeGreaterThan(1);
    const state = await migrationState(database);
    expect(state.pending).toEqual([]);
    expect(state.applied.sort()).toEqual(expectedMigrations());
    await expect(checkDatabase(database)).resolves.toBeUndefined();
  });

  it("prisma migrate status reports the database up to date", () => {
    expect(runPrisma(["migrate", "status"], url)).toMatch(/Database schema is up to date/);
  });
});
