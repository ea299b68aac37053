import { randomUUID } from "node:crypto";
import type { Database, Prisma } from "@huiyin/db";
import type { Grant } from "./keys.ts";
import { grantsOfPerson } from "./person-grants.ts";
import { hashToken, isTokenShaped, newToken, type SessionLimits, sessionLive, touchDue } from "./session-tokens.ts";

export interface SignedIn {
  sessionId: string;
  person: { id: string; name: string; language: string; committeeId: string };
  /** The person's roles, read now from the directory. */
  grants: Grant[];
  /** The session's absolute expiry. */
  expiresAt: Date;
}

/**
 * Starts a session for a person: a random token for the cookie, only its SHA-256 stored, with its absolute expiry.
 */
export async function startSession(
  writer: Pick<Prisma.TransactionClient, "session">,
  personId: string,
  limits: SessionLimits,
  now: Date,
  committeeId = "default",
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const { token, hash } = newToken();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + limits.absoluteMinutes * 60_000);
  await writer.session.create({
    data: { id, personId, tokenHash: hash, lastSeenAt: now, createdAt: now, expiresAt, committeeId },
  });
  return { token, id, expiresAt };
}

/**
 * The session a cookie's token names, if it holds now: not ended, within its idle and absolute expiry, its person's
 * account not disabled. The roles are read from the directory on every call, so a change applies at once. Its
 * last activity is written at most once a minute.
 */
export async function readSession(
  database: Database,
  token: string | undefined,
  limits: SessionLimits,
  now: Date,
): Promise<SignedIn | undefined> {
  if (!isTokenShaped(token)) return undefined;
  const row = await database.prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { person: { include: { account: true } } },
  });
  if (!row || !sessionLive(row, limits, now)) return undefined;
  const account = row.person.account;
  if (!account || account.disabledAt !== null) return undefined;
  if (touchDue(row, now)) {
    await database.prisma.session.updateMany({ where: { id: row.id, endedAt: null }, data: { lastSeenAt: now } });
  }
  return {
    sessionId: row.id,
    person: {
      id: row.person.id,
      name: row.person.name,
      language: row.person.language,
      committeeId: row.person.committeeId,
    },
    grants: await grantsOfPerson(database, row.person.id),
    expiresAt: row.expiresAt,
  };
}

/** Ends one session (sign-out). */
export async function endSession(
  writer: Pick<Prisma.TransactionClient, "session">,
  sessionId: string,
  now: Date,
): Promise<void> {
  await writer.session.updateMany({
    where: { id: sessionId, endedAt: null },
    data: { endedAt: now, endedReason: "sign-out" },
  });
}

/** Ends every open session of a person (disabled, password set anew): their next request is 401. */
export async function endSessionsOf(
  writer: Pick<Prisma.TransactionClient, "session">,
  personId: string,
  reason: string,
  now: Date,
): Promise<number> {
  const { count } = await writer.session.updateMany({
    where: { personId, endedAt: null },
    data: { endedAt: now, endedReason: reason },
  });
  return count;
}

/**
 * Makes the person's account row if it is missing and locks it for the rest of the transaction: concurrent changes
 * of one account (invitations, unlocking, disabling, setting the password) run one after another, and none fails on
 * the row's creation (INSERT … ON CONFLICT DO NOTHING, where a read-then-create would race).
 */
export async function lockAccount(tx: Pick<Prisma.TransactionClient, "$executeRaw">, personId: string): Promise<void> {
  // The account is of the person's committee, as the person is.
  await tx.$executeRaw`
    INSERT INTO person_accounts (person_id, updated_at, committee_id)
    VALUES (${personId}, now(), COALESCE((SELECT committee_id FROM people WHERE id = ${personId}), 'default'))
    ON CONFLICT (person_id) DO NOTHING`;
  await tx.$executeRaw`SELECT 1 FROM person_accounts WHERE person_id = ${personId} FOR UPDATE`;
}
