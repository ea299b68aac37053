import { randomBytes } from "node:crypto";
import type { Database, Prisma } from "@huiyin/db";
import { type DestinationPolicy, type Keyring, newWebhookSecret, vetDestination, WEBHOOK_TOPICS } from "@huiyin/engine";
import { type Request, type Response, Router } from "express";
import { z } from "zod";
import { recordAudit, subjectOf } from "../audit/record.ts";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import type { Caller } from "../auth/keys.ts";
import { scopedToCommittee } from "../committees/scope.ts";
import { refuse } from "../http/error-codes.ts";
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

/**
 * An admin sees every subscription of its committee; an integrator its own there. Deleted ones are gone from the
 * API.
 */
function ownedWhere(caller: Caller): Prisma.WebhookSubscriptionWhereInput {
  return caller.role === "admin"
    ? { deletedAt: null, ...scopedToCommittee(caller) }
    : { deletedAt: null, ownerRole: caller.role, ownerId: caller.actorId, ...scopedToCommittee(caller) };
}

export interface WebhookRoutesDeps {
  /** The outbound policy (WEBHOOK_ALLOWED_DESTINATIONS, DNS): a URL it refuses is not registered. */
  destinations: DestinationPolicy;
  /** Seals the signing secret before it is stored (SECRETS_ENCRYPTION_KEYS). */
  keyring: Keyring;
  /** How long an Idempotency-Key is held for a running request (the default lease when absent). */
  lease?: IdempotencyLease | undefined;
}

/**
 * Webhook subscriptions (admin, integrator). Deliveries are written by the engine in the transaction of each event
 * and POSTed by the worker, signed with the subscription's secret (see the README, "Webhooks").
 */
export function webhookRoutes(database: Database, deps: WebhookRoutesDeps): Router {
  const router = Router();
  const allowed = requireRole("admin", "integrator");

  async function findOwned(request: Request, response: Response): Promise<WebhookSubscription> {
    const id = String(request.params.id);
    const row = await database.prisma.webhookSubscription.findFirst({
      where: { AND: [{ id }, ownedWhere(callerOf(response))] },
    });
    if (!row) throw refuse("NOT_FOUND", `No webhook subscription ${id}.`);
    return row;
  }

  router.post("/webhooks", allowed, async (request, response) => {
    const caller = callerOf(response);
    await respondOnce({ database, lease: deps.lease }, caller, request, response, async () => {
      const body = parseBody(createWebhookSchema, request.body);
      // A host that is, or resolves to, an address the worker may not call is refused now, whatever the
      // spelling. A name that does not resolve yet is accepted: the worker checks again at every delivery.
      const vetted = await vetDestination(body.url, deps.destinations);
      if (!vetted.ok && vetted.reason === "forbidden")
        throw refuse(
          "WEBHOOK_URL_FORBIDDEN",
          "Webhooks may go only to public addresses: this URL's host is, or resolves to, a loopback, private, link-local, multicast or reserved address.",
        );
      const id = `wh_${randomBytes(12).toString("hex")}`;
      const { secret, sealed } = newWebhookSecret(deps.keyring, id);
      const row = await database.prisma.$transaction(async (tx) => {
        const row = await tx.webhookSubscription.create({
          data: {
            id,
            url: body.url,
            events: body.events,
            secretSealed: sealed,
            ownerRole: caller.role,
            ownerId: caller.actorId,
            createdBy: caller.keyId,
            committeeId: caller.committeeId,
          },
        });
        // The URL and topics, never the secret.
        await recordAudit(tx, subjectOf(request, response), {
          action: "webhook.subscribe",
          target: { type: "webhook", id },
          details: { url: row.url, events: row.events },
        });
        return row;
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
    await database.prisma.$transaction(async (tx) => {
      const { count } = await tx.webhookSubscription.updateMany({
        where: { id: row.id, deletedAt: null },
        data: { deletedAt: new Date() },
      });
      if (count > 0) {
        await recordAudit(tx, subjectOf(request, response), {
          action: "webhook.unsubscribe",
          target: { type: "webhook", id: row.id },
          details: { url: row.url },
        });
      }
    });
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
      if (!last) throw refuse("INVALID_QUERY", "The cursor is not a delivery of this subscription.");
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
