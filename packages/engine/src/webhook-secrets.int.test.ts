import { randomBytes } from "node:crypto";
import { createDatabase, type Database } from "@huiyin/db";
import { createTestDatabase, type TestDatabase } from "@huiyin/infra-local/testing";
import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Keyring, sealedWith } from "./secret-box.ts";
import { newWebhookSecret, resealWebhookSecrets, webhookSecretOf, webhookSecretsOf } from "./webhook-secrets.ts";

/**
 * Secrets at rest on a real PostgreSQL: rows from before sealing (clear `secret`) are sealed at start and the clear
 * column emptied; a key put in front of the ring re-seals every row under it; a row no key opens is reported and
 * left alone.
 */
let testDatabase: TestDatabase;
let db: Database;
const logger = createLogger({ service: "webhook-secrets-test", level: "silent", format: "json" });
const k1 = { id: "k1", key: randomBytes(32) };
const k2 = { id: "k2", key: randomBytes(32) };

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  db = createDatabase(testDatabase.url);
});

afterAll(async () => {
  await db?.close();
  await testDatabase?.drop();
});

async function subscription(
  id: string,
  data: { secret?: string; secretSealed?: string; previousSecretSealed?: string; previousSecretExpiresAt?: Date },
) {
  await db.prisma.webhookSubscription.create({
    data: { id, url: "https://example.org/hook", events: ["*"], ownerRole: "admin", ownerId: "admin", ...data },
  });
}

const rows = () =>
  db.prisma.webhookSubscription.findMany({
    orderBy: { id: "asc" },
    select: { id: true, secret: true, secretSealed: true },
  });

describe("resealWebhookSecrets", () => {
  it("seals clear secrets, rotates to the first key, and leaves nothing in clear", async () => {
    const clear = `whsec_${randomBytes(32).toString("base64url")}`;
    await subscription("wh_legacy", { secret: clear });
    const made = newWebhookSecret([k1], "wh_new");
    await subscription("wh_new", { secretSealed: made.sealed });

    expect(await resealWebhookSecrets(db, [k1], logger)).toEqual({ sealed: 1, rotated: 0, unreadable: [] });
    const sealed = await rows();
    expect(sealed.map((row) => [row.id, row.secret, sealedWith(row.secretSealed ?? "")])).toEqual([
      ["wh_legacy", null, "k1"],
      ["wh_new", null, "k1"],
    ]);
    expect(JSON.stringify(sealed)).not.toContain(clear);
    expect(webhookSecretOf([k1], sealed[0] as (typeof sealed)[0])).toBe(clear);
    // Nothing left to do: a second start changes nothing.
    expect(await resealWebhookSecrets(db, [k1], logger)).toEqual({ sealed: 0, rotated: 0, unreadable: [] });

    // Rotation: k2 in front, k1 still there to open; afterwards k1 may go.
    const ring: Keyring = [k2, k1];
    expect(await resealWebhookSecrets(db, ring, logger)).toEqual({ sealed: 0, rotated: 2, unreadable: [] });
    const rotated = await rows();
    expect(rotated.map((row) => sealedWith(row.secretSealed ?? ""))).toEqual(["k2", "k2"]);
    expect(rotated.map((row) => webhookSecretOf([k2], row))).toEqual([clear, made.secret]);
  });

  it("reports a row that no key opens and leaves it as it is", async () => {
    const lost = newWebhookSecret([{ id: "gone", key: randomBytes(32) }], "wh_lost");
    await subscription("wh_lost", { secretSealed: lost.sealed });
    const report = await resealWebhookSecrets(db, [k2], logger);
    expect(report).toEqual({ sealed: 0, rotated: 0, unreadable: ["wh_lost"] });
    const row = await db.prisma.webhookSubscription.findUniqueOrThrow({ where: { id: "wh_lost" } });
    expect(row.secretSealed).toBe(lost.sealed);
  });

  it("re-seals the previous secret of a rotation still in its overlap, so that both keep signing", async () => {
    const current = newWebhookSecret([k1], "wh_rotating");
    const previous = newWebhookSecret([k1], "wh_rotating");
    const until = new Date(Date.now() + 3_600_000);
    await subscription("wh_rotating", {
      secretSealed: current.sealed,
      previousSecretSealed: previous.sealed,
      previousSecretExpiresAt: until,
    });
    expect(await resealWebhookSecrets(db, [k2, k1], logger)).toMatchObject({ rotated: 2 });
    const row = await db.prisma.webhookSubscription.findUniqueOrThrow({ where: { id: "wh_rotating" } });
    expect([sealedWith(row.secretSealed ?? ""), sealedWith(row.previousSecretSealed ?? "")]).toEqual(["k2", "k2"]);
    // Only k2 left: both still open, both sign until the overlap ends, then only the current one.
    expect(webhookSecretsOf([k2], row, new Date())).toEqual([current.secret, previous.secret]);
    expect(webhookSecretsOf([k2], row, new Date(until.getTime() + 1))).toEqual([current.secret]);
  });
});
