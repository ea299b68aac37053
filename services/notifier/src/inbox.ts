import type { Database } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import { inboxLabelsOf } from "@huiyin/notify";

/**
 * Puts a notice into its recipients' in-app inboxes, one delivery per label (`inboxLabelsOf`, the label the
 * api's inbox reads back with the same rules). The unique (notice, channel, recipient) index makes
 * this exactly-once however often the job runs (a retry, a worker killed after the insert): a second run
 * inserts nothing. Returns how many deliveries this run created.
 */
export async function deliverToInbox(database: Database, noticeId: string, logger: Logger): Promise<number> {
  const notice = await database.prisma.notice.findUnique({ where: { id: noticeId } });
  if (!notice) {
    logger.warn("notice not found; nothing to deliver");
    return 0;
  }
  const now = new Date();
  const { count } = await database.prisma.noticeDelivery.createMany({
    data: inboxLabelsOf(notice.recipients).map((recipient) => ({
      noticeId,
      channel: "inbox",
      recipient,
      status: "delivered",
      attempts: 1,
      deliveredAt: now,
    })),
    skipDuplicates: true,
  });
  logger.info(
    { proposalId: notice.proposalId, kind: notice.kind, noticeLevel: notice.level, delivered: count },
    "notice in inboxes",
  );
  return count;
}

/**
 * Records that a notice's `notice.deliver` job has done everything (inbox rows, e-mail rows reserved and their jobs
 * enqueued). Until then the rebuild after a Redis data loss re-creates its job: a notice whose inbox rows were
 * written but whose e-mails were not yet planned when its job was lost is finished by the next run.
 */
export async function markHandled(database: Database, noticeId: string): Promise<void> {
  await database.prisma.notice.updateMany({
    where: { id: noticeId, handledAt: null },
    data: { handledAt: new Date() },
  });
}
