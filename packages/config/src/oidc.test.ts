import { describe, expect, it } from "vitest";
import { ConfigError, oidcConfig, parseConfig } from "./config.ts";

const minimal = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", REDIS_URL: "redis://localhost:6379" };

describe("oidcConfig: sign-in with an identity platform", () => {
  it("is off unless OIDC_ISSUER is set", () => {
    expect(oidcConfig(parseConfig(minimal))).toBeUndefined();
    expect(oidcConfig(parseConfig({ ...minimal, OIDC_ISSUER: "", OIDC_CLIENT_ID: "huiyin" }))).toBeUndefined();
  });

  it("reads the issuer and client, with the callback under PUBLIC_BASE_URL by default", () => {
    const config = parseConfig({
      ...minimal,
      PUBLIC_BASE_URL: "https://tian.example.gov.cn",
      OIDC_ISSUER: "https://id.example.gov.cn/realms/cppcc",
      OIDC_CLIENT_ID: "huiyin",
      OIDC_CLIENT_SECRET: "s3cret-of-the-client",
    });
    expect(oidcConfig(config)).toEqual({
      issuer: "https://id.example.gov.cn/realms/cppcc",
      clientId: "huiyin",
      clientSecret: "s3cret-of-the-client",
      redirectUrl: "https://tian.example.gov.cn/v1/session/oidc/callback",
      claim: "email",
      match: "email",
      scopes: "openid email profile",
      name: "统一身份认证",
    });
  });

  it("refuses an issuer without its client id, over plain http elsewhere than loopback, and scopes without openid", () => {
    expect(() => oidcConfig(parseConfig({ ...minimal, OIDC_ISSUER: "https://id.example.gov.cn" }))).toThrow(
      ConfigError,
    );
    expect(() => parseConfig({ ...minimal, OIDC_ISSUER: "http://id.example.gov.cn" })).toThrow(/OIDC_ISSUER/);
    expect(parseConfig({ ...minimal, OIDC_ISSUER: "http://127.0.0.1:8080/realms/x" }).OIDC_ISSUER).toBe(
      "http://127.0.0.1:8080/realms/x",
    );
    expect(() => parseConfig({ ...minimal, OIDC_SCOPES: "email profile" })).toThrow(/OIDC_SCOPES/);
    expect(() => parseConfig({ ...minimal, OIDC_MATCH: "name" })).toThrow(/OIDC_MATCH/);
  });
});
