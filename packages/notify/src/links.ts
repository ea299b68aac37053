import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * How long an acknowledge link works after its e-mail was written. Long enough for a leader back from a trip;
 * short enough that a forwarded or archived message stops acknowledging on someone's behalf.
 */
const ACK_LINK_LIFETIME_S = 30 * 24 * 3600;

/** The message an acknowledge link signs: which notice, acknowledged by whom, until when (Unix seconds). */
function payload(noticeId: string, personId: string, expires: number): string {
  return `ack\n${noticeId}\n${personId}\n${expires}`;
}

function signature(secret: string, noticeId: string, personId: string, expires: number): string {
  return createHmac("sha256", secret)
    .update(payload(noticeId, personId, expires))
    .digest("base64url");
}

/** The path of the acknowledge page of a notice: outside the bearer-key API, the link is the credential. */
function ackLinkPath(noticeId: string): string {
  return `/v1/notifications/${encodeURIComponent(noticeId)}/ack-link`;
}

/**
 * A link that acknowledges one notice for one person without logging in, valid for 30 days from `now`:
 * HMAC-SHA256 over the notice, the person and the expiry with the notifier's link secret. Opening it shows a
 * confirmation page; only its button (a POST) acknowledges, so mail scanners that fetch links change nothing.
 * The API checks it with `verifyAckSignature` and the same secret.
 */
export function ackLink(baseUrl: string, secret: string, noticeId: string, personId: string, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + ACK_LINK_LIFETIME_S;
  const url = new URL(ackLinkPath(noticeId), baseUrl);
  url.searchParams.set("person", personId);
  url.searchParams.set("exp", String(expires));
  url.searchParams.set("sig", signature(secret, noticeId, personId, expires));
  return url.toString();
}

/**
 * Whether `sig` is the acknowledge signature of this notice, person and expiry (constant-time comparison).
 * The expiry is signed, so a link cannot be extended; whether it has passed is the caller's to check.
 */
export function verifyAckSignature(
  secret: string,
  noticeId: string,
  personId: string,
  expires: number,
  sig: string,
): boolean {
  const expected = Buffer.from(signature(secret, noticeId, personId, expires));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The link to a proposal in messages: its page in the console, which asks the reader to sign in first when needed
 * and then shows the proposal (the API itself would answer 401 to a browser).
 */
export function proposalLink(baseUrl: string, proposalId: string): string {
  return new URL(`/console/proposals/${encodeURIComponent(proposalId)}`, baseUrl).toString();
}

/** The link of an invitation: the console's page, the token in the fragment (never sent to a server, nor logged). */
export function invitationLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/console/invitation#${token}`;
}
