import type { Database } from "@huiyin/db";
import type { NoticeKind } from "@huiyin/domain";
import { DIGEST_DUE_WITHIN_MS, type DigestDeadline, type DigestInput } from "@huiyin/notify";
import { loadDirectory } from "../directory.ts";

/** The escalations a digest reports: those created in [from, to), the previous digest time to this one's. */
export interface DigestWindow {
  from: Date;
  to: Date;
}

/**
 * Reads what the day's digests are made of: the directory, the open deadlines due before a week from `now`
 * (overdue ones included), the escalation notices of the window and the deadlines they are about (which may have
 * closed since), and the titles and leaders of those proposals. One pass for all recipients of one committee (its
 * people, its proposals): `planDigests` splits it.
 */
export async function loadDigestInput(
  database: Database,
  now: Date,
  window: DigestWindow,
  committeeId = "default",
): Promise<DigestInput> {
  const { prisma } = database;
  const deadlineFields = {
    proposalId: true,
    deadlineId: true,
    kind: true,
    unitId: true,
    dueAt: true,
    status: true,
  } as const;
  const [directory, open, allNotices] = await Promise.all([
    loadDirectory(database, committeeId),
    prisma.deadline.findMany({
      where: {
        status: "open",
        dueAt: { lt: new Date(now.getTime() + DIGEST_DUE_WITHIN_MS) },
        proposal: { committeeId },
      },
      select: deadlineFields,
    }),
    prisma.notice.findMany({
      where: { kind: "deadline.escalation" satisfies NoticeKind, createdAt: { gte: window.from, lt: window.to } },
      select: { id: true, proposalId: true, deadlineId: true, level: true, createdAt: true, acknowledgedAt: true },
    }),
  ]);
  // Notices carry no committee: keep those of the committee's proposals.
  const ours = new Set(
    (
      await prisma.proposal.findMany({
        where: { id: { in: [...new Set(allNotices.map((notice) => notice.proposalId))] }, committeeId },
        select: { id: true },
      })
    ).map((row) => row.id),
  );
  const notices = allNotices.filter((notice) => ours.has(notice.proposalId));
  const escalated = notices.flatMap((notice) =>
    notice.deadlineId ? [{ proposalId: notice.proposalId, deadlineId: notice.deadlineId }] : [],
  );
  const escalatedDeadlines =
    escalated.length > 0 ? await prisma.deadline.findMany({ where: { OR: escalated }, select: deadlineFields }) : [];
  const rows = new Map(
    [...open, ...escalatedDeadlines].map((row) => [`${row.proposalId}\n${row.deadlineId}`, row] as const),
  );
  const deadlines = [...rows.values()].map(
    (row): DigestDeadline => ({
      proposalId: row.proposalId,
      deadlineId: row.deadlineId,
      kind: row.kind,
      unitId: row.unitId,
      dueAt: row.dueAt,
      open: row.status === "open",
    }),
  );
  const proposals = await prisma.proposal.findMany({
    where: { id: { in: [...new Set(deadlines.map((deadline) => deadline.proposalId))] } },
    select: { id: true, title: true, numberLabel: true, leaderId: true },
  });
  return {
    directory,
    proposals,
    deadlines,
    escalations: notices.map((notice) => ({
      noticeId: notice.id,
      proposalId: notice.proposalId,
      deadlineId: notice.deadlineId,
      level: notice.level,
      createdAt: notice.createdAt,
      acknowledged: notice.acknowledgedAt !== null,
    })),
    now,
  };
}
