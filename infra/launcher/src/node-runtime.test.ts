import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "@huiyin/infra-local";
import { describe, expect, it } from "vitest";

/**
 * The README's commands run on Node 24 LTS: the bootstrap pins it (and installs it on an older machine Node), the
 * manifest's `engines` says so, and this suite itself runs on it, so CI (`npm test`) is a run on the named Node.
 */
describe("the Node runtime", () => {
  const bootstrap = readFileSync(path.join(repoRoot, "infra", "scripts", "bootstrap.mjs"), "utf8");
  const pinned = /const NODE_PINNED = "(\d+)\.(\d+)\.(\d+)";/.exec(bootstrap);
  const major = /const NODE_MAJOR = (\d+);/.exec(bootstrap)?.[1];

  it("is pinned to an exact Node 24 release that the manifest's engines and the README name", () => {
    expect(pinned?.[1]).toBe("24");
    expect(major).toBe("24");
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
      engines: { node: string };
    };
    expect(manifest.engines.node).toBe(">=24");
    const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
    expect(readme).toContain(`Node ${pinned?.slice(1).join(".")}`);
  });

  it("is what the tests run on", () => {
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(24);
  });
});
