import type { Database } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import { recipientRefsOf, resolveRecipients } from "@huiyin/notify";
import type { JobPayload } from "@huiyin/queue";
import { loadDirectory } from "../directory.ts";
import { personRecipient } from "../email/plan.ts";
import type { ChannelName } from "./adapter.ts";
import { robotRecipient, robotTargetsOf } from "./robots.ts";

/** The channels of this folder, as `notice_deliveries.channel` names them. */
export const CHANNELS: readonly ChannelName[] = ["sms", "wecom", "dingtalk"];

/** A job of the `notice-channel` queue: one notice to one recipient on one channel. */
export type ChannelJob = JobPayload<"channel.send">;

/** Which notices go where (NOTIFY_SMS_KINDS, NOTIFY_ROBOT_KINDS); `sms` false while no gateway is configured. */
export interface ChannelRouting {
  sms: boolean;
  smsKinds: readonly string[];
  robotKinds: readonly string[];
}

/**
 * Decides who gets a notice on the channels beyond e-mail and reserves one `notice_deliveries` row per (channel,
 * recipient), status `queued`, before anything is sent:
 * - SMS, for a kind of NOTIFY_SMS_KINDS with a gateway configured: the people the notice resolves to (as for
 *   e-mail) who have a phone number;
 * - robots, for a kind of NOTIFY_ROBOT_KINDS: the robots configured for the groups the notice names
 *   (`robotTargetsOf`) in the proposal's committee.
 * Nothing is configured, nothing is reserved. Returns every job of the notice still to send, also those reserved
 * by an earlier run that died before enqueuing them; a job skips what was delivered.
 */
export async function planChannels(
  database: Database,
  noticeId: string,
  routing: ChannelRouting,
  logger: Logger,
): Promise<ChannelJob[]> {
  const notice = await database.prisma.notice.findUnique({ where: { id: noticeId } });
  if (!notice) return [];
  const bySms = routing.sms && routing.smsKinds.includes(notice.kind);
  const byRobot = routing.robotKinds.includes(notice.kind);
  if (!bySms && !byRobot) return [];
  const proposal = await database.prisma.proposal.findUnique({
    where: { id: notice.proposalId },
    select: { leaderId: true, committeeId: true },
  });
  const committeeId = proposal?.committeeId ?? "default";
  const [directory, deadline] = await Promise.all([
    loadDirectory(database, committeeId),
    notice.deadlineId
      ? database.prisma.deadline.findUnique({
          where: { proposalId_deadlineId: { proposalId: notice.proposalId, deadlineId: notice.deadlineId } },
          select: { unitId: true },
        })
      : null,
  ]);
  const refs = recipientRefsOf(notice.recipients);
  const context = { deadlineUnitId: deadline?.unitId ?? null, keyLeaderId: proposal?.leaderId ?? null };
  const rows: { channel: ChannelName; recipient: string }[] = [];
  if (bySms) {
    const ids = resolveRecipients(refs, directory, context).recipients.map((recipient) => recipient.person.id);
    const withPhone = await database.prisma.person.findMany({
      where: { id: { in: ids }, committeeId, phone: { not: null } },
      select: { id: true },
    });
    rows.push(...withPhone.map((person) => ({ channel: "sms" as const, recipient: personRecipient(person.id) })));
  }
  if (byRobot) {
    const targets = robotTargetsOf(refs, directory.units, context);
    const robots = await database.prisma.noticeRobot.findMany({
      where: { committeeId, target: { in: targets } },
      select: { id: true, kind: true },
    });
    for (const robot of robots) {
      if (robot.kind === "wecom" || robot.kind === "dingtalk") {
        rows.push({ channel: robot.kind, recipient: robotRecipient(robot.id) });
      }
    }
  }
  if (rows.length > 0) {
    await database.prisma.noticeDelivery.createMany({
      data: rows.map((row) => ({ noticeId, ...row, status: "queued" })),
      skipDuplicates: true,
    });
    logger.info({ channels: rows.map((row) => `${row.channel}:${row.recipient}`) }, "notice reserved on channels");
  }
  const pending = await database.prisma.noticeDelivery.findMany({
    where: { noticeId, channel: { in: [...CHANNELS] }, status: { in: ["queued", "retrying"] } },
    select: { channel: true, recipient: true },
  });
  return pending.map((row) => ({ noticeId, channel: row.channel as ChannelName, recipient: row.recipient }));
}
