import { readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, type Database } from "@huiyin/db";
import { freePort } from "@huiyin/infra-local";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@huiyin/infra-local/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { importDirectory } from "../services/notifier/src/directory.ts";
import {
  callWithKey,
  choose,
  closeBrowserStack,
  ensureChromium,
  ensureConsoleBuild,
  launchChromium,
  screenshot,
} from "./support/browser.ts";
import { eventually, type Spawned, serviceEnv, spawnEntry } from "./support/processes.ts";

/**
 * The console's lists, files and history in real headless Chromium against the real stack (api and worker as
 * processes, PostgreSQL, Redis): names in the proposals list, a saved filter, the export of the list, an import
 * checked then made, and an event done under a delegation as the timeline tells it.
 */
let testDatabase: TestDatabase;
let redis: TestRedis;
let db: Database;
let browser: Browser;
let base: string;
let downloads: string;
const processes: Spawned[] = [];
const contexts: BrowserContext[] = [];
const ADMIN_KEY = `hy_${"b".repeat(40)}`;
const PASSWORD = "Huiyin-列表-密码-2026!";

const people = {
  staff: { id: "zhao", name: "赵干事", email: "zhao@cppcc.example" },
  clerk: { id: "chen", name: "陈联络员", email: "chen@zhujian.example" },
  deputy: { id: "liu", name: "刘代办", email: "liu@zhujian.example" },
  member: { id: "member-1", name: "张委员", email: "zhang@cppcc.example" },
};
const proposals: string[] = [];

beforeAll(async () => {
  ensureChromium();
  ensureConsoleBuild();
  testDatabase = await createTestDatabase();
  redis = createTestRedis();
  db = createDatabase(testDatabase.url, { maxConnections: 4 });
  await importDirectory(db, {
    people: Object.values(people).map((person) => ({ ...person, language: "zh-CN" })),
    units: [{ id: "u-1", name: "市住建局" }],
    roles: [
      { role: "staff", personId: "zhao" },
      { role: "unit", scope: "u-1", personId: "chen" },
      { role: "proposer", scope: "member-1", personId: "member-1" },
    ],
  });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const stores = { databaseUrl: testDatabase.url, redisUrl: redis.url, prefix: redis.prefix };
  const shared = { PUBLIC_BASE_URL: base };
  const api = spawnEntry("services/api/src/main.ts", {
    ...(await serviceEnv(stores, shared)),
    PORT: String(port),
    HUIYIN_ADMIN_KEY: ADMIN_KEY,
  });
  processes.push(api, spawnEntry("services/worker/src/main.ts", await serviceEnv(stores, shared)));
  await eventually(async () => (await fetch(`${base}/readyz`)).status === 200, 60_000, api.output);
  browser = await launchChromium();
  downloads = await mkdtemp(path.join(tmpdir(), "huiyin-lists-"));
  // Everyone sets a password from an invitation (through the API: the invitation page has its own test).
  for (const person of [people.staff, people.deputy]) {
    const invited = await admin("POST", `/v1/people/${person.id}/invitations`, {});
    const token = new URL(invited.body.link).hash.slice(1);
    const accepted = await fetch(`${base}/v1/invitations/${token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ password: PASSWORD }),
    });
    expect(accepted.status).toBeLessThan(300);
  }
  // Three proposals of 张委员; the first registered and assigned to 市住建局.
  for (const title of ["关于老旧小区加装电梯的建议", "关于社区食堂建设的建议", "关于口袋公园改造的建议"]) {
    const created = await admin("POST", "/v1/proposals", {
      title,
      reasons: "居民反映强烈。",
      suggestions: ["统筹规划"],
      category: "livelihood",
      proposers: [{ id: people.member.id }],
      submit: true,
    });
    expect(created.status).toBe(201);
    proposals.push(created.body.id);
  }
  const first = proposals[0] as string;
  expect((await event(first, { type: "review.register", category: "urban" })).status).toBe(200);
  const assigned = await event(first, { type: "assign", mode: "sole", units: [{ unitId: "u-1", role: "lead" }] });
  expect(assigned.status).toBe(200);
}, 240_000);

afterAll(async () => {
  await closeBrowserStack(contexts, browser, processes);
  await db?.close();
  await redis?.cleanup();
  await testDatabase?.drop();
});

afterEach(async (context) => {
  if (context.task.result?.state !== "fail") return;
  for (const [index, entry] of contexts.entries()) {
    for (const page of entry.pages()) await screenshot(page, `lists-failed-${index}`).catch(() => undefined);
  }
  for (const spawned of processes) console.error(spawned.output().slice(-3000));
});

/** The admin key's API, for what the test prepares outside a browser. */
const admin = (method: string, url: string, body?: unknown) => callWithKey(base, ADMIN_KEY, method, url, body);

const event = (id: string, body: Record<string, unknown>) => admin("POST", `/v1/proposals/${id}/events`, body);

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${base}/console/sign-in`);
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByTestId("person-name").waitFor();
  return page;
}

/** Polls until the page shows it: generous, as the page renders after its API calls on a busy machine. */
const soon = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });

const rows = (page: Page) => page.locator("tbody tr.ant-table-row");

/** The data rows of a CSV the api wrote (BOM, CRLF, every cell quoted when it needs to be), as cells. */
function csvRows(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let index = 0; index < body.length; index += 1) {
    const character = body[index];
    if (quoted) {
      if (character === '"' && body[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      row.push(cell);
      cell = "";
    } else if (character === "\n") {
      row.push(cell.replace(/\r$/, ""));
      out.push(row);
      row = [];
      cell = "";
    } else cell += character;
  }
  if (cell || row.length > 0) out.push([...row, cell]);
  return out;
}

let staff: Page;

describe("the console's lists", () => {
  it("the list names proposers and units; a saved filter comes back; its export has the list's rows", {
    timeout: 120_000,
  }, async () => {
    staff = await signedIn(people.staff.email);
    await staff.getByRole("link", { name: "提案", exact: true }).click();
    await soon(() => rows(staff).count()).toBe(3);
    // Names, not ids: the proposer in every row, the unit in the assigned one.
    await soon(() => rows(staff).filter({ hasText: "张委员" }).count()).toBe(3);
    const assigned = rows(staff).filter({ hasText: "关于老旧小区加装电梯的建议" });
    await soon(() => assigned.textContent()).toContain("市住建局");
    expect(await rows(staff).filter({ hasText: "member-1" }).count()).toBe(0);
    await screenshot(staff, "lists-proposals");

    // A filter (the stage 交办: registered and assigned, not yet acknowledged), saved under a name.
    await choose(staff, "阶段", "交办");
    await soon(() => rows(staff).count()).toBe(1);
    await staff.getByRole("button", { name: "保存当前筛选" }).click();
    await staff.getByLabel("筛选名称").fill("办理中");
    await staff.locator(".ant-modal .ant-btn-primary").click();
    await staff.locator(".ant-modal-content").waitFor({ state: "hidden" });
    // A fresh page shows everything again; the saved filter narrows it back.
    await staff.goto(`${base}/console/proposals`);
    await soon(() => rows(staff).count()).toBe(3);
    // The saved filters' select stands outside the filter form: picked from its list directly.
    await staff.getByLabel("已保存的筛选", { exact: true }).click();
    await staff.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "办理中" }).first().click();
    await soon(() => rows(staff).count()).toBe(1);
    await screenshot(staff, "lists-saved-filter");

    // The export of the current filter: the file the browser downloads (cookie session) has the list's rows.
    const [download] = await Promise.all([staff.waitForEvent("download"), staff.getByTestId("export-csv").click()]);
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^proposals-.*\.csv$/);
    const [header, ...data] = csvRows(readFileSync(file, "utf8"));
    const title = header?.indexOf("标题") ?? -1;
    const units = header?.indexOf("承办单位") ?? -1;
    expect(data.map((cells) => cells[title])).toEqual(["关于老旧小区加装电梯的建议"]);
    // The same unit name the list shows, with its role as the file writes it.
    expect(data[0]?.[units]).toBe("市住建局(主办)");
  });

  it("an import dry run shows the bad row and writes nothing; a good file is checked, then imported", {
    timeout: 120_000,
  }, async () => {
    const before = await db.prisma.proposal.count();
    await staff.getByRole("link", { name: "导入", exact: true }).click();
    const headers = "外部编号,标题,理由,建议,提案者编号,提案者,类别";
    const bad = path.join(downloads, "bad.csv");
    // Line 3 has no title.
    await writeFile(
      bad,
      `${headers}\r\nimp-1,关于夜市管理的建议,理由。,建议一,member-1,张委员,livelihood\r\nimp-2,,理由。,建议一,member-1,张委员,livelihood\r\n`,
    );
    await staff.getByLabel("文件（CSV 或 Excel）").setInputFiles(bad);
    await staff.getByRole("button", { name: "检查（不写入）" }).click();
    const errors = staff.getByTestId("import-errors");
    await errors.waitFor();
    await soon(() => errors.locator("tbody tr.ant-table-row").count()).toBe(1);
    const line = errors.locator("tbody tr.ant-table-row").first();
    expect(await line.locator("td").first().textContent()).toBe("3");
    expect(await line.textContent()).toContain("REQUIRED");
    expect(await staff.getByRole("button", { name: "确认导入" }).isDisabled()).toBe(true);
    await screenshot(staff, "lists-import-errors");
    expect(await db.prisma.proposal.count()).toBe(before);

    const good = path.join(downloads, "good.csv");
    await writeFile(
      good,
      `${headers}\r\nimp-1,关于夜市管理的建议,理由。,建议一,member-1,张委员,livelihood\r\nimp-2,关于停车难的建议,理由。,建议一,member-1,张委员,livelihood\r\n`,
    );
    await staff.getByLabel("文件（CSV 或 Excel）").setInputFiles(good);
    await staff.getByRole("button", { name: "检查（不写入）" }).click();
    await soon(() => staff.getByTestId("import-checked").textContent()).toBe("共 2 行，将新建 2 条，未变 0 条");
    expect(await db.prisma.proposal.count()).toBe(before);
    await staff.getByRole("button", { name: "确认导入" }).click();
    await expect
      .poll(() => staff.getByTestId("import-done").textContent())
      .toBe("已导入：共 2 行，新建 2 条，未变 0 条");
    expect(await db.prisma.proposal.count()).toBe(before + 2);
    await screenshot(staff, "lists-import-done");
  });

  it("a delegate holds the unit's role, marked in the header, and the timeline says for whom they acted", {
    timeout: 120_000,
  }, async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const delegated = await admin("POST", `/v1/people/${people.clerk.id}/delegations`, {
      delegateId: people.deputy.id,
      from,
      until,
      roles: ["unit:u-1"],
    });
    expect(delegated.status).toBe(201);
    const deputy = await signedIn(people.deputy.email);
    await soon(() => deputy.getByTestId("delegated-role").textContent()).toBe("代理：承办单位（代 陈联络员）");
    const id = proposals[0] as string;
    await deputy.goto(`${base}/console/proposals/${id}`);
    await deputy.getByTestId("action-unit.acknowledge").click();
    const form = deputy.getByRole("form", { name: "确认承办" });
    await form.getByRole("button", { name: "确认承办" }).click();
    await deputy.getByText("已办理：确认承办").waitFor();
    const behalf = deputy.getByTestId("history-behalf");
    await soon(() => behalf.first().textContent()).toBe("由 刘代办 办理 代 陈联络员 （委托代理）");
    // The same in English.
    await deputy.getByRole("button", { name: "English" }).click();
    await soon(() => behalf.first().textContent()).toBe("done by 刘代办 for 陈联络员 (delegation)");
    await screenshot(deputy, "lists-behalf");
    const history = await admin("GET", `/v1/proposals/${id}/history`);
    const acknowledged = history.body.items.find((item: { type: string }) => item.type === "unit.acknowledge");
    expect(acknowledged.actor.behalf.delegation).toMatchObject({ delegatorId: "chen", delegateId: "liu" });
  });
});
