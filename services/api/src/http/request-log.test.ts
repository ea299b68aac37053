import { describe, expect, it } from "vitest";
import { redactUrl, requestForLog, responseForLog } from "./request-log.ts";

describe("redactUrl", () => {
  it("replaces the values of credential parameters and keeps the rest", () => {
    const sig = "Jq2Tz7u0yZbLh3W0o4tq0l0m6b5q1m2xg0u9r8e7w6A";
    expect(redactUrl(`/v1/notifications/n1/ack-link?person=li&exp=1790000000&sig=${sig}`)).toBe(
      "/v1/notifications/n1/ack-link?person=li&exp=1790000000&sig=[redacted]",
    );
    expect(redactUrl("/v1/x?access_token=abc&limit=5&api_key=k&X-Secret-Thing=s&SIG=z")).toBe(
      "/v1/x?access_token=[redacted]&limit=5&api_key=[redacted]&X-Secret-Thing=[redacted]&SIG=[redacted]",
    );
  });

  it("recognises an encoded parameter name and leaves a URL without a query alone", () => {
    expect(redactUrl("/v1/x?%73ig=abc")).toBe("/v1/x?%73ig=[redacted]");
    expect(redactUrl("/v1/x?%zz=1")).toBe("/v1/x?%zz=1");
    expect(redactUrl("/v1/proposals/p1")).toBe("/v1/proposals/p1");
    expect(redactUrl(undefined)).toBeUndefined();
  });
});

describe("requestForLog", () => {
  it("keeps only harmless headers, drops the parsed query, and redacts the URL and the referer", () => {
    const logged = requestForLog({
      id: "r1",
      method: "POST",
      url: "/v1/notifications/n1/ack-link?person=li&exp=1&sig=SECRETSIG",
      headers: {
        authorization: "Bearer hy_secretkey",
        cookie: "session=secretcookie",
        "x-api-key": "secretapikey",
        "proxy-authorization": "Basic c2VjcmV0",
        referer: "https://mail.example/?sig=SECRETSIG",
        "user-agent": "curl/8",
        "idempotency-key": "k-1",
      },
      remoteAddress: "127.0.0.1",
      remotePort: 5555,
    });
    const text = JSON.stringify(logged);
    for (const secret of ["SECRETSIG", "hy_secretkey", "secretcookie", "secretapikey", "c2VjcmV0"]) {
      expect(text).not.toContain(secret);
    }
    expect(logged).toEqual({
      id: "r1",
      method: "POST",
      url: "/v1/notifications/n1/ack-link?person=li&exp=1&sig=[redacted]",
      headers: { "user-agent": "curl/8", "idempotency-key": "k-1", referer: "https://mail.example/?sig=[redacted]" },
      remoteAddress: "127.0.0.1",
      remotePort: 5555,
    });
  });
});

describe("the credentials of sessions and invitations", () => {
  it("replace an invitation's token in its path, with or without a query", () => {
    const token = "Xq3v8b2N1mQ0pL7kR4sT6uW9yZ2aB5cD8eF1gH4jK7m";
    expect(redactUrl(`/v1/invitations/${token}`)).toBe("/v1/invitations/[redacted]");
    expect(redactUrl(`/v1/invitations/${token}?x=1`)).toBe("/v1/invitations/[redacted]?x=1");
    expect(redactUrl("/v1/people/li/invitations")).toBe("/v1/people/li/invitations");
  });

  it("leave Set-Cookie out of a response line", () => {
    expect(
      responseForLog({
        statusCode: 200,
        headers: { "content-type": "application/json", "Set-Cookie": "huiyin_session=secret; HttpOnly" },
      }),
    ).toEqual({ statusCode: 200, headers: { "content-type": "application/json" } });
  });
});
