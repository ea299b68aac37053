import { describe, expect, it } from "vitest";
import { ackLink, proposalLink, verifyAckSignature } from "./links.ts";

const secret = "s".repeat(32);

describe("acknowledge links", () => {
  it("sign the notice and the person, and verify only with both and the secret", () => {
    const url = new URL(ackLink("https://huiyin.example/", secret, "p_1.7.0", "wang"));
    expect(url.pathname).toBe("/v1/notifications/p_1.7.0/ack");
    expect(url.searchParams.get("person")).toBe("wang");
    const sig = url.searchParams.get("sig") ?? "";
    expect(verifyAckSignature(secret, "p_1.7.0", "wang", sig)).toBe(true);
    expect(verifyAckSignature(secret, "p_1.7.0", "li", sig)).toBe(false);
    expect(verifyAckSignature(secret, "p_1.8.0", "wang", sig)).toBe(false);
    expect(verifyAckSignature("t".repeat(32), "p_1.7.0", "wang", sig)).toBe(false);
    expect(verifyAckSignature(secret, "p_1.7.0", "wang", "short")).toBe(false);
  });

  it("link to the proposal under the public base URL", () => {
    expect(proposalLink("http://127.0.0.1:3000", "p_1")).toBe("http://127.0.0.1:3000/v1/proposals/p_1");
  });
});
