import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { localSecret } from "./secrets.ts";

let dir: string | undefined;

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("localSecret", () => {
  it("generates an owner-only secret once and reads it back after", () => {
    dir = mkdtempSync(path.join(tmpdir(), "huiyin-secret-"));
    const secrets = path.join(dir, "secrets");
    const first = localSecret(secrets, "x");
    expect(first).toMatch(/^[\w-]{32}$/);
    expect(statSync(path.join(secrets, "x")).mode & 0o777).toBe(0o600);
    expect(localSecret(secrets, "x")).toBe(first);
  });

  it("refuses an empty secret file rather than reading it as no secret", () => {
    dir = mkdtempSync(path.join(tmpdir(), "huiyin-secret-"));
    writeFileSync(path.join(dir, "x"), "\n");
    expect(() => localSecret(dir ?? "", "x")).toThrow(/is empty: delete it/);
    expect(readFileSync(path.join(dir, "x"), "utf8")).toBe("\n");
  });
});
