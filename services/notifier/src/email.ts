import type { Database } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import {
  ackLink,
  channelsFor,
  type NoticeFacts,
  type Person,
  proposalLink,
  type RecipientRef,
  renderNotice,
  resolveRecipients,
} from "@huiyin/notify";
import { catalogJob, configuredJobOptions, createWorker, type JobPayload, type RedisConnection } from "@huiyin/queue";
import { type JobsOptions, type Queue, UnrecoverableError, type Worker, type WorkerOptions } from "bullmq";
import { loadDirectory } from "./directory.ts";

export const EMAIL_CHANNEL = "email";

/** A job of the queue of single e-mails (the catalog's `email`): one per (notice, person), so each retries on its own. */
export type EmailJob = JobPayload<"email">;

export interface EmailSettings {
  from: string;
  publicBaseUrl: string;
  /** Signs acknowledge links; without it the e-mails carry none. */
  linkSecret?: string | undefined;
  attempts: number;
  backoffMs: number;
}

/** What sends one message: a nodemailer transporter, in production and in tests (against a real SMTP server). */
export interface Mailer {
  sendMail(message: OutgoingMail & { from: string }): Promise<unknown>;
}

/** The delivery row's recipient for a person (the inbox rows name roles, e-mail rows name people). */
export const personRecipient = (personId: string) => `person:${personId}`;

/** Reads the recipient references the engine stored: role strings or `{role, id?, unitId?}` objects. */
export function recipientRefsOf(value: unknown): RecipientRef[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((entry): RecipientRef[] => {
    if (typeof entry === "string" && entry) return [{ role: entry }];
    if (entry && typeof entry === "object" && typeof (entry as { role?: unknown }).role === "string") {
      const { role, id, unitId } = entry as { role: string; id?: unknown; unitId?: unknown };
      return [
        {
          role,
          ...(typeof id === "string" ? { id } : {}),
          ...(typeof unitId === "string" ? { unitId } : {}),
        },
      ];
    }
    return [];
  });
}

/**
 * Decides who gets a notice by e-mail and reserves one `notice_deliveries` row per person (status `queued`)
 * before anything is sent. Returns every e-mail job of the notice, also those reserved by an earlier run, so a
 * run that died between reserving and enqueuing is completed by the retry; the jobs skip what was delivered.
 */
export async function planEmails(database: Database, noticeId: string, logger: Logger): Promise<EmailJob[]> {
  const notice = await database.prisma.notice.findUnique({ where: { id: noticeId } });
  if (!notice) return [];
  const [directory, proposal, deadline] = await Promise.all([
    loadDirectory(database),
    database.prisma.proposal.findUnique({ where: { id: notice.proposalId }, select: { leaderId: true } }),
    notice.deadlineId
      ? database.prisma.deadline.findUnique({
          where: { proposalId_deadlineId: { proposalId: notice.proposalId, deadlineId: notice.deadlineId } },
          select: { unitId: true },
        })
      : null,
  ]);
  const resolution = resolveRecipients(recipientRefsOf(notice.recipients), directory, {
    deadlineUnitId: deadline?.unitId ?? null,
    keyLeaderId: proposal?.leaderId ?? null,
  });
  if (resolution.unresolved.length > 0) {
    logger.warn({ unresolved: resolution.unresolved }, "nobody in the recipients directory for these recipients");
  }
  const people = resolution.recipients
    .map((recipient) => recipient.person)
    .filter((person) => person.email && channelsFor(person, notice.kind).includes("email"));
  if (people.length === 0) return [];
  await database.prisma.noticeDelivery.createMany({
    data: people.map((person) => ({
      noticeId,
      channel: EMAIL_CHANNEL,
      recipient: personRecipient(person.id),
      status: "queued",
    })),
    skipDuplicates: true,
  });
  return people.map((person) => ({ noticeId, personId: person.id }));
}

/** The BullMQ options of one e-mail: a deterministic id (adding it twice leaves one job), retries with backoff. */
export function emailJobOptions(job: EmailJob, settings: EmailSettings): JobsOptions {
  return configuredJobOptions("email", settings, job.noticeId, job.personId);
}

export async function enqueueEmails(queue: Queue, jobs: readonly EmailJob[], settings: EmailSettings): Promise<void> {
  if (jobs.length === 0) return;
  await queue.addBulk(jobs.map((job) => catalogJob("email", job, emailJobOptions(job, settings))));
}

/** An SMTP answer that no retry can change (5xx: no such mailbox, refused for policy). */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export interface SendContext {
  database: Database;
  mailer: Mailer;
  settings: EmailSettings;
  logger: Logger;
  now?: () => Date;
}

export type SendOutcome = "sent" | "skipped";

/** The row that tracks one e-mail: notices keep theirs in `notice_deliveries`, digests in `digests`. */
export interface TrackedRow {
  /** Marks the row `sending` (attempts + 1) unless it was delivered or given up; false: nothing to send. */
  claim(): Promise<boolean>;
  failed(status: "retrying" | "dead", error: string): Promise<void>;
  delivered(): Promise<void>;
}

/** The columns `trackedRow` writes: status, attempts, last error and delivery time, as both tables name them. */
export interface TrackedUpdate {
  status: string;
  attempts?: { increment: number };
  lastError?: string | null;
  deliveredAt?: Date;
}

/**
 * A `TrackedRow` over one table's `updateMany` on the row's key: `narrow` is spread into the key's `where` (the
 * claim takes only a row still to send), and the count says whether it took.
 */
export function trackedRow(
  update: (narrow: { status?: { in: string[] } }, data: TrackedUpdate) => Promise<{ count: number }>,
): TrackedRow {
  return {
    claim: async () =>
      (
        await update(
          { status: { in: ["queued", "sending", "retrying"] } },
          { status: "sending", attempts: { increment: 1 } },
        )
      ).count > 0,
    failed: async (status, error) => {
      await update({}, { status, lastError: error.slice(0, 1000) });
    },
    delivered: async () => {
      await update({}, { status: "delivered", deliveredAt: new Date(), lastError: null });
    },
  };
}

/** One composed e-mail: what `sendTracked` hands to the mailer. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

/**
 * Sends one e-mail at most once per successful delivery: the row is claimed (`sending`, attempts + 1) before the
 * SMTP conversation and marked `delivered` after it, and a run that finds it `delivered` (a retried or re-added
 * job) sends nothing. A failure is recorded on the row and rethrown for BullMQ's retry with backoff; a permanent
 * one (5xx, or an `UnrecoverableError` from `compose`), or the last attempt (`final`), makes the row `dead`.
 *
 * What is left: a process killed after the server accepted the message and before the row says `delivered`
 * sends it again on retry. The Message-ID is the same every time, so mail clients show it once.
 */
export async function sendTracked(
  context: { mailer: Mailer; settings: Pick<EmailSettings, "from">; logger: Logger },
  row: TrackedRow,
  compose: () => Promise<OutgoingMail>,
  final: boolean,
): Promise<SendOutcome> {
  const { logger } = context;
  if (!(await row.claim())) {
    logger.info("e-mail already delivered or given up; nothing to send");
    return "skipped";
  }
  try {
    await context.mailer.sendMail({ from: context.settings.from, ...(await compose()) });
  } catch (error) {
    const permanent = error instanceof UnrecoverableError || isPermanent(error);
    const status = permanent || final ? "dead" : "retrying";
    await row.failed(status, String((error as Error).message ?? error));
    logger.warn({ err: error, status }, status === "dead" ? "e-mail given up" : "e-mail failed; will retry");
    throw permanent && !(error instanceof UnrecoverableError)
      ? new UnrecoverableError((error as Error).message)
      : error;
  }
  await row.delivered();
  logger.info("e-mail delivered");
  return "sent";
}

/** Sends one notice to one person by e-mail, tracked by its `notice_deliveries` row (see `sendTracked`). */
export async function sendEmail(context: SendContext, job: EmailJob, final: boolean): Promise<SendOutcome> {
  const { database, settings } = context;
  const where = { noticeId: job.noticeId, channel: EMAIL_CHANNEL, recipient: personRecipient(job.personId) };
  const row = trackedRow((narrow, data) =>
    database.prisma.noticeDelivery.updateMany({ where: { ...where, ...narrow }, data }),
  );
  const logger = context.logger.child({ noticeId: job.noticeId, personId: job.personId });
  return sendTracked(
    { ...context, logger },
    row,
    async () => {
      const person = await database.prisma.person.findUnique({ where: { id: job.personId } });
      if (!person?.email) throw new UnrecoverableError(`person ${job.personId} has no e-mail address`);
      const facts = await noticeFacts(database, job.noticeId, person, settings, context.now?.() ?? new Date());
      return {
        to: `${person.name} <${person.email}>`,
        ...renderNotice(facts, person.language === "en" ? "en" : "zh-CN"),
        messageId: `<${job.noticeId}.${job.personId}@huiyin>`,
        headers: { "X-Huiyin-Notice": job.noticeId },
      };
    },
    final,
  );
}

/** Gathers what the message says: the proposal, the deadline, who was told before, the links. */
export async function noticeFacts(
  database: Database,
  noticeId: string,
  person: Pick<Person, "id">,
  settings: EmailSettings,
  now: Date,
): Promise<NoticeFacts> {
  const notice = await database.prisma.notice.findUniqueOrThrow({ where: { id: noticeId } });
  const proposal = await database.prisma.proposal.findUnique({
    where: { id: notice.proposalId },
    select: { title: true },
  });
  const deadline = notice.deadlineId
    ? await database.prisma.deadline.findUnique({
        where: { proposalId_deadlineId: { proposalId: notice.proposalId, deadlineId: notice.deadlineId } },
      })
    : null;
  const unit = deadline?.unitId ? await database.prisma.unit.findUnique({ where: { id: deadline.unitId } }) : null;
  const content = (notice.content ?? {}) as { note?: unknown };
  return {
    noticeId,
    kind: notice.kind,
    level: notice.level,
    proposal: { id: notice.proposalId, title: proposal?.title ?? notice.proposalId },
    ...(deadline
      ? { deadline: { kind: deadline.kind, dueAt: deadline.dueAt, ...(unit ? { unitName: unit.name } : {}) } }
      : {}),
    now,
    notifiedBefore:
      notice.kind === "deadline.escalation" && notice.deadlineId
        ? await notifiedBefore(database, notice.proposalId, notice.deadlineId, notice.level)
        : [],
    ...(typeof content.note === "string" && content.note ? { note: content.note } : {}),
    links: {
      proposal: proposalLink(settings.publicBaseUrl, notice.proposalId),
      ...(settings.linkSecret
        ? { acknowledge: ackLink(settings.publicBaseUrl, settings.linkSecret, noticeId, person.id, now) }
        : {}),
    },
  };
}

/** The people e-mailed about the same deadline at the due time and at lower escalation levels, by name. */
async function notifiedBefore(database: Database, proposalId: string, deadlineId: string, level: number) {
  const earlier = await database.prisma.notice.findMany({
    where: {
      proposalId,
      deadlineId,
      OR: [{ kind: "deadline.due" }, { kind: "deadline.escalation", level: { lt: level } }],
    },
    select: { id: true },
  });
  const deliveries = await database.prisma.noticeDelivery.findMany({
    where: { noticeId: { in: earlier.map((notice) => notice.id) }, channel: EMAIL_CHANNEL, status: "delivered" },
    select: { recipient: true },
  });
  const ids = [...new Set(deliveries.map((d) => d.recipient.replace(/^person:/, "")))];
  const people = await database.prisma.person.findMany({ where: { id: { in: ids } }, select: { name: true } });
  return people.map((p) => p.name).sort();
}

/**
 * The worker of the e-mail queue: each job sends one e-mail through `sendEmail`; BullMQ retries a failed one
 * with exponential backoff (`emailJobOptions`), and the last attempt marks the delivery `dead`.
 */
export function startEmailWorker(
  context: SendContext & { redis: RedisConnection; prefix: string },
  options: Omit<WorkerOptions, "connection" | "prefix"> = {},
): Worker<EmailJob> {
  const { redis, prefix, ...sendContext } = context;
  return startMailWorker(
    "email",
    (data, final, logger) => sendEmail({ ...sendContext, logger }, data, final),
    { logger: context.logger, redis, prefix },
    options,
  );
}

/**
 * A worker of tracked e-mails (notices, digests): `send` gets the job's data, whether this is the last attempt
 * (so that a failure makes the row `dead`), and a logger bound to the job id.
 */
export function startMailWorker<Name extends "email" | "digest.email">(
  name: Name,
  send: (data: JobPayload<Name>, final: boolean, logger: Logger) => Promise<SendOutcome>,
  context: { logger: Logger; redis: RedisConnection; prefix: string },
  options: Omit<WorkerOptions, "connection" | "prefix"> = {},
): Worker<JobPayload<Name>> {
  const worker = createWorker(
    name,
    async (job) => {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      return { outcome: await send(job.data, final, context.logger.child({ jobId: job.id })) };
    },
    context.redis,
    { concurrency: 5, ...options, prefix: context.prefix },
  );
  worker.on("error", (error) => context.logger.error({ err: error, queue: worker.name }, "e-mail worker error"));
  return worker;
}
