import { proposalEventSchema } from "@huiyin/domain";
import { z } from "zod";
import { createApiKeySchema } from "../auth/api-keys.ts";
import { inboxQuerySchema } from "../notifications/routes.ts";
import { createProposalSchema, historyQuerySchema, listQuerySchema } from "../proposals/schemas.ts";
import { createWebhookSchema, deliveriesQuerySchema } from "../webhooks/routes.ts";
import { RESPONSE_SCHEMAS } from "./openapi-responses.ts";

type JsonSchema = Record<string, unknown>;

/** A request schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as clients send it (`io: "input"`). */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" });
  return rest;
}

/** Each property of a query schema as one `in: query` parameter. */
function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = jsonSchemaOf(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ content: { "application/json": { schema } } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { description: ERROR_MEANINGS[status] ?? "Refused.", ...json(ref("Error")) },
    ]),
  );

const ERROR_MEANINGS: Record<number, string> = {
  400: "Malformed JSON, query or header (MALFORMED_JSON, INVALID_QUERY, INVALID_IF_MATCH, INVALID_IDEMPOTENCY_KEY).",
  401: "No API key, or an unknown or revoked one (UNAUTHENTICATED).",
  403: "The key's role may not do this (FORBIDDEN; details.reason carries the machine's code).",
  404: "No such resource, or one the key may not see (NOT_FOUND).",
  409: "The event is not allowed in the current state (EVENT_NOT_ALLOWED or the machine's rule code; details: stage, state, allowedEvents), or IDEMPOTENCY_IN_PROGRESS.",
  412: "If-Match names an older version (VERSION_MISMATCH; details.currentVersion).",
  413: "The body is larger than the limit (PAYLOAD_TOO_LARGE).",
  422: "The body is invalid (VALIDATION_FAILED; details.fields), or an Idempotency-Key reused for another request.",
  429: "The key spent its request budget (RATE_LIMITED; Retry-After).",
};

const proposalId = { name: "id", in: "path", required: true, schema: { type: "string" } };
const common = [401, 429];

const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description: "A repeat with the same key returns the first answer and applies nothing.",
  schema: { type: "string", maxLength: 200 },
};

/**
 * The OpenAPI 3.1 description of the API, generated from the same zod schemas that validate the requests, so
 * the two cannot drift. Built once per process.
 */
export function openApiDocument(): JsonSchema {
  return {
    openapi: "3.1.0",
    info: {
      title: "huiyin (回音) API",
      version: "1",
      description:
        "Proposals (提案) and their workflow 提·立·办·督·评. Send an API key as `Authorization: Bearer <key>`. Every error is `{ error: { code, message, details } }`.",
    },
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API key (hy_…)." } },
      schemas: {
        CreateProposal: jsonSchemaOf(createProposalSchema),
        ProposalEvent: jsonSchemaOf(proposalEventSchema),
        CreateApiKey: jsonSchemaOf(createApiKeySchema),
        CreateWebhook: jsonSchemaOf(createWebhookSchema),
        ...RESPONSE_SCHEMAS,
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
            },
          },
        },
      },
    },
    paths: {
      "/v1/proposals": {
        post: {
          summary: "Create a proposal (a draft, or submitted at once with submit: true).",
          parameters: [idempotencyKey],
          requestBody: { required: true, ...json(ref("CreateProposal")) },
          responses: {
            "201": { description: "Created.", ...json(ref("Proposal")) },
            "200": { description: "A repeat of an externalId: the first proposal.", ...json(ref("Proposal")) },
            ...errors(...common, 403, 409, 413, 422),
          },
        },
        get: {
          summary: "List the proposals the key may see, filtered, newest first, with a cursor.",
          parameters: queryParameters(listQuerySchema),
          responses: {
            "200": { description: "A page: items and nextCursor.", ...json(ref("ProposalPage")) },
            ...errors(...common, 400),
          },
        },
      },
      "/v1/proposals/{id}": {
        get: {
          summary: "One proposal: state, content, assignment, open deadlines, the events the key may send now.",
          parameters: [proposalId],
          responses: {
            "200": { description: "The proposal; ETag is its version.", ...json(ref("Proposal")) },
            ...errors(...common, 404),
          },
        },
      },
      "/v1/proposals/{id}/events": {
        post: {
          summary: "Send an event ({ type, ...payload }).",
          parameters: [
            proposalId,
            idempotencyKey,
            { name: "If-Match", in: "header", required: false, schema: { type: "string" } },
          ],
          requestBody: { required: true, ...json(ref("ProposalEvent")) },
          responses: {
            "200": { description: "The updated proposal.", ...json(ref("Proposal")) },
            ...errors(...common, 400, 403, 404, 409, 412, 413, 422),
          },
        },
      },
      "/v1/proposals/{id}/history": {
        get: {
          summary: "The audit trail, oldest first.",
          parameters: [proposalId, ...queryParameters(historyQuerySchema)],
          responses: {
            "200": { description: "A page: items and nextCursor.", ...json(ref("HistoryPage")) },
            ...errors(...common, 400, 404),
          },
        },
      },
      "/v1/notifications": {
        get: {
          summary: "The key's inbox, newest first.",
          parameters: queryParameters(inboxQuerySchema),
          responses: {
            "200": { description: "A page: items and nextCursor.", ...json(ref("NotificationPage")) },
            ...errors(...common, 400),
          },
        },
      },
      "/v1/notifications/{id}/ack": {
        post: {
          summary: "Acknowledge a notification (the first acknowledgement stands).",
          parameters: [{ ...proposalId, name: "id" }],
          responses: {
            "200": { description: "The notification.", ...json(ref("Notification")) },
            ...errors(...common, 404),
          },
        },
      },
      "/v1/api-keys": {
        post: {
          summary: "Issue an API key (admin). The key is in this answer only.",
          requestBody: { required: true, ...json(ref("CreateApiKey")) },
          responses: {
            "201": { description: "The key, once.", ...json(ref("ApiKeyCreated")) },
            ...errors(...common, 403, 422),
          },
        },
        get: {
          summary: "List the API keys (admin): prefix, role, scope, revocation; never the key.",
          responses: { "200": { description: "The keys.", ...json(ref("ApiKeyList")) }, ...errors(...common, 403) },
        },
      },
      "/v1/api-keys/{id}/revoke": {
        post: {
          summary: "Revoke an API key (admin); it stops working at once.",
          parameters: [{ ...proposalId, name: "id" }],
          responses: {
            "200": { description: "The revoked key.", ...json(ref("ApiKey")) },
            ...errors(...common, 403, 404, 409),
          },
        },
      },
      "/v1/stats": {
        get: {
          summary: "Proposals per stage, key proposals, overdue deadlines per unit (admin, staff, leader).",
          responses: { "200": { description: "The figures.", ...json(ref("Stats")) }, ...errors(...common, 403) },
        },
      },
      "/v1/workflows/proposal": {
        get: {
          summary: "The proposal machine: states, events and effects as data, and a Mermaid diagram.",
          responses: {
            "200": { description: "The definition.", ...json(ref("WorkflowDefinition")) },
            ...errors(...common),
          },
        },
      },
      "/v1/webhooks": {
        post: {
          summary:
            "Subscribe a URL to webhook topics (admin, integrator). The signing secret is in this answer only; deliveries carry Huiyin-Signature: t=<unix>,v1=<hex HMAC-SHA256 of `<t>.<body>`>.",
          parameters: [idempotencyKey],
          requestBody: { required: true, ...json(ref("CreateWebhook")) },
          responses: {
            "201": { description: "The subscription and its secret, once.", ...json(ref("WebhookCreated")) },
            ...errors(...common, 403, 422),
          },
        },
        get: {
          summary: "The key's webhook subscriptions (an admin sees all), without secrets.",
          responses: {
            "200": { description: "The subscriptions.", ...json(ref("WebhookList")) },
            ...errors(...common, 403),
          },
        },
      },
      "/v1/webhooks/{id}": {
        get: {
          summary: "One webhook subscription.",
          parameters: [{ ...proposalId, name: "id" }],
          responses: {
            "200": { description: "The subscription.", ...json(ref("Webhook")) },
            ...errors(...common, 403, 404),
          },
        },
        delete: {
          summary: "Delete a subscription: nothing more is sent to it, pending deliveries are cancelled.",
          parameters: [{ ...proposalId, name: "id" }],
          responses: { "204": { description: "Deleted." }, ...errors(...common, 403, 404) },
        },
      },
      "/v1/webhooks/{id}/deliveries": {
        get: {
          summary: "The subscription's deliveries, newest first: status, attempts, last status code and error.",
          parameters: [{ ...proposalId, name: "id" }, ...queryParameters(deliveriesQuerySchema)],
          responses: {
            "200": { description: "A page: items and nextCursor.", ...json(ref("WebhookDeliveryPage")) },
            ...errors(...common, 400, 403, 404),
          },
        },
      },
      "/v1/whoami": {
        get: {
          summary: "The key's role and scope.",
          responses: { "200": { description: "The caller.", ...json(ref("Caller")) }, ...errors(...common) },
        },
      },
    },
  };
}
