import { randomBytes } from "node:crypto";
import type { Database, Prisma } from "@huiyin/db";
import {
  type Clock,
  type DestinationPolicy,
  type Keyring,
  newWebhookSecret,
  pingWebhook,
  redeliverWebhook,
  sealSecret,
  systemClock,
  vetDestination,
  WEBHOOK_TOPICS,
} from "@huiyin/engine";
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

/** `PATCH /v1/webhooks/:id`: a new URL (vetted like a new one), new topics, or both. */
export const updateWebhookSchema = z
  .strictObject({ url: httpUrl.optional(), events: createWebhookSchema.shape.events.optional() })
  .refine((body) => body.url !== undefined || body.events !== undefined, "url, events or both");

/** The longest overlap a rotation may ask for: a week, for receivers deployed by a slow change process. */
export const MAX_ROTATION_OVERLAP_S = 7 * 24 * 3600;

/** `POST /v1/webhooks/:id/secret`: how long the replaced secret still signs (both sign meanwhile); a day by default. */
export const rotateSecretSchema = z.strictObject({
  overlapSeconds: z
    .number()
    .int()
    .min(0)
    .max(MAX_ROTATION_OVERLAP_S)
    .default(24 * 3600),
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
    // Until then the secret a rotation replaced still signs deliveries (beside the current one); null otherwise.
    previousSecretExpiresAt:
      row.previousSecretExpiresAt && row.previousSecretSealed !== null
        ? row.previousSecretExpiresAt.toISOString()
        : null,
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
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    redeliveryOf: row.redeliveryOf,
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

/** `ownedWhere` within the caller's committee: what the routes added for issue 17 read. */
function scopedWhere(caller: Caller): Prisma.WebhookSubscriptionWhereInput {
  return { AND: [ownedWhere(caller), { committeeId: caller.committeeId }] };
}

export interface WebhookRoutesDeps {
  /** The outbound policy (WEBHOOK_ALLOWED_DESTINATIONS, DNS): a URL it refuses is not registered. */
  destinations: DestinationPolicy;
  /** Seals the signing secret before it is stored (SECRETS_ENCRYPTION_KEYS). */
  keyring: Keyring;
  /** How long an Idempotency-Key is held for a running request (the default lease when absent). */
  lease?: IdempotencyLease | undefined;
  /** The time of pings, rotations and redeliveries (the system clock unless a test sets it). */
  clock?: Clock;
  /** How long a ping's receiver may take to answer. */
  pingTimeoutMs?: number;
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

  const clock = deps.clock ?? systemClock;

  async function findScoped(request: Request, response: Response): Promise<WebhookSubscription> {
    const id = String(request.params.id);
    const row = await database.prisma.webhookSubscription.findFirst({
      where: { AND: [{ id }, scopedWhere(callerOf(response))] },
    });
    if (!row) throw refuse("NOT_FOUND", `No webhook subscription ${id}.`);
    return row;
  }

  /** A URL the outbound policy refuses is not registered (a name that does not resolve yet is: see create). */
  async function vetOrRefuse(url: string) {
    const vetted = await vetDestination(url, deps.destinations);
    if (!vetted.ok && vetted.reason === "forbidden")
      throw refuse(
        "WEBHOOK_URL_FORBIDDEN",
        "Webhooks may go only to public addresses: this URL's host is, or resolves to, a loopback, private, link-local, multicast or reserved address.",
      );
  }

  router.post("/webhooks", allowed, async (request, response) => {
    const caller = callerOf(response);
    // The answer holds the new secret: kept sealed in the idempotency table, opened for a replay.
    const store = { database, lease: deps.lease, keyring: deps.keyring };
    await respondOnce(store, caller, request, response, async () => {
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
        secretFields: ["secret"],
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

  router.patch("/webhooks/:id", allowed, async (request, response) => {
    const row = await findScoped(request, response);
    const body = parseBody(updateWebhookSchema, request.body);
    if (body.url !== undefined) await vetOrRefuse(body.url);
    const updated = await database.prisma.$transaction(async (tx) => {
      const updated = await tx.webhookSubscription.update({
        where: { id: row.id },
        data: { ...(body.url !== undefined ? { url: body.url } : {}), ...(body.events ? { events: body.events } : {}) },
      });
      await recordAudit(tx, subjectOf(request, response), {
        action: "webhook.update",
        target: { type: "webhook", id: row.id },
        details: { before: { url: row.url, events: row.events }, after: { url: updated.url, events: updated.events } },
      });
      return updated;
    });
    // Deliveries still to send go to the new URL: every attempt reads the subscription's URL then.
    request.log.info({ webhookId: row.id, events: updated.events }, "webhook updated");
    response.json(subscriptionView(updated));
  });

  router.post("/webhooks/:id/secret", allowed, async (request, response) => {
    const found = await findScoped(request, response);
    const body = parseBody(rotateSecretSchema, request.body ?? {});
    const { secret, sealed } = newWebhookSecret(deps.keyring, found.id);
    const now = clock.now();
    const previousSecretExpiresAt = new Date(now.getTime() + body.overlapSeconds * 1000);
    const updated = await database.prisma.$transaction(async (tx) => {
      // Under the row's lock: two rotations at once keep a chain (each replaces the secret the other left).
      await tx.$queryRaw`SELECT 1 FROM webhook_subscriptions WHERE id = ${found.id} FOR UPDATE`;
      const row = await tx.webhookSubscription.findUniqueOrThrow({ where: { id: found.id } });
      // The replaced secret stays sealed (a clear one from before sealing is sealed now).
      const previous = row.secretSealed ?? (row.secret !== null ? sealSecret(deps.keyring, row.secret, row.id) : null);
      const updated = await tx.webhookSubscription.update({
        where: { id: row.id },
        data: {
          secret: null,
          secretSealed: sealed,
          previousSecretSealed: body.overlapSeconds > 0 ? previous : null,
          previousSecretExpiresAt: body.overlapSeconds > 0 ? previousSecretExpiresAt : null,
        },
      });
      // That it happened and for how long both sign, never a secret.
      await recordAudit(tx, subjectOf(request, response), {
        action: "webhook.secret-rotate",
        target: { type: "webhook", id: row.id },
        details: {
          overlapSeconds: body.overlapSeconds,
          previousSecretExpiresAt: previousSecretExpiresAt.toISOString(),
        },
      });
      return updated;
    });
    request.log.info({ webhookId: found.id, overlapSeconds: body.overlapSeconds }, "webhook secret rotated");
    response.json({ ...subscriptionView(updated), secret });
  });

  router.post("/webhooks/:id/ping", allowed, async (request, response) => {
    const row = await findScoped(request, response);
    const delivery = await pingWebhook(
      {
        db: database,
        logger: request.log,
        clock,
        destinations: deps.destinations,
        keyring: deps.keyring,
        timeoutMs: deps.pingTimeoutMs ?? 10_000,
      },
      row,
    );
    await database.prisma.$transaction((tx) =>
      recordAudit(tx, subjectOf(request, response), {
        action: "webhook.ping",
        target: { type: "webhook", id: row.id },
        details: { deliveryId: delivery.id, status: delivery.status, lastStatusCode: delivery.lastStatusCode },
      }),
    );
    response.json(deliveryView(delivery));
  });

  router.post("/webhook-deliveries/:id/redeliver", allowed, async (request, response) => {
    const caller = callerOf(response);
    await respondOnce({ database, lease: deps.lease }, caller, request, response, async () => {
      const id = String(request.params.id);
      const original = await database.prisma.webhookDelivery.findFirst({
        where: { id, subscription: scopedWhere(caller) },
      });
      if (!original) throw refuse("NOT_FOUND", `No webhook delivery ${id}.`);
      const row = await database.prisma.$transaction(async (tx) => {
        const row = await redeliverWebhook(tx, original, clock.now());
        await recordAudit(tx, subjectOf(request, response), {
          action: "webhook.redeliver",
          target: { type: "webhook", id: original.subscriptionId },
          details: { deliveryId: original.id, redeliveryId: row.id, previousStatus: original.status },
        });
        return row;
      });
      request.log.info({ deliveryId: original.id, redeliveryId: row.id }, "webhook redelivery queued");
      return { status: 202, body: deliveryView(row) };
    });
  });

  return router;
}
