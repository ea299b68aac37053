import { z } from "zod";
import { ERRORS, type ErrorCode } from "./error-codes.ts";

/**
 * The plumbing of the OpenAPI document: each feature declares its operations next to its routes with these
 * helpers (a `FeatureApi`), and ../openapi.ts assembles the features into one document. Nothing here knows a
 * feature.
 */
export type JsonSchema = Record<string, unknown>;
export type Operation = JsonSchema & { operationId: string; tags: readonly string[]; summary: string };
export type PathItem = Partial<Record<"get" | "put" | "post" | "delete" | "patch", Operation>>;

/** What a feature contributes to the document. */
export interface FeatureApi {
  /** The tags its operations carry, with what each groups. */
  tags: readonly { name: string; description: string }[];
  /** Request bodies (and the acknowledge link's notice), by component name: the zod schemas that validate them,
   * each converted alone as a client sends it. */
  requests?: Record<string, z.ZodType>;
  /** Answers, by component name: zod schemas of what the views build; a `$ref` names them in `paths`. */
  responses?: Record<string, z.ZodType>;
  paths: Record<string, PathItem>;
  /** OpenAPI 3.1 `webhooks`: the requests huiyin sends to subscribers, by topic. */
  webhooks?: Record<string, PathItem>;
}

/** A request schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as clients send it (`io: "input"`). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" });
  return rest;
}

/** Each property of a query schema as one `in: query` parameter. */
export function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = jsonSchemaOf(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, { deprecated, "x-deprecation": notice, ...property }]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    // A property marked with `deprecated(…)` is a deprecated parameter (see ./deprecation.ts).
    ...(deprecated === true ? { deprecated, "x-deprecation": notice } : {}),
    schema: property,
  }));
}

/**
 * The answers as components: one registry, so that a component used inside another (a page's items) is a
 * `$ref`, as the document names it. Strict objects stay closed (`additionalProperties: false`, every key
 * required but the optional ones), so an answer that drifts fails the contract test.
 */
export function responseComponents(responses: Record<string, z.ZodType>): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(responses)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema as JsonSchema]),
  );
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: JsonSchema) => ({ content: { "application/json": { schema } } });

/** "meaning (CODE) meaning (CODE)": the catalogue's words for the codes an answer may carry. */
function meaningOf(codes: readonly ErrorCode[]): string {
  return codes.map((code) => `${ERRORS[code].meaning.replace(/\.$/, "")} (${code}).`).join(" ");
}

/** The codes every operation answering `status` may carry (not those the catalogue marks `named`). */
const generalCodesOf = (status: number) =>
  (Object.keys(ERRORS) as ErrorCode[]).filter((code) => {
    const entry: { status: number; named?: true } = ERRORS[code];
    return entry.status === status && !entry.named;
  });

/**
 * An operation's error answers: a status stands for the catalogue's general codes with that status, a code adds
 * itself (and its status). Each answer is described by the meanings of its codes.
 */
export function errors(...answers: (number | ErrorCode)[]) {
  const codes = answers.flatMap((answer) => (typeof answer === "number" ? generalCodesOf(answer) : [answer]));
  const statuses = [...new Set(answers.map((answer) => (typeof answer === "number" ? answer : ERRORS[answer].status)))];
  return Object.fromEntries(
    statuses.map((status) => {
      const here = [...new Set(codes.filter((code) => ERRORS[code].status === status))];
      if (here.length === 0) throw new Error(`No error code of the catalogue describes the status ${status}.`);
      return [String(status), { description: meaningOf(here), ...json(ref("Error")) }];
    }),
  );
}

/** The error answer every operation shares; its `code` lists the whole catalogue. */
export const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: {
          type: "string",
          description: `A stable code: ${(Object.keys(ERRORS) as ErrorCode[])
            .map((code) => `${code} (${ERRORS[code].status})`)
            .join(", ")}, or a rule code of the workflow (409).`,
        },
        message: { type: "string" },
        details: {},
      },
    },
  },
};

/** What any operation may answer: a malformed URL or body (of any method) is refused before routing (400, 413, 415);
 * every /v1 route but the OpenAPI document and the docs reads the database (the API key, at least): 503. */
export const common = [400, 401, 413, 415, 429, 503];
/** An operation for some roles only: also 403. */
export const admin = [...common, 403];

export const pathParameter = (name: string, description?: string) => ({
  name,
  in: "path",
  required: true,
  schema: { type: "string" },
  ...(description ? { description } : {}),
});

export const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "A repeat with the same key returns the first answer and applies nothing. While the first request runs, a repeat is 409 IDEMPOTENCY_IN_PROGRESS; if the process running it died, the key is free again within seconds and a repeat runs it.",
  schema: { type: "string", maxLength: 200 },
};

/** The zod pieces the answers are built of. */
export const instant = z.string().meta({ format: "date-time" });
export const nullableInstant = instant.nullable();
export const nullableString = z.string().nullable();
export const strings = z.array(z.string());
export const integer = z.int();
/** A JSON object whose keys the document does not fix. */
export const anyObject = z.record(z.string(), z.unknown());

/** A page of a list: its items and the cursor of the next page (null on the last). */
export const page = (item: z.ZodType) => z.strictObject({ items: z.array(item), nextCursor: nullableString });
