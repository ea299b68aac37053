import { randomBytes } from "node:crypto";
import type { Database, Prisma } from "@huiyin/db";
import { WEBHOOK_TOPICS } from "@huiyin/engine";
import { type Request, type Response, Router } from "express";
import { z } from "zod";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import type { Caller } from "../auth/keys.ts";
import { HttpError } from "../http/errors.ts";
import { type IdempotencyLease, respondOnce } from "../http/idempotency.ts";
import { parseBody, parseQuery } from "../http/validate.ts";

const httpUrl = z
  .string()
  .max(2_000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "an absolute http(s) URL without credentials");

// The row types, through Prisma (the db package exports the models other packages use by name).
type WebhookSubscription = Prisma.WebhookSubscriptionGetPayload<Record<string, never>>;
type WebhookDelivery = Prisma.WebhookDeliveryGetPayload<Record<string, never>>;

export const WEBHOOK_EVENT_CHOICES = [...WEBHOOK_TOPICS, "*"] as const;

/** `POST /v1/webhooks`. */
export const createWebhookSchema = z.strictObject({
  url: httpUrl,
  /** Topics to receive; `*` for every topic, present and future. */
  events: z
    .array(z.enum(WEBHOOK_EVENT_CHOICES))
    .min(1)
    .max(WEBHOOK_EVENT_CHOICES.length)
    .transform((events) => [...new Set(events)]),
  description: z.string().trim().min(1).max(200).optional(),
});

export const DELIVERY_STATUSES = ["pending", "retrying", "delivered", "failed", "cancelled"] as const;

/** `GET /v1/webhooks/:id/deliveries`: newest first, `cursor` = the last id seen. */
export const deliveriesQuerySchema = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(300).optional(),
});

/** A subscription as the API shows it: never its secret (that is in the creation answer only). */
export function subscriptionView(row: WebhookSubscription) {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    createdAt: row.createdAt.toISOString(),
  };
}

export function deliveryView(row: WebhookDelivery) {
  return {
    id: row.id,
    topic: row.topic,
    proposalId: row.proposalId,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    payload: row.payload,
  };
}

/** An admin sees every subscription; an integrator its own. Deleted ones are gone from the API. */
function ownedWhere(caller: Caller): Prisma.WebhookSubscriptionWhereInput {
  return caller.role === "admin"
    ? { deletedAt: null }
    : { deletedAt: null, ownerRole: caller.role, ownerId: caller.actorId };
}

/**
 * Webhook subscriptions (admin, integrator). Deliveries are written by the engine in the transaction of each event
 * and POSTed by the worker, signed with the subscription's secret (see the README, "Webhooks").
 */
export function webhookRoutes(database: Database, lease?: IdempotencyLease): Router {
  const router = Router();
  const allowed = requireRole("admin", "integrator");

  async function findOwned(request: Request, response: Response): Promise<WebhookSubscription> {
    const id = String(request.params.id);
    const row = await database.prisma.webhookSubscription.findFirst({
      where: { AND: [{ id }, ownedWhere(callerOf(response))] },
    });
    if (!row) throw new HttpError(404, "NOT_FOUND", `No webhook subscription ${id}.`);
    return row;
  }

  router.post("/webhooks", allowed, async (request, response) => {
    const caller = callerOf(response);
    await respondOnce({ database, lease }, caller, request, response, async () => {
      const body = parseBody(createWebhookSchema, request.body);
      const secret = `whsec_${randomBytes(32).toString("base64url")}`;
      const row = await database.prisma.webhookSubscription.create({
        data: {
          id: `wh_${randomBytes(12).toString("hex")}`,
          url: body.url,
          events: body.events,
          secret,
          ownerRole: caller.role,
          ownerId: caller.actorId,
          createdBy: caller.keyId,
        },
      });
      request.log.info({ webhookId: row.id, events: row.events }, "webhook subscribed");
      return {
        status: 201,
        body: { ...subscriptionView(row), secret },
        headers: { Location: `/v1/webhooks/${row.id}` },
      };
    });
  });

  router.get("/webhooks", allowed, async (_request, response) => {
    const rows = await database.prisma.webhookSubscription.findMany({
      where: ownedWhere(callerOf(response)),
      orderBy: { createdAt: "asc" },
    });
    response.json({ items: rows.map(subscriptionView) });
  });

  router.get("/webhooks/:id", allowed, async (request, response) => {
    response.json(subscriptionView(await findOwned(request, response)));
  });

  router.delete("/webhooks/:id", allowed, async (request, response) => {
    const row = await findOwned(request, response);
    await database.prisma.webhookSubscription.update({ where: { id: row.id }, data: { deletedAt: new Date() } });
    request.log.info({ webhookId: row.id }, "webhook deleted");
    response.status(204).end();
  });

  router.get("/webhooks/:id/deliveries", allowed, async (request, response) => {
    const row = await findOwned(request, response);
    const query = parseQuery(deliveriesQuerySchema, request.query);
    const where: Prisma.WebhookDeliveryWhereInput = {
      subscriptionId: row.id,
      ...(query.status ? { status: query.status } : {}),
    };
    if (query.cursor) {
      const last = await database.prisma.webhookDelivery.findFirst({
        where: { id: query.cursor, subscriptionId: row.id },
      });
      if (!last) throw new HttpError(400, "INVALID_QUERY", "The cursor is not a delivery of this subscription.");
      where.OR = [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }];
    }
    const rows = await database.prisma.webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    response.json({
      items: page.map(deliveryView),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    });
  });

  return router;
}
