import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { nextAttemptAfter, WEBHOOK_RETRY_DELAYS_MS } from "./webhook-retries.ts";
import {
  huiyinSignature,
  signedWebhookHeaders,
  standardWebhookKey,
  standardWebhookSignature,
  webhookSignature,
} from "./webhook-signing.ts";

const secret = `whsec_${Buffer.from("0123456789abcdef0123456789abcdef").toString("base64")}`;

describe("webhook signatures", () => {
  it("keeps the Huiyin format of old for one secret, and adds one v1 per secret during an overlap", () => {
    const mac = (key: string) => createHmac("sha256", key).update("1700000000.{}").digest("hex");
    expect(webhookSignature(secret, "{}", 1_700_000_000)).toBe(`t=1700000000,v1=${mac(secret)}`);
    expect(huiyinSignature([secret, "whsec_old"], "{}", 1_700_000_000)).toBe(
      `t=1700000000,v1=${mac(secret)},v1=${mac("whsec_old")}`,
    );
  });

  it("signs Standard Webhooks style: base64 HMAC of id.timestamp.body keyed with the secret's decoded bytes", () => {
    expect(standardWebhookKey(secret).toString()).toBe("0123456789abcdef0123456789abcdef");
    // A secret of the base64url era decodes to the same bytes as its base64 spelling.
    const bytes = Buffer.from([0xfb, 0xff, 0xfe, 0x01]);
    expect(standardWebhookKey(`whsec_${bytes.toString("base64url")}`)).toEqual(bytes);
    const expected = createHmac("sha256", Buffer.from("0123456789abcdef0123456789abcdef"))
      .update("msg_1.1700000000.{}")
      .digest("base64");
    expect(standardWebhookSignature([secret], "msg_1", 1_700_000_000, "{}")).toBe(`v1,${expected}`);
    const two = standardWebhookSignature([secret, secret.replace("MDEy", "OTk5")], "msg_1", 1_700_000_000, "{}");
    expect(two.split(" ")).toHaveLength(2);
    expect(two.startsWith(`v1,${expected} v1,`)).toBe(true);
    expect(signedWebhookHeaders([secret], { id: "msg_1", body: "{}", unixSeconds: 1_700_000_000 })).toEqual({
      "huiyin-signature": webhookSignature(secret, "{}", 1_700_000_000),
      "webhook-id": "msg_1",
      "webhook-timestamp": "1700000000",
      "webhook-signature": `v1,${expected}`,
    });
  });
});

describe("the retry schedule", () => {
  it("spreads eight attempts over about a day, then stops", () => {
    const at = new Date("2026-12-04T00:00:00Z");
    const total = WEBHOOK_RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0);
    expect(total).toBeGreaterThan(20 * 3_600_000);
    expect(total).toBeLessThan(26 * 3_600_000);
    expect(nextAttemptAfter(1, at, WEBHOOK_RETRY_DELAYS_MS)).toEqual(new Date("2026-12-04T00:00:05Z"));
    expect(nextAttemptAfter(7, at, WEBHOOK_RETRY_DELAYS_MS)).toEqual(new Date("2026-12-04T12:00:00Z"));
    expect(nextAttemptAfter(8, at, WEBHOOK_RETRY_DELAYS_MS)).toBeNull();
    expect(nextAttemptAfter(1, at, [])).toBeNull();
  });
});
