import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { gzipOfScripts } from "./console.ts";

const dist = mkdtempSync(path.join(tmpdir(), "huiyin-bench-console-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe("the JavaScript a console page loads", () => {
  it("is every script the browser requested (the entry, its preloads, the lazy page), each gzipped once", () => {
    mkdirSync(path.join(dist, "assets"));
    const files = {
      "index-a1.js": "console.log('entry');".repeat(50),
      "vendor-b2.js": "var v = 1;".repeat(80),
      "MyWork-d4.js": "page();".repeat(40),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dist, "assets", name), text);
    writeFileSync(path.join(dist, "assets", "Dashboard-c3.js"), "lazy();".repeat(500));
    const requested = [
      ...Object.keys(files).map((name) => `http://127.0.0.1:3000/console/assets/${name}`),
      // The same script asked twice (a preload, then the import) is loaded once.
      "http://127.0.0.1:3000/console/assets/index-a1.js",
    ];
    const expected = Object.values(files).reduce((sum, text) => sum + gzipSync(text).length, 0);
    expect(gzipOfScripts(requested, dist)).toEqual({ gzipBytes: expected, files: 3 });
  });
});
