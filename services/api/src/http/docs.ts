import { createHash } from "node:crypto";
import type { RequestHandler } from "express";

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:2rem}code{font:13px ui-monospace,monospace}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
.m{font-weight:600;text-transform:uppercase;width:4.5rem}.s{color:#555;font-size:13px}`;

interface Operation {
  summary?: string;
  responses?: Record<string, unknown>;
}

/**
 * `GET /v1/docs`: a page listing every operation of the OpenAPI document, for people who open the API in a browser.
 * It is built once from the document and is self-contained: no script, no CDN, one inline style allowed by its hash,
 * so its Content-Security-Policy can forbid everything else.
 */
export function docsPage(document: Record<string, unknown>): RequestHandler {
  const info = (document.info ?? {}) as { title?: string; description?: string };
  const paths = (document.paths ?? {}) as Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  const rows = Object.entries(paths).flatMap(([path, operations]) =>
    METHODS.flatMap((method) => {
      const operation = operations[method];
      if (!operation) return [];
      const statuses = Object.keys(operation.responses ?? {}).join(" ");
      return [
        `<tr><td class="m">${method}</td><td><code>${escapeHtml(path)}</code></td>` +
          `<td>${escapeHtml(operation.summary ?? "")}<div class="s">${escapeHtml(statuses)}</div></td></tr>`,
      ];
    }),
  );
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(info.title ?? "API")}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(info.title ?? "API")}</h1><p>${escapeHtml(info.description ?? "")}</p>
<p>The machine-readable description: <a href="/v1/openapi.json"><code>/v1/openapi.json</code></a> (OpenAPI 3.1); browsable, with requests to try: <a href="/v1/reference">/v1/reference</a>.</p>
<h2>Operations</h2><table><thead><tr><th>method</th><th>path</th><th>what, and the statuses it answers</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table></body></html>`;
  const styleHash = createHash("sha256").update(STYLE).digest("base64");
  const policy = [
    "default-src 'none'",
    `style-src 'sha256-${styleHash}'`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  return (_request, response) => {
    response.setHeader("Content-Security-Policy", policy);
    response.type("html").send(html);
  };
}
