import { createHash } from "node:crypto";
import { escapeHtml } from "../http/docs.ts";
import type { PublicProposal } from "./view.ts";

/**
 * The public pages (公开), server-rendered in zh-CN: every text is escaped, there is no script, and the one inline
 * style is allowed by its hash, so the page's Content-Security-Policy forbids everything else.
 */
const STYLE = `body{font:16px/1.6 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}.meta{color:#555;font-size:14px}
li{margin:.3rem 0}.reply{border-left:3px solid #ccc;padding-left:.8rem;margin:1rem 0;white-space:pre-wrap}`;

export const PAGE_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const CLASSES: Record<string, string> = {
  A: "A 类（已解决或采纳）",
  B: "B 类（正在解决或列入计划）",
  C: "C 类（留作参考）",
};

const day = (iso: string | null) => (iso ? escapeHtml(iso.slice(0, 10)) : "—");

function page(heading: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(heading)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(heading)}</h1>${body}</body></html>`;
}

/** `GET /public` or `GET /public/proposals` (Accept: text/html): the published proposals, newest first, each linking to its page. */
export function listPage(items: readonly PublicProposal[], base = "/public"): string {
  const rows = items.map(
    (item) =>
      `<li><a href="${base}/proposals/${encodeURIComponent(item.id)}">${escapeHtml(item.title)}</a>` +
      ` <span class="meta">公开于 ${day(item.publishedAt)}</span></li>`,
  );
  const body = rows.length === 0 ? "<p>暂无公开的提案。</p>" : `<ul>${rows.join("\n")}</ul>`;
  return page("提案及答复公开", body);
}

/** `GET /public/proposals/:id` (Accept: text/html): one published proposal and its accepted replies. */
export function itemPage(item: PublicProposal, base = "/public"): string {
  const suggestions = item.suggestions.map((suggestion) => `<li>${escapeHtml(suggestion)}</li>`).join("");
  const replies = item.replies
    .map(
      (reply) =>
        `<h3>${escapeHtml(reply.unitName)} <span class="meta">${escapeHtml(CLASSES[reply.classification] ?? reply.classification)}，答复于 ${day(reply.repliedAt)}</span></h3>` +
        `<div class="reply">${escapeHtml(reply.text)}</div>`,
    )
    .join("\n");
  const files =
    item.attachments.length === 0
      ? ""
      : `<h2>附件</h2><ul>${item.attachments
          .map(
            (file) =>
              `<li><a href="${escapeHtml(file.href)}" download>${escapeHtml(file.filename)}</a>` +
              ` <span class="meta">${file.unitName ? `${escapeHtml(file.unitName)} · ` : ""}${Math.ceil(file.size / 1024)} KB</span></li>`,
          )
          .join("")}</ul>`;
  const redactions =
    item.redactions.length === 0
      ? ""
      : `<h2>删除说明</h2><ul>${item.redactions
          .map((redaction) => `<li>${escapeHtml(redaction.field)}：${escapeHtml(redaction.reason)}</li>`)
          .join("")}</ul>`;
  const body = `<p class="meta">类别：${escapeHtml(item.category ?? "—")} · 提交于 ${day(item.submittedAt)} · 公开于 ${day(item.publishedAt)}</p>
<h2>理由</h2><p>${escapeHtml(item.reasons)}</p>
<h2>建议</h2><ol>${suggestions}</ol>
<h2>答复</h2>${replies}
${files}
${redactions}
<p><a href="${base}">返回公开列表</a></p>`;
  return page(item.title, body);
}
