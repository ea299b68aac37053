import { describe, expect, it } from "vitest";
import { changesState, csrfRefusal, csrfTokenOf } from "./csrf.ts";

const token = "a".repeat(43);
const own = ["https://huiyin.example"];
const check = (overrides: Partial<Parameters<typeof csrfRefusal>[0]>) =>
  csrfRefusal({
    method: "POST",
    origin: undefined,
    ownOrigins: own,
    token: csrfTokenOf(token),
    expected: csrfTokenOf(token),
    ...overrides,
  });

describe("CSRF", () => {
  it("derives a token per session that reveals nothing of the session's", () => {
    expect(csrfTokenOf(token)).toMatch(/^[\w-]{43}$/);
    expect(csrfTokenOf(token)).not.toContain(token.slice(0, 8));
    expect(csrfTokenOf(token)).not.toBe(csrfTokenOf("b".repeat(43)));
  });

  it("lets reads pass, whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(changesState(method)).toBe(false);
      expect(check({ method, token: undefined, origin: "https://evil.example" })).toBeUndefined();
    }
  });

  it("needs the session's token on every change", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(changesState(method)).toBe(true);
      expect(check({ method })).toBeUndefined();
      expect(check({ method, token: undefined })).toMatch(/X-CSRF-Token/);
      expect(check({ method, token: csrfTokenOf("b".repeat(43)) })).toMatch(/does not belong/);
      expect(check({ method, token: "short" })).toMatch(/does not belong/);
    }
  });

  it("refuses a change from another origin even with the token, and accepts our own or none", () => {
    expect(check({ origin: "https://evil.example" })).toMatch(/not accepted/);
    expect(check({ origin: "https://huiyin.example.evil.example" })).toMatch(/not accepted/);
    expect(check({ origin: "null" })).toMatch(/not accepted/);
    expect(check({ origin: "https://huiyin.example" })).toBeUndefined();
    expect(check({ origin: undefined })).toBeUndefined();
  });
});
