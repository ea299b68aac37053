import { describe, expect, it } from "vitest";
import {
  clearedSessionCookie,
  hashToken,
  isTokenShaped,
  newToken,
  sessionCookie,
  sessionCookieOf,
  sessionLive,
  touchDue,
} from "./session-tokens.ts";

const limits = { idleMinutes: 60, absoluteMinutes: 720 };
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 3, 8, 0) + minutes * 60_000);

describe("session tokens", () => {
  it("are 256 random bits, stored only as their SHA-256", () => {
    const one = newToken();
    expect(one.token).toMatch(/^[\w-]{43}$/);
    expect(isTokenShaped(one.token)).toBe(true);
    expect(one.hash).toBe(hashToken(one.token));
    expect(one.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(newToken().token).not.toBe(one.token);
    expect(isTokenShaped("short")).toBe(false);
    expect(isTokenShaped(undefined)).toBe(false);
  });
});

describe("session expiry", () => {
  const session = { lastSeenAt: at(0), expiresAt: at(720), endedAt: null };

  it("holds while active, ends after the idle time without a request", () => {
    expect(sessionLive(session, limits, at(59))).toBe(true);
    expect(sessionLive(session, limits, at(60))).toBe(false);
    expect(sessionLive({ ...session, lastSeenAt: at(600) }, limits, at(650))).toBe(true);
  });

  it("ends at the absolute expiry however active, and once ended", () => {
    expect(sessionLive({ ...session, lastSeenAt: at(719) }, limits, at(720))).toBe(false);
    expect(sessionLive({ ...session, endedAt: at(1) }, limits, at(2))).toBe(false);
  });

  it("writes the last activity at most once a minute", () => {
    expect(touchDue(session, at(0.5))).toBe(false);
    expect(touchDue(session, at(1))).toBe(true);
  });
});

describe("the session cookie", () => {
  it("is httpOnly, SameSite=Lax on the whole site, Secure over https", () => {
    expect(sessionCookie("t", { secure: false, maxAgeSeconds: 60 })).toBe(
      "huiyin_session=t; HttpOnly; SameSite=Lax; Path=/; Max-Age=60",
    );
    expect(sessionCookie("t", { secure: true, maxAgeSeconds: 60 })).toMatch(/; Secure$/);
    expect(clearedSessionCookie({ secure: false })).toBe("huiyin_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0");
  });

  it("is read from a Cookie header among others", () => {
    expect(sessionCookieOf("a=1; huiyin_session=abc; b=2")).toBe("abc");
    expect(sessionCookieOf("huiyin_session_x=1")).toBeUndefined();
    expect(sessionCookieOf(undefined)).toBeUndefined();
  });
});
