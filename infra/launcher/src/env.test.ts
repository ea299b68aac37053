import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseConfig, parseLocalConfig } from "@huiyin/config";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ENCRYPTION_KEYS_FILE, LINK_SECRET_FILE, serviceSpecs } from "./env.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "huiyin-launcher-env-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function specsFor(env: Record<string, string>) {
  const secretsDir = path.join(dir, "secrets");
  const specs = serviceSpecs({
    env,
    config: parseLocalConfig(env),
    databaseUrl: "postgresql://u:p@127.0.0.1:5432/huiyin",
    redisUrl: "redis://127.0.0.1:6379",
    secretsDir,
  });
  const envOf = (name: string) => specs.find((spec) => spec.name === name)?.env ?? {};
  return { secretsDir, envOf };
}

describe("the services' environment under npm start", () => {
  it("points the links of invitations and e-mails at the port this start serves, unless PUBLIC_BASE_URL is set", () => {
    const moved = specsFor({ PORT: "3100" });
    expect(["api", "notifier"].map((name) => moved.envOf(name).PUBLIC_BASE_URL)).toEqual([
      "http://127.0.0.1:3100",
      "http://127.0.0.1:3100",
    ]);
    const set = specsFor({ PORT: "3100", PUBLIC_BASE_URL: "https://tian.cppcc.example" });
    expect(set.envOf("api").PUBLIC_BASE_URL).toBe("https://tian.cppcc.example");
  });

  it("gives the api and the notifier one generated link secret, kept owner-only and reused on the next start", () => {
    const first = specsFor({ NOTIFY_LINK_SECRET: "" });
    const secret = first.envOf("api").NOTIFY_LINK_SECRET;
    expect(secret).toBeDefined();
    expect(first.envOf("notifier").NOTIFY_LINK_SECRET).toBe(secret);
    // Both services accept it (the configuration wants at least 32 characters).
    expect(parseConfig({ ...first.envOf("notifier") }).NOTIFY_LINK_SECRET).toBe(secret);
    const file = path.join(first.secretsDir, LINK_SECRET_FILE);
    expect(readFileSync(file, "utf8").trim()).toBe(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    // Links in e-mails sent before a restart still verify: the next start reads the same secret.
    expect(specsFor({}).envOf("api").NOTIFY_LINK_SECRET).toBe(secret);
  });

  it("passes an explicitly set NOTIFY_LINK_SECRET to both and generates nothing", () => {
    const given = "an-operator-chosen-link-secret-of-40-chars";
    const { secretsDir, envOf } = specsFor({ NOTIFY_LINK_SECRET: given });
    expect(envOf("api").NOTIFY_LINK_SECRET).toBe(given);
    expect(envOf("notifier").NOTIFY_LINK_SECRET).toBe(given);
    expect(existsSync(path.join(secretsDir, LINK_SECRET_FILE))).toBe(false);
  });

  it("gives the api and the worker one generated encryption key, kept owner-only and reused on the next start", () => {
    const first = specsFor({});
    const keys = first.envOf("api").SECRETS_ENCRYPTION_KEYS;
    expect(keys).toMatch(/^local1:/);
    expect(first.envOf("worker").SECRETS_ENCRYPTION_KEYS).toBe(keys);
    // Both services accept it: one named 32-byte key.
    const parsed = parseConfig({ ...first.envOf("worker") }).SECRETS_ENCRYPTION_KEYS;
    expect(parsed?.map((key) => [key.id, key.key.length])).toEqual([["local1", 32]]);
    const file = path.join(first.secretsDir, ENCRYPTION_KEYS_FILE);
    expect(readFileSync(file, "utf8").trim()).toBe(keys);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Secrets sealed before a restart still open: the next start reads the same key.
    expect(specsFor({}).envOf("worker").SECRETS_ENCRYPTION_KEYS).toBe(keys);
    // The notifier opens the notification robots' sealed URLs with it.
    expect(first.envOf("notifier").SECRETS_ENCRYPTION_KEYS).toBe(keys);
  });

  it("passes explicitly set SECRETS_ENCRYPTION_KEYS (a rotation's list) to both and generates nothing", () => {
    const given = `new:${Buffer.alloc(32, 1).toString("base64")},old:${Buffer.alloc(32, 2).toString("base64")}`;
    const { secretsDir, envOf } = specsFor({ SECRETS_ENCRYPTION_KEYS: given });
    expect(envOf("api").SECRETS_ENCRYPTION_KEYS).toBe(given);
    expect(envOf("worker").SECRETS_ENCRYPTION_KEYS).toBe(given);
    expect(existsSync(path.join(secretsDir, ENCRYPTION_KEYS_FILE))).toBe(false);
  });
});
