import type { Database, NoticeDelivery, Prisma } from "@huiyin/db";
import { Router } from "express";
import { z } from "zod";
import { callerOf } from "../auth/authenticate.ts";
import type { Caller } from "../auth/keys.ts";
import { HttpError } from "../http/errors.ts";
import { parseQuery } from "../http/validate.ts";
import { deliveriesVisibleTo, deliveryView } from "./deliveries.ts";
import { decodeCursor, encodeCursor, inboxNamesOf } from "./recipients.ts";

export const inboxQuerySchema = z.strictObject({
  /** Only notices nobody has acknowledged yet. */
  unacknowledged: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  proposalId: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(400).optional(),
});

/** The notices delivered to one of the caller's inboxes. */
function inboxWhere(caller: Caller): Prisma.NoticeWhereInput {
  return { deliveries: { some: { channel: "inbox", recipient: { in: inboxNamesOf(caller) } } } };
}

/** `GET /v1/notifications` (the caller's inbox, newest first) and `POST /v1/notifications/:id/ack`. */
export function notificationRoutes(database: Database): Router {
  const router = Router();

  router.get("/notifications", async (request, response) => {
    const caller = callerOf(response);
    const query = parseQuery(inboxQuerySchema, request.query);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !after) {
      throw new HttpError(400, "INVALID_QUERY", "The cursor is not one this API gave out.", {
        fields: [{ path: "cursor", message: "unknown cursor" }],
      });
    }
    const filters: Prisma.NoticeWhereInput[] = [inboxWhere(caller)];
    if (query.unacknowledged !== undefined) {
      filters.push({ acknowledgedAt: query.unacknowledged ? null : { not: null } });
    }
    if (query.proposalId) filters.push({ proposalId: query.proposalId });
    if (after) {
      filters.push({
        OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
      });
    }
    const rows = await database.prisma.notice.findMany({
      where: { AND: filters },
      include: { deliveries: { orderBy: { id: "asc" } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const visible = await deliveriesVisibleTo(database, caller);
    response.json({
      items: page.map((notice) => noticeView(notice, visible)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
    });
  });

  router.post("/notifications/:id/ack", async (request, response) => {
    const caller = callerOf(response);
    const where = { AND: [{ id: request.params.id }, inboxWhere(caller)] };
    const notice = await database.prisma.notice.findFirst({ where });
    if (!notice) throw new HttpError(404, "NOT_FOUND", `No notification ${request.params.id} in your inbox.`);
    // The first acknowledgement stands: a repeat (or a colleague's) changes nothing and answers the same.
    await database.prisma.notice.updateMany({
      where: { id: notice.id, acknowledgedAt: null },
      data: { acknowledgedAt: new Date(), acknowledgedBy: `${caller.role}:${caller.actorId}` },
    });
    const acknowledged = await database.prisma.notice.findUniqueOrThrow({
      where: { id: notice.id },
      include: { deliveries: { orderBy: { id: "asc" } } },
    });
    request.log.info({ proposalId: notice.proposalId, noticeId: notice.id }, "notification acknowledged");
    response.json(noticeView(acknowledged, await deliveriesVisibleTo(database, caller)));
  });

  return router;
}

/** A notice as its recipients see it, with the deliveries `visible` lets through (all when undefined). */
function noticeView(
  notice: {
    id: string;
    proposalId: string;
    deadlineId: string | null;
    kind: string;
    level: number;
    recipients: Prisma.JsonValue;
    content: Prisma.JsonValue;
    createdAt: Date;
    acknowledgedAt: Date | null;
    acknowledgedBy: string | null;
    deliveries: NoticeDelivery[];
  },
  visible: ((delivery: NoticeDelivery) => boolean) | undefined,
) {
  const content = (notice.content ?? {}) as Record<string, unknown>;
  return {
    id: notice.id,
    proposalId: notice.proposalId,
    deadlineId: notice.deadlineId,
    kind: notice.kind,
    topic: typeof content.topic === "string" ? content.topic : notice.kind,
    level: notice.level,
    content,
    createdAt: notice.createdAt.toISOString(),
    acknowledgedAt: notice.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: notice.acknowledgedBy,
    deliveries: (visible ? notice.deliveries.filter(visible) : notice.deliveries).map(deliveryView),
  };
}
