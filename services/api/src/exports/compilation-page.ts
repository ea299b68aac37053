import type { ProposalRecord } from "./proposal-record.ts";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML text: every character that could open markup is escaped (a title is anyone's input). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Paragraphs of a text with line breaks. */
const paragraphs = (text: string) =>
  text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join("");

/**
 * The printable 提案汇编: a page that prints one proposal per sheet (print CSS), with no script at all, so it
 * is served under the api's strict Content-Security-Policy as it is (styles inline, which that policy allows).
 */
export function compilationHead(title: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; margin: 2em auto; max-width: 46em; line-height: 1.8; }
h1 { text-align: center; font-size: 1.8em; }
article { border-top: 1px solid #999; padding-top: 1em; margin-top: 2em; }
article h2 { font-size: 1.3em; text-align: center; }
dl { display: grid; grid-template-columns: 7em 1fr; gap: 0.2em 1em; }
dt { font-weight: bold; }
section h3 { font-size: 1.05em; margin-bottom: 0.2em; }
p { text-indent: 2em; margin: 0.3em 0; }
@page { size: A4; margin: 2cm; }
@media print {
  body { margin: 0; max-width: none; }
  article { border-top: none; margin-top: 0; break-before: page; }
  article:first-of-type { break-before: auto; }
}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
`;
}

export function compilationArticle(record: ProposalRecord, attachments: readonly string[]): string {
  const field = (label: string, value: string) =>
    value ? `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>` : "";
  const section = (label: string, body: string) =>
    body ? `<section><h3>${escapeHtml(label)}</h3>${body}</section>` : "";
  return `<article id="${escapeHtml(record.id)}">
<h2>${record.number ? `${escapeHtml(record.number)} ` : ""}${escapeHtml(record.title)}</h2>
<dl>${field("提案者", record.proposers)}${field("类别", record.category)}${field("承办单位", record.units)}${field("答复类别", record.grade)}${field("评价", record.evaluation)}</dl>
${section("理由", paragraphs(record.reasons))}${section("建议", paragraphs(record.suggestions))}${section("答复", paragraphs(record.replies))}${section("附件", attachments.length ? `<ul>${attachments.map((name) => `<li>${escapeHtml(name)}</li>`).join("")}</ul>` : "")}
</article>
`;
}

export function compilationFoot(count: number): string {
  return `<footer><p>共 ${count} 件</p></footer>\n</body>\n</html>\n`;
}
