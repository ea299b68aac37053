import { type NoticeFacts, renderNotice } from "@huiyin/notify";
import type { ChannelMessage } from "./adapter.ts";

/** One SMS segment of Chinese text (UCS-2): 70 characters; a longer message is sent as 67-character parts. */
export const SMS_SEGMENT_CHARS = 70;
const CONCATENATED_SEGMENT_CHARS = 67;

/** Cuts text to at most `max` characters (code points), marking the cut. */
export function truncateChars(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join("")}…`;
}

/** How many SMS segments a text takes (UCS-2: 70 characters alone, 67 each when concatenated). */
export function smsSegments(text: string): number {
  const length = [...text].length;
  return length <= SMS_SEGMENT_CHARS ? 1 : Math.ceil(length / CONCATENATED_SEGMENT_CHARS);
}

/**
 * A notice as SMS and robots show it, in Chinese (the committees' working language; a group chat has no one
 * person's language). The SMS is the e-mail's subject (`【回音】逾期督办（第1级）：2026-0012 关于…`: kind, level,
 * proposal number and title) cut to one segment of 70 characters, then the console link, which the phone makes a
 * link of; so a notice is at most three segments whatever its title. The robots get the e-mail's text as markdown
 * under the subject as heading, with the console link as a markdown link.
 */
export function channelMessage(facts: NoticeFacts): ChannelMessage {
  const rendered = renderNotice(facts, "zh-CN");
  const link = facts.links.proposal;
  const lines = rendered.text
    .trimEnd()
    .split("\n")
    .map((line) => (line.includes(link) ? `[查看提案](${link})` : line));
  return {
    reference: facts.noticeId,
    title: truncateChars(rendered.subject, 64),
    sms: `${truncateChars(rendered.subject, SMS_SEGMENT_CHARS)} ${link}`,
    markdown: [`### ${rendered.subject}`, ...lines.map((line) => `> ${line}`), "", `[在控制台打开](${link})`].join(
      "\n",
    ),
    link,
  };
}
