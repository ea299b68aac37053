import type { Database } from "@huiyin/db";
import fc from "fast-check";

/**
 * Hostile input shared by the tests that throw it at the api (api-hostile, api-fuzz): generators of bodies no
 * endpoint may accept, odd headers, and a snapshot of every table a request could change, to show that a
 * refused request changed nothing.
 */
export const TABLES = [
  "proposals",
  "proposal_events",
  "dropped_events",
  "deadlines",
  "alarms",
  "outbox",
  "notices",
  "notice_deliveries",
  "api_keys",
  "idempotent_requests",
  "webhook_subscriptions",
  "webhook_deliveries",
  "people",
  "units",
  "role_assignments",
  "digests",
] as const;

/** Rows per table, and a digest of every row of the mutable ones: a changed row is as visible as a new one. */
export async function snapshot(database: Database): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const table of TABLES) {
    const { rows } = await database.pool.query<{ count: string; digest: string | null }>(
      `SELECT count(*)::text AS count, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table} t`,
    );
    result[table] = rows[0];
  }
  return result;
}

export const POISON = ["__proto__", "constructor", "prototype"] as const;

/** JSON text from key/value pairs, so that `__proto__` is sent as an own key (an object literal would drop it). */
export const objectText = (pairs: readonly (readonly [string, unknown])[]) =>
  `{${pairs.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? "null"}`).join(",")}}`;

export const scalar = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);
export const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 4 }),
})).value;

/** Field names the endpoints know, so that wrong types reach the validators rather than stop at "unknown key". */
export const FIELDS = [
  "type",
  "title",
  "reasons",
  "suggestions",
  "category",
  "proposers",
  "submit",
  "externalId",
  "role",
  "actorId",
  "unitId",
  "name",
  "url",
  "events",
  "mode",
  "units",
  "reason",
  "classification",
  "result",
  "content",
];

/** A body that no endpoint may accept. */
export const hostileBody = fc.oneof(
  // Not an object at all.
  json
    .filter((value) => typeof value !== "object" || value === null || Array.isArray(value))
    .map((value) => JSON.stringify(value)),
  // Known fields with values of any type, plus a prototype-pollution key.
  fc
    .tuple(fc.array(fc.tuple(fc.constantFrom(...FIELDS), json), { maxLength: 5 }), fc.constantFrom(...POISON), json)
    .map(([pairs, poison, value]) => objectText([...pairs, [poison, value]])),
  // An unknown event type with whatever payload.
  fc
    .tuple(fc.string({ maxLength: 30 }), fc.array(fc.tuple(fc.constantFrom(...FIELDS), json), { maxLength: 3 }))
    .map(([type, pairs]) => objectText([["type", `x.${type}`], ...pairs])),
  // A huge string in a known field (over and under the body limit).
  fc
    .tuple(fc.constantFrom(...FIELDS), fc.integer({ min: 1_000, max: 30_000 }), fc.constantFrom("x", "长", "\u0000"))
    .map(([field, length, unit]) =>
      objectText([
        [field, unit.repeat(length)],
        ["__proto__", { admin: true }],
      ]),
    ),
  // Deep nesting.
  fc
    .tuple(fc.constantFrom(...FIELDS), fc.integer({ min: 100, max: 4_000 }), fc.constantFrom("[", '{"a":'))
    .map(([field, depth, open]) => {
      const close = open === "[" ? "]" : "}";
      return `{${JSON.stringify(field)}:${open.repeat(depth)}1${close.repeat(depth)}}`;
    }),
  // Not JSON.
  fc.string({ maxLength: 50 }).map((text) => `{${text}`),
);

export const headers = fc.record(
  {
    "idempotency-key": fc.oneof(fc.uuid(), fc.string({ maxLength: 300 })),
    "if-match": fc.oneof(fc.nat().map(String), fc.string({ maxLength: 20 })),
    "content-type": fc.constantFrom("application/json", "text/plain", "application/json; charset=utf-16"),
  },
  { requiredKeys: [] },
);

/** Header values fetch refuses to send (control characters) are not what this test is about. */
export const sendable = (value: string) => /^[\x20-\x7e]*$/.test(value);
