import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * Hostile input, generated: malformed bodies thrown at every write endpoint — wrong types, huge strings, deep
 * nesting, unknown event types, prototype-pollution keys, broken JSON, odd headers. Every answer must be a 4xx in
 * the error shape (never a 5xx, never a success), and the database must be exactly as it was: a refused request
 * changes nothing. 100 cases per endpoint keep the file within seconds; a failure prints the seed to replay it.
 */
let api: ApiHarness;
let keys: Record<"proposer" | "staff" | "integrator", string>;
let draftId: string;
let registeredId: string;

const TABLES = [
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
] as const;

/** Rows per table, and a digest of every row of the mutable ones: a changed row is as visible as a new one. */
async function snapshot(): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const table of TABLES) {
    const { rows } = await api.database.pool.query<{ count: string; digest: string | null }>(
      `SELECT count(*)::text AS count, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table} t`,
    );
    result[table] = rows[0];
  }
  return result;
}

beforeAll(async () => {
  api = await startApi();
  keys = {
    proposer: await api.issueKey("proposer", "member-1"),
    staff: await api.issueKey("staff", "staff-1"),
    integrator: await api.issueKey("integrator", "smart-cppcc"),
  };
  const body = {
    title: "关于加强社区居家养老服务的建议",
    reasons: "老龄人口增加。",
    suggestions: ["增设社区日间照料中心"],
    category: "livelihood",
    proposers: [{ id: "member-1" }],
  };
  draftId = (await api.call("POST", "/v1/proposals", { key: keys.proposer, body })).body.id;
  registeredId = (await api.call("POST", "/v1/proposals", { key: keys.proposer, body: { ...body, submit: true } })).body
    .id;
  const registered = await api.call("POST", `/v1/proposals/${registeredId}/events`, {
    key: keys.staff,
    body: { type: "review.register", category: "livelihood" },
  });
  expect(registered.status).toBe(200);
  const hook = await api.call("POST", "/v1/webhooks", {
    key: keys.integrator,
    body: { url: "https://example.org/hook", events: ["*"] },
  });
  expect(hook.status).toBe(201);
});

afterAll(async () => {
  await api.close();
});

const POISON = ["__proto__", "constructor", "prototype"] as const;

/** JSON text from key/value pairs, so that `__proto__` is sent as an own key (an object literal would drop it). */
const objectText = (pairs: readonly (readonly [string, unknown])[]) =>
  `{${pairs.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? "null"}`).join(",")}}`;

const scalar = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 4 }),
})).value;

/** Field names the endpoints know, so that wrong types reach the validators rather than stop at "unknown key". */
const FIELDS = [
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
const hostileBody = fc.oneof(
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

const headers = fc.record(
  {
    "idempotency-key": fc.oneof(fc.uuid(), fc.string({ maxLength: 300 })),
    "if-match": fc.oneof(fc.nat().map(String), fc.string({ maxLength: 20 })),
    "content-type": fc.constantFrom("application/json", "text/plain", "application/json; charset=utf-16"),
  },
  { requiredKeys: [] },
);

/** Header values fetch refuses to send (control characters) are not what this test is about. */
const sendable = (value: string) => /^[\x20-\x7e]*$/.test(value);

interface Target {
  name: string;
  method: string;
  path: () => string;
  key: () => string;
}

const TARGETS: Target[] = [
  { name: "POST /v1/proposals", method: "POST", path: () => "/v1/proposals", key: () => keys.integrator },
  {
    name: "POST /v1/proposals/:id/events (draft)",
    method: "POST",
    path: () => `/v1/proposals/${draftId}/events`,
    key: () => keys.proposer,
  },
  {
    name: "POST /v1/proposals/:id/events (registered)",
    method: "POST",
    path: () => `/v1/proposals/${registeredId}/events`,
    key: () => keys.staff,
  },
  { name: "POST /v1/api-keys", method: "POST", path: () => "/v1/api-keys", key: () => api.adminKey },
  {
    name: "POST /v1/api-keys/:id/revoke (unknown id)",
    method: "POST",
    path: () => "/v1/api-keys/00000000-0000-0000-0000-000000000000/revoke",
    key: () => api.adminKey,
  },
  {
    name: "POST /v1/notifications/:id/ack (unknown id)",
    method: "POST",
    path: () => "/v1/notifications/no-such-notice/ack",
    key: () => keys.staff,
  },
  { name: "POST /v1/webhooks", method: "POST", path: () => "/v1/webhooks", key: () => keys.integrator },
  {
    name: "DELETE /v1/webhooks/:id (unknown id)",
    method: "DELETE",
    path: () => "/v1/webhooks/wh_nosuch",
    key: () => keys.integrator,
  },
];

describe("hostile input", () => {
  for (const target of TARGETS) {
    it(`${target.name}: every malformed body gets a 4xx in the error shape and changes nothing`, async () => {
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(hostileBody, headers, async (body, extra) => {
          const sent = Object.fromEntries(Object.entries(extra).filter(([, value]) => sendable(value)));
          const response = await api.call(target.method, target.path(), {
            key: target.key(),
            body,
            headers: { "content-type": "application/json", ...sent },
          });
          expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(400);
          expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
          expect(response.body).toEqual({
            error: expect.objectContaining({ code: expect.stringMatching(/^[A-Z_]+$/), message: expect.any(String) }),
          });
        }),
        { numRuns: 100 },
      );
      expect(await snapshot()).toEqual(before);
      // Nothing leaked into the prototype of plain objects either.
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });
  }
});
