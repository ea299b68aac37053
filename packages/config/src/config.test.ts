import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, parseLocalConfig, requireEncryptionKeys } from "./config.ts";

const minimal = {
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/huiyin",
  REDIS_URL: "redis://127.0.0.1:6379",
};

describe("parseConfig", () => {
  it("applies defaults to a minimal environment", () => {
    const config = parseConfig(minimal);
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe("127.0.0.1");
    expect(config.REDIS_MODE).toBe("standalone");
    expect(config.REDIS_URL).toEqual(["redis://127.0.0.1:6379"]);
    expect(config.QUEUE_PREFIX).toBe("{huiyin}");
    expect(config.LOG_LEVEL).toBe("info");
  });

  it("coerces numbers from strings and treats empty strings as unset", () => {
    const config = parseConfig({ ...minimal, PORT: "8080", LOG_LEVEL: "" });
    expect(config.PORT).toBe(8080);
    expect(config.LOG_LEVEL).toBe("info");
  });

  it("splits cluster seed lists", () => {
    const config = parseConfig({
      ...minimal,
      REDIS_MODE: "cluster",
      REDIS_URL: "redis://10.0.0.1:7000, redis://10.0.0.2:7000",
    });
    expect(config.REDIS_URL).toEqual(["redis://10.0.0.1:7000", "redis://10.0.0.2:7000"]);
  });

  it("names every bad variable in one error", () => {
    let error: unknown;
    try {
      parseConfig({ DATABASE_URL: "mysql://x", REDIS_URL: "http://x", PORT: "70000", QUEUE_PREFIX: "a:b" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues.join("\n");
    for (const name of ["DATABASE_URL", "REDIS_URL", "PORT", "QUEUE_PREFIX"]) expect(issues).toContain(name);
  });

  it("reads the digest time: HH:MM in an IANA zone, off when unset, empty or off", () => {
    const unset = parseConfig(minimal);
    expect([unset.DIGEST_TIME, unset.DIGEST_TIME_ZONE]).toEqual([undefined, "Asia/Shanghai"]);
    expect(parseConfig({ ...minimal, DIGEST_TIME: "off" }).DIGEST_TIME).toBeUndefined();
    expect(parseConfig({ ...minimal, DIGEST_TIME: "" }).DIGEST_TIME).toBeUndefined();
    const set = parseConfig({ ...minimal, DIGEST_TIME: "07:30", DIGEST_TIME_ZONE: "Europe/Berlin" });
    expect([set.DIGEST_TIME, set.DIGEST_TIME_ZONE]).toEqual(["07:30", "Europe/Berlin"]);
    expect(() => parseConfig({ ...minimal, DIGEST_TIME: "8:00", DIGEST_TIME_ZONE: "Mars/Olympus" })).toThrow(
      /DIGEST_TIME:[\s\S]*DIGEST_TIME_ZONE:/,
    );
    expect(() => parseConfig({ ...minimal, DIGEST_TIME: "24:00" })).toThrow(/DIGEST_TIME/);
  });

  it("never repeats a bad value in its message: URLs and keys carry credentials, and the message is logged", () => {
    const env = {
      DATABASE_URL: "mysql://u:db-password-1@h/db",
      REDIS_URL: "http://:redis-password-1@h",
      SMTP_URL: "ftp://u:smtp-password-1@h",
      HUIYIN_ADMIN_KEY: "short-admin-key-1",
      NOTIFY_LINK_SECRET: "short-link-secret-1",
    };
    const error = (() => {
      try {
        parseConfig(env);
      } catch (caught) {
        return caught as ConfigError;
      }
      return undefined;
    })();
    expect(error?.issues).toHaveLength(5);
    for (const secret of [
      "db-password-1",
      "redis-password-1",
      "smtp-password-1",
      "short-admin-key-1",
      "short-link-secret-1",
    ]) {
      expect(error?.message).not.toContain(secret);
    }
  });

  it("reads TRUST_PROXY: none by default, a hop count, or the proxies' addresses and ranges; never 'true'", () => {
    expect(parseConfig(minimal).TRUST_PROXY).toBe(false);
    expect(parseConfig({ ...minimal, TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(parseConfig({ ...minimal, TRUST_PROXY: "0" }).TRUST_PROXY).toBe(false);
    expect(parseConfig({ ...minimal, TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseConfig({ ...minimal, TRUST_PROXY: "loopback, 10.0.0.0/8,fd00::/8,192.0.2.1" }).TRUST_PROXY).toEqual([
      "loopback",
      "10.0.0.0/8",
      "fd00::/8",
      "192.0.2.1",
    ]);
    for (const bad of ["true", "10.0.0.0/33", "proxy.example", "loopback,", "1.2.3.4/8/8"]) {
      expect(() => parseConfig({ ...minimal, TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
    const limits = parseConfig(minimal);
    expect([limits.API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE, limits.API_AUTH_FAILURES_PER_ADDRESS_PER_MINUTE]).toEqual([
      1200, 30,
    ]);
  });

  it("reads WEBHOOK_ALLOWED_DESTINATIONS: CIDRs and host:port pairs, empty by default", () => {
    expect(parseConfig(minimal).WEBHOOK_ALLOWED_DESTINATIONS).toEqual({ cidrs: [], hostPorts: [] });
    const set = parseConfig({
      ...minimal,
      WEBHOOK_ALLOWED_DESTINATIONS:
        " 10.20.0.0/16, fd00:1::/64 ,192.168.7.7, 127.0.0.1:9000, [::1]:8080, OA.Intranet.:8443",
    });
    expect(set.WEBHOOK_ALLOWED_DESTINATIONS).toEqual({
      cidrs: [
        { address: "10.20.0.0", prefix: 16 },
        { address: "fd00:1::", prefix: 64 },
        { address: "192.168.7.7", prefix: 32 },
      ],
      hostPorts: [
        { host: "127.0.0.1", port: 9000 },
        { host: "::1", port: 8080 },
        { host: "oa.intranet", port: 8443 },
      ],
    });
    for (const bad of [
      "10.0.0.0/33",
      "oa.intranet",
      "oa.intranet:0",
      "127.0.0.1:99999",
      "[::1]",
      "[oa.intranet]:80",
      "a b:80",
      "x/8",
    ])
      expect(() => parseConfig({ ...minimal, WEBHOOK_ALLOWED_DESTINATIONS: bad }), bad).toThrow(
        /WEBHOOK_ALLOWED_DESTINATIONS/,
      );
  });

  it("reads SECRETS_ENCRYPTION_KEYS as named 32-byte keys, and never echoes a key in an error", () => {
    const first = randomBytes(32);
    const second = randomBytes(32);
    const keys = parseConfig({
      ...minimal,
      SECRETS_ENCRYPTION_KEYS: `k2:${first.toString("base64")}, k1:${second.toString("base64url")}`,
    }).SECRETS_ENCRYPTION_KEYS;
    expect(keys?.map((key) => key.id)).toEqual(["k2", "k1"]);
    expect(keys?.[0]?.key.equals(first)).toBe(true);
    expect(keys?.[1]?.key.equals(second)).toBe(true);
    expect(parseConfig(minimal).SECRETS_ENCRYPTION_KEYS).toBeUndefined();
    const short = randomBytes(16).toString("base64");
    const bare = randomBytes(20).toString("base64url"); // 27 characters that look like an id
    for (const bad of [
      `k1:${short}`,
      short,
      `k1:${first.toString("base64")},k1:${second.toString("base64")}`,
      "bad id:x",
      bare,
    ]) {
      let error: unknown;
      try {
        parseConfig({ ...minimal, SECRETS_ENCRYPTION_KEYS: bad });
      } catch (caught) {
        error = caught;
      }
      expect(error, bad).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).message;
      expect(text).toContain("SECRETS_ENCRYPTION_KEYS");
      for (const material of [short, bare, first.toString("base64"), second.toString("base64")])
        expect(text).not.toContain(material);
    }
    expect(() => requireEncryptionKeys(parseConfig(minimal))).toThrow(/SECRETS_ENCRYPTION_KEYS: required/);
  });

  it("requires the database and Redis URLs", () => {
    expect(() => parseConfig({})).toThrow(/DATABASE_URL[\s\S]*REDIS_URL/);
  });
});

describe("parseLocalConfig", () => {
  it("needs nothing: the embedded default has fixed loopback ports", () => {
    const config = parseLocalConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.HUIYIN_POSTGRES_PORT).toBe(55_432);
    expect(config.HUIYIN_REDIS_PORT).toBe(56_379);
    expect(config.PORT).toBe(3000);
  });

  it("refuses a database URL of another kind", () => {
    expect(() => parseLocalConfig({ DATABASE_URL: "mysql://x/y" })).toThrow(/DATABASE_URL/);
  });
});
