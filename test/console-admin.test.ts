import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createDatabase, type Database } from "@huiyin/db";
import { freePort } from "@huiyin/infra-local";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@huiyin/infra-local/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { importDirectory } from "../services/notifier/src/directory.ts";
import {
  type AxeViolation,
  acceptInvitation,
  callWithKey,
  choose,
  closeBrowserStack,
  ensureChromium,
  ensureConsoleBuild,
  keepDiagnostics,
  launchChromium,
  screenshot,
  seriousViolations,
} from "./support/browser.ts";
import { eventually, type Spawned, serviceEnv, spawnEntry } from "./support/processes.ts";

/**
 * The console's admin pages for what the API offers beyond the first console (issues 13, 14, 17), in real headless
 * Chromium against the real stack (api and worker as processes, PostgreSQL, Redis) and a webhook receiver on
 * 127.0.0.1 that the outbound policy allows the way an operator allows an intranet system
 * (WEBHOOK_ALLOWED_DESTINATIONS=127.0.0.1:<port>). Each flow is done by clicking and reading the page, then checked
 * through the API or the database, and saves a screenshot. The tests run in order on one stack.
 */
let testDatabase: TestDatabase;
let redis: TestRedis;
let db: Database;
let browser: Browser;
let receiver: Server;
let receiverBase: string;
let base: string;
const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
const processes: Spawned[] = [];
const contexts: BrowserContext[] = [];
const diagnostics: string[] = [];
const ADMIN_KEY = `hy_${"c".repeat(40)}`;
const PASSWORD = "Huiyin-管理-密码-2026!";

const people = {
  admin: { id: "admin", name: "管理员", email: "admin@cppcc.example" },
  operator: { id: "ops", name: "运维员", email: "ops@cppcc.example" },
  staff: { id: "zhao", name: "赵干事", email: "zhao@cppcc.example" },
  deputy: { id: "qian", name: "钱干事", email: "qian@cppcc.example" },
};

beforeAll(async () => {
  ensureChromium();
  ensureConsoleBuild();
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, body });
      response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  testDatabase = await createTestDatabase();
  redis = createTestRedis();
  db = createDatabase(testDatabase.url, { maxConnections: 2 });
  await importDirectory(db, {
    people: Object.values(people).map((person) => ({ ...person, language: "zh-CN" })),
    roles: [
      { role: "admin", personId: people.admin.id },
      { role: "operator", personId: people.operator.id },
      { role: "staff", personId: people.staff.id },
      { role: "staff", personId: people.deputy.id },
    ],
  });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const stores = { databaseUrl: testDatabase.url, redisUrl: redis.url, prefix: redis.prefix };
  const shared = { PUBLIC_BASE_URL: base, WEBHOOK_ALLOWED_DESTINATIONS: new URL(receiverBase).host };
  const api = spawnEntry("services/api/src/main.ts", {
    ...(await serviceEnv(stores, shared)),
    PORT: String(port),
    HUIYIN_ADMIN_KEY: ADMIN_KEY,
  });
  processes.push(api);
  // The worker relays the outbox and POSTs deliveries (a redelivery is one); a ping is sent by the api itself.
  processes.push(spawnEntry("services/worker/src/main.ts", await serviceEnv(stores, shared)));
  await eventually(async () => (await fetch(`${base}/readyz`)).status === 200, 60_000, api.output);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await closeBrowserStack(contexts, browser, processes);
  await new Promise((resolve) => receiver?.close(resolve));
  await db?.close();
  await redis?.cleanup();
  await testDatabase?.drop();
});

afterEach(async (context) => {
  if (context.task.result?.state !== "fail") return;
  for (const [index, entry] of contexts.entries()) {
    for (const page of entry.pages()) await screenshot(page, `admin-failed-${index}`).catch(() => undefined);
  }
  console.error(diagnostics.join("\n"));
  for (const spawned of processes) console.error(spawned.output().slice(-1_500));
});

/** The admin key's API, for what a test prepares or checks outside the browser. */
const admin = (method: string, url: string, body?: unknown) => callWithKey(base, ADMIN_KEY, method, url, body);

/** A person signed in through their invitation (password set on its page), on a desktop-sized zh-CN browser. */
async function signedIn(who: keyof typeof people): Promise<Page> {
  const invitation = await admin("POST", `/v1/people/${people[who].id}/invitations`, {});
  expect(invitation.status).toBe(201);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  contexts.push(context);
  const page = await context.newPage();
  keepDiagnostics(page, diagnostics);
  await acceptInvitation(page, invitation.body.link, people[who].email, PASSWORD);
  await expect.poll(() => page.getByTestId("person-name").textContent()).toBe(people[who].name);
  return page;
}

let adminPage: Page;
/** The admin's page loaded afresh, so that a test starts clear of whatever dialog or drawer the one before left. */
async function freshAdminPage(): Promise<Page> {
  adminPage ??= await signedIn("admin");
  await adminPage.goto(`${base}/console/admin`);
  await adminPage.getByTestId("person-name").waitFor();
  return adminPage;
}
/** What axe-core found on each admin page as the flows left it: asserted empty by the last test. */
const accessibility: Record<string, AxeViolation[]> = {};

describe("the console's admin pages", () => {
  it("an admin edits a webhook's URL, rotates its secret, pings the receiver and sees the delivery, and redelivers it", {
    timeout: 120_000,
  }, async () => {
    const created = await admin("POST", "/v1/webhooks", { url: `${receiverBase}/old`, events: ["*"] });
    expect(created.status).toBe(201);
    const hook = created.body as { id: string; secret: string };
    adminPage = await signedIn("admin");
    const page = adminPage;
    await page.getByRole("link", { name: "管理" }).click();
    await page.getByRole("tab", { name: "Webhook 订阅" }).click();
    const panel = page.getByRole("tabpanel", { name: "Webhook 订阅" });

    // The URL: changed in the edit dialog, shown in the list, and what the API now answers.
    await panel.getByRole("button", { name: `编辑订阅 ${receiverBase}/old` }).click();
    const edit = page.locator(".ant-modal", { hasText: "编辑订阅" });
    await edit.getByLabel("地址").fill(`${receiverBase}/hooks`);
    await edit.getByRole("button", { name: "提交" }).click();
    await panel
      .getByTestId("webhook-url")
      .filter({ hasText: `${receiverBase}/hooks` })
      .waitFor();
    expect((await admin("GET", `/v1/webhooks/${hook.id}`)).body.url).toBe(`${receiverBase}/hooks`);

    // The secret: rotated with a 2-hour overlap; the new one shown once, the overlap said; both valid meanwhile.
    await panel.getByRole("button", { name: `轮换密钥 ${receiverBase}/hooks` }).click();
    const rotate = page.locator(".ant-modal", { hasText: "过渡期（小时）" });
    await rotate.getByLabel("过渡期（小时）").fill("2");
    await rotate.locator(".ant-modal-footer").getByRole("button", { name: "轮换密钥" }).click();
    const secret = ((await page.getByTestId("webhook-secret").textContent()) ?? "").trim();
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(hook.secret);
    await expect.poll(() => page.getByTestId("secret-overlap").textContent()).toContain("之前旧密钥仍会同时签名");
    const after = (await admin("GET", `/v1/webhooks/${hook.id}`)).body as { previousSecretExpiresAt: string };
    const overlapMs = new Date(after.previousSecretExpiresAt).getTime() - Date.now();
    expect(overlapMs).toBeGreaterThan(3_600_000);
    expect(overlapMs).toBeLessThanOrEqual(2 * 3_600_000);
    await screenshot(page, "admin-webhook-rotated");
    // Closed by its ×, as a person would (Escape only reaches a dialog that holds the focus).
    await page
      .locator(".ant-modal", { has: page.getByTestId("webhook-secret") })
      .locator(".ant-modal-close")
      .click();
    await expect.poll(() => page.getByTestId("webhook-secret").count()).toBe(0);

    // A test ping: sent now by the api to the new URL, signed with both secrets; the page says what came back.
    await panel.getByRole("button", { name: `测试推送 ${receiverBase}/hooks` }).click();
    await expect.poll(() => page.getByTestId("ping-result").textContent()).toContain("测试推送成功：接收方返回 200");
    const pinged = received.filter((request) => request.path === "/hooks");
    expect(pinged).toHaveLength(1);
    // Two `v1,` signatures during the overlap: the receiver may still hold the old secret.
    expect(String(pinged[0]?.headers["webhook-signature"]).split(" ")).toHaveLength(2);

    // The delivery in the subscription's deliveries, then redelivered; the worker sends it again.
    await panel.getByRole("button", { name: `投递记录 ${receiverBase}/hooks` }).click();
    const drawer = page.locator(".ant-drawer-body");
    await drawer.locator("[data-status=delivered]").first().waitFor();
    await expect.poll(() => drawer.locator("tbody tr.ant-table-row").count()).toBe(1);
    // The row's button opens a confirmation; its OK posts the redelivery. A drawer still sliding in (a loaded
    // machine) can swallow the first click, so the pair is tried again until the confirmation took it: once.
    const posted = page.waitForResponse(
      (response) => response.url().endsWith("/redeliver") && response.request().method() === "POST",
    );
    const confirm = page.locator(".ant-popconfirm").getByRole("button", { name: "重新投递" });
    for (let attempt = 1; ; attempt++) {
      try {
        if (!(await confirm.isVisible())) await drawer.getByRole("button", { name: /^重新投递 / }).click();
        await confirm.click({ timeout: 3_000 });
        break;
      } catch (error) {
        if (attempt === 5) throw error;
      }
    }
    expect((await posted).status()).toBeLessThan(300);
    await drawer.getByText("已安排重新投递。").waitFor();
    await expect
      .poll(() => received.filter((request) => request.path === "/hooks").length, { timeout: 30_000 })
      .toBe(2);
    const redelivered = async () => {
      await drawer.getByRole("button", { name: "刷新" }).click();
      return drawer.locator("[data-status=delivered]").count();
    };
    await expect.poll(redelivered, { timeout: 20_000 }).toBe(2);
    await screenshot(page, "admin-webhook-deliveries");
    accessibility.webhooks = await seriousViolations(page);
    const deliveries = (await admin("GET", `/v1/webhooks/${hook.id}/deliveries`)).body.items as {
      redeliveryOf: string | null;
      status: string;
    }[];
    expect(deliveries.map((delivery) => delivery.status)).toEqual(["delivered", "delivered"]);
    expect(deliveries.filter((delivery) => delivery.redeliveryOf !== null)).toHaveLength(1);
    await page.keyboard.press("Escape");
  });

  it("an admin binds an integrator key to a person it may act for", { timeout: 60_000 }, async () => {
    const issued = await admin("POST", "/v1/api-keys", { role: "integrator", actorId: "oa", name: "OA 系统" });
    expect(issued.status).toBe(201);
    const key = issued.body as { id: string; prefix: string; key: string };
    const page = await freshAdminPage();
    await page.getByRole("tab", { name: "API 密钥" }).click();
    const panel = page.getByRole("tabpanel", { name: "API 密钥" });
    await expect.poll(() => panel.getByTestId(`acts-for-${key.prefix}`).textContent()).toContain("不代表任何人");
    await panel.getByRole("button", { name: `设置代表范围 ${key.prefix}` }).click();
    const dialog = page.locator(".ant-modal", { hasText: `密钥 ${key.prefix} 可代表谁` });
    await choose(page, "人员编号", `${people.staff.name} (${people.staff.id})`);
    // A multiple select keeps its list open: a click beside it closes it, as a person would.
    await dialog.getByText("X-On-Behalf-Of").click();
    await dialog.getByRole("button", { name: "提交" }).click();
    await page.getByText("代表范围已保存。").waitFor();
    await expect.poll(() => panel.getByTestId(`acts-for-${key.prefix}`).textContent()).toContain(people.staff.id);
    await screenshot(page, "admin-key-binding");
    accessibility.binding = await seriousViolations(page);
    const keys = (await admin("GET", "/v1/api-keys")).body.items as { id: string; actsFor: { people: string[] } }[];
    expect(keys.find((row) => row.id === key.id)?.actsFor.people).toEqual([people.staff.id]);
    // The binding holds: the key acts for that person, and for nobody else.
    const whoami = async (personId: string) =>
      (
        await fetch(`${base}/v1/whoami`, {
          headers: { authorization: `Bearer ${key.key}`, "x-on-behalf-of": personId },
        })
      ).status;
    expect(await whoami(people.staff.id)).toBe(200);
    expect(await whoami(people.deputy.id)).toBe(403);
  });

  it("an admin sets a 钉钉 robot for the committee office and sees it listed without its key or secret", {
    timeout: 60_000,
  }, async () => {
    const page = await freshAdminPage();
    await page.getByRole("tab", { name: "通知机器人" }).click();
    const panel = page.getByRole("tabpanel", { name: "通知机器人" });
    await choose(page, "通知群组", "政协办公室");
    await choose(page, "机器人类型", "钉钉");
    await panel
      .getByLabel("Webhook 地址")
      .fill("https://oapi.dingtalk.com/robot/send?access_token=console-robot-token");
    await panel.getByLabel("加签密钥").fill("SEC-console-robot-secret");
    await panel.getByRole("button", { name: "提交" }).click();
    const row = panel.locator("tr", { hasText: "https://oapi.dingtalk.com/robot/send" });
    await expect.poll(() => row.textContent()).toContain("committee");
    expect(await row.textContent()).toContain("已设置");
    // Sealed: neither the robot's key (the URL's query) nor its secret is on the page, nor in the API's list.
    const shown = await panel.textContent();
    expect(shown).not.toContain("console-robot-token");
    expect(shown).not.toContain("SEC-console-robot-secret");
    expect(await panel.getByLabel("加签密钥").inputValue()).toBe("");
    await screenshot(page, "admin-robots");
    accessibility.robots = await seriousViolations(page);
    const listed = await admin("GET", "/v1/notification-robots");
    expect(listed.body.items).toMatchObject([{ target: "committee", kind: "dingtalk", signed: true }]);
    expect(JSON.stringify(listed.body)).not.toMatch(/console-robot-token|SEC-console-robot-secret/);
  });

  it("an admin creates a delegation on the People page and it shows as active, then hands the person's role over", {
    timeout: 60_000,
  }, async () => {
    const page = await freshAdminPage();
    await page.getByRole("tab", { name: "人员与邀请" }).click();
    await page.getByRole("button", { name: `委托 ${people.staff.name}` }).click();
    const drawer = page.locator(".ant-drawer", { hasText: `${people.staff.name} 的委托` });
    await drawer.getByText("没有委托。").waitFor();
    await choose(page, "被委托人", `${people.deputy.name} (${people.deputy.id})`);
    await drawer.getByLabel("事由").fill("出差一周");
    await drawer.getByRole("button", { name: "新建委托" }).click();
    await expect.poll(() => drawer.getByTestId(`delegation-${people.deputy.id}`).textContent()).toBe("生效中");
    await screenshot(page, "admin-delegation");
    const listed = (await admin("GET", `/v1/people/${people.staff.id}/delegations`)).body.items as {
      delegateId: string;
      active: boolean;
      reason: string;
    }[];
    expect(listed).toEqual([
      expect.objectContaining({ delegateId: people.deputy.id, active: true, reason: "出差一周" }),
    ]);
    // A refusal in the catalog's words: a period already over is not delegated, and nothing is made.
    await choose(page, "被委托人", `${people.deputy.name} (${people.deputy.id})`);
    await drawer.getByLabel("结束时间").fill("2020-01-01T00:00");
    await drawer.getByRole("button", { name: "新建委托" }).click();
    await drawer.getByText("委托期间无效").waitFor();
    expect((await admin("GET", `/v1/people/${people.staff.id}/delegations`)).body.items).toHaveLength(1);
    accessibility.delegations = await seriousViolations(page);
    await page.locator(".ant-drawer-close").click();

    // A handover: what moves is shown first, then asked to confirm; the answer's counts are said.
    await page.getByRole("button", { name: `离任交接 ${people.staff.name}` }).click();
    const handover = page.locator(".ant-modal", { hasText: `${people.staff.name} 离任交接` });
    await expect.poll(() => handover.getByTestId("succession-preview").textContent()).toContain("角色：staff");
    await choose(page, "接任人员", `${people.deputy.name} (${people.deputy.id})`);
    await handover.getByRole("button", { name: "离任交接" }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "离任交接" }).click();
    await page.getByText("已移交 1 个角色、0 个单位、0 条未确认通知，结束 1 项委托。").waitFor();
    await screenshot(page, "admin-succession");
    const roles = async (id: string) =>
      (await db.prisma.roleAssignment.findMany({ where: { personId: id } })).map((row) => row.role);
    expect(await roles(people.staff.id)).toEqual([]);
    expect(await roles(people.deputy.id)).toEqual(["staff"]);
  });

  it("the operator creates a committee and appoints its first admin", { timeout: 90_000 }, async () => {
    const page = await signedIn("operator");
    await page.getByRole("link", { name: "委员会" }).click();
    await page.getByLabel("委员会编号").fill("sz-futian");
    await page.getByLabel("委员会名称").fill("福田区政协");
    await page.getByRole("button", { name: "新建委员会" }).click();
    await expect.poll(() => page.getByTestId("committee-sz-futian").textContent()).toBe("福田区政协");
    expect(await db.prisma.committee.findUnique({ where: { id: "sz-futian" } })).toMatchObject({ name: "福田区政协" });
    // The same id again: refused in words, nothing changed.
    await page.getByLabel("委员会编号").fill("sz-futian");
    await page.getByLabel("委员会名称").fill("另一个");
    await page.getByRole("button", { name: "新建委员会" }).click();
    await page.getByText("该委员会已存在。").waitFor();
    await page.getByRole("button", { name: "指定管理员 sz-futian" }).click();
    const dialog = page.locator(".ant-modal", { hasText: "为 福田区政协 指定管理员" });
    await dialog.getByLabel("人员编号").fill("ft-admin");
    await dialog.getByLabel("姓名").fill("福田管理员");
    await dialog.getByLabel("电子邮箱").fill("admin@futian.example");
    await dialog.locator(".ant-modal-footer").getByRole("button", { name: "指定管理员" }).click();
    const link = ((await page.getByTestId("committee-invitation-link").textContent()) ?? "").trim();
    expect(link).toMatch(/\/console\/invitation#[\w-]+$/);
    await screenshot(page, "admin-committees");
    accessibility.committees = await seriousViolations(page);
    const appointed = await db.prisma.person.findUnique({ where: { id: "ft-admin" }, include: { roles: true } });
    expect(appointed?.committeeId).toBe("sz-futian");
    expect(appointed?.roles.map((role) => role.role)).toEqual(["admin"]);
    // The admin of the default committee sees no such menu (it is the operator's alone).
    await adminPage.reload();
    await adminPage.getByTestId("person-name").waitFor();
    expect(await adminPage.getByRole("link", { name: "委员会" }).count()).toBe(0);
  });

  it("the admin pages have no serious or critical accessibility violation (axe-core, WCAG 2.1 A/AA)", () => {
    expect(Object.keys(accessibility).sort()).toEqual(["binding", "committees", "delegations", "robots", "webhooks"]);
    expect(accessibility).toEqual({ binding: [], committees: [], delegations: [], robots: [], webhooks: [] });
  });
});
