/**
 * The e-mail channel, one module per concern under `email/`:
 * - `plan.ts`: who gets a notice by e-mail (the directory's forward resolution), one reserved row per person;
 * - `queue.ts`: the queue of single e-mails and its job ids;
 * - `retry.ts`: the retry policy (backoff, attempts, which SMTP answers are final);
 * - `tracked.ts`: claim → send → delivered on a tracked row, at most one message per successful delivery;
 * - `compose.ts`: what the message says (facts, links) in the person's language;
 * - `transport.ts`: what sends one message (a nodemailer transporter);
 * - `worker.ts`: the worker that sends each queued e-mail;
 * - `invitation.ts`: invitations e-mailed to the people invited (the sealed link opened at sending only).
 */

export {
  type InvitationEmailJob,
  type InvitationSendContext,
  sendInvitationEmail,
  startInvitationEmailWorker,
  UNFINISHED_INVITATION_EMAILS,
} from "./email/invitation.ts";
export { EMAIL_CHANNEL, type EmailJob, personRecipient, planEmails } from "./email/plan.ts";
export { emailJobOptions, enqueueEmails } from "./email/queue.ts";
export type { EmailSettings } from "./email/settings.ts";
export { type SendOutcome, sendTracked, trackedRow } from "./email/tracked.ts";
export type { Mailer } from "./email/transport.ts";
export { sendEmail, startEmailWorker, startMailWorker } from "./email/worker.ts";
