import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ERROR_CODES, ERRORS, machineRefusal, refuse } from "./error-codes.ts";

const SOURCES = dirname(dirname(fileURLToPath(import.meta.url)));

/** Every production source of the api (tests excluded), as path → text. */
function sources(): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(SOURCES, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".test.ts")) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(relative(SOURCES, path), readFileSync(path, "utf8"));
  }
  return found;
}

describe("the error catalogue", () => {
  const files = sources();

  it("holds every code a source refuses with", () => {
    const thrown = new Set<string>();
    for (const text of files.values()) {
      for (const match of text.matchAll(/refuse\(\s*"([A-Z_]+)"/g)) thrown.add(match[1] ?? "");
      for (const match of text.matchAll(/new HttpError\(\s*[^,]+,\s*"([A-Z_]+)"/g)) thrown.add(match[1] ?? "");
      for (const match of text.matchAll(/code: "([A-Z_]+)", message/g)) thrown.add(match[1] ?? "");
    }
    expect(thrown.size).toBeGreaterThan(20);
    expect([...thrown].filter((code) => !ERROR_CODES.includes(code as never))).toEqual([]);
  });

  it("is the only place a status is paired with a code: no throw site writes a status", () => {
    const literal = /new HttpError\(\s*\d/;
    const offenders = [...files].filter(([, text]) => literal.test(text)).map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it("gives a refusal the catalogue's status, and a machine rule code 409", () => {
    const refused = refuse("WEBHOOK_URL_FORBIDDEN", "no", { a: 1 }, { "X-A": "b" });
    expect(refused).toMatchObject({ status: 422, code: "WEBHOOK_URL_FORBIDDEN", message: "no", details: { a: 1 } });
    expect(refused.headers).toEqual({ "X-A": "b" });
    expect(machineRefusal("CONTACT_REQUIRED", "call first")).toMatchObject({ status: 409, code: "CONTACT_REQUIRED" });
    for (const code of ERROR_CODES) {
      expect(ERRORS[code].status, code).toBeGreaterThanOrEqual(400);
      expect(ERRORS[code].meaning.length, code).toBeGreaterThan(10);
    }
  });
});
