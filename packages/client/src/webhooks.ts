import { createHmac, timingSafeEqual } from "node:crypto";
import type { components } from "./generated/api.js";

/** A body huiyin POSTs to a subscription, by topic (the OpenAPI document's `webhooks`). */
export type WebhookPayload =
  | components["schemas"]["WebhookProposalStage"]
  | components["schemas"]["WebhookProposalClosed"]
  | components["schemas"]["WebhookDeadlineEscalated"]
  | components["schemas"]["WebhookPing"];

export class WebhookVerificationError extends Error {
  override name = "WebhookVerificationError";
}

/** How far a request's timestamp may be from the receiver's clock: older ones are refused as replays. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

type Headers = Record<string, string | string[] | undefined> | { get(name: string): string | null };

function header(headers: Headers, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function")
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Verifies a webhook request as Standard Webhooks defines it and returns its parsed body: `webhook-signature` holds
 * `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">` keyed with the bytes of the secret
 * after `whsec_`. Pass every secret you hold during a rotation (the new and the old one): any match is enough.
 * `rawBody` must be the bytes as received, not a re-serialised object. Throws `WebhookVerificationError`.
 */
export function verifyWebhook(
  secrets: string | readonly string[],
  headers: Headers,
  rawBody: string | Uint8Array,
  options: { toleranceSeconds?: number; now?: Date } = {},
): WebhookPayload {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signature = header(headers, "webhook-signature");
  if (!id || !timestamp || !signature) throw new WebhookVerificationError("missing webhook-* headers");
  const seconds = Number(timestamp);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (!Number.isInteger(seconds) || Math.abs(now - seconds) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS))
    throw new WebhookVerificationError("timestamp too old or in the future");
  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
  const given = signature
    .split(" ")
    .filter((part) => part.startsWith("v1,"))
    .map((part) => Buffer.from(part.slice(3), "base64"));
  for (const secret of typeof secrets === "string" ? [secrets] : secrets) {
    const key = Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
    const expected = createHmac("sha256", key)
      .update(Buffer.concat([Buffer.from(`${id}.${seconds}.`, "utf8"), body]))
      .digest();
    if (given.some((mac) => mac.length === expected.length && timingSafeEqual(mac, expected)))
      return JSON.parse(body.toString("utf8")) as WebhookPayload;
  }
  throw new WebhookVerificationError("no signature matches");
}
