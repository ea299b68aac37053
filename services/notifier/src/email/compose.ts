import type { Database } from "@huiyin/db";
import { type NoticeKind, type NotifyParams, notifyParamsSchema } from "@huiyin/domain";
import { ackLink, type NoticeFacts, type Person, proposalLink, renderNotice } from "@huiyin/notify";
import { UnrecoverableError } from "bullmq";
import { EMAIL_CHANNEL, type EmailJob } from "./plan.ts";
import type { EmailSettings } from "./settings.ts";
import type { OutgoingMail } from "./transport.ts";

const DUE = "deadline.due" satisfies NoticeKind;
const ESCALATION = "deadline.escalation" satisfies NoticeKind;

/**
 * The e-mail of one notice to one person, in their language. A person without an address is a permanent failure
 * (`UnrecoverableError`): no retry gives them one.
 */
export async function composeNoticeEmail(
  database: Database,
  job: EmailJob,
  settings: EmailSettings,
  now: Date,
): Promise<OutgoingMail> {
  const person = await database.prisma.person.findUnique({ where: { id: job.personId } });
  if (!person?.email) throw new UnrecoverableError(`person ${job.personId} has no e-mail address`);
  const facts = await noticeFacts(database, job.noticeId, person, settings, now);
  return {
    to: `${person.name} <${person.email}>`,
    ...renderNotice(facts, person.language === "en" ? "en" : "zh-CN"),
    messageId: `<${job.noticeId}.${job.personId}@huiyin>`,
    headers: { "X-Huiyin-Notice": job.noticeId },
  };
}

/** Gathers what the message says: the proposal, the deadline, who was told before, the links. */
export async function noticeFacts(
  database: Database,
  noticeId: string,
  person: Pick<Person, "id">,
  settings: Pick<EmailSettings, "publicBaseUrl" | "linkSecret">,
  now: Date,
): Promise<NoticeFacts> {
  const notice = await database.prisma.notice.findUniqueOrThrow({ where: { id: noticeId } });
  const proposal = await database.prisma.proposal.findUnique({
    where: { id: notice.proposalId },
    select: { title: true, numberLabel: true },
  });
  const deadline = notice.deadlineId
    ? await database.prisma.deadline.findUnique({
        where: { proposalId_deadlineId: { proposalId: notice.proposalId, deadlineId: notice.deadlineId } },
      })
    : null;
  const unit = deadline?.unitId ? await database.prisma.unit.findUnique({ where: { id: deadline.unitId } }) : null;
  const content = contentOf(notice.content);
  const unitNames = await unitNamesOf(database, [
    ...(content.units ?? []).map((u) => u.unitId),
    ...(content.replies ?? []).map((r) => r.unitId),
  ]);
  const nameOf = (unitId: string) => unitNames.get(unitId) ?? unitId;
  return {
    noticeId,
    kind: notice.kind,
    level: notice.level,
    proposal: {
      id: notice.proposalId,
      title: proposal?.title ?? notice.proposalId,
      number: proposal?.numberLabel ?? null,
    },
    ...(deadline
      ? { deadline: { kind: deadline.kind, dueAt: deadline.dueAt, ...(unit ? { unitName: unit.name } : {}) } }
      : {}),
    now,
    notifiedBefore:
      notice.kind === ESCALATION && notice.deadlineId
        ? await notifiedBefore(database, notice.proposalId, notice.deadlineId, notice.level)
        : [],
    ...(content.note ? { note: content.note } : {}),
    ...(content.extension ? { extension: content.extension } : {}),
    ...(content.units ? { units: content.units.map((u) => ({ name: nameOf(u.unitId), role: u.role })) } : {}),
    ...(content.replies
      ? {
          replies: content.replies.map((r) => ({
            unitName: nameOf(r.unitId),
            classification: r.classification,
            text: r.text,
          })),
        }
      : {}),
    links: linksOf(settings, notice.proposalId, noticeId, person.id, now),
  };
}

/**
 * What of a stored notice's content (the machine's `notify` params) the message shows: the note, an extension
 * decision, the units it names, the replies it carries. All are optional, so older rows read with what they have;
 * content that does not parse shows none of them rather than guessing.
 */
function contentOf(value: unknown): NoticeContent {
  const parsed = notifyContentSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

const notifyContentSchema = notifyParamsSchema
  .pick({ note: true, extension: true, units: true, replies: true })
  .partial();
type NoticeContent = Partial<Pick<NotifyParams, "note" | "extension" | "units" | "replies">>;

/** The directory names of the units a notice mentions; a unit not in the directory shows by its id. */
async function unitNamesOf(database: Database, unitIds: string[]): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const units = await database.prisma.unit.findMany({
    where: { id: { in: [...new Set(unitIds)] } },
    select: { id: true, name: true },
  });
  return new Map(units.map((u) => [u.id, u.name]));
}

/** The message's links: the proposal, and an acknowledge link signed for this person when a secret is set. */
function linksOf(
  settings: Pick<EmailSettings, "publicBaseUrl" | "linkSecret">,
  proposalId: string,
  noticeId: string,
  personId: string,
  now: Date,
) {
  return {
    proposal: proposalLink(settings.publicBaseUrl, proposalId),
    ...(settings.linkSecret
      ? { acknowledge: ackLink(settings.publicBaseUrl, settings.linkSecret, noticeId, personId, now) }
      : {}),
  };
}

/** The people e-mailed about the same deadline at the due time and at lower escalation levels, by name. */
async function notifiedBefore(database: Database, proposalId: string, deadlineId: string, level: number) {
  const earlier = await database.prisma.notice.findMany({
    where: {
      proposalId,
      deadlineId,
      OR: [{ kind: DUE }, { kind: ESCALATION, level: { lt: level } }],
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
