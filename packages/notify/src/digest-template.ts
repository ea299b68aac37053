import type { DigestContent, DigestEscalationItem, DigestItem } from "./digest.ts";
import type { Language } from "./directory.ts";
import { proposalLink } from "./links.ts";
import { deadlineName, escapeHtml, formatDate, formatLateness, type RenderedMessage } from "./templates.ts";

const WORDS = {
  "zh-CN": {
    subject: (c: DigestContent) =>
      `【回音】每日摘要 ${c.date}：逾期 ${c.overdue.length} 项，七日内到期 ${c.dueSoon.length} 项，督办 ${c.escalated.length} 项`,
    greeting: (name: string) => `${name}，您好：`,
    intro: (asOf: string) => `以下是截至 ${asOf} 您负责或督办的提案办理情况。`,
    overdue: "已逾期",
    dueSoon: "七日内到期",
    escalated: "上次摘要以来的逾期督办",
    none: "无",
    separator: " · ",
    due: (at: string) => `截止 ${at}`,
    late: (by: string) => `已逾期 ${by}`,
    left: (by: string) => `还有 ${by}`,
    level: (level: number) => `第${level}级督办`,
    acknowledged: (yes: boolean) => (yes ? "已确认" : "未确认"),
  },
  en: {
    subject: (c: DigestContent) =>
      `[huiyin] Daily digest ${c.date}: ${c.overdue.length} overdue, ${c.dueSoon.length} due within 7 days, ${c.escalated.length} escalated`,
    greeting: (name: string) => `Dear ${name},`,
    intro: (asOf: string) => `the proposals you handle or supervise, as of ${asOf}.`,
    overdue: "Overdue",
    dueSoon: "Due within 7 days",
    escalated: "Escalated since the last digest",
    none: "none",
    separator: " · ",
    due: (at: string) => `due ${at}`,
    late: (by: string) => `${by} late`,
    left: (by: string) => `in ${by}`,
    level: (level: number) => `escalation level ${level}`,
    acknowledged: (yes: boolean) => (yes ? "acknowledged" : "not acknowledged"),
  },
} as const;

interface Entry {
  title: string;
  details: string;
  href: string;
}
interface Section {
  heading: string;
  entries: Entry[];
}

function sections(content: DigestContent, language: Language, baseUrl: string): Section[] {
  const words = WORDS[language];
  const asOf = new Date(content.asOf).getTime();
  const date = (iso: string) => formatDate(new Date(iso), language, content.timeZone);
  const entry = (item: DigestItem, extra: string[]): Entry => ({
    title: `${item.proposalTitle} (${item.proposalId})`,
    details: [deadlineName(item.deadlineKind, language), ...(item.unitName ? [item.unitName] : []), ...extra].join(
      words.separator,
    ),
    href: proposalLink(baseUrl, item.proposalId),
  });
  const dueAtMs = (item: DigestItem) => new Date(item.dueAt).getTime();
  return [
    {
      heading: words.overdue,
      entries: content.overdue.map((item) =>
        entry(item, [words.due(date(item.dueAt)), words.late(formatLateness(asOf - dueAtMs(item), language))]),
      ),
    },
    {
      heading: words.dueSoon,
      entries: content.dueSoon.map((item) =>
        entry(item, [words.due(date(item.dueAt)), words.left(formatLateness(dueAtMs(item) - asOf, language))]),
      ),
    },
    {
      heading: words.escalated,
      entries: content.escalated.map((item: DigestEscalationItem) =>
        entry(item, [words.level(item.level), date(item.escalatedAt), words.acknowledged(item.acknowledged)]),
      ),
    },
  ];
}

/**
 * The e-mail of one person's digest in their language: the overdue deadlines (how late), those due within 7 days
 * (how long is left), the escalations since the last digest (level, when, acknowledged or not), each with the link
 * to its proposal. Plain text and HTML say the same.
 */
export function renderDigest(
  content: DigestContent,
  language: Language,
  recipient: { name: string; publicBaseUrl: string },
): RenderedMessage {
  const words = WORDS[language];
  const subject = words.subject(content);
  const intro = [
    words.greeting(recipient.name),
    words.intro(formatDate(new Date(content.asOf), language, content.timeZone)),
  ];
  const parts = sections(content, language, recipient.publicBaseUrl);
  const text = [
    ...intro,
    ...parts.flatMap((section) => [
      "",
      `${section.heading} (${section.entries.length})`,
      ...(section.entries.length === 0
        ? [words.none]
        : section.entries.flatMap((e) => [`- ${e.title}`, `  ${e.details}`, `  ${e.href}`])),
    ]),
  ].join("\n");
  const html = [
    `<!doctype html><html lang="${language}"><body>`,
    ...intro.map((line) => `<p>${escapeHtml(line)}</p>`),
    ...parts.map(
      (section) =>
        `<h2>${escapeHtml(section.heading)} (${section.entries.length})</h2>${
          section.entries.length === 0
            ? `<p>${escapeHtml(words.none)}</p>`
            : `<ul>${section.entries
                .map(
                  (e) =>
                    `<li><a href="${escapeHtml(e.href)}">${escapeHtml(e.title)}</a><br>${escapeHtml(e.details)}</li>`,
                )
                .join("")}</ul>`
        }`,
    ),
    "</body></html>",
  ].join("");
  return { subject, text: `${text}\n`, html };
}
