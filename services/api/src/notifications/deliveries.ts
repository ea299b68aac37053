import { type Database, type NoticeDelivery, Prisma } from "@huiyin/db";
import { DEFAULT_COMMITTEE } from "@huiyin/engine";
import { DELIVERY_CHANNELS } from "@huiyin/notify";
import { Router } from "express";
import { z } from "zod";
import { recordAudit, subjectOf } from "../audit/record.ts";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import { type Caller, grantsOf } from "../auth/keys.ts";
import { refuse } from "../http/error-codes.ts";
import { parseQuery } from "../http/validate.ts";
import type { ChannelRequeue } from "./channel-requeue.ts";
import type { EmailRequeue } from "./email-requeue.ts";
import type { Inbox } from "./inbox.ts";

/**
 * The states of a notice's delivery on one channel, as the notifier writes them (services/notifier/src/inbox.ts,
 * email.ts). An inbox delivery is `delivered` when it is written. An e-mail is reserved `queued`, claimed
 * `sending` for each attempt, and ends `delivered`, or `retrying` after a failure (BullMQ retries it with
 * backoff) and `dead` after a permanent refusal (SMTP 5xx, no address) or the last attempt: the dead letters.
 */
export const NOTICE_DELIVERY_STATUSES = ["queued", "sending", "retrying", "delivered", "dead"] as const;

/** One channel's delivery of a notice to one recipient (`role[:scope]` for the inbox, `person:<id>` for e-mail). */
export function deliveryView(row: NoticeDelivery) {
  return {
    id: row.id.toString(),
    channel: row.channel,
    recipient: row.recipient,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    lastError: row.lastError,
  };
}

/**
 * The deliveries of a notice in its inbox that a caller may see. Admin and staff (the back office) see all of
 * them; anyone else sees the inbox deliveries addressed to it (`matched`: the ones that put the notice into its
 * inbox, see `inboxOf`), those to its inbox labels, and the e-mails to the people it stands for (a leader key
 * `leader-9` sees the e-mail to whoever holds `leader:leader-9`), never a colleague's or another unit's.
 */
export function deliveriesVisibleTo(
  caller: Caller,
  inbox: Inbox,
  matched: readonly string[],
): ((delivery: NoticeDelivery) => boolean) | undefined {
  if (grantsOf(caller).some((grant) => grant.role === "admin" || grant.role === "staff")) return undefined;
  const ids = new Set(matched);
  const recipients = new Set([...inbox.labels, ...inbox.people]);
  return (delivery) => ids.has(delivery.id.toString()) || recipients.has(delivery.recipient);
}

/** `GET /v1/notice-deliveries`: newest first, `cursor` = the last id seen. */
export const noticeDeliveriesQuerySchema = z.strictObject({
  status: z.enum(NOTICE_DELIVERY_STATUSES).optional(),
  channel: z.enum(DELIVERY_CHANNELS).optional(),
  proposalId: z.string().min(1).max(100).optional(),
  noticeId: z.string().min(1).max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, "a delivery id")
    .optional(),
});

type NoticeRow = Prisma.NoticeGetPayload<{ include: { deliveries: true } }>;

/** A notice with every delivery, for the back office. */
function noticeDetailView(row: NoticeRow) {
  return {
    id: row.id,
    proposalId: row.proposalId,
    deadlineId: row.deadlineId,
    kind: row.kind,
    level: row.level,
    recipients: row.recipients,
    content: row.content,
    createdAt: row.createdAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: row.acknowledgedBy,
    deliveries: row.deliveries.map(deliveryView),
  };
}

const deliveryOrder = { id: "asc" } as const;

/**
 * The back office's view of delivery: `GET /v1/notices/:id` (a notice and all its deliveries) and
 * `GET /v1/notice-deliveries` (filtered, e.g. `status=dead`: the dead letters) for admin and staff, and
 * `POST /v1/notice-deliveries/:id/retry` (admin): a dead e-mail, SMS or robot message goes back on the notifier's
 * queue of its channel (`emails` only while the e-mail channel is on; `channels` always, as the notifier always
 * runs its channel worker).
 */
export function noticeDeliveryRoutes(
  database: Database,
  emails: EmailRequeue | undefined,
  channels: ChannelRequeue,
): Router {
  const router = Router();
  const backOffice = requireRole("admin", "staff");

  router.get("/notices/:id", backOffice, async (request, response) => {
    const id = String(request.params.id);
    const row = await database.prisma.notice.findUnique({
      where: { id },
      include: { deliveries: { orderBy: deliveryOrder } },
    });
    if (!row || !(await ofCommittee(database, row.proposalId, callerOf(response).committeeId))) {
      throw refuse("NOT_FOUND", `No notice ${id}.`);
    }
    response.json(noticeDetailView(row));
  });

  router.get("/notice-deliveries", backOffice, async (request, response) => {
    const query = parseQuery(noticeDeliveriesQuerySchema, request.query);
    // The page's ids in SQL, which can join a delivery to its proposal's committee (notices carry none).
    const conditions: Prisma.Sql[] = [
      Prisma.sql`COALESCE(p.committee_id, ${DEFAULT_COMMITTEE}) = ${callerOf(response).committeeId}`,
    ];
    if (query.status) conditions.push(Prisma.sql`d.status = ${query.status}`);
    if (query.channel) conditions.push(Prisma.sql`d.channel = ${query.channel}`);
    if (query.noticeId) conditions.push(Prisma.sql`d.notice_id = ${query.noticeId}`);
    if (query.proposalId) conditions.push(Prisma.sql`n.proposal_id = ${query.proposalId}`);
    if (query.cursor) conditions.push(Prisma.sql`d.id < ${BigInt(query.cursor)}`);
    const ids = await database.prisma.$queryRaw<{ id: bigint }[]>`
      SELECT d.id FROM notice_deliveries d
        JOIN notices n ON n.id = d.notice_id
        LEFT JOIN proposals p ON p.id = n.proposal_id
       WHERE ${Prisma.join(conditions, " AND ")}
       ORDER BY d.id DESC LIMIT ${query.limit + 1}`;
    const rows = await database.prisma.noticeDelivery.findMany({
      where: { id: { in: ids.map((row) => row.id) } },
      include: { notice: { select: { proposalId: true, kind: true, level: true } } },
      orderBy: { id: "desc" },
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    response.json({
      items: page.map(({ notice, ...row }) => ({ noticeId: row.noticeId, ...notice, ...deliveryView(row) })),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id.toString() ?? null) : null,
    });
  });

  router.post("/notice-deliveries/:id/retry", requireRole("admin"), async (request, response) => {
    const given = String(request.params.id);
    // Ids are bigints; one beyond their range names no delivery (and must not reach the database as an error).
    const id = /^\d{1,18}$/.test(given) ? BigInt(given) : undefined;
    const row =
      id === undefined
        ? null
        : await database.prisma.noticeDelivery.findUnique({ where: { id }, include: { notice: true } });
    if (!row || !(await ofCommittee(database, row.notice.proposalId, callerOf(response).committeeId))) {
      throw refuse("NOT_FOUND", `No notice delivery ${given}.`);
    }
    const log = request.log.child({ noticeId: row.noticeId, deliveryId: row.id.toString() });
    if (row.status === "delivered") {
      throw refuse("ALREADY_DELIVERED", "This delivery was delivered; there is nothing to retry.");
    }
    const channel = row.channel;
    // What a retry re-arms: the job that sends this row, on its channel's queue. The inbox is written, not sent.
    let requeue: () => Promise<string>;
    if (channel === "email" && row.recipient.startsWith("person:")) {
      if (!emails) throw refuse("EMAIL_CHANNEL_OFF", "The e-mail channel is off (SMTP_URL is not set).");
      requeue = () => emails.requeue(row.noticeId, row.recipient.slice("person:".length));
    } else if (channel === "sms" || channel === "wecom" || channel === "dingtalk") {
      requeue = () => channels.requeue({ noticeId: row.noticeId, channel, recipient: row.recipient });
    } else {
      throw refuse("NOT_RETRYABLE", `Deliveries on the ${row.channel} channel are not retried.`);
    }
    // The row first: the job the requeue wakes only sends a delivery it can claim (`queued`). A repeat finds it
    // queued (or already on its way) and only makes sure its job exists: the retry is idempotent and repairs a
    // requeue that failed after the row changed.
    const { count } = await database.prisma.$transaction(async (tx) => {
      const revived = await tx.noticeDelivery.updateMany({
        where: { id: row.id, status: "dead" },
        data: { status: "queued" },
      });
      if (revived.count > 0) {
        await recordAudit(tx, subjectOf(request, response), {
          action: "notice-delivery.retry",
          target: { type: "notice-delivery", id: row.id.toString() },
          details: { noticeId: row.noticeId, channel, recipient: row.recipient, previousError: row.lastError },
        });
      }
      return revived;
    });
    const outcome = await requeue();
    const notice = await database.prisma.notice.findUnique({ where: { id: row.noticeId } });
    log.info(
      { proposalId: notice?.proposalId, revived: count > 0, job: outcome, previousError: row.lastError },
      channel === "email" ? "dead e-mail requeued" : "dead channel message requeued",
    );
    const current = await database.prisma.noticeDelivery.findUniqueOrThrow({ where: { id: row.id } });
    response.status(202).json(deliveryView(current));
  });

  return router;
}

/**
 * Whether a notice's proposal is of the committee (notices carry no committee of their own). A notice whose
 * proposal row is gone is the default committee's, as everything was before there were several.
 */
async function ofCommittee(database: Database, proposalId: string, committeeId: string): Promise<boolean> {
  const found = await database.prisma.proposal.findUnique({ where: { id: proposalId }, select: { committeeId: true } });
  return (found?.committeeId ?? DEFAULT_COMMITTEE) === committeeId;
}
