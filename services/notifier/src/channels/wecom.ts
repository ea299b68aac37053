import type { ChannelAdapter, RobotRecipient } from "./adapter.ts";
import { type HttpsSettings, isAnswer, postJson } from "./https.ts";
import { robotResult } from "./robot-answer.ts";

/**
 * 企业微信 errcodes no retry changes: 93000 invalid webhook URL (the robot was removed), 40008 invalid message type,
 * 40058 invalid parameter, 93017 the message's @-list is invalid. Others (-1 busy, 45009 rate limit) are retried.
 */
const PERMANENT = new Set([93000, 40008, 40058, 93017]);

/** WeCom markdown is at most 4096 bytes. */
const MAX_BYTES = 4000;

/**
 * A 企业微信 (and 政务微信, the same API on the government's deployment) group robot: POST
 * `{"msgtype": "markdown", "markdown": {"content": …}}` to its webhook URL (`…/cgi-bin/webhook/send?key=…`, the key
 * is the credential), then read the errcode of the answer.
 */
export function wecomAdapter(https: HttpsSettings): ChannelAdapter<RobotRecipient> {
  return {
    channel: "wecom",
    async send(message, robot) {
      const answer = await postJson(
        robot.url,
        { msgtype: "markdown", markdown: { content: truncateBytes(message.markdown, MAX_BYTES) } },
        {},
        https,
      );
      return isAnswer(answer) ? robotResult(answer, PERMANENT) : answer;
    },
  };
}

/** Cuts text to at most `max` UTF-8 bytes on a character boundary. */
export function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = "";
  for (const character of text) {
    if (Buffer.byteLength(out + character) > max - 3) break;
    out += character;
  }
  return `${out}…`;
}
