import type { Database, Prisma } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import {
  addDays,
  channelsFor,
  DIGEST_KIND,
  type DigestTime,
  latestSlot,
  type PlannedDigest,
  planDigests,
  slotOn,
} from "@huiyin/notify";
import { catalogJob, configuredJobOptions, type JobPayload } from "@huiyin/queue";
import type { Queue } from "bullmq";
import type { EmailSettings } from "../email.ts";
import { loadDigestInput } from "./load.ts";

/** The statuses of a digest row whose e-mail may still go out: a run enqueues (again) the jobs of these. */
const UNSENT = ["queued", "sending", "retrying"];

/** A job of the queue of digest e-mails (the catalog's `digest.email`): a person, and the local date `YYYY-MM-DD`. */
export type DigestEmailJob = JobPayload<"digest.email">;

export interface DigestSettings {
  time: DigestTime;
  timeZone: string;
}

export interface DigestRunContext {
  database: Database;
  logger: Logger;
  digest: DigestSettings;
  /** The e-mail queue of digests; absent when e-mail is off (SMTP_URL unset): the rows are only `stored`. */
  emails?: { queue: Queue<DigestEmailJob>; settings: EmailSettings } | undefined;
}

export interface DigestRunResult {
  date: string;
  /** Digests planned now (not empty). */
  planned: number;
  /** Rows this run wrote: fewer than planned when an earlier run of the same date wrote them. */
  reserved: number;
  /** E-mail jobs (re-)enqueued: this run's and any an earlier run left unsent. */
  enqueued: number;
}

/** The `digest_date` column's value of a local date (a PostgreSQL `date`: midnight UTC in Prisma). */
export const dateColumn = (date: string) => new Date(`${date}T00:00:00.000Z`);

/** The BullMQ job of one person's digest e-mail: one id per (date, person), so adding it twice leaves one job. */
export const digestEmailJob = (job: DigestEmailJob, settings: EmailSettings) =>
  catalogJob("digest.email", job, configuredJobOptions("digest.email", settings, job.date, job.personId));

/**
 * One run of the daily digest, for the day of the latest digest time at or before `firedAt` (a run that starts late
 * is still that day's; see `latestSlot`). It plans every non-empty digest, writes one `digests` row per (person,
 * date) before anything is sent (a row that exists already is kept as it is: its content was fixed by the first
 * run), then enqueues the e-mail of every row of the date not yet delivered. Running it again for the same date —
 * a retry, a restart, a second notifier, the catch-up at start — sends nothing twice.
 */
export async function runDigest(context: DigestRunContext, firedAt: Date, now = new Date()): Promise<DigestRunResult> {
  const { database, digest } = context;
  const slot = latestSlot(firedAt, digest.time, digest.timeZone);
  const previous = slotOn(addDays(slot.date, -1), digest.time, digest.timeZone);
  const logger = context.logger.child({ digestDate: slot.date });
  // Committee by committee: a person's digest holds only their own committee's deadlines and escalations.
  const committees = await database.prisma.committee.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const planned: ReturnType<typeof planDigests> = [];
  for (const committee of committees) {
    const input = await loadDigestInput(database, now, { from: previous.at, to: slot.at }, committee.id);
    planned.push(...planDigests(input, slot.date, digest.timeZone));
  }
  const { count: reserved } = await database.prisma.digest.createMany({
    data: planned.map((one) => ({
      personId: one.person.id,
      digestDate: dateColumn(slot.date),
      content: one.content as unknown as Prisma.InputJsonValue,
      status: wantsEmail(one, context.emails !== undefined) ? "queued" : "stored",
    })),
    skipDuplicates: true,
  });
  for (const one of planned) logPlanned(logger, one);
  let enqueued = 0;
  if (context.emails) {
    const unsent = await database.prisma.digest.findMany({
      where: { digestDate: dateColumn(slot.date), status: { in: UNSENT } },
      select: { personId: true },
    });
    const { queue, settings } = context.emails;
    await queue.addBulk(unsent.map((row) => digestEmailJob({ personId: row.personId, date: slot.date }, settings)));
    enqueued = unsent.length;
  }
  const result = { date: slot.date, planned: planned.length, reserved, enqueued };
  logger.info(result, "digests planned");
  return result;
}

function wantsEmail(digest: PlannedDigest, emailOn: boolean): boolean {
  return emailOn && digest.person.email !== null && channelsFor(digest.person, DIGEST_KIND).includes("email");
}

function logPlanned(logger: Logger, digest: PlannedDigest): void {
  const { content, person } = digest;
  logger.info(
    {
      personId: person.id,
      via: digest.via,
      overdue: content.overdue.length,
      dueSoon: content.dueSoon.length,
      escalated: content.escalated.length,
    },
    "digest of a person",
  );
  const sections = { overdue: content.overdue, dueSoon: content.dueSoon, escalated: content.escalated };
  for (const [section, items] of Object.entries(sections)) {
    for (const item of items) {
      logger.debug(
        { proposalId: item.proposalId, deadlineId: item.deadlineId, personId: person.id, section },
        "proposal in a digest",
      );
    }
  }
}
