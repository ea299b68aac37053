import { createDatabase, type Database } from "@huiyin/db";
import { createTestDatabase, type TestDatabase } from "@huiyin/infra-local/testing";
import { resolveRecipients } from "@huiyin/notify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DirectoryData, importDirectory, loadDirectory } from "./directory.ts";

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

const data: DirectoryData = {
  people: [
    { id: "wang", name: "王局长", email: "wang@example.org" },
    { id: "li", name: "Li Ming", email: "li@example.org", language: "en", channels: { "*": ["email"] } },
  ],
  units: [{ id: "u-1", name: "市住建局", headPersonId: "wang", supervisorLeaderId: "leader-9" }],
  roles: [
    { role: "leader", scope: "leader-9", personId: "li" },
    { role: "staff-head", personId: "wang" },
  ],
};

describe("the recipients directory", () => {
  it("imports idempotently, updates people, and resolves the escalation chain from the database", async () => {
    await importDirectory(database, data);
    await importDirectory(database, data);
    expect(await database.prisma.person.count()).toBe(2);
    expect(await database.prisma.roleAssignment.count()).toBe(2);

    await importDirectory(database, {
      people: [{ id: "wang", name: "王局长", email: "wang@new.example", language: "en" }],
    });
    const directory = await loadDirectory(database, "default");
    expect(directory.people.find((p) => p.id === "wang")).toMatchObject({ email: "wang@new.example", language: "en" });
    expect(directory.people.find((p) => p.id === "li")?.channels).toEqual({ "*": ["email"] });

    const chain = resolveRecipients(
      [{ role: "unit-head" }, { role: "supervising-leader" }, { role: "staff-head" }],
      directory,
      {
        deadlineUnitId: "u-1",
      },
    );
    expect(chain.recipients.map((r) => `${r.person.id}<${r.via}`)).toEqual(["wang<unit-head", "li<supervising-leader"]);
    expect(chain.unresolved).toEqual([]);
  });
});
