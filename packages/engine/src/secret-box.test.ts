import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type Keyring, openSecret, SecretBoxError, sealedWith, sealSecret } from "./secret-box.ts";

const old = { id: "k2025", key: randomBytes(32) };
const current = { id: "k2026", key: randomBytes(32) };
const secret = `whsec_${randomBytes(32).toString("base64url")}`;

describe("the secret box", () => {
  it("opens what it sealed, and the sealed text shows nothing of the secret", () => {
    const sealed = sealSecret([current], secret, "wh_1");
    expect(sealed).toMatch(/^v1:k2026:[\w-]+:[\w-]+:[\w-]+$/);
    expect(sealed).not.toContain(secret.slice(6, 16));
    expect(openSecret([current], sealed, "wh_1")).toBe(secret);
    // A fresh IV each time: the same secret never seals to the same text.
    expect(sealSecret([current], secret, "wh_1")).not.toBe(sealed);
  });

  it("refuses to open with another key of the same name, on another row, or once changed", () => {
    const sealed = sealSecret([current], secret, "wh_1");
    expect(() => openSecret([{ id: "k2026", key: randomBytes(32) }], sealed, "wh_1")).toThrow(SecretBoxError);
    expect(() => openSecret([current], sealed, "wh_2")).toThrow(SecretBoxError);
    const parts = sealed.split(":");
    const ciphertext = Buffer.from(parts[3] as string, "base64url");
    ciphertext[0] = (ciphertext[0] ?? 0) ^ 1;
    parts[3] = ciphertext.toString("base64url");
    expect(() => openSecret([current], parts.join(":"), "wh_1")).toThrow(SecretBoxError);
    const shortTag = [...sealed.split(":").slice(0, 4), "AAAA"].join(":");
    expect(() => openSecret([current], shortTag, "wh_1")).toThrow(SecretBoxError);
    expect(() => openSecret([current], "whsec_clear", "wh_1")).toThrow(SecretBoxError);
  });

  it("rotates: the first key seals, every key opens, a dropped key's values no longer open", () => {
    const before = sealSecret([old], secret, "wh_1");
    const ring: Keyring = [current, old];
    expect(openSecret(ring, before, "wh_1")).toBe(secret);
    const after = sealSecret(ring, openSecret(ring, before, "wh_1"), "wh_1");
    expect(sealedWith(after)).toBe("k2026");
    expect(sealedWith(before)).toBe("k2025");
    expect(openSecret([current], after, "wh_1")).toBe(secret);
    expect(() => openSecret([current], before, "wh_1")).toThrow(/k2025/);
  });

  it("never puts the key or the secret into its errors", () => {
    const sealed = sealSecret([current], secret, "wh_1");
    try {
      openSecret([{ id: "k2026", key: old.key }], sealed, "wh_1");
      expect.unreachable();
    } catch (error) {
      const text = String((error as Error).message);
      expect(text).not.toContain(old.key.toString("base64"));
      expect(text).not.toContain(secret);
    }
    expect(() => sealSecret([], secret, "wh_1")).toThrow(SecretBoxError);
  });
});
