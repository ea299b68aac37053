import { createHash } from "node:crypto";
import { createLogger } from "@huiyin/logger";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverToInbox } from "../services/notifier/src/inbox.ts";
import { type ApiHarness, startApi } from "./support/api.ts";
import { type Contract, openApiContract } from "./support/contract.ts";

/**
 * The OpenAPI document is a contract: it must be a valid OpenAPI 3.1 document, and what the running API answers
 * must match the response schemas it declares, route by route, including the error shape.
 */
let api: ApiHarness;
let contract: Contract;
// biome-ignore lint/suspicious/noExplicitAny: walking a JSON document
let document: any;

beforeAll(async () => {
  api = await startApi();
  contract = await openApiContract(api);
  document = contract.document;
});

afterAll(async () => {
  await api.close();
});

const expectConforms: Contract["expectConforms"] = (...args) => contract.expectConforms(...args);

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("declares a JSON schema for every success answer but 204, redirects and file downloads, and every $ref resolves", () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations as Record<string, { responses: object }>)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          // No body: 204, and the redirects of the OIDC sign-in (303, a Location only).
          if (status === "204" || status.startsWith("3")) continue;
          // A file download (attachments) answers the file's bytes, declared as strings of its media types.
          const content = (response as { content?: Record<string, { schema: { type?: string } }> }).content ?? {};
          const types = Object.keys(content);
          if (types.length > 0 && !types.includes("application/json")) {
            for (const type of types) expect(content[type]?.schema.type, `${method} ${path} ${type}`).toBe("string");
            continue;
          }
          const ref = (response as { content?: Record<string, { schema: { $ref: string } }> }).content?.[
            "application/json"
          ]?.schema.$ref;
          expect(ref, `${method} ${path} ${status}`).toMatch(/^#\/components\/schemas\//);
          expect(contract.ajv.getSchema(contract.schemaRef(ref ?? "")), ref).toBeDefined();
        }
      }
    }
  });

  it("refuses an answer that drifts from its schema (the check below can fail)", () => {
    const validate = contract.ajv.compile({ $ref: contract.schemaRef("#/components/schemas/ApiKey") });
    expect(validate({ id: "k", prefix: "hy_x", role: "admin", actorId: "a", createdAt: "now" })).toBe(false);
  });
});

describe("real answers match their response schemas", () => {
  it("proposals, events, history, notifications, keys, stats, workflow, webhooks and errors", async () => {
    const staff = await api.issueKey("staff", "staff-1");
    const proposer = await api.issueKey("proposer", "member-1");
    const water = await api.issueKey("unit", "clerk-1", "water");
    const integrator = await api.issueKey("integrator", "smart-cppcc");

    const hook = await api.call("POST", "/v1/webhooks", {
      key: integrator,
      body: { url: "https://example.org/hook", events: ["*"] },
    });
    expectConforms("POST", "/v1/webhooks", hook);

    const created = await api.call("POST", "/v1/proposals", {
      key: integrator,
      body: {
        title: "关于治理城市内涝的建议",
        reasons: "雨季积水严重。",
        suggestions: ["改造排水管网"],
        category: "environment",
        proposers: [{ id: "member-1" }],
        externalId: "oa-1",
        submit: true,
      },
    });
    expectConforms("POST", "/v1/proposals", created);
    const id = created.body.id as string;
    expectConforms(
      "POST",
      "/v1/proposals",
      await api.call("POST", "/v1/proposals", {
        key: integrator,
        body: { title: "x", proposers: [{ id: "m" }], externalId: "oa-1" },
      }),
    );
    const send = (key: string, body: object) => api.call("POST", `/v1/proposals/${id}/events`, { key, body });
    expectConforms(
      "POST",
      "/v1/proposals/{id}/events",
      await send(staff, { type: "review.register", category: "environment" }),
    );
    const assigned = await send(staff, { type: "assign", mode: "sole", units: [{ unitId: "water", role: "lead" }] });
    expectConforms("POST", "/v1/proposals/{id}/events", assigned);
    expect(assigned.body.deadlines.length).toBeGreaterThan(0);

    expectConforms("GET", "/v1/proposals/{id}", await api.call("GET", `/v1/proposals/${id}`, { key: water }));
    expectConforms("GET", "/v1/proposals", await api.call("GET", "/v1/proposals?limit=1", { key: staff }));
    expectConforms(
      "GET",
      "/v1/proposals/{id}/history",
      await api.call("GET", `/v1/proposals/${id}/history`, { key: proposer }),
    );

    // The inbox shows what the notifier delivered to it: deliver the notices the events wrote, with its own code.
    const silent = createLogger({ service: "api-test", level: "silent", format: "json" });
    for (const notice of await api.database.prisma.notice.findMany())
      await deliverToInbox(api.database, notice.id, silent);
    const inbox = await api.call("GET", "/v1/notifications", { key: water });
    expectConforms("GET", "/v1/notifications", inbox);
    expect(inbox.body.items.length).toBeGreaterThan(0);
    const ack = await api.call("POST", `/v1/notifications/${inbox.body.items[0].id}/ack`, { key: water });
    expectConforms("POST", "/v1/notifications/{id}/ack", ack);

    const issued = await api.call("POST", "/v1/api-keys", { body: { role: "leader", actorId: "leader-1" } });
    expectConforms("POST", "/v1/api-keys", issued);
    expectConforms("GET", "/v1/api-keys", await api.call("GET", "/v1/api-keys"));
    expectConforms("POST", "/v1/api-keys/{id}/revoke", await api.call("POST", `/v1/api-keys/${issued.body.id}/revoke`));
    expectConforms("GET", "/v1/whoami", await api.call("GET", "/v1/whoami", { key: water }));
    expectConforms("GET", "/v1/stats", await api.call("GET", "/v1/stats", { key: staff }));
    expectConforms("GET", "/v1/workflows/proposal", await api.call("GET", "/v1/workflows/proposal", { key: staff }));

    expectConforms("GET", "/v1/webhooks", await api.call("GET", "/v1/webhooks", { key: integrator }));
    expectConforms(
      "GET",
      "/v1/webhooks/{id}",
      await api.call("GET", `/v1/webhooks/${hook.body.id}`, { key: integrator }),
    );
    const deliveries = await api.call("GET", `/v1/webhooks/${hook.body.id}/deliveries`, { key: integrator });
    expectConforms("GET", "/v1/webhooks/{id}/deliveries", deliveries);
    expect(deliveries.body.items.length).toBeGreaterThan(0);

    // Refusals, in the error shape.
    expectConforms("GET", "/v1/proposals/{id}", await api.call("GET", "/v1/proposals/p_nosuch", { key: staff }));
    expectConforms("POST", "/v1/proposals/{id}/events", await send(proposer, { type: "evaluate" }));
    expectConforms("POST", "/v1/proposals/{id}/events", await send(water, { type: "supervise.acceptReply" }));
    expectConforms("GET", "/v1/stats", await api.call("GET", "/v1/stats", { key: water }));
    expectConforms("GET", "/v1/whoami", await api.call("GET", "/v1/whoami", { key: "hy_wrong" }));
  });
});

describe("GET /v1/docs", () => {
  it("lists every operation on a self-contained page whose CSP allows only its own style", async () => {
    const response = await fetch(`${api.base}/v1/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations as object)) {
        expect(html, `${method} ${path}`).toMatch(
          new RegExp(`<td class="m">${method}</td><td><code>${path.replace(/[{}]/g, "\\$&")}</code>`),
        );
      }
    }
    // Summaries are escaped: the webhooks one mentions <t>.
    expect(html).toContain("&#60;t&#62;");
    expect(html).not.toMatch(/<script|https?:\/\/(?!huiyin)/i);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("default-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    const hash = createHash("sha256").update(style).digest("base64");
    expect(policy).toContain(`style-src 'sha256-${hash}'`);
  });
});

describe("deprecation notices (docs/versioning.md)", () => {
  it("answers GET /v1/stats?session= with Deprecation and a deprecation link, and ?sessionId= without", async () => {
    const old = await api.call("GET", "/v1/stats?session=no-such-session");
    expect(old.status).toBe(200);
    expect(old.headers.get("deprecation")).toMatch(/^@\d+$/);
    expect(old.headers.get("link")).toContain('rel="deprecation"');
    const current = await api.call("GET", "/v1/stats?sessionId=no-such-session");
    expect(current.status).toBe(200);
    expect(current.headers.get("deprecation")).toBeNull();
    // The same figures either way: the old name still works, as the 12 months promised.
    expect({ ...current.body, at: null }).toEqual({ ...old.body, at: null });
  });
});
