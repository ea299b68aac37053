import { describe, expect, it } from "vitest";
import { ackLink, proposalLink, verifyAckSignature } from "./links.ts";

const secret = "s".repeat(32);
const now = new Date("2026-12-01T08:00:00Z");

describe("acknowledge links", () => {
  it("sign the notice, the person and the expiry, and verify only with all three and the secret", () => {
    const url = new URL(ackLink("https://huiyin.example/", secret, "p_1.7.0", "wang", now));
    expect(url.pathname).toBe("/v1/notifications/p_1.7.0/ack-link");
    expect(url.searchParams.get("person")).toBe("wang");
    const expires = Number(url.searchParams.get("exp"));
    // Thirty days from when the e-mail was written.
    expect(expires).toBe(now.getTime() / 1000 + 30 * 24 * 3600);
    const sig = url.searchParams.get("sig") ?? "";
    expect(verifyAckSignature(secret, "p_1.7.0", "wang", expires, sig)).toBe(true);
    expect(verifyAckSignature(secret, "p_1.7.0", "li", expires, sig)).toBe(false);
    expect(verifyAckSignature(secret, "p_1.8.0", "wang", expires, sig)).toBe(false);
    // A link cannot be extended: the expiry is part of what is signed.
    expect(verifyAckSignature(secret, "p_1.7.0", "wang", expires + 3600, sig)).toBe(false);
    expect(verifyAckSignature("t".repeat(32), "p_1.7.0", "wang", expires, sig)).toBe(false);
    expect(verifyAckSignature(secret, "p_1.7.0", "wang", expires, "short")).toBe(false);
  });

  it("escape the notice id in the path", () => {
    expect(new URL(ackLink("https://huiyin.example", secret, "a/b", "wang", now)).pathname).toBe(
      "/v1/notifications/a%2Fb/ack-link",
    );
  });

  it("link to the proposal under the public base URL", () => {
    expect(proposalLink("http://127.0.0.1:3000", "p_1")).toBe("http://127.0.0.1:3000/console/proposals/p_1");
  });
});
