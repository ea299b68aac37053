import { createHmac } from "node:crypto";
import type { ChannelAdapter, RobotRecipient } from "./adapter.ts";
import { type HttpsSettings, isAnswer, postJson } from "./https.ts";
import { robotResult } from "./robot-answer.ts";
import { truncateBytes } from "./wecom.ts";

/**
 * 钉钉 errcodes no retry changes: 300001 / 400101 / 400102 token missing, invalid or robot stopped, 310000 the
 * message breaks the robot's security settings (signature, keyword, IP), 430101..430104 malformed message. Others
 * (-1 busy, 130101 sending too fast, 660026 rate limit) are retried.
 */
const PERMANENT = new Set([300001, 400101, 400102, 310000, 430101, 430102, 430103, 430104]);

/**
 * The signature of a 钉钉 robot with 加签 security: base64 of HMAC-SHA256 keyed by the secret over
 * `<timestamp>\n<secret>` (timestamp in ms; the robot refuses one more than an hour off).
 */
export function dingtalkSign(secret: string, timestamp: string): string {
  return createHmac("sha256", secret).update(`${timestamp}\n${secret}`, "utf8").digest("base64");
}

/** The robot's URL with `timestamp` and `sign` added (URL-encoded), as 钉钉 checks them. */
export function signedDingtalkUrl(url: string, secret: string, now: number): string {
  const signed = new URL(url);
  const timestamp = String(now);
  signed.searchParams.set("timestamp", timestamp);
  signed.searchParams.set("sign", dingtalkSign(secret, timestamp));
  return signed.toString();
}

/**
 * A 钉钉 group robot: POST `{"msgtype": "markdown", "markdown": {"title": …, "text": …}}` to its webhook URL
 * (`…/robot/send?access_token=…`), signed when it has a secret, then read the errcode of the answer.
 */
export function dingtalkAdapter(https: HttpsSettings, now: () => number = Date.now): ChannelAdapter<RobotRecipient> {
  return {
    channel: "dingtalk",
    async send(message, robot) {
      const url = robot.secret ? signedDingtalkUrl(robot.url, robot.secret, now()) : robot.url;
      const answer = await postJson(
        url,
        { msgtype: "markdown", markdown: { title: message.title, text: truncateBytes(message.markdown, 4000) } },
        {},
        https,
      );
      return isAnswer(answer) ? robotResult(answer, PERMANENT) : answer;
    },
  };
}
