import { createHmac } from "node:crypto";

/**
 * How a webhook body is signed. Two formats, both on every delivery:
 * - `Huiyin-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` keyed with the secret string as
 *   shown (`whsec_…`), the format receivers built before Standard Webhooks support; kept so they keep working.
 * - Standard Webhooks (https://www.standardwebhooks.com): `webhook-id`, `webhook-timestamp` and
 *   `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">` keyed with the bytes the secret
 *   encodes after `whsec_` (base64), so that the `standardwebhooks` libraries of every language verify it.
 * During a rotation's overlap each header carries one signature per valid secret (newest first); a receiver
 * accepts the body when any of them matches the secret it holds.
 */

/** One `v1=` signature of the Huiyin format (`webhookSignature` of old, with one secret). */
export function webhookSignature(secret: string, body: string, unixSeconds: number): string {
  return huiyinSignature([secret], body, unixSeconds);
}

/** `t=<t>,v1=<mac>[,v1=<mac>…]`: one `v1` per secret. */
export function huiyinSignature(secrets: readonly string[], body: string, unixSeconds: number): string {
  const macs = secrets.map(
    (secret) => `v1=${createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex")}`,
  );
  return [`t=${unixSeconds}`, ...macs].join(",");
}

/** The HMAC key of a `whsec_<base64>` secret (older secrets are base64url, which Node's decoder reads too). */
export function standardWebhookKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
}

/** `v1,<base64>[ v1,<base64>…]`: the Standard Webhooks `webhook-signature` value, one per secret. */
export function standardWebhookSignature(
  secrets: readonly string[],
  messageId: string,
  unixSeconds: number,
  body: string,
): string {
  return secrets
    .map(
      (secret) =>
        `v1,${createHmac("sha256", standardWebhookKey(secret)).update(`${messageId}.${unixSeconds}.${body}`).digest("base64")}`,
    )
    .join(" ");
}

/** Every signing header of one delivery attempt. `messageId` stays the same across retries and redeliveries. */
export function signedWebhookHeaders(
  secrets: readonly string[],
  message: { id: string; body: string; unixSeconds: number },
): Record<string, string> {
  return {
    "huiyin-signature": huiyinSignature(secrets, message.body, message.unixSeconds),
    "webhook-id": message.id,
    "webhook-timestamp": String(message.unixSeconds),
    "webhook-signature": standardWebhookSignature(secrets, message.id, message.unixSeconds, message.body),
  };
}
