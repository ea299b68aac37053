import { createDatabase, type Database } from "@huiyin/db";
import { createTestDatabase, type TestDatabase } from "@huiyin/infra-local/testing";
import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverToInbox } from "./inbox.ts";

let testDatabase: TestDatabase;
let database: Database;
const logger = createLogger({ service: "notifier-test", level: "silent", format: "json" });

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = createDatabase(testDatabase.url, { maxConnections: 4 });
});

afterAll(async () => {
  await database.close();
  await testDatabase.drop();
});

describe("inbox delivery", () => {
  it("delivers a notice to each recipient exactly once, however often the job runs", async () => {
    await database.prisma.notice.create({
      data: {
        id: "p_x.7.0",
        proposalId: "p_x",
        kind: "escalation",
        level: 2,
        recipients: [{ role: "leader", id: "l-1" }, "unit-head"],
        content: { kind: "escalation" },
      },
    });
    const runs = await Promise.all([1, 2, 3].map(() => deliverToInbox(database, "p_x.7.0", logger)));
    expect(runs.reduce((sum, count) => sum + count, 0)).toBe(2);
    const deliveries = await database.prisma.noticeDelivery.findMany({ where: { noticeId: "p_x.7.0" } });
    expect(deliveries.map((delivery) => delivery.recipient).sort()).toEqual(["leader:l-1", "unit-head"]);
    expect(deliveries.every((delivery) => delivery.status === "delivered" && delivery.channel === "inbox")).toBe(true);
  });

  it("does nothing for a notice that does not exist", async () => {
    expect(await deliverToInbox(database, "missing", logger)).toBe(0);
  });
});
