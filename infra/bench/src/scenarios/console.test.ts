import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { firstPageJs } from "./console.ts";

const dist = mkdtempSync(path.join(tmpdir(), "huiyin-bench-console-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe("the JavaScript the console's first page loads", () => {
  it("is the entry script and what it preloads, each gzipped, and nothing loaded later", () => {
    mkdirSync(path.join(dist, "assets"));
    const files = { "index-a1.js": "console.log('entry');".repeat(50), "vendor-b2.js": "var v = 1;".repeat(80) };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dist, "assets", name), text);
    writeFileSync(path.join(dist, "assets", "Dashboard-c3.js"), "lazy();".repeat(500));
    writeFileSync(
      path.join(dist, "index.html"),
      '<script type="module" crossorigin src="/console/assets/index-a1.js"></script>' +
        '<link rel="modulepreload" crossorigin href="/console/assets/vendor-b2.js">',
    );
    const expected = Object.values(files).reduce((sum, text) => sum + gzipSync(text).length, 0);
    expect(firstPageJs(dist)).toEqual({ bytes: expected, files: 2 });
  });
});
