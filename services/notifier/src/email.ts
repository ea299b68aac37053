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
import { createWorker, type RedisConnection } from "@huiyin/queue";
import { type JobsOptions, type Queue, UnrecoverableError, type Worker, type WorkerOptions } from "bullmq";
import { loadDirectory } from "./directory.ts";

/** The queue of single e-mails: one job per (notice, person), so each retries on its own. */
export const EMAIL_QUEUE = "notice-email";
export const EMAIL_CHANNEL = "email";

export interface EmailJob {
  noticeId: string;
  personId: string;
}

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
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<unknown>;
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
  return {
    jobId: `email-${job.noticeId}-${job.personId}`.replaceAll(":", "_"),
    attempts: settings.attempts,
    backoff: { type: "exponential", delay: settings.backoffMs },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

export async function enqueueEmails(queue: Queue, jobs: readonly EmailJob[], settings: EmailSettings): Promise<void> {
  if (jobs.length === 0) return;
  await queue.addBulk(jobs.map((job) => ({ name: "email", data: job, opts: emailJobOptions(job, settings) })));
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

/**
 * Sends one notice to one person by e-mail, at most once per successful delivery: the row is claimed
 * (`sending`, attempts + 1) before the SMTP conversation and marked `delivered` after it, and a run that finds it
 * `delivered` (a retried or re-added job) sends nothing. A failure is recorded on the row and rethrown for
 * BullMQ's retry with backoff; a permanent one (5xx), or the last attempt (`final`), makes the row `dead`.
 *
 * What is left: a process killed after the server accepted the message and before the row says `delivered`
 * sends it again on retry. The Message-ID is the same every time, so mail clients show it once.
 */
export async function sendEmail(context: SendContext, job: EmailJob, final: boolean): Promise<SendOutcome> {
  const { database, mailer, settings } = context;
  const where = { noticeId: job.noticeId, channel: EMAIL_CHANNEL, recipient: personRecipient(job.personId) };
  const logger = context.logger.child({ noticeId: job.noticeId, personId: job.personId });
  const claimed = await database.prisma.noticeDelivery.updateMany({
    where: { ...where, status: { in: ["queued", "sending", "retrying"] } },
    data: { status: "sending", attempts: { increment: 1 } },
  });
  if (claimed.count === 0) {
    logger.info("e-mail already delivered or given up; nothing to send");
    return "skipped";
  }
  try {
    const person = await database.prisma.person.findUnique({ where: { id: job.personId } });
    if (!person?.email) throw new UnrecoverableError(`person ${job.personId} has no e-mail address`);
    const facts = await noticeFacts(database, job.noticeId, person, settings, context.now?.() ?? new Date());
    const message = renderNotice(facts, person.language === "en" ? "en" : "zh-CN");
    await mailer.sendMail({
      from: settings.from,
      to: `${person.name} <${person.email}>`,
      ...message,
      messageId: `<${job.noticeId}.${job.personId}@huiyin>`,
      headers: { "X-Huiyin-Notice": job.noticeId },
    });
  } catch (error) {
    const permanent = error instanceof UnrecoverableError || isPermanent(error);
    const status = permanent || final ? "dead" : "retrying";
    await database.prisma.noticeDelivery.updateMany({
      where,
      data: { status, lastError: String((error as Error).message ?? error).slice(0, 1000) },
    });
    logger.warn({ err: error, status }, status === "dead" ? "e-mail given up" : "e-mail failed; will retry");
    throw permanent && !(error instanceof UnrecoverableError)
      ? new UnrecoverableError((error as Error).message)
      : error;
  }
  await database.prisma.noticeDelivery.updateMany({
    where,
    data: { status: "delivered", deliveredAt: new Date(), lastError: null },
  });
  logger.info("e-mail delivered");
  return "sent";
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
  const worker = createWorker<EmailJob>(
    EMAIL_QUEUE,
    async (job) => {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      return {
        outcome: await sendEmail({ ...sendContext, logger: context.logger.child({ jobId: job.id }) }, job.data, final),
      };
    },
    redis,
    { concurrency: 5, ...options, prefix },
  );
  worker.on("error", (error) => context.logger.error({ err: error }, "e-mail worker error"));
  return worker;
}
