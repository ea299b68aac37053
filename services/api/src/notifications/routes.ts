import type { Database, NoticeDelivery, Prisma } from "@huiyin/db";
import { Router } from "express";
import { z } from "zod";
import { callerOf } from "../auth/authenticate.ts";
import { refuse } from "../http/error-codes.ts";
import { parseQuery } from "../http/validate.ts";
import { deliveriesVisibleTo, deliveryView } from "./deliveries.ts";
import { inboxOf, inboxPage } from "./inbox.ts";
import { decodeCursor, encodeCursor } from "./recipients.ts";

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

/**
 * `GET /v1/notifications` (the caller's inbox, newest first) and `POST /v1/notifications/:id/ack`: the notices
 * with an inbox delivery addressed to whom the caller's key stands for (`inboxOf`), and no others.
 */
export function notificationRoutes(database: Database): Router {
  const router = Router();

  router.get("/notifications", async (request, response) => {
    const caller = callerOf(response);
    const query = parseQuery(inboxQuerySchema, request.query);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !after) {
      throw refuse("INVALID_QUERY", "The cursor is not one this API gave out.", {
        fields: [{ path: "cursor", message: "unknown cursor" }],
      });
    }
    const inbox = await inboxOf(database, caller);
    const found = await inboxPage(database, inbox, {
      ...(query.unacknowledged === undefined ? {} : { unacknowledged: query.unacknowledged }),
      ...(query.proposalId ? { proposalId: query.proposalId } : {}),
      ...(after ? { after } : {}),
      limit: query.limit + 1,
    });
    const page = found.slice(0, query.limit);
    const rows = await database.prisma.notice.findMany({
      where: { id: { in: page.map((row) => row.id) } },
      include: { deliveries: { orderBy: { id: "asc" } } },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const titles = await titlesOf(
      database,
      rows.map((row) => row.proposalId),
    );
    const items = page.flatMap(({ id, matched }) => {
      const notice = byId.get(id);
      return notice ? [noticeView(notice, deliveriesVisibleTo(caller, inbox, matched), titles)] : [];
    });
    const lastId = page.at(-1)?.id;
    const last = lastId === undefined ? undefined : byId.get(lastId);
    response.json({
      items,
      nextCursor: found.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
    });
  });

  router.post("/notifications/:id/ack", async (request, response) => {
    const caller = callerOf(response);
    const inbox = await inboxOf(database, caller);
    const [found] = await inboxPage(database, inbox, { noticeId: String(request.params.id), limit: 1 });
    // Someone else's notice is as absent as a notice that does not exist: 404, and nothing changes.
    if (!found) throw refuse("NOT_FOUND", `No notification ${request.params.id} in your inbox.`);
    // The first acknowledgement stands: a repeat (or a colleague's) changes nothing and answers the same.
    await database.prisma.notice.updateMany({
      where: { id: found.id, acknowledgedAt: null },
      data: { acknowledgedAt: new Date(), acknowledgedBy: `${caller.role}:${caller.actorId}` },
    });
    const acknowledged = await database.prisma.notice.findUniqueOrThrow({
      where: { id: found.id },
      include: { deliveries: { orderBy: { id: "asc" } } },
    });
    request.log.info({ proposalId: acknowledged.proposalId, noticeId: found.id }, "notification acknowledged");
    const titles = await titlesOf(database, [acknowledged.proposalId]);
    response.json(noticeView(acknowledged, deliveriesVisibleTo(caller, inbox, found.matched), titles));
  });

  return router;
}

/** The titles of the notices' proposals: an inbox names a proposal by its title, not its id. */
async function titlesOf(database: Database, proposalIds: readonly string[]): Promise<Map<string, string>> {
  if (proposalIds.length === 0) return new Map();
  const rows = await database.prisma.proposal.findMany({
    where: { id: { in: [...new Set(proposalIds)] } },
    select: { id: true, title: true },
  });
  return new Map(rows.map((row) => [row.id, row.title]));
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
  titles: ReadonlyMap<string, string>,
) {
  const content = (notice.content ?? {}) as Record<string, unknown>;
  return {
    id: notice.id,
    proposalId: notice.proposalId,
    proposalTitle: titles.get(notice.proposalId) ?? null,
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
