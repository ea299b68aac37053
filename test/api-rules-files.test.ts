import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@huiyin/infra-local";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@huiyin/infra-local/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, spawnEntry } from "./support/processes.ts";

/**
 * A committee's rules as files, read by the api process at start: the calendar folder (CALENDAR_DIR) and the policy
 * file (POLICY_FILE) become a calendar change and a policy version in PostgreSQL, once (a second start keeps
 * nothing new), and a file that does not hold together stops the start with its problem.
 */
let database: TestDatabase;
let redis: TestRedis;
let folder: string;
const adminKey = `admin-key-for-rules-files-${randomBytes(16).toString("hex")}`;

beforeAll(async () => {
  database = await createTestDatabase();
  redis = createTestRedis();
  folder = await mkdtemp(path.join(tmpdir(), "huiyin-rules-"));
  await writeFile(
    path.join(folder, "cn-mainland-2027.json"),
    JSON.stringify({
      calendarId: "cn-mainland",
      year: 2027,
      source: "国务院办公厅关于2027年部分节假日安排的通知 (test)",
      holidays: [{ name: "春节", from: "2027-02-05", to: "2027-02-12", makeUpWorkdays: ["2027-02-14"] }],
    }),
  );
  await writeFile(path.join(folder, "policy.json.txt"), JSON.stringify({ rehandleLimit: 2 }));
});

afterAll(async () => {
  await redis.cleanup();
  await database.drop();
  await rm(folder, { recursive: true, force: true });
});

async function startApi(extra: NodeJS.ProcessEnv = {}) {
  const port = await freePort();
  const service = spawnEntry("services/api/src/main.ts", {
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: redis.prefix,
    PORT: String(port),
    LOG_FORMAT: "json",
    HUIYIN_ADMIN_KEY: adminKey,
    CALENDAR_DIR: folder,
    POLICY_FILE: path.join(folder, "policy.json.txt"),
    ...extra,
  });
  return { service, base: `http://127.0.0.1:${port}` };
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
const get = async (url: string): Promise<any> =>
  (await fetch(url, { headers: { authorization: `Bearer ${adminKey}` } })).json();

describe("the api at start", () => {
  it("loads the calendar folder and the policy file once, and says who loaded them", async () => {
    for (const round of [1, 2]) {
      const { service, base } = await startApi();
      try {
        await eventually(async () => (await fetch(`${base}/readyz`)).status === 200, 30_000, service.output);
        const year = await get(`${base}/v1/calendar/years/2027`);
        expect(year, service.output()).toMatchObject({
          status: "official",
          loaded: { id: 1, loadedBy: "file:cn-mainland-2027.json" },
        });
        const policy = await get(`${base}/v1/policy/versions`);
        expect(
          (policy.items as { version: number; changedBy: string }[]).map((v) => [v.version, v.changedBy]),
          String(round),
        ).toEqual([[1, "file:policy.json.txt"]]);
        expect(((await get(`${base}/v1/calendar/changes`)).items as unknown[]).length).toBe(1);
      } finally {
        service.child.kill("SIGTERM");
        await service.exited;
      }
    }
  });

  it("refuses to start on a calendar file that does not hold together, naming the file and the problem", async () => {
    const bad = await mkdtemp(path.join(tmpdir(), "huiyin-rules-bad-"));
    await writeFile(
      path.join(bad, "cn-mainland-2028.json"),
      JSON.stringify({
        calendarId: "cn-mainland",
        year: 2028,
        source: "a notice",
        holidays: [{ name: "春节", from: "2028-01-25", to: "2028-02-01", makeUpWorkdays: ["2028-01-24"] }],
      }),
    );
    const { service } = await startApi({ CALENDAR_DIR: bad });
    expect(await service.exited).not.toBe(0);
    expect(service.output()).toContain("cn-mainland-2028.json");
    expect(service.output()).toContain("2028-01-24 is not a weekend day");
    await rm(bad, { recursive: true, force: true });
  });
});
