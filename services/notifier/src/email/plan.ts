import type { Database } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import { channelsFor, recipientRefsOf, resolveRecipients } from "@huiyin/notify";
import type { JobPayload } from "@huiyin/queue";
import { loadDirectory } from "../directory.ts";

export const EMAIL_CHANNEL = "email";

/** A job of the queue of single e-mails (the catalog's `email`): one per (notice, person), so each retries on its own. */
export type EmailJob = JobPayload<"email">;

/** The delivery row's recipient for a person (the inbox rows name roles, e-mail rows name people). */
export const personRecipient = (personId: string) => `person:${personId}`;

/**
 * Decides who gets a notice by e-mail and reserves one `notice_deliveries` row per person (status `queued`)
 * before anything is sent. Returns every e-mail job of the notice, also those reserved by an earlier run, so a
 * run that died between reserving and enqueuing is completed by the retry; the jobs skip what was delivered.
 */
export async function planEmails(database: Database, noticeId: string, logger: Logger): Promise<EmailJob[]> {
  const notice = await database.prisma.notice.findUnique({ where: { id: noticeId } });
  if (!notice) return [];
  const proposal = await database.prisma.proposal.findUnique({
    where: { id: notice.proposalId },
    select: { leaderId: true, committeeId: true },
  });
  // The people of the proposal's own committee: a notice of one committee never reaches another's.
  const [directory, deadline] = await Promise.all([
    loadDirectory(database, proposal?.committeeId ?? "default"),
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
