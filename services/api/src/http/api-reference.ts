import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type RequestHandler, Router } from "express";

/**
 * The page's Content-Security-Policy: everything from this origin only (Swagger UI's bundle, our initializer, the
 * OpenAPI document, "Try it out" requests), no inline script, nothing fetched from anywhere else. Styles allow
 * `'unsafe-inline'` for the style attributes Swagger UI's React components set (no code runs from a style).
 */
export const REFERENCE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Swagger UI's files the page uses, from the installed swagger-ui-dist package (no CDN). */
const ASSETS: Record<string, string> = {
  "swagger-ui-bundle.js": "application/javascript; charset=utf-8",
  "swagger-ui.css": "text/css; charset=utf-8",
};

/**
 * Starts Swagger UI on the served document: a file of ours rather than an inline script, so the CSP needs no
 * exception. `validatorUrl: null`: Swagger UI would otherwise send the document to its public validator.
 */
const INITIALIZER = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    supportedSubmitMethods: ["get", "post", "put", "patch", "delete"],
  });
});
`;

/**
 * `GET /v1/reference`: the OpenAPI document as a browsable page (Swagger UI, served from the installed
 * swagger-ui-dist package), with "Try it out" against this api; `/v1/docs` stays the plain, script-free list as a
 * fallback. No key is needed for the page, as for the document it renders.
 */
export function apiReference(title: string): Router {
  const dist = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const files = new Map(
    Object.entries(ASSETS).map(([name, type]) => [name, { type, body: readFileSync(path.join(dist, name)) }]),
  );
  files.set("init.js", { type: ASSETS["swagger-ui-bundle.js"] as string, body: Buffer.from(INITIALIZER, "utf8") });
  const escaped = title.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escaped}</title><link rel="stylesheet" href="/v1/reference/swagger-ui.css"></head>
<body><noscript><p>This page needs JavaScript; <a href="/v1/docs">the plain list of operations</a> does not.</p></noscript>
<div id="swagger-ui"></div>
<script src="/v1/reference/swagger-ui-bundle.js"></script><script src="/v1/reference/init.js"></script></body></html>
`;
  const csp: RequestHandler = (_request, response, next) => {
    response.setHeader("Content-Security-Policy", REFERENCE_CSP);
    next();
  };
  const router = Router();
  router.get("/reference", csp, (_request, response) => {
    response.setHeader("Cache-Control", "no-cache");
    response.type("html").send(page);
  });
  router.get("/reference/:file", csp, (request, response, next) => {
    const file = files.get(String(request.params.file));
    if (!file) return next();
    response.setHeader("Cache-Control", "public, max-age=3600");
    response.type(file.type).send(file.body);
  });
  return router;
}
