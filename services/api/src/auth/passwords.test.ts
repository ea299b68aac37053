import { describe, expect, it } from "vitest";
import { hashPassword, parseHash, passwordWeakness, SCRYPT_PARAMETERS, verifyPassword } from "./passwords.ts";

/** A cheap cost for the round trips below; the production parameters are asserted separately. */
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe("password hashing", () => {
  it("uses scrypt with OWASP's parameters by default: N = 2^17, r = 8, p = 1 (128 MiB per hash)", () => {
    expect(SCRYPT_PARAMETERS).toEqual({ N: 131_072, r: 8, p: 1 });
    expect(128 * SCRYPT_PARAMETERS.N * SCRYPT_PARAMETERS.r).toBe(128 * 1024 * 1024);
  });

  it("stores the parameters, a random salt and the hash, never the password", async () => {
    const one = await hashPassword("长城-correct-horse", CHEAP);
    const two = await hashPassword("长城-correct-horse", CHEAP);
    expect(one).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(one).not.toBe(two);
    expect(one).not.toContain("correct-horse");
    expect(parseHash(one)).toMatchObject({ N: 1024, r: 8, p: 1 });
  });

  it("verifies the right password only, with the parameters the hash names", async () => {
    const stored = await hashPassword("长城-correct-horse", CHEAP);
    expect(await verifyPassword("长城-correct-horse", stored)).toBe(true);
    expect(await verifyPassword("长城-correct-hors", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
    expect(await verifyPassword("长城-correct-horse", "scrypt$1024$8$1$AAAA$BBBB")).toBe(false);
    expect(await verifyPassword("长城-correct-horse", "plain-text")).toBe(false);
  });

  it("hashes a password and its NFC-normalised form alike (the same text typed on two keyboards)", async () => {
    const stored = await hashPassword("café-password-1", CHEAP);
    expect(await verifyPassword("cafe\u0301-password-1", stored)).toBe(true);
  });
});

describe("password strength", () => {
  it("asks for length, variety and not a well-known password", () => {
    expect(passwordWeakness("short")).toMatch(/at least 10 characters/);
    expect(passwordWeakness("aaaaaaaaaaaa")).toMatch(/5 different characters/);
    expect(passwordWeakness("Password123")).toMatch(/well known/);
    expect(passwordWeakness("x".repeat(201))).toMatch(/at most 200/);
    expect(passwordWeakness("correct-horse-battery")).toBeUndefined();
    // Ten Chinese characters are ten characters.
    expect(passwordWeakness("春眠不觉晓处处闻啼鸟")).toBeUndefined();
  });
});
