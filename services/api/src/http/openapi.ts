import { proposalEventSchema } from "@huiyin/domain";
import { z } from "zod";
import { auditQuerySchema } from "../audit/routes.ts";
import { createApiKeySchema } from "../auth/api-keys.ts";
import { directoryPageSchema, personSchema, rolesQuerySchema, unitSchema } from "../directory/schemas.ts";
import { ackLinkNoticeSchema, ackLinkQuerySchema } from "../notifications/ack-link.ts";
import { noticeDeliveriesQuerySchema } from "../notifications/deliveries.ts";
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
  400: "Malformed JSON, query or header (MALFORMED_JSON, INVALID_QUERY, INVALID_IF_MATCH, INVALID_IDEMPOTENCY_KEY); a URL whose percent-encoding is not UTF-8 (MALFORMED_URL); a NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER); a body nested deeper than 32 levels (BODY_TOO_DEEP); a body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING); any other malformed request (BAD_REQUEST).",
  401: "No API key, or an unknown or revoked one (UNAUTHENTICATED).",
  403: "The key's role may not do this (FORBIDDEN; details.reason carries the machine's code).",
  404: "No such resource, or one the key may not see (NOT_FOUND).",
  409: "The event is not allowed in the current state (EVENT_NOT_ALLOWED or the machine's rule code; details: stage, state, allowedEvents), or IDEMPOTENCY_IN_PROGRESS; for the directory and deliveries: PERSON_HEADS_UNIT, ALREADY_DELIVERED, NOT_RETRYABLE.",
  412: "If-Match names an older version (VERSION_MISMATCH; details.currentVersion).",
  413: "The body is larger than the limit (PAYLOAD_TOO_LARGE).",
  415: "A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING).",
  422: "The body is invalid (VALIDATION_FAILED; details.fields), or an Idempotency-Key reused for another request.",
  429: "The key, or the client's address, spent its request budget, or the address its budget of failed authentications (RATE_LIMITED; Retry-After).",
  503: "The database is unavailable for a moment, restarting or unreachable (DATABASE_UNAVAILABLE; Retry-After: send the same request again, with the same Idempotency-Key); for a dead e-mail's retry, also: the e-mail channel is off, no SMTP_URL (EMAIL_CHANNEL_OFF).",
};

const proposalId = { name: "id", in: "path", required: true, schema: { type: "string" } };
/** What any operation may answer: a malformed URL or body (of any method) is refused before routing (400, 413, 415);
 * every /v1 route but the OpenAPI document and the docs reads the database (the API key, at least): 503. */
const common = [400, 401, 413, 415, 429, 503];

const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "A repeat with the same key returns the first answer and applies nothing. While the first request runs, a repeat is 409 IDEMPOTENCY_IN_PROGRESS; if the process running it died, the key is free again within seconds and a repeat runs it.",
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
        PutDirectoryPerson: jsonSchemaOf(personSchema),
        PutDirectoryUnit: jsonSchemaOf(unitSchema),
        AckLinkNotice: jsonSchemaOf(ackLinkNoticeSchema),
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
            "200": {
              description:
                "A repeat of an externalId by the same creator: the first proposal. An externalId is unique per creator (the key's role and actor), so another integrator's ids neither conflict nor show.",
              ...json(ref("Proposal")),
            },
            ...errors(...common, 403, 409, 413, 422),
            "403": {
              description:
                "The key's role does not create proposals (FORBIDDEN), or a proposer key names another member as the lead proposer, the first of proposers (FORBIDDEN, details.reason NOT_LEAD_PROPOSER).",
              ...json(ref("Error")),
            },
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
      "/v1/notifications/{id}/ack-link": ackLinkOperations(),
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
      "/v1/calendar": {
        get: {
          summary:
            "The working calendar deadlines are counted on: each year's holidays and make-up working days, whether the year is official (the State Council's notice) or provisional (the statutory rules alone), and a warning while the next 12 months are not all official.",
          responses: { "200": { description: "The calendar.", ...json(ref("Calendar")) }, ...errors(...common) },
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
            ...errors(...common, 403),
            "422": {
              description:
                "The body is invalid (VALIDATION_FAILED), or the URL's host is, or resolves to, a loopback, private, link-local, multicast or reserved address (WEBHOOK_URL_FORBIDDEN; see the README, Webhooks), or an Idempotency-Key reused for another request.",
              ...json(ref("Error")),
            },
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
      ...directoryPaths(),
      ...noticeDeliveryPaths(),
      ...auditPaths(),
      "/v1/whoami": {
        get: {
          summary: "The key's role and scope.",
          responses: { "200": { description: "The caller.", ...json(ref("Caller")) }, ...errors(...common) },
        },
      },
    },
  };
}

const pathParameter = (name: string, description?: string) => ({
  name,
  in: "path",
  required: true,
  schema: { type: "string" },
  ...(description ? { description } : {}),
});
const roleLabel = pathParameter(
  "label",
  "`role` or `role:scope`: staff, staff-head, committee-leader, chairs-meeting, leader:<id>, unit:<id>, proposer:<id>.",
);
const admin = [...common, 403];

/** The recipients directory (admin only): people, units, and who holds each role of the escalation chain. */
function directoryPaths(): Record<string, JsonSchema> {
  const one = (kind: "person" | "unit", schema: string, body: string, conflict: number[]) => ({
    get: {
      summary: `One ${kind} of the directory (admin).`,
      parameters: [pathParameter("id")],
      responses: { "200": { description: `The ${kind}.`, ...json(ref(schema)) }, ...errors(...admin, 404) },
    },
    put: {
      summary: `Create or replace a ${kind} (admin): 201 when new, 200 when replaced; idempotent.`,
      parameters: [pathParameter("id")],
      requestBody: { required: true, ...json(ref(body)) },
      responses: {
        "201": { description: "Created.", ...json(ref(schema)) },
        "200": { description: "Replaced.", ...json(ref(schema)) },
        ...errors(...admin, 400, 413, 422),
      },
    },
    delete: {
      summary: `Delete a ${kind} (admin).${kind === "person" ? " Their role assignments go with them; refused while they head a unit." : ""}`,
      parameters: [pathParameter("id")],
      responses: { "204": { description: "Deleted." }, ...errors(...admin, 404, ...conflict) },
    },
  });
  const list = (kind: string, schema: string) => ({
    get: {
      summary: `The ${kind} of the directory by id, with a cursor (admin).`,
      parameters: queryParameters(directoryPageSchema),
      responses: {
        "200": { description: "A page: items and nextCursor.", ...json(ref(schema)) },
        ...errors(...admin, 400),
      },
    },
  });
  return {
    "/v1/directory/people": list("people", "DirectoryPersonPage"),
    "/v1/directory/people/{id}": one("person", "DirectoryPerson", "PutDirectoryPerson", [409]),
    "/v1/directory/units": list("units", "DirectoryUnitPage"),
    "/v1/directory/units/{id}": one("unit", "DirectoryUnit", "PutDirectoryUnit", []),
    "/v1/directory/roles": {
      get: {
        summary: "Every role assignment, one item per role label with its holders (admin).",
        parameters: queryParameters(rolesQuerySchema),
        responses: {
          "200": { description: "The roles.", ...json(ref("DirectoryRoleList")) },
          ...errors(...admin, 400),
        },
      },
    },
    "/v1/directory/roles/{label}": {
      get: {
        summary: "Who holds one role (admin): the people escalation at that role reaches.",
        parameters: [roleLabel],
        responses: {
          "200": { description: "The role and its holders.", ...json(ref("DirectoryRole")) },
          ...errors(...admin, 404),
        },
      },
    },
    "/v1/directory/roles/{label}/people/{personId}": {
      put: {
        summary: "Give a person a role (admin): 201 when new, 200 when they held it already.",
        parameters: [roleLabel, pathParameter("personId")],
        responses: {
          "201": { description: "Assigned.", ...json(ref("DirectoryRoleAssignment")) },
          "200": { description: "Already assigned.", ...json(ref("DirectoryRoleAssignment")) },
          ...errors(...admin, 404, 422),
        },
      },
      delete: {
        summary: "Take a role from a person (admin).",
        parameters: [roleLabel, pathParameter("personId")],
        responses: { "204": { description: "Unassigned." }, ...errors(...admin, 404, 422) },
      },
    },
  };
}

/** The append-only audit trail (admin). */
function auditPaths(): Record<string, JsonSchema> {
  return {
    "/v1/audit-log": {
      get: {
        summary:
          "The audit trail, newest first (admin): keys issued and revoked, directory changes, webhook subscriptions, dead letters retried, failed authentications and refused requests; who, when, from where, what.",
        parameters: queryParameters(auditQuerySchema),
        responses: {
          "200": { description: "A page: items and nextCursor.", ...json(ref("AuditEntryPage")) },
          ...errors(...admin, 400),
        },
      },
    },
  };
}

/** Delivery status per channel and the dead letters (admin, staff), and the retry of a dead e-mail (admin). */
function noticeDeliveryPaths(): Record<string, JsonSchema> {
  return {
    "/v1/notices/{id}": {
      get: {
        summary: "One notice with every delivery: channel, recipient, status, attempts, last error (admin, staff).",
        parameters: [pathParameter("id")],
        responses: { "200": { description: "The notice.", ...json(ref("Notice")) }, ...errors(...admin, 404) },
      },
    },
    "/v1/notice-deliveries": {
      get: {
        summary: "Notice deliveries, newest first, filtered; status=dead lists the dead letters (admin, staff).",
        parameters: queryParameters(noticeDeliveriesQuerySchema),
        responses: {
          "200": { description: "A page: items and nextCursor.", ...json(ref("NoticeDeliveryPage")) },
          ...errors(...admin, 400),
        },
      },
    },
    "/v1/notice-deliveries/{id}/retry": {
      post: {
        summary: "Put a dead e-mail back on the notifier's queue for a new round of attempts (admin); idempotent.",
        parameters: [pathParameter("id")],
        responses: {
          "202": { description: "Requeued (or already on its way): the delivery.", ...json(ref("NoticeDelivery")) },
          ...errors(...admin, 404, 409, 503),
        },
      },
    },
  };
}

/**
 * The acknowledge link of an e-mail: no API key (the signed query is the credential); a browser gets pages, a
 * client asking for JSON the notice. GET never changes anything; POST acknowledges.
 */
function ackLinkOperations(): JsonSchema {
  const answer = (description: string) => ({
    description,
    content: { ...json(ref("AckLinkNotice")).content, "text/html": { schema: { type: "string" } } },
  });
  const refused = {
    "400": {
      description: "The link's query is malformed (INVALID_QUERY, MALFORMED_URL, INVALID_CHARACTER).",
      ...json(ref("Error")),
    },
    "403": { description: "Not a link huiyin signed, or links are off (ACK_LINK_INVALID).", ...json(ref("Error")) },
    "404": { description: "No such notification (NOT_FOUND).", ...json(ref("Error")) },
    "410": { description: "The link has expired (ACK_LINK_EXPIRED).", ...json(ref("Error")) },
    "429": { description: "The client's address spent its request budget (RATE_LIMITED).", ...json(ref("Error")) },
    ...errors(503),
  };
  const parameters = [{ ...proposalId, name: "id" }, ...queryParameters(ackLinkQuerySchema)];
  return {
    get: {
      summary: "An e-mail's acknowledge link: a confirmation page whose button POSTs; changes nothing.",
      security: [],
      parameters,
      responses: { "200": answer("The notice (JSON), or the confirmation page (HTML)."), ...refused },
    },
    post: {
      summary: "Acknowledge a notification through its e-mail link (the first acknowledgement stands).",
      security: [],
      parameters,
      responses: { "200": answer("The acknowledged notice (JSON), or a page saying so (HTML)."), ...refused },
    },
  };
}
