import { createHmac } from "node:crypto";
import type { ChannelAdapter, SmsRecipient } from "./adapter.ts";
import { type HttpsSettings, isAnswer, postJson, resultOfStatus } from "./https.ts";

export interface SmsGateway {
  /** NOTIFY_SMS_URL: an https URL. */
  url: string;
  /** NOTIFY_SMS_API_KEY. */
  apiKey: string;
}

/**
 * The signature of one SMS request: hex HMAC-SHA256 under the API key of `<timestamp>.<body>`, so the gateway can
 * check that the body came from the key's holder and is not a replay of an old one.
 */
export function smsSignature(apiKey: string, timestamp: string, body: string): string {
  return createHmac("sha256", apiKey).update(`${timestamp}.${body}`).digest("hex");
}

/**
 * SMS through an HTTP gateway, the generic form most Chinese SMS platforms' relays accept: a JSON POST
 * `{ to, text, reference }` with `X-Api-Key`, `X-Timestamp` (ms) and `X-Signature` (`smsSignature`). A 2xx answer is
 * delivered (to the gateway: the carrier's receipt is the gateway's business); 408, 429 and 5xx are retried; any
 * other refusal (a bad key, a number the gateway rejects) is final.
 */
export function smsAdapter(
  gateway: SmsGateway,
  https: HttpsSettings,
  now: () => number = Date.now,
): ChannelAdapter<SmsRecipient> {
  return {
    channel: "sms",
    async send(message, recipient) {
      const body = JSON.stringify({ to: recipient.phone, text: message.sms, reference: message.reference });
      const timestamp = String(now());
      const answer = await postJson(
        gateway.url,
        body,
        {
          "x-api-key": gateway.apiKey,
          "x-timestamp": timestamp,
          "x-signature": smsSignature(gateway.apiKey, timestamp, body),
        },
        https,
      );
      return isAnswer(answer) ? resultOfStatus(answer.status) : answer;
    },
  };
}
