import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";
import { headers, hostileBody, sendable, snapshot } from "./support/hostile.ts";

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
      const before = await snapshot(api.database);
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
      expect(await snapshot(api.database)).toEqual(before);
      // Nothing leaked into the prototype of plain objects either.
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });
  }
});
