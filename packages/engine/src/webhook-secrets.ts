import { randomBytes } from "node:crypto";
import type { Database } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import { type Keyring, openSecret, sealedWith, sealSecret } from "./secret-box.ts";

/**
 * A new signing secret, shown once to its creator, and what the database keeps of it. `whsec_` and 32 random bytes
 * in standard base64: the form Standard Webhooks libraries take as it is (secrets made before were base64url,
 * which huiyin's own signature never decoded; see `standardWebhookKey`).
 */
export function newWebhookSecret(keyring: Keyring, subscriptionId: string): { secret: string; sealed: string } {
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  return { secret, sealed: sealSecret(keyring, secret, subscriptionId) };
}

/** The signing secret of a subscription row: opened from its sealed column (or, before `reseal…` ran, the clear one). */
export function webhookSecretOf(
  keyring: Keyring,
  row: { id: string; secret: string | null; secretSealed: string | null },
): string {
  if (row.secretSealed !== null) return openSecret(keyring, row.secretSealed, row.id);
  if (row.secret !== null) return row.secret;
  throw new Error(`webhook subscription ${row.id} has no secret`);
}

/**
 * The secrets a delivery is signed with at `now`: the current one, and the one it replaced while the rotation's
 * overlap lasts. The current one must open (a delivery is not sent unsigned); a previous one that no longer opens is
 * left out, since the receiver was told to move to the current one.
 */
export function webhookSecretsOf(
  keyring: Keyring,
  row: {
    id: string;
    secret: string | null;
    secretSealed: string | null;
    previousSecretSealed: string | null;
    previousSecretExpiresAt: Date | null;
  },
  now: Date,
): string[] {
  const current = webhookSecretOf(keyring, row);
  if (row.previousSecretSealed === null || row.previousSecretExpiresAt === null) return [current];
  if (row.previousSecretExpiresAt.getTime() <= now.getTime()) return [current];
  try {
    return [current, openSecret(keyring, row.previousSecretSealed, row.id)];
  } catch {
    return [current];
  }
}

/**
 * The secrets a rotation replaced and that still sign (their overlap not over), brought under the first key like
 * the current ones (counted as `rotated`): an old master key may go once the start reports nothing more. One whose
 * key is gone is left: it only adds a signature, and the overlap ends by itself.
 */
async function resealPreviousSecrets(db: Database, keyring: Keyring, primary: string): Promise<number> {
  const rows = await db.prisma.webhookSubscription.findMany({
    where: {
      previousSecretSealed: { not: null },
      previousSecretExpiresAt: { gt: new Date() },
      NOT: { previousSecretSealed: { startsWith: `v1:${primary}:` } },
    },
    select: { id: true, previousSecretSealed: true },
  });
  let resealed = 0;
  for (const row of rows) {
    let previous: string;
    try {
      previous = openSecret(keyring, row.previousSecretSealed as string, row.id);
    } catch {
      continue;
    }
    const { count } = await db.prisma.webhookSubscription.updateMany({
      where: { id: row.id, previousSecretSealed: row.previousSecretSealed },
      data: { previousSecretSealed: sealSecret(keyring, previous, row.id) },
    });
    resealed += count;
  }
  return resealed;
}

export interface ResealReport {
  /** Clear secrets (from before sealing) now sealed. */
  sealed: number;
  /** Sealed under an older key, now under the first key of the ring. */
  rotated: number;
  /** Sealed under a key the ring no longer holds (or damaged): left alone, their deliveries fail until fixed. */
  unreadable: string[];
}

/**
 * Brings every subscription's secret under the first key of the ring: seals clear ones (and empties the clear
 * column), re-seals those sealed under another key, and the previous secret of a rotation still in its overlap. Run by the api and the worker at start, so adding a key in
 * front of SECRETS_ENCRYPTION_KEYS and restarting rotates; the old key may be dropped once it reports nothing
 * left. Each row is changed only if it is still as read (two processes starting together do not fight), and a
 * deleted subscription's secret is sealed too (nothing in clear stays behind).
 */
export async function resealWebhookSecrets(db: Database, keyring: Keyring, logger: Logger): Promise<ResealReport> {
  const primary = keyring[0]?.id;
  if (!primary) throw new Error("no encryption key");
  const report: ResealReport = { sealed: 0, rotated: 0, unreadable: [] };
  const unreadableKeys = new Set<string>();
  const rows = await db.prisma.webhookSubscription.findMany({
    where: {
      OR: [
        { secret: { not: null } },
        { secretSealed: null },
        { NOT: { secretSealed: { startsWith: `v1:${primary}:` } } },
      ],
    },
    select: { id: true, secret: true, secretSealed: true },
  });
  for (const row of rows) {
    let secret: string;
    try {
      secret = webhookSecretOf(keyring, row);
    } catch {
      report.unreadable.push(row.id);
      unreadableKeys.add((row.secretSealed && sealedWith(row.secretSealed)) ?? "?");
      continue;
    }
    const { count } = await db.prisma.webhookSubscription.updateMany({
      where: { id: row.id, secret: row.secret, secretSealed: row.secretSealed },
      data: { secret: null, secretSealed: sealSecret(keyring, secret, row.id) },
    });
    if (count === 0) continue;
    if (row.secretSealed === null) report.sealed += 1;
    else report.rotated += 1;
  }
  report.rotated += await resealPreviousSecrets(db, keyring, primary);
  if (report.sealed + report.rotated > 0)
    logger.info({ sealed: report.sealed, rotated: report.rotated, keyId: primary }, "webhook secrets sealed");
  if (report.unreadable.length > 0)
    logger.error(
      { subscriptions: report.unreadable, keyIds: [...unreadableKeys] },
      "webhook secrets that no key of SECRETS_ENCRYPTION_KEYS opens: their deliveries fail",
    );
  return report;
}
