import { setTimeout as sleep } from "node:timers/promises";
import { createTestDatabase, type TestDatabase } from "@huiyin/infra-local/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "./client.ts";
import { isDatabaseUnavailable } from "./unavailable.ts";

/** The generated client over the pg driver adapter, against a real migrated database. */
let testDatabase: TestDatabase;
let database: Database;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = createDatabase(testDatabase.url, { maxConnections: 2 });
});

afterAll(async () => {
  await database.close();
  await testDatabase.drop();
});

const proposal = {
  id: "p_crud",
  machineVersion: "1",
  snapshot: { value: "draft" },
  stage: "submit",
  states: ["submit.draft"],
  version: 1,
  title: "关于加强社区养老服务的建议",
  proposerId: "member-1",
  unitIds: [],
};

describe("the Prisma client over @prisma/adapter-pg", () => {
  it("creates, reads, updates with a version check, and deletes", async () => {
    await database.prisma.proposal.create({ data: proposal });
    const stale = await database.prisma.proposal.updateMany({
      where: { id: "p_crud", version: 0 },
      data: { stage: "review", version: 2 },
    });
    expect(stale.count).toBe(0);
    const fresh = await database.prisma.proposal.updateMany({
      where: { id: "p_crud", version: 1 },
      data: { stage: "review", version: 2 },
    });
    expect(fresh.count).toBe(1);
    const read = await database.prisma.proposal.findUniqueOrThrow({ where: { id: "p_crud" } });
    expect(read).toMatchObject({ stage: "review", version: 2, title: proposal.title, states: ["submit.draft"] });
    await database.prisma.proposal.delete({ where: { id: "p_crud" } });
    expect(await database.prisma.proposal.findUnique({ where: { id: "p_crud" } })).toBeNull();
  });

  it("survives the server ending a checked-out connection (a restart's 57P01), and goes on with a new one", async () => {
    const lost: Error[] = [];
    const own = createDatabase(testDatabase.url, { maxConnections: 2, onConnectionError: (error) => lost.push(error) });
    try {
      // Checked out and idle between two statements, as a LISTEN session or a transaction is: pg-pool has no
      // listener on it then, and an 'error' with no listener would end this process.
      const client = await own.pool.connect();
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await database.pool.query("SELECT pg_terminate_backend($1)", [rows[0]?.pid]);
      for (let waited = 0; lost.length === 0 && waited < 5_000; waited += 20) await sleep(20);
      expect(lost[0]?.message).toMatch(/terminating connection due to administrator command|Connection terminated/);
      expect(isDatabaseUnavailable(lost[0])).toBe(true);
      client.release();
      // The broken client was dropped, not handed out again.
      expect((await own.prisma.$queryRawUnsafe<{ one: number }[]>("SELECT 1 AS one"))[0]?.one).toBe(1);
      expect((await own.pool.query("SELECT 1 AS one")).rows[0]?.one).toBe(1);
    } finally {
      await own.close();
    }
  });

  it("rolls back an interactive transaction that throws", async () => {
    await expect(
      database.prisma.$transaction(async (tx) => {
        await tx.proposal.create({ data: { ...proposal, id: "p_rollback" } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await database.prisma.proposal.findUnique({ where: { id: "p_rollback" } })).toBeNull();
  });
});
