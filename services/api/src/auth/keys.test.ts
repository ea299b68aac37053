import { describe, expect, it } from "vitest";
import { bearerToken, generateKey, hashKey, prefixOf } from "./keys.ts";

describe("API keys", () => {
  it("are random, carry their public prefix, and are stored only as their SHA-256", () => {
    const one = generateKey();
    const two = generateKey();
    expect(one.key).not.toBe(two.key);
    expect(one.key.startsWith(`${one.prefix}_`)).toBe(true);
    expect(one.prefix).toMatch(/^hy_[A-Za-z0-9]{12}$/);
    expect(one.hash).toBe(hashKey(one.key));
    expect(one.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(one.hash).not.toContain(one.key.slice(one.prefix.length + 1));
    expect(prefixOf(one.key)).toBe(one.prefix);
  });

  it("names a key from outside by a hash fragment, never by its text", () => {
    const outside = "a-key-an-operator-chose-of-enough-length";
    expect(prefixOf(outside)).toMatch(/^ext_[0-9a-f]{12}$/);
    expect(prefixOf(outside)).not.toContain("operator");
  });

  it("reads only well-formed Bearer headers", () => {
    expect(bearerToken("Bearer hy_abcdefghijkl_secretsecret")).toBe("hy_abcdefghijkl_secretsecret");
    expect(bearerToken("bearer hy_abcdefghijkl_secretsecret")).toBe("hy_abcdefghijkl_secretsecret");
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken("Basic dXNlcjpwYXNzd29yZA==")).toBeUndefined();
    expect(bearerToken("Bearer short")).toBeUndefined();
    expect(bearerToken("Bearer two words-here-long-enough")).toBeUndefined();
  });
});
