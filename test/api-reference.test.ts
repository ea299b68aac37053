import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";
import { ensureChromium, launchChromium } from "./support/browser.ts";

/**
 * `GET /v1/reference`: Swagger UI from the installed package renders the served OpenAPI document in a real browser
 * (Debian's Chromium), under a CSP that allows scripts from this origin only and no request anywhere else; the
 * plain `/v1/docs` stays and links to it.
 */
let api: ApiHarness;
let browser: Browser;

beforeAll(async () => {
  ensureChromium();
  api = await startApi();
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe("GET /v1/reference", () => {
  it("serves the page and Swagger UI's assets from this origin under a strict CSP, without a key", async () => {
    const page = await fetch(`${api.base}/v1/reference`);
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(sources.every((source) => source.startsWith("/v1/"))).toBe(true);
    expect(html).not.toMatch(/<script>/);
    for (const asset of ["swagger-ui-bundle.js", "swagger-ui.css", "init.js"]) {
      const answer = await fetch(`${api.base}/v1/reference/${asset}`);
      expect(answer.status, asset).toBe(200);
    }
    // Nothing else of the package is served (the path falls through to the authenticated API).
    expect((await fetch(`${api.base}/v1/reference/package.json`)).status).not.toBe(200);
    expect(await (await fetch(`${api.base}/v1/docs`)).text()).toContain('href="/v1/reference"');
  });

  it("renders every tag's operations in Chromium with no CSP violation and no request elsewhere", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    const elsewhere: string[] = [];
    page.on("console", (message) => {
      // A failed load is reported below with its URL.
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
        problems.push(message.text());
      }
    });
    page.on("response", (response) => {
      // The browser asks for /favicon.ico by itself; the api has none.
      if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
        problems.push(`${response.status()} ${response.url()}`);
      }
    });
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("request", (request) => {
      if (!request.url().startsWith(api.base) && !request.url().startsWith("data:")) elsewhere.push(request.url());
    });
    await page.goto(`${api.base}/v1/reference`);
    await page.locator(".opblock").first().waitFor({ timeout: 30_000 });
    const document = (await api.call("GET", "/v1/openapi.json", { key: null })).body;
    // One block per operation of the paths and per webhook payload (OpenAPI 3.1's `webhooks` section).
    const items = [
      ...Object.values(document.paths as Record<string, object>),
      ...Object.values((document.webhooks ?? {}) as Record<string, object>),
    ];
    const operations = items.flatMap((item) =>
      Object.keys(item).filter((method) => ["get", "post", "put", "patch", "delete"].includes(method)),
    ).length;
    // Every operation is rendered (Swagger UI's block ids end with the operation id); a webhook may render more.
    expect(await page.locator(".opblock").count()).toBeGreaterThanOrEqual(operations);
    const blockIds = await page.locator(".opblock").evaluateAll((blocks) => blocks.map((block) => block.id));
    const operationIds = Object.values(document.paths as Record<string, Record<string, { operationId?: string }>>)
      .flatMap((item) => Object.values(item))
      .flatMap((operation) => (operation.operationId ? [operation.operationId] : []));
    expect(operationIds.length).toBeGreaterThan(90);
    for (const id of operationIds)
      expect(
        blockIds.some((block) => block.endsWith(`-${id}`)),
        id,
      ).toBe(true);
    expect(await page.locator(".info .title").textContent()).toContain(document.info.title);
    expect(problems).toEqual([]);
    expect(elsewhere).toEqual([]);
    await context.close();
  });
});
