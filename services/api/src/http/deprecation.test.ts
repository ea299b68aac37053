import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../openapi.ts";
import { deprecated, deprecationNotices, deprecationOf, deprecationRules } from "./deprecation.ts";

/** A document with one deprecated operation (sunset set), one deprecated query parameter, and one current operation. */
const document = {
  paths: {
    "/v1/things/{id}": {
      get: { operationId: "getThing", ...deprecated({ since: "2026-12-01", sunset: "2028-01-01" }) },
      delete: { operationId: "deleteThing" },
    },
    "/v1/items": {
      get: {
        operationId: "listItems",
        parameters: [
          { name: "old", in: "query", ...deprecated({ since: "2026-06-30" }), schema: { type: "string" } },
          { name: "new", in: "query", schema: { type: "string" } },
        ],
      },
    },
  },
};

async function serve(handler: express.RequestHandler): Promise<{ base: string; close(): void }> {
  const app = express();
  const router = express.Router();
  router.use(handler);
  router.all("/{*rest}", (_request, response) => {
    response.json({ ok: true });
  });
  app.use("/v1", router);
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

describe("deprecation notices", () => {
  it("answers a deprecated operation with Deprecation (RFC 9745), Sunset (RFC 8594) and a deprecation link", async () => {
    const server = await serve(deprecationNotices(document, "/v1/reference"));
    try {
      const thing = await fetch(`${server.base}/v1/things/t1`);
      expect(thing.status).toBe(200);
      expect(thing.headers.get("deprecation")).toBe(`@${Date.UTC(2026, 11, 1) / 1000}`);
      expect(thing.headers.get("sunset")).toBe("Sat, 01 Jan 2028 00:00:00 GMT");
      expect(thing.headers.get("link")).toBe('</v1/reference>; rel="deprecation"; type="text/html"');
      // HEAD is answered by the GET route, so it carries the notice too; another method of the path does not.
      expect(
        (await fetch(`${server.base}/v1/things/t1`, { method: "HEAD" })).headers.get("deprecation"),
      ).not.toBeNull();
      const removed = await fetch(`${server.base}/v1/things/t1`, { method: "DELETE" });
      expect(removed.headers.get("deprecation")).toBeNull();
      expect(removed.headers.get("link")).toBeNull();
      // A deeper path is another operation.
      expect((await fetch(`${server.base}/v1/things/t1/parts`)).headers.get("deprecation")).toBeNull();

      const old = await fetch(`${server.base}/v1/items?old=x`);
      expect(old.headers.get("deprecation")).toBe(`@${Date.UTC(2026, 5, 30) / 1000}`);
      expect(old.headers.get("sunset")).toBeNull();
      expect((await fetch(`${server.base}/v1/items?new=x`)).headers.get("deprecation")).toBeNull();
    } finally {
      server.close();
    }
  });

  it("refuses at start-up a deprecation it cannot announce, or a sunset sooner than the 12 months promised", () => {
    const withOperation = (operation: object) => ({ paths: { "/v1/x": { get: operation } } });
    expect(() => deprecationRules(withOperation({ deprecated: true }))).toThrow(/x-deprecation\.since/);
    expect(() => deprecationRules(withOperation(deprecated({ since: "2026-12-01", sunset: "2027-06-01" })))).toThrow(
      /12 months/,
    );
    expect(deprecationRules(withOperation({ deprecated: false }))).toEqual([]);
  });

  it("reads the API's own document: GET /v1/stats?session= is deprecated in favour of sessionId", () => {
    const rules = deprecationRules(openApiDocument());
    expect(deprecationOf(rules, "GET", "/v1/stats", { session: "s1" })?.since.toISOString()).toBe(
      "2026-12-03T00:00:00.000Z",
    );
    expect(deprecationOf(rules, "GET", "/v1/stats", { sessionId: "s1" })).toBeUndefined();
    const parameter = (
      (openApiDocument().paths as Record<string, { get: { parameters: { name: string; deprecated?: boolean }[] } }>)[
        "/v1/stats"
      ]?.get.parameters ?? []
    ).find((candidate) => candidate.name === "session");
    expect(parameter?.deprecated).toBe(true);
  });
});
