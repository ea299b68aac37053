import { randomUUID } from "node:crypto";
import type { Database } from "@huiyin/db";
import { type Clock, type Keyring, sealSecret } from "@huiyin/engine";
import { invitationLink } from "@huiyin/notify";
import { Router } from "express";
import { z } from "zod";
import { recordAudit, subjectOf } from "../audit/record.ts";
import { refuse } from "../http/error-codes.ts";
import { parseBody } from "../http/validate.ts";
import { callerOf, requireRole } from "./authenticate.ts";
import { originRefused } from "./csrf.ts";
import { hashPassword, passwordWeakness } from "./passwords.ts";
import { ownOrigins, type PeopleOptions } from "./people-options.ts";
import { hashToken, isTokenShaped, newToken } from "./session-tokens.ts";
import { endSessionsOf, lockAccount } from "./sessions.ts";

export const acceptInvitationSchema = z.strictObject({ password: z.string().min(1).max(1000) });

export { invitationLink };

/**
 * Invitations e-mailed (when the deployment sends e-mail): the token is sealed onto the invitation's row, bound to
 * its id, and the notifier's `invitation.email` job opens it, sends it and empties the column. Sealed, not sent from
 * here and forgotten: a crash between answering the admin and the SMTP conversation would lose the e-mail, and the
 * job's retries need the link again. Sealed, not in clear: a copy of the database gives no one a working link.
 */
export interface InvitationMail {
  keyring: Keyring;
  /** Puts the e-mail's job on the notifier's queue; a failure is logged and left to the notifier's rebuild. */
  enqueue(invitationId: string): Promise<void>;
}

export interface InvitationDeps {
  database: Database;
  clock: Clock;
  people: PeopleOptions;
  mail?: InvitationMail | undefined;
}

/** An invitation e-mail still to be sent: what a withdrawn or used invitation's e-mail becomes instead. */
const UNFINISHED = ["queued", "sending", "retrying"];

/**
 * Invitations of the person that are no longer live (withdrawn by a newer one, or used): their sealed link is
 * emptied and an e-mail not yet sent is not sent.
 */
export async function forgetLinks(tx: Transaction, where: { personId: string } | { id: string }): Promise<void> {
  await tx.invitation.updateMany({
    where: { ...where, usedAt: { not: null }, emailStatus: { in: UNFINISHED } },
    data: { emailStatus: "withdrawn" },
  });
  await tx.invitation.updateMany({
    where: { ...where, usedAt: { not: null }, linkSealed: { not: null } },
    data: { linkSealed: null },
  });
}

type Transaction = Parameters<Parameters<Database["prisma"]["$transaction"]>[0]>[0];

/**
 * Makes an invitation for a person (an admin's, or the first admin's at start): a random token, only its SHA-256
 * stored, valid INVITATION_TTL_HOURS; the person's earlier unused invitations are withdrawn (one live link at a
 * time), and their account row made if it is their first. Returns the token, to be shown or sent once. With a
 * keyring (e-mail on), the token is also sealed onto the row for the notifier's e-mail.
 */
export async function createInvitation(
  tx: Transaction,
  input: {
    personId: string;
    createdBy: string;
    ttlHours: number;
    now: Date;
    keyring?: Keyring | undefined;
    committeeId: string;
  },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const { token, hash } = newToken();
  const id = randomUUID();
  const expiresAt = new Date(input.now.getTime() + input.ttlHours * 3_600_000);
  // One invitation of a person at a time: of two made at once, the second waits here and withdraws the first.
  await lockAccount(tx, input.personId);
  await tx.invitation.updateMany({
    where: { personId: input.personId, usedAt: null },
    data: { usedAt: input.now },
  });
  await forgetLinks(tx, { personId: input.personId });
  await tx.invitation.create({
    data: {
      id,
      personId: input.personId,
      tokenHash: hash,
      expiresAt,
      createdBy: input.createdBy,
      createdAt: input.now,
      ...(input.keyring ? { linkSealed: sealSecret(input.keyring, token, id), emailStatus: "queued" } : {}),
      committeeId: input.committeeId,
    },
  });
  return { id, token, expiresAt };
}

/**
 * `POST /v1/people/:id/invitations` (admin): an invitation link to set a password, answered to the admin (this
 * once) and, when the deployment sends e-mail, e-mailed to the person (`emailedTo`). Behind authentication.
 */
export function invitationAdminRoutes(deps: InvitationDeps): Router {
  const router = Router();
  router.post("/people/:id/invitations", requireRole("admin"), async (request, response) => {
    const caller = callerOf(response);
    const personId = String(request.params.id);
    // A person of the admin's own committee: another committee's is as unknown as one that does not exist.
    const person = await deps.database.prisma.person.findFirst({
      where: { id: personId, committeeId: caller.committeeId },
    });
    if (!person) throw refuse("NOT_FOUND", `No person ${personId} in the directory.`);
    if (!person.email) {
      throw refuse("PERSON_HAS_NO_EMAIL", `${personId} has no e-mail address, which is their login: add one first.`);
    }
    const now = deps.clock.now();
    const invitation = await deps.database.prisma.$transaction(async (tx) => {
      const made = await createInvitation(tx, {
        personId,
        createdBy: caller.keyId,
        ttlHours: deps.people.invitationTtlHours,
        now,
        keyring: deps.mail?.keyring,
        committeeId: person.committeeId,
      });
      await recordAudit(tx, subjectOf(request, response), {
        action: "account.invite",
        target: { type: "person", id: personId },
        details: { invitation: made.id, expiresAt: made.expiresAt.toISOString(), emailed: Boolean(deps.mail) },
      });
      return made;
    });
    request.log.info({ personId, invitation: invitation.id, emailed: Boolean(deps.mail) }, "invitation made");
    if (deps.mail) {
      // After the commit: the job finds its row. Redis away: the row stays queued and the notifier's rebuild adds it.
      await deps.mail.enqueue(invitation.id).catch((error: unknown) => {
        request.log.warn({ err: error, invitation: invitation.id }, "invitation e-mail not queued; the notifier will");
      });
    }
    response.status(201).json({
      link: invitationLink(deps.people.publicBaseUrl, invitation.token),
      expiresAt: invitation.expiresAt.toISOString(),
      emailedTo: deps.mail ? person.email : null,
    });
  });
  return router;
}

/**
 * `GET /v1/invitations/:token` (whom it invites, until when) and `POST /v1/invitations/:token` (set the password,
 * the token is used up), before authentication. Unknown, used and expired tokens answer the same 404
 * `INVITATION_INVALID`: the answer tells nothing about other tokens or people.
 */
export function invitationRoutes(deps: InvitationDeps): Router {
  const router = Router();
  const { database, clock } = deps;

  async function live(token: string) {
    if (!isTokenShaped(token)) return undefined;
    const row = await database.prisma.invitation.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { person: { select: { name: true } } },
    });
    if (!row || row.usedAt !== null || row.expiresAt.getTime() <= clock.now().getTime()) return undefined;
    return row;
  }

  router.get("/invitations/:token", async (request, response) => {
    const row = await live(String(request.params.token));
    if (!row) throw invalid();
    response.json({ person: { name: row.person.name }, expiresAt: row.expiresAt.toISOString() });
  });

  router.post("/invitations/:token", async (request, response) => {
    const refusal = originRefused(request.headers.origin, ownOrigins(request, deps.people.publicBaseUrl));
    if (refusal) throw refuse("CSRF_REJECTED", refusal);
    const token = String(request.params.token);
    if (!(await live(token))) throw invalid();
    const { password } = parseBody(acceptInvitationSchema, request.body);
    const weakness = passwordWeakness(password);
    if (weakness) throw refuse("PASSWORD_TOO_WEAK", weakness);
    const passwordHash = await hashPassword(password, deps.people.scrypt);
    const now = clock.now();
    const personId = await database.prisma.$transaction(async (tx) => {
      // Used up here, under the row's lock: of two uses at once, one sets the password and the other is refused.
      const [used] = await tx.$queryRaw<{ id: string; person_id: string; committee_id: string }[]>`
        UPDATE invitations SET used_at = ${now}
        WHERE token_hash = ${hashToken(token)} AND used_at IS NULL AND expires_at > ${now}
        RETURNING id, person_id, committee_id`;
      if (!used) return undefined;
      await forgetLinks(tx, { id: used.id });
      await lockAccount(tx, used.person_id);
      // A new password lifts a lockout (an admin invited anew) and ends the sessions the old one started.
      await tx.personAccount.update({
        where: { personId: used.person_id },
        data: { passwordHash, passwordSetAt: now, failedAttempts: 0, lockedAt: null },
      });
      await endSessionsOf(tx, used.person_id, "password", now);
      await recordAudit(tx, subjectOf(request, response), {
        action: "account.password-set",
        committeeId: used.committee_id,
        target: { type: "person", id: used.person_id },
        details: { invitation: used.id },
      });
      return used.person_id;
    });
    if (!personId) throw invalid();
    request.log.info({ personId }, "password set from an invitation");
    response.status(204).end();
  });

  return router;
}

function invalid() {
  return refuse("INVITATION_INVALID", "This invitation link is unknown, used or expired; ask for a new one.");
}
