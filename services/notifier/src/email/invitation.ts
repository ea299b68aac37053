import type { Database } from "@huiyin/db";
import { type Keyring, openSecret } from "@huiyin/engine";
import type { Logger } from "@huiyin/logger";
import { invitationLink, renderInvitation } from "@huiyin/notify";
import type { JobPayload, RedisConnection } from "@huiyin/queue";
import type { Worker, WorkerOptions } from "bullmq";
import { UnrecoverableError } from "bullmq";
import type { EmailSettings } from "./settings.ts";
import { type SendOutcome, sendTracked, type TrackedRow } from "./tracked.ts";
import type { Mailer, OutgoingMail } from "./transport.ts";
import { startMailWorker } from "./worker.ts";

export type InvitationEmailJob = JobPayload<"invitation.email">;

/** The states of an invitation's e-mail that its job is still to end. */
export const UNFINISHED_INVITATION_EMAILS = ["queued", "sending", "retrying"];

export interface InvitationSendContext {
  database: Database;
  mailer: Mailer;
  settings: EmailSettings;
  /** Opens the sealed link (SECRETS_ENCRYPTION_KEYS, the api's). */
  keyring: Keyring;
  /** The zone the e-mail writes the link's expiry in. */
  timeZone: string;
  logger: Logger;
  now?: () => Date;
}

/**
 * The invitation's row as a tracked e-mail (see `sendTracked`): claimed only while the invitation is live (not
 * used, withdrawn or expired); once delivered or given up, its sealed link is emptied, so the credential is kept
 * no longer than the e-mail needs it.
 */
function invitationRow(database: Database, id: string, now: () => Date): TrackedRow {
  const update = (where: object, data: object) =>
    database.prisma.invitation.updateMany({ where: { id, ...where }, data });
  return {
    async claim() {
      const { count } = await update(
        { emailStatus: { in: UNFINISHED_INVITATION_EMAILS }, usedAt: null, expiresAt: { gt: now() } },
        { emailStatus: "sending", emailAttempts: { increment: 1 } },
      );
      if (count > 0) return true;
      // Used, withdrawn by a newer invitation, or expired before it went out: nothing to send, nothing to keep.
      await update(
        { emailStatus: { in: UNFINISHED_INVITATION_EMAILS } },
        { emailStatus: "withdrawn", linkSealed: null },
      );
      return false;
    },
    async failed(status, error) {
      await update(
        {},
        { emailStatus: status, emailError: error.slice(0, 1000), ...(status === "dead" ? { linkSealed: null } : {}) },
      );
    },
    async delivered() {
      await update({}, { emailStatus: "delivered", emailedAt: now(), emailError: null, linkSealed: null });
    },
  };
}

/** The message: to the person, in their language; the link opened from its seal here and only here. */
async function composeInvitationEmail(context: InvitationSendContext, invitationId: string): Promise<OutgoingMail> {
  const row = await context.database.prisma.invitation.findUnique({
    where: { id: invitationId },
    include: { person: true },
  });
  if (!row?.linkSealed) throw new UnrecoverableError(`invitation ${invitationId} has no link to send`);
  if (!row.person.email) throw new UnrecoverableError(`person ${row.personId} has no e-mail address`);
  const token = openSecret(context.keyring, row.linkSealed, row.id);
  const language = row.person.language === "en" ? "en" : "zh-CN";
  return {
    to: `${row.person.name} <${row.person.email}>`,
    ...renderInvitation(
      {
        name: row.person.name,
        link: invitationLink(context.settings.publicBaseUrl, token),
        expiresAt: row.expiresAt,
        timeZone: context.timeZone,
      },
      language,
    ),
    // The same on every attempt: a message the server took before a crash shows once in the person's mailbox.
    messageId: `<invitation.${row.id}@huiyin>`,
    headers: { "X-Huiyin-Invitation": row.id },
  };
}

/**
 * Sends one invitation by e-mail, at least once (BullMQ's retries, the notifier's rebuild of lost jobs) and never
 * again after it was delivered. Logs name the invitation, never the link.
 */
export async function sendInvitationEmail(
  context: InvitationSendContext,
  job: InvitationEmailJob,
  final: boolean,
): Promise<SendOutcome> {
  const now = context.now ?? (() => new Date());
  const logger = context.logger.child({ invitationId: job.invitationId });
  return sendTracked(
    { ...context, logger },
    invitationRow(context.database, job.invitationId, now),
    () => composeInvitationEmail(context, job.invitationId),
    final,
  );
}

/** The worker of the `invitation-email` queue. */
export function startInvitationEmailWorker(
  context: InvitationSendContext & { redis: RedisConnection; prefix: string },
  options: Omit<WorkerOptions, "connection" | "prefix"> = {},
): Worker<InvitationEmailJob> {
  const { redis, prefix, ...sendContext } = context;
  return startMailWorker(
    "invitation.email",
    (data, final, logger) => sendInvitationEmail({ ...sendContext, logger }, data, final),
    { logger: context.logger, redis, prefix },
    options,
  );
}
