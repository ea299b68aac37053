import { createTestDatabase, type TestDatabase } from "@huiyin/infra-local/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "./client.ts";

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
