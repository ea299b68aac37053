import type { Language } from "./directory.ts";
import { escapeHtml, formatDate, type RenderedMessage } from "./templates.ts";

/** What an invitation e-mail says: to whom, the link to set a password, and until when it works. */
export interface InvitationFacts {
  name: string;
  link: string;
  expiresAt: Date;
  timeZone: string;
}

const WORDS: Record<Language, { subject: string; hello: (name: string) => string; body: string; until: string }> = {
  "zh-CN": {
    subject: "邀请您登录回音提案办理系统",
    hello: (name) => `${name}，您好：`,
    body: "管理员邀请您使用回音提案办理系统。请打开下面的链接设置密码，链接只能使用一次：",
    until: "链接有效期至",
  },
  en: {
    subject: "You are invited to huiyin, the proposal office",
    hello: (name) => `Dear ${name},`,
    body: "An administrator invites you to huiyin. Open this link to set your password; it works once:",
    until: "The link works until",
  },
};

/**
 * The invitation e-mail in the person's language. The link is a credential: it is in the message and nowhere
 * else (the caller never logs the message).
 */
export function renderInvitation(facts: InvitationFacts, language: Language): RenderedMessage {
  const words = WORDS[language];
  const until = `${words.until} ${formatDate(facts.expiresAt, language, facts.timeZone)}`;
  const text = [words.hello(facts.name), "", words.body, facts.link, "", until].join("\n");
  const html =
    `<!doctype html><html lang="${language}"><body><p>${escapeHtml(words.hello(facts.name))}</p>` +
    `<p>${escapeHtml(words.body)}</p><p><a href="${escapeHtml(facts.link)}">${escapeHtml(facts.link)}</a></p>` +
    `<p>${escapeHtml(until)}</p></body></html>`;
  return { subject: words.subject, text, html };
}
