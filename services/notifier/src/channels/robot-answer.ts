import type { SendResult } from "./adapter.ts";
import { type JsonAnswer, resultOfStatus } from "./https.ts";

/**
 * What a robot's answer means. Both 企业微信 and 钉钉 answer HTTP 200 with `{"errcode": 0, "errmsg": "ok"}` when
 * they took the message, and HTTP 200 with another errcode when they did not: the status alone says nothing.
 * `permanent` lists the errcodes no retry changes (the robot was removed, its key or signature is wrong, the
 * message breaks its security settings); any other errcode (busy, rate limited: 20 messages a minute) is retried.
 */
export function robotResult(answer: JsonAnswer, permanent: ReadonlySet<number>): SendResult {
  const byStatus = resultOfStatus(answer.status);
  if (byStatus.status !== "delivered") return byStatus;
  const errcode = (answer.json as { errcode?: unknown } | undefined)?.errcode;
  if (errcode === 0) return { status: "delivered" };
  if (typeof errcode !== "number") return { status: "retryable", reason: "the robot's answer has no errcode" };
  const errmsg = String((answer.json as { errmsg?: unknown }).errmsg ?? "").slice(0, 200);
  const reason = `errcode ${errcode}${errmsg ? `: ${errmsg}` : ""}`;
  return permanent.has(errcode) ? { status: "permanent", reason } : { status: "retryable", reason };
}
