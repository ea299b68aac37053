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
import {
  createWebhookSchema,
  DELIVERY_STATUSES,
  deliveriesQuerySchema,
  rotateSecretSchema,
  updateWebhookSchema,
  WEBHOOK_EVENT_CHOICES,
} from "./routes.ts";

const webhookShape = {
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_CHOICES)),
  createdAt: instant,
  previousSecretExpiresAt: nullableInstant.describe(
    "Until then the secret the last rotation replaced still signs deliveries, beside the current one.",
  ),
};

const Webhook = z.strictObject(webhookShape);

const WebhookDelivery = z.strictObject({
  id: z.string(),
  topic: z.string(),
  proposalId: nullableString.describe("Null for a test ping."),
  status: z.enum(DELIVERY_STATUSES),
  attempts: integer,
  lastStatusCode: integer.nullable(),
  lastError: nullableString,
  createdAt: instant,
  lastAttemptAt: nullableInstant,
  nextAttemptAt: nullableInstant.describe("When a `retrying` delivery is tried next."),
  deliveredAt: nullableInstant,
  redeliveryOf: nullableString.describe("The delivery this one sends again."),
  payload: anyObject,
});

/** What every webhook body has: the message id (also `webhook-id`), the topic, when it happened, the topic's data. */
const envelope = <Topic extends string, Data extends z.ZodRawShape>(topic: Topic, data: Data) =>
  z.strictObject({
    id: z.string().describe("The message id: the same in every attempt and redelivery (also `webhook-id`)."),
    topic: z.literal(topic),
    occurredAt: instant,
    data: z.strictObject(data),
  });

const proposalRef = {
  proposalId: z.string(),
  seq: integer.describe("The history entry of the event (GET /v1/proposals/{id}/history shows it as the key may)."),
};

const WebhookProposalStage = envelope("proposal.stage", { ...proposalRef, stage: z.string() });
const WebhookProposalClosed = envelope("proposal.closed", {
  ...proposalRef,
  stage: z.literal("closed"),
  reason: z.string().describe("Why it closed (completed, withdrawn, rejected, merged, ...)."),
});
const WebhookDeadlineEscalated = envelope("deadline.escalated", {
  ...proposalRef,
  deadlineId: z.string().optional(),
  deadlineKind: z.string().optional(),
  level: integer.optional(),
  recipientRole: z.string().optional(),
}).describe(
  "An admin's subscription receives every field; an integrator's only proposalId and seq (an escalation is the committee's supervision of a unit).",
);
const WebhookPing = envelope("webhook.ping", { webhookId: z.string() });

/** The headers of every webhook request. */
const deliveryHeaders = [
  ["webhook-id", "Standard Webhooks: the message id (the body's `id`)."],
  ["webhook-timestamp", "Standard Webhooks: unix seconds of this attempt."],
  [
    "webhook-signature",
    "Standard Webhooks: `v1,<base64 HMAC-SHA256 of <webhook-id>.<webhook-timestamp>.<body>>` keyed with the bytes of the secret after `whsec_` (base64); one per valid secret, space-separated, during a rotation's overlap.",
  ],
  [
    "huiyin-signature",
    "`t=<unix>,v1=<hex HMAC-SHA256 of <t>.<body>>` keyed with the secret string as shown; one `v1` per valid secret during a rotation's overlap.",
  ],
  ["huiyin-delivery", "The delivery's id (GET /v1/webhooks/{id}/deliveries)."],
  ["huiyin-topic", "The topic."],
].map(([name, description]) => ({ name, in: "header", required: true, description, schema: { type: "string" } }));

const hook = (operationId: string, component: string, summary: string) => ({
  post: {
    operationId,
    tags: ["webhook-payloads"],
    summary,
    parameters: deliveryHeaders,
    requestBody: { required: true, ...json(ref(component)) },
    responses: {
      "200": {
        description:
          "Any 2xx: delivered. Anything else, a timeout (10 s) or no answer: tried again after 5 s, 1 min, 10 min, 1 h, 3 h, 6 h and 12 h, then `failed`.",
      },
    },
  },
});

const id = pathParameter("id");

/** Webhook subscriptions and their deliveries (admin, integrator). */
export const webhooksApi: FeatureApi = {
  tags: [
    { name: "webhook-subscriptions", description: "Webhook subscriptions and their deliveries (admin, integrator)." },
    {
      name: "webhook-payloads",
      description:
        "What huiyin POSTs to a subscription's URL, by topic (the document's `webhooks`). Verify with any Standard Webhooks library.",
    },
  ],
  requests: {
    CreateWebhook: createWebhookSchema,
    UpdateWebhook: updateWebhookSchema,
    RotateWebhookSecret: rotateSecretSchema,
  },
  responses: {
    Webhook,
    WebhookCreated: z.strictObject({ ...webhookShape, secret: z.string() }),
    WebhookList: z.strictObject({ items: z.array(Webhook) }),
    WebhookDelivery,
    WebhookDeliveryPage: page(WebhookDelivery),
    WebhookSecretRotated: z.strictObject({ ...webhookShape, secret: z.string() }),
    WebhookProposalStage,
    WebhookProposalClosed,
    WebhookDeadlineEscalated,
    WebhookPing,
  },
  webhooks: {
    "proposal.stage": hook("onProposalStage", "WebhookProposalStage", "A proposal entered a stage."),
    "proposal.closed": hook("onProposalClosed", "WebhookProposalClosed", "A proposal closed, and why."),
    "deadline.escalated": hook("onDeadlineEscalated", "WebhookDeadlineEscalated", "An overdue deadline escalated."),
    "webhook.ping": hook("onWebhookPing", "WebhookPing", "A test ping (POST /v1/webhooks/{id}/ping)."),
  },
  paths: {
    "/v1/webhooks": {
      post: {
        operationId: "createWebhook",
        tags: ["webhook-subscriptions"],
        summary:
          "Subscribe a URL to webhook topics (admin, integrator). The signing secret (`whsec_<base64>`) is in this answer only; deliveries are signed in the Standard Webhooks format (webhook-id, webhook-timestamp, webhook-signature) and with Huiyin-Signature: t=<unix>,v1=<hex HMAC-SHA256 of `<t>.<body>`>. The payloads are under the document's `webhooks`.",
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
            "IDEMPOTENT_ANSWER_SEALED",
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
      patch: {
        operationId: "updateWebhook",
        tags: ["webhook-subscriptions"],
        summary:
          "Change a subscription's URL, topics or both; a new URL is checked against the outbound policy as at creation. Deliveries still to send go to the new URL.",
        parameters: [id],
        requestBody: { required: true, ...json(ref("UpdateWebhook")) },
        responses: {
          "200": { description: "The subscription.", ...json(ref("Webhook")) },
          ...errors(...admin, 404, 422, "WEBHOOK_URL_FORBIDDEN"),
        },
      },
    },
    "/v1/webhooks/{id}/secret": {
      post: {
        operationId: "rotateWebhookSecret",
        tags: ["webhook-subscriptions"],
        summary:
          "Rotate the signing secret: the new one is in this answer only; the old one still signs (beside the new) for overlapSeconds (a day by default, 0 to stop at once).",
        parameters: [id],
        requestBody: { required: false, ...json(ref("RotateWebhookSecret")) },
        responses: {
          "200": { description: "The subscription and its new secret, once.", ...json(ref("WebhookSecretRotated")) },
          ...errors(...admin, 404, 422),
        },
      },
    },
    "/v1/webhooks/{id}/ping": {
      post: {
        operationId: "pingWebhook",
        tags: ["webhook-subscriptions"],
        summary:
          "Send a signed `webhook.ping` now (one attempt, no retries) and answer with its delivery: delivered, or failed with the status code or problem.",
        parameters: [id],
        responses: {
          "200": { description: "The ping's delivery.", ...json(ref("WebhookDelivery")) },
          ...errors(...admin, 404),
        },
      },
    },
    "/v1/webhook-deliveries/{id}/redeliver": {
      post: {
        operationId: "redeliverWebhook",
        tags: ["webhook-subscriptions"],
        summary:
          "Send a delivery again: a new delivery of the same message (same body and webhook-id) with a fresh round of attempts.",
        parameters: [id, idempotencyKey],
        responses: {
          "202": { description: "The new delivery, pending.", ...json(ref("WebhookDelivery")) },
          ...errors(...admin, 404, "INVALID_IDEMPOTENCY_KEY", "IDEMPOTENCY_KEY_REUSED", "IDEMPOTENCY_IN_PROGRESS"),
        },
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
