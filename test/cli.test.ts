import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Io, main } from "../infra/cli/src/main.ts";
import { type ApiHarness, startApi } from "./support/api.ts";
import { repoRoot } from "./support/processes.ts";

/**
 * The operators' command line `huiyin` against the real api (keys, calendar), and, for the import and export
 * endpoints of the import/export feature, against a loopback receiver that records what it sends and answers as the
 * contract says: the request is what the contract names, the answer is reported.
 */
let api: ApiHarness;
let work: string;
let receiver: Server;
let receiverBase: string;
const seen: { method: string; url: string; headers: IncomingMessage["headers"]; body: Buffer }[] = [];
let answer: { status: number; type: string; body: string } = { status: 200, type: "application/json", body: "{}" };

beforeAll(async () => {
  api = await startApi();
  work = mkdtempSync(path.join(tmpdir(), "huiyin-cli-"));
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      seen.push({
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      response.writeHead(answer.status, { "content-type": answer.type }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
  await api?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Runs `huiyin <argv>` in this process with `env` (no .env file in its folder unless a test writes one). */
async function huiyin(argv: string[], env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const io: Io = { out: (text) => (out += text), err: (text) => (err += text), cwd: work };
  const code = await main(argv, { HUIYIN_API_URL: api.base, HUIYIN_ADMIN_KEY: api.adminKey, ...env }, io);
  return { code, out, err };
}

describe("huiyin keys and calendar, against the api", () => {
  it("creates a key that works, printed once, and lists keys without their secrets", async () => {
    const created = await huiyin(["keys", "create", "--role", "unit", "--actor", "clerk-9", "--unit", "water"]);
    expect(created.code, created.err).toBe(0);
    const key = created.out.trim();
    expect(key).toMatch(/^hy_[A-Za-z0-9]{12}_/);
    const whoami = await api.call("GET", "/v1/whoami", { key });
    expect(whoami.body).toMatchObject({ role: "unit", actorId: "clerk-9", unitId: "water" });

    const listed = await huiyin(["keys", "list"]);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(key.slice(0, 15));
    expect(listed.out).toContain("clerk-9 unit water");
    expect(listed.out).not.toContain(key);
    expect(listed.out).not.toContain(api.adminKey);

    const refused = await huiyin(["keys", "create", "--role", "unit", "--actor", "clerk-9"]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("422");
    const misused = await huiyin(["keys", "create", "--role", "staff"]);
    expect(misused.code).toBe(2);
  });

  it("reports the calendar's years and coverage, exiting 1 exactly when the api warns", async () => {
    const calendar = (await api.call("GET", "/v1/calendar")).body;
    const shown = await huiyin(["calendar"]);
    for (const year of calendar.years) expect(shown.out).toContain(`${year.year}  ${year.status}`);
    const uncovered = calendar.coverage.warning !== null || calendar.coverage.gaps.length > 0;
    expect(shown.code).toBe(uncovered ? 1 : 0);
    expect(shown.out).toContain(uncovered ? "NOT covered" : "official for the next");
  });

  it("says what is wrong when the api cannot be reached or the key is missing", async () => {
    const unreachable = await huiyin(["keys", "list"], { HUIYIN_API_URL: "http://127.0.0.1:1" });
    expect(unreachable.code).toBe(2);
    expect(unreachable.err).toContain("Cannot reach the api");
    const wrongKey = await huiyin(["keys", "list"], { HUIYIN_ADMIN_KEY: "not-the-admin-key-at-all-0123456789" });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toContain("401 UNAUTHENTICATED");
  });
});

describe("huiyin config", () => {
  it("shows the documented variables as set, and no credential", async () => {
    const shown = await huiyin(["config"], {
      DATABASE_URL: "postgresql://huiyin:db-pass-Secret@db.internal:5432/huiyin",
      HUIYIN_ADMIN_KEY: "admin-Secret-admin-Secret-admin-Secret-0001",
      PORT: "8081",
    });
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/^PORT\s+8081\s+\(environment\)$/m);
    expect(shown.out).toMatch(/^DATABASE_URL\s+postgresql:\/\/huiyin:\*\*\*@db\.internal:5432\/huiyin/m);
    expect(shown.out).toMatch(/^QUEUE_BOARD_WRITE\s+false\s+\(default\)$/m);
    expect(shown.out).not.toMatch(/Secret/);
  });
});

describe("huiyin import and export (the import/export endpoints' contract)", () => {
  it("posts a directory file as CSV, dry run, and reports the rows; a file with bad rows lists them", async () => {
    const file = path.join(work, "directory.csv");
    writeFileSync(file, "id,name\nzhang,张三\n");
    answer = {
      status: 200,
      type: "application/json",
      body: '{"dryRun":true,"rows":1,"created":0,"unchanged":0,"errors":[]}',
    };
    const done = await huiyin(["import", "directory", "directory.csv", "--dry-run"], { HUIYIN_API_URL: receiverBase });
    expect(done.code, done.err).toBe(0);
    expect(done.out).toBe("dry run: 1 rows, 0 created, 0 unchanged\n");
    const sent = seen.at(-1);
    expect(sent?.method).toBe("POST");
    expect(sent?.url).toBe("/v1/imports/directory?dryRun=true");
    expect(sent?.headers["content-type"]).toBe("text/csv");
    expect(sent?.headers.authorization).toBe(`Bearer ${api.adminKey}`);
    expect(sent?.body.toString("utf8")).toBe("id,name\nzhang,张三\n");

    answer = {
      status: 422,
      type: "application/json",
      body: JSON.stringify({
        error: {
          code: "IMPORT_INVALID",
          message: "2 rows are not valid",
          details: { errors: [{ line: 2, column: "name", code: "REQUIRED", reason: "no name" }] },
        },
      }),
    };
    const refused = await huiyin(["import", "directory", "directory.csv"], { HUIYIN_API_URL: receiverBase });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("422 IMPORT_INVALID: 2 rows are not valid");
    expect(refused.err).toContain('"line":2');
    expect(seen.at(-1)?.url).toBe("/v1/imports/directory?dryRun=false");

    const notCsv = await huiyin(["import", "directory", "directory.txt"], { HUIYIN_API_URL: receiverBase });
    expect(notCsv.code).toBe(2);
  });

  it("streams an export into a file with the format and the filters", async () => {
    answer = { status: 200, type: "text/csv", body: "编号,标题\n1,关于加装电梯的建议\n" };
    const done = await huiyin(
      [
        "export",
        "assignments",
        "--format",
        "csv",
        "--query",
        "unitId=water",
        "--query",
        "sessionId=s-1",
        "--out",
        "a.csv",
      ],
      { HUIYIN_API_URL: receiverBase },
    );
    expect(done.code, done.err).toBe(0);
    expect(seen.at(-1)?.url).toBe("/v1/exports/assignments?format=csv&unitId=water&sessionId=s-1");
    expect(readFileSync(path.join(work, "a.csv"), "utf8")).toBe("编号,标题\n1,关于加装电梯的建议\n");
  });
});

describe("the huiyin bin", () => {
  it("runs as a program and reads its settings from an .env file, the environment winning", async () => {
    const envFile = path.join(work, "ops.env");
    writeFileSync(envFile, `HUIYIN_API_URL=${api.base}\nHUIYIN_ADMIN_KEY="${api.adminKey}"\nPORT=9999\n`);
    // Asynchronously: the api answering the program runs in this process.
    const run = (args: string[], env: Record<string, string> = {}) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(repoRoot, "infra/cli/bin/huiyin.mjs"), ...args], {
          cwd: work,
          env: { PATH: process.env.PATH ?? "", ...env },
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
        child.on("close", (status) => resolve({ status, stdout, stderr }));
      });
    const listed = await run(["--env-file", envFile, "keys", "list"]);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/admin/);
    const config = await run(["--env-file", envFile, "config"], { PORT: "7777" });
    expect(config.stdout).toMatch(/^PORT\s+7777\s+\(environment\)$/m);
    const usage = await run([]);
    expect(usage.status).toBe(2);
    expect(usage.stdout).toContain("huiyin keys create");
  });
});
