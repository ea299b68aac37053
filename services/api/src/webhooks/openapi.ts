import { z } from "zod";
import {
  admin,
  anyObject,
  errors,
  type FeatureApi,
  idempotencyKey,
  instant,
  integer,
  json,
  nullableInstant,
  nullableString,
  page,
  pathParameter,
  queryParameters,
  ref,
} from "../http/openapi-kit.ts";
import { createWebhookSchema, DELIVERY_STATUSES, deliveriesQuerySchema, WEBHOOK_EVENT_CHOICES } from "./routes.ts";

const webhookShape = {
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_CHOICES)),
  createdAt: instant,
};

const Webhook = z.strictObject(webhookShape);

const WebhookDelivery = z.strictObject({
  id: z.string(),
  topic: z.string(),
  proposalId: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: integer,
  lastStatusCode: integer.nullable(),
  lastError: nullableString,
  createdAt: instant,
  lastAttemptAt: nullableInstant,
  deliveredAt: nullableInstant,
  payload: anyObject,
});

const id = pathParameter("id");

/** Webhook subscriptions and their deliveries (admin, integrator). */
export const webhooksApi: FeatureApi = {
  tags: [
    { name: "webhook-subscriptions", description: "Webhook subscriptions and their deliveries (admin, integrator)." },
  ],
  requests: { CreateWebhook: createWebhookSchema },
  responses: {
    Webhook,
    WebhookCreated: z.strictObject({ ...webhookShape, secret: z.string() }),
    WebhookList: z.strictObject({ items: z.array(Webhook) }),
    WebhookDelivery,
    WebhookDeliveryPage: page(WebhookDelivery),
  },
  paths: {
    "/v1/webhooks": {
      post: {
        operationId: "createWebhook",
        tags: ["webhook-subscriptions"],
        summary:
          "Subscribe a URL to webhook topics (admin, integrator). The signing secret is in this answer only; deliveries carry Huiyin-Signature: t=<unix>,v1=<hex HMAC-SHA256 of `<t>.<body>`>.",
        parameters: [idempotencyKey],
        requestBody: { required: true, ...json(ref("CreateWebhook")) },
        responses: {
          "201": { description: "The subscription and its secret, once.", ...json(ref("WebhookCreated")) },
          ...errors(
            ...admin,
            422,
            "WEBHOOK_URL_FORBIDDEN",
            "INVALID_IDEMPOTENCY_KEY",
            "IDEMPOTENCY_KEY_REUSED",
            "IDEMPOTENCY_IN_PROGRESS",
          ),
        },
      },
      get: {
        operationId: "listWebhooks",
        tags: ["webhook-subscriptions"],
        summary: "The key's webhook subscriptions (an admin sees all), without secrets.",
        responses: { "200": { description: "The subscriptions.", ...json(ref("WebhookList")) }, ...errors(...admin) },
      },
    },
    "/v1/webhooks/{id}": {
      get: {
        operationId: "getWebhook",
        tags: ["webhook-subscriptions"],
        summary: "One webhook subscription.",
        parameters: [id],
        responses: { "200": { description: "The subscription.", ...json(ref("Webhook")) }, ...errors(...admin, 404) },
      },
      delete: {
        operationId: "deleteWebhook",
        tags: ["webhook-subscriptions"],
        summary: "Delete a subscription: nothing more is sent to it, pending deliveries are cancelled.",
        parameters: [id],
        responses: { "204": { description: "Deleted." }, ...errors(...admin, 404) },
      },
    },
    "/v1/webhooks/{id}/deliveries": {
      get: {
        operationId: "listWebhookDeliveries",
        tags: ["webhook-subscriptions"],
        summary: "The subscription's deliveries, newest first: status, attempts, last status code and error.",
        parameters: [id, ...queryParameters(deliveriesQuerySchema)],
        responses: {
          "200": { description: "A page: items and nextCursor.", ...json(ref("WebhookDeliveryPage")) },
          ...errors(...admin, 404),
        },
      },
    },
  },
};
