import { createHmac, timingSafeEqual } from "node:crypto";

/** The message an acknowledge link signs: which notice, acknowledged by whom. */
function payload(noticeId: string, personId: string): string {
  return `ack\n${noticeId}\n${personId}`;
}

function signature(secret: string, noticeId: string, personId: string): string {
  return createHmac("sha256", secret).update(payload(noticeId, personId)).digest("base64url");
}

/**
 * A link that acknowledges one notice for one person without logging in: HMAC-SHA256 over the notice and the
 * person with the notifier's link secret. The API verifies it with `verifyAckSignature` and the same secret.
 */
export function ackLink(baseUrl: string, secret: string, noticeId: string, personId: string): string {
  const url = new URL(`/v1/notifications/${encodeURIComponent(noticeId)}/ack`, baseUrl);
  url.searchParams.set("person", personId);
  url.searchParams.set("sig", signature(secret, noticeId, personId));
  return url.toString();
}

/** Whether `sig` is the acknowledge signature of this notice and person (constant-time comparison). */
export function verifyAckSignature(secret: string, noticeId: string, personId: string, sig: string): boolean {
  const expected = Buffer.from(signature(secret, noticeId, personId));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The link to a proposal in messages. */
export function proposalLink(baseUrl: string, proposalId: string): string {
  return new URL(`/v1/proposals/${encodeURIComponent(proposalId)}`, baseUrl).toString();
}
