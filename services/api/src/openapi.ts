import { actingForApi } from "./acting-for/openapi.ts";
import { attachmentsApi } from "./attachments/openapi.ts";
import { auditApi } from "./audit/openapi.ts";
import { oidcApi } from "./auth/oidc/openapi.ts";
import { authApi } from "./auth/openapi.ts";
import { peopleApi } from "./auth/people-openapi.ts";
import { batchesApi } from "./batches/openapi.ts";
import { calendarApi } from "./calendar/openapi.ts";
import { committeeSessionsApi } from "./committee-sessions/openapi.ts";
import { committeesApi } from "./committees/openapi.ts";
import { directoryApi } from "./directory/openapi.ts";
import { disclosureApi } from "./disclosure/openapi.ts";
import { exportsApi } from "./exports/openapi.ts";
import {
  ERROR_SCHEMA,
  type FeatureApi,
  type JsonSchema,
  jsonSchemaOf,
  responseComponents,
} from "./http/openapi-kit.ts";
import { importsApi } from "./imports/openapi.ts";
import { migrationsApi } from "./migrations/openapi.ts";
import { workApi } from "./my-work/openapi.ts";
import { notificationRobotsApi } from "./notification-robots/openapi.ts";
import { notificationsApi } from "./notifications/openapi.ts";
import { policyApi } from "./policy/openapi.ts";
import { proposalsApi } from "./proposals/openapi.ts";
import { savedFiltersApi } from "./saved-filters/openapi.ts";
import { statsApi } from "./stats/openapi.ts";
import { webhooksApi } from "./webhooks/openapi.ts";

/** Every feature's part of the document; each declares its operations beside its routes. */
export const FEATURE_APIS: readonly FeatureApi[] = [
  proposalsApi,
  notificationsApi,
  authApi,
  peopleApi,
  oidcApi,
  statsApi,
  calendarApi,
  policyApi,
  webhooksApi,
  directoryApi,
  notificationRobotsApi,
  auditApi,
  disclosureApi,
  attachmentsApi,
  workApi,
  batchesApi,
  committeeSessionsApi,
  migrationsApi,
  exportsApi,
  importsApi,
  actingForApi,
  savedFiltersApi,
  committeesApi,
];

/** Merges maps whose keys must not collide: two features documenting one path or component is a bug. */
function merged<T>(what: string, maps: readonly Record<string, T>[]): Record<string, T> {
  const all: Record<string, T> = {};
  for (const map of maps) {
    for (const [key, value] of Object.entries(map)) {
      if (key in all) throw new Error(`The OpenAPI document declares the ${what} ${key} twice.`);
      all[key] = value;
    }
  }
  return all;
}

/**
 * The OpenAPI 3.1 description of the API, assembled from the features' declarations: request schemas are the
 * zod schemas that validate the requests and answers are zod schemas of the views, so neither can drift; error
 * descriptions come from the error catalogue (http/error-codes.ts). Built once per process.
 */
export function openApiDocument(features: readonly FeatureApi[] = FEATURE_APIS): JsonSchema {
  const requests = merged(
    "request schema",
    features.map((feature) => feature.requests ?? {}),
  );
  const responses = merged(
    "response schema",
    features.map((feature) => feature.responses ?? {}),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "huiyin (回音) API",
      version: "1",
      description:
        "Proposals (提案) and their workflow 提·立·办·督·评. Send an API key as `Authorization: Bearer <key>`, or sign in (`POST /v1/session`) and send the `huiyin_session` cookie, with `X-CSRF-Token` on every change. An integrator key bound to people or roles may add `X-On-Behalf-Of: <person id>` to act for that person. Every error is `{ error: { code, message, details } }`.",
    },
    security: [{ bearer: [] }, { session: [] }],
    tags: features.flatMap((feature) => feature.tags),
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API key (hy_…)." },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "huiyin_session",
          description: "A person's session (POST /v1/session); changes also need the X-CSRF-Token header.",
        },
      },
      schemas: merged("component", [
        Object.fromEntries(Object.entries(requests).map(([name, schema]) => [name, jsonSchemaOf(schema)])),
        responseComponents(responses),
        { Error: ERROR_SCHEMA },
      ]),
    },
    paths: merged(
      "path",
      features.map((feature) => feature.paths),
    ),
    webhooks: merged(
      "webhook",
      features.map((feature) => feature.webhooks ?? {}),
    ),
  };
}
