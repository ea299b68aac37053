import { z } from "zod";
import { onBehalfHeader, onBehalfRefusals } from "../acting-for/openapi.ts";
import {
  admin,
  common,
  errors,
  type FeatureApi,
  instant,
  json,
  nullableInstant,
  nullableString,
  pathParameter,
  ref,
} from "../http/openapi-kit.ts";
import { createApiKeySchema } from "./api-keys.ts";
import { KEY_ROLES } from "./keys.ts";

const keyShape = {
  id: z.string(),
  committeeId: z.string().describe("The committee whose data the key reaches ('default' in a deployment of one)."),
  prefix: z.string(),
  role: z.enum(KEY_ROLES),
  actorId: z.string(),
  unitId: nullableString,
  name: nullableString,
  createdAt: instant,
  revokedAt: nullableInstant,
  actsFor: z
    .strictObject({ people: z.array(z.string()), roles: z.array(z.string()) })
    .describe("An integrator key's binding: whom it may act for with X-On-Behalf-Of (empty for other keys)."),
};

const ApiKey = z.strictObject(keyShape);

/** API keys (admin) and the caller behind a key. */
export const authApi: FeatureApi = {
  tags: [{ name: "api-keys", description: "API keys: issued, listed and revoked by an admin; the caller of a key." }],
  requests: { CreateApiKey: createApiKeySchema },
  responses: {
    ApiKey,
    ApiKeyCreated: z.strictObject({ ...keyShape, key: z.string() }),
    ApiKeyList: z.strictObject({ items: z.array(ApiKey) }),
    Caller: z.strictObject({
      role: z.enum(KEY_ROLES),
      actorId: z.string(),
      unitId: nullableString,
      prefix: z.string(),
      onBehalfOf: z.string().optional().describe("The person an integrator key acts for (X-On-Behalf-Of)."),
      roles: z
        .array(z.strictObject({ role: z.enum(KEY_ROLES), scope: z.string() }))
        .optional()
        .describe("Acting for a person: the roles of theirs the key acts under now."),
      committeeId: z.string().describe("The caller's committee: everything it reads and writes is that committee's."),
    }),
  },
  paths: {
    "/v1/api-keys": {
      post: {
        operationId: "createApiKey",
        tags: ["api-keys"],
        summary:
          "Issue an API key of the admin's committee (admin). The key is in this answer only. Operator keys: admins of the default committee only.",
        requestBody: { required: true, ...json(ref("CreateApiKey")) },
        responses: {
          "201": { description: "The key, once.", ...json(ref("ApiKeyCreated")) },
          ...errors(...admin, 422),
        },
      },
      get: {
        operationId: "listApiKeys",
        tags: ["api-keys"],
        summary: "List the API keys (admin): prefix, role, scope, revocation; never the key.",
        responses: { "200": { description: "The keys.", ...json(ref("ApiKeyList")) }, ...errors(...admin) },
      },
    },
    "/v1/api-keys/{id}/revoke": {
      post: {
        operationId: "revokeApiKey",
        tags: ["api-keys"],
        summary: "Revoke an API key (admin); it stops working at once.",
        parameters: [pathParameter("id")],
        responses: {
          "200": { description: "The revoked key.", ...json(ref("ApiKey")) },
          ...errors(...admin, 404, "CANNOT_REVOKE_SELF"),
        },
      },
    },
    "/v1/whoami": {
      get: {
        operationId: "whoami",
        tags: ["api-keys"],
        summary: "The key's role and scope; with X-On-Behalf-Of, the person the key acts for and their roles.",
        parameters: [onBehalfHeader],
        responses: {
          "200": { description: "The caller.", ...json(ref("Caller")) },
          ...errors(...common, ...onBehalfRefusals),
        },
      },
    },
  },
};
