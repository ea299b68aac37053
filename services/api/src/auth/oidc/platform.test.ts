import { describe, expect, it } from "vitest";
import { issuerOnlyFetch, PlatformUnavailable } from "./platform.ts";

describe("issuerOnlyFetch: sign-in talks to the configured issuer only", () => {
  const fetched: string[] = [];
  const recorder = (async (url: string | URL | Request) => {
    fetched.push(String(url));
    return new Response("{}");
  }) as typeof fetch;
  const restricted = issuerOnlyFetch("https://id.example.gov.cn/realms/cppcc", recorder);
  const options = { method: "GET", headers: {}, body: undefined, redirect: "manual", signal: undefined } as never;

  it("fetches the issuer's own endpoints", async () => {
    await restricted("https://id.example.gov.cn/realms/cppcc/protocol/openid-connect/certs", options);
    expect(fetched).toEqual(["https://id.example.gov.cn/realms/cppcc/protocol/openid-connect/certs"]);
  });

  it("refuses what a discovery document names elsewhere (another host, port or scheme), before any request", async () => {
    fetched.length = 0;
    for (const elsewhere of [
      "https://169.254.169.254/latest/meta-data",
      "https://id.example.gov.cn:8443/token",
      "http://id.example.gov.cn/token",
      "https://id.example.gov.cn.evil.example/token",
    ]) {
      await expect(restricted(elsewhere, options), elsewhere).rejects.toBeInstanceOf(PlatformUnavailable);
    }
    expect(fetched).toEqual([]);
  });
});
