import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createDatabase, type Database } from "@huiyin/db";
import { defaultPolicy } from "@huiyin/domain";
import { freePort } from "@huiyin/infra-local";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@huiyin/infra-local/testing";
import { startTestSmtpServer, type TestSmtpServer } from "@huiyin/infra-local/testing/smtp";
import { createLogger } from "@huiyin/logger";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { importDirectory } from "../services/notifier/src/directory.ts";
import {
  type AxeViolation,
  acceptInvitation as acceptInvitationWith,
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
import { importLeaders, lateReply } from "./support/late-reply.ts";
import { eventually, type Spawned, serviceEnv, spawnEntry } from "./support/processes.ts";

/**
 * The console in real headless Chromium against the real stack (api, worker and notifier as processes, PostgreSQL,
 * Redis, an SMTP server), each step done as a person does it: clicking, typing, reading the page. The tests run in
 * order and build on each other (the people invited in the first sign in in the next ones).
 */
let testDatabase: TestDatabase;
let redis: TestRedis;
let db: Database;
let smtp: TestSmtpServer;
let browser: Browser;
let base: string;
const processes: Spawned[] = [];
const contexts: BrowserContext[] = [];
const ADMIN_KEY = `hy_${"a".repeat(40)}`;
const PASSWORD = "Huiyin-测试-密码-2026!";
const logger = createLogger({ service: "console-e2e", level: "silent", format: "json" });

const people = {
  admin: { id: "admin", name: "管理员", email: "admin@cppcc.example" },
  staff: { id: "zhao", name: "赵干事", email: "zhao@cppcc.example" },
  head: { id: "wang", name: "王局长", email: "wang@zhujian.example" },
  leader: { id: "li", name: "Li Ming", email: "li@cppcc.example" },
  clerk: { id: "chen", name: "陈联络员", email: "chen@shuiwu.example" },
  member: { id: "member-1", name: "张委员", email: "zhang@cppcc.example" },
};

beforeAll(async () => {
  ensureChromium();
  ensureConsoleBuild();
  testDatabase = await createTestDatabase();
  redis = createTestRedis();
  db = createDatabase(testDatabase.url, { maxConnections: 4 });
  smtp = await startTestSmtpServer();
  await importLeaders(db); // u-1 市住建局 headed by 王局长 (wang), supervised by leader-9 (Li Ming)
  await importDirectory(db, {
    people: [people.admin, people.staff, people.clerk, people.member].map((person) => ({
      ...person,
      language: "zh-CN",
    })),
    units: [{ id: "u-2", name: "市水务局" }],
    roles: [
      { role: "admin", personId: "admin" },
      { role: "staff", personId: "zhao" },
      { role: "unit", scope: "u-2", personId: "chen" },
      { role: "proposer", scope: "member-1", personId: "member-1" },
    ],
  });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const stores = { databaseUrl: testDatabase.url, redisUrl: redis.url, prefix: redis.prefix };
  const shared = { SMTP_URL: smtp.url, PUBLIC_BASE_URL: base, NOTIFY_EMAIL_BACKOFF_MS: "200" };
  const api = spawnEntry("services/api/src/main.ts", {
    ...(await serviceEnv(stores, shared)),
    PORT: String(port),
    HUIYIN_ADMIN_KEY: ADMIN_KEY,
  });
  processes.push(api);
  for (const name of ["worker", "notifier"]) {
    processes.push(spawnEntry(`services/${name}/src/main.ts`, await serviceEnv(stores, shared)));
  }
  await eventually(async () => (await fetch(`${base}/readyz`)).status === 200, 60_000, api.output);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await closeBrowserStack(contexts, browser, processes);
  await smtp?.close();
  await db?.close();
  await redis?.cleanup();
  await testDatabase?.drop();
});

/** The admin key's API (what the start banner and scripts use), for what the test prepares outside a browser. */
const admin = (method: string, url: string, body?: unknown) => callWithKey(base, ADMIN_KEY, method, url, body);

async function newPage(options: { phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext(
    options.phone
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "en-US" }
      : { viewport: { width: 1280, height: 900 }, locale: "zh-CN" },
  );
  contexts.push(context);
  const page = await context.newPage();
  // What the page said and what the API refused: printed with a failing test.
  keepDiagnostics(page, diagnostics);
  return page;
}

const diagnostics: string[] = [];

afterEach(async (context) => {
  if (context.task.result?.state !== "fail") return;
  for (const [index, entry] of contexts.entries()) {
    for (const page of entry.pages()) await screenshot(page, `failed-${index}`).catch(() => undefined);
  }
  console.error(diagnostics.join("\n"));
});

/** Sets the password on an invitation page and signs in as the person; the page ends on My work. */
const acceptInvitation = (page: Page, link: string, email: string) => acceptInvitationWith(page, link, email, PASSWORD);

async function signIn(page: Page, email: string, labels = { login: "电子邮箱", password: "密码", submit: "登录" }) {
  await page.getByLabel(labels.login).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: labels.submit }).click();
}

const pages: Partial<Record<keyof typeof people, Page>> = {};

/** What axe-core found on each main page as the tests saw it: asserted empty by the last test. */
const accessibility: Record<string, AxeViolation[]> = {};

/** A screenshot of a main page for the README, and its accessibility audit (serious and critical violations). */
async function mainPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  accessibility[name] = await seriousViolations(page);
}
const ids: string[] = [];

describe("the console", () => {
  it("an admin sets a password from the first invitation, signs in, and invites staff, a unit head and a leader, who sign in", {
    timeout: 180_000,
  }, async () => {
    const first = await admin("POST", `/v1/people/${people.admin.id}/invitations`, {});
    expect(first.status).toBe(201);
    const page = await newPage();
    pages.admin = page;
    await page.goto(first.body.link);
    await mainPage(page, "invitation");
    await acceptInvitation(page, first.body.link, people.admin.email);
    await expect.poll(() => page.getByTestId("person-name").textContent()).toBe(people.admin.name);
    await page.getByRole("link", { name: "管理" }).click();
    await page.getByRole("button", { name: `邀请 ${people.staff.name}` }).waitFor();
    for (const who of ["staff", "head", "leader"] as const) {
      await page.getByRole("button", { name: `邀请 ${people[who].name}` }).click();
      // The link shows in a dialog (copyable): read it as the admin would, from the page.
      const linkOnPage = async () =>
        // biome-ignore lint/performance/useDomNodeTextContent: what is shown (a closed dialog stays in the DOM)
        /(https?:\/\/\S+\/console\/invitation#[\w-]+)/.exec(await page.locator("body").innerText())?.[1];
      await expect.poll(linkOnPage, { timeout: 20_000 }).toBeDefined();
      const link = await linkOnPage();
      // SMTP is on here: the page says the invitation is e-mailed, and the person receives the same link.
      await page.getByText(`邀请邮件已发往 ${people[who].email}`).waitFor();
      const mailed = () =>
        smtp.messages.find((message) => JSON.stringify(message.to).includes(people[who].email))?.text ?? "";
      await expect.poll(mailed, { timeout: 30_000 }).toContain(link ?? "no link on the page");
      // The link is a credential: no process logged it (the api made it, the notifier opened and sent it).
      const token = new URL(link ?? "http://x/#none").hash.slice(1);
      for (const spawned of processes) expect(spawned.output()).not.toContain(token);
      if (who === "leader") await mainPage(page, "admin");
      await page.keyboard.press("Escape");
      await expect.poll(linkOnPage).toBeUndefined();
      const invited = await newPage();
      pages[who] = invited;
      await acceptInvitation(invited, link ?? "", people[who].email);
      await expect.poll(() => invited.getByTestId("person-name").textContent()).toBe(people[who].name);
    }
  });

  it("an admin issues an API key, sees it once, and revokes it; the key works until then", {
    timeout: 90_000,
  }, async () => {
    const page = pages.admin as Page;
    await page.getByRole("tab", { name: "API 密钥" }).click();
    const panel = page.getByRole("tabpanel", { name: "API 密钥" });
    await panel.getByLabel("代表身份").fill("crm-sync");
    await panel.getByLabel("名称").fill("CRM 同步");
    await panel.getByRole("button", { name: "签发" }).click();
    const shown = (await page.getByTestId("issued-key").textContent()) ?? "";
    const key = /hy_[A-Za-z0-9]{12}_[\w-]+/.exec(shown)?.[0] ?? "";
    const whoami = async () =>
      (await fetch(`${base}/v1/whoami`, { headers: { authorization: `Bearer ${key}` } })).status;
    expect(await whoami()).toBe(200);
    await mainPage(page, "admin-key");
    await page.keyboard.press("Escape");
    await expect.poll(async () => page.getByTestId("issued-key").count()).toBe(0);
    const prefix = key.slice(0, 15);
    await panel.getByRole("button", { name: `吊销 ${prefix}` }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "确定" }).click();
    await page.getByTestId(`revoked-${prefix}`).waitFor();
    expect(await whoami()).toBe(401);
  });

  it("staff register twenty proposals in one bulk action and assign them to one unit in a second", {
    timeout: 180_000,
  }, async () => {
    for (let n = 1; n <= 20; n += 1) {
      const created = await admin("POST", "/v1/proposals", {
        title: `关于完善社区养老服务的建议（${n}）`,
        reasons: "老年人口增加，服务供给不足。",
        suggestions: ["增设日间照料中心"],
        category: "livelihood",
        proposers: [{ id: people.member.id }],
        submit: true,
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const page = pages.staff as Page;
    await page.reload();
    await page.getByText("待审查立案").first().waitFor();
    await mainPage(page, "my-work");
    await page.getByRole("link", { name: "提案", exact: true }).click();
    await choose(page, "阶段", "审查");
    await expect.poll(() => page.locator("tbody tr.ant-table-row").count()).toBe(20);
    await page.locator("thead .ant-checkbox-input").check();
    await page.getByText("已选 20 件").waitFor();
    await page.getByRole("button", { name: "批量立案" }).click();
    await page.getByLabel("类别").fill("livelihood");
    await page.locator(".ant-modal .ant-btn-primary").click();
    await expect
      .poll(() => page.getByTestId("batch-result").textContent())
      .toBe("成功 20 件，被拒绝 0 件，未找到 0 件");

    await choose(page, "阶段", "交办");
    await expect.poll(() => page.locator("tbody tr.ant-table-row").count()).toBe(20);
    await page.locator("thead .ant-checkbox-input").check();
    await page.getByRole("button", { name: "批量交办" }).click();
    await page.getByLabel("主办单位").fill("u-1");
    await page.locator(".ant-modal .ant-btn-primary").click();
    await expect
      .poll(() => page.getByTestId("batch-result").textContent())
      .toBe("成功 20 件，被拒绝 0 件，未找到 0 件");
    await page.locator(".ant-modal-content").waitFor({ state: "hidden" });
    // The list is read again: every row now names the unit.
    await expect.poll(() => page.locator("tbody tr.ant-table-row", { hasText: "市住建局" }).count()).toBe(20);
    await mainPage(page, "proposals");
    const listed = await admin("GET", "/v1/proposals?unit=u-1&limit=100");
    expect(listed.body.items).toHaveLength(20);
  });

  it("the unit contacts the proposer and replies, staff accept, the proposer rates", { timeout: 180_000 }, async () => {
    const id = ids[0] as string;
    const act = async (
      page: Page,
      event: string,
      label: string,
      fill: (page: Page) => Promise<void> = async () => {},
    ) => {
      await page.goto(`${base}/console/proposals/${id}`);
      await page.getByTestId(`action-${event}`).click();
      const form = page.getByRole("form", { name: label });
      await fill(page);
      await form.getByRole("button", { name: label }).click();
      await page.getByText(`已办理：${label}`).waitFor();
    };
    const head = pages.head as Page;
    // The unit's notices about the proposal (its assignment...) are one banner, acknowledged at once.
    await head.goto(`${base}/console/proposals/${id}`);
    const banner = head.getByTestId("proposal-notices");
    await banner.waitFor();
    expect(await banner.count()).toBe(1);
    await banner.getByRole("button").click();
    await banner.waitFor({ state: "detached" });
    await act(head, "unit.acknowledge", "确认承办");
    await act(head, "handle.contact", "办前沟通", async (page) => {
      const when = page.getByLabel("沟通时间");
      await when.click();
      await when.fill("2026-12-01 10:00:00");
      await when.press("Enter");
      await choose(page, "沟通方式", "电话");
      await page.getByLabel("沟通情况").fill("电话沟通了办理思路。");
    });
    await act(head, "handle.reply", "答复", async (page) => {
      await choose(page, "答复分类", "A 类（已解决或采纳）");
      await page.getByLabel("答复正文").fill("已在三个街道增设日间照料中心。");
      await page.getByLabel("签发人").fill("王局长");
    });
    await act(pages.staff as Page, "supervise.acceptReply", "审核通过答复");

    const member = await admin("POST", `/v1/people/${people.member.id}/invitations`, {});
    const page = await newPage();
    pages.member = page;
    await acceptInvitation(page, member.body.link, people.member.email);
    await page.getByText("待测评").first().waitFor();
    await act(page, "evaluate", "满意度测评", async (page) => {
      await choose(page, "测评结果", "满意");
      await page.getByLabel("意见").fill("办理认真，感谢。");
    });
    const history = await admin("GET", `/v1/proposals/${id}/history?limit=200`);
    const types = history.body.items.map((entry: { type: string }) => entry.type);
    expect(types).toEqual(
      expect.arrayContaining(["handle.contact", "handle.reply", "supervise.acceptReply", "evaluate"]),
    );
    const proposal = await admin("GET", `/v1/proposals/${id}`);
    expect(proposal.body.stage).toBe("closed");
    await page.reload();
    await page.getByTestId("history-entry").first().waitFor();
    // The timeline speaks words, not data: the mode and the grade from the catalogs, no JSON anywhere.
    const timeline = (await page.getByTestId("history-entry").allInnerTexts()).join("\n");
    expect(timeline).toContain("单独办理");
    expect(timeline).not.toMatch(/[{[]"/);
    await mainPage(page, "proposal");
  });

  it("a proposer writes a proposal in the console, with two suggestions, and submits it", {
    timeout: 120_000,
  }, async () => {
    const page = pages.member as Page;
    await page.goto(`${base}/console/proposals`);
    await page.getByRole("button", { name: "新建提案" }).click();
    const form = page.getByRole("form", { name: "新建提案" });
    // Nothing written: refused in the form, nothing sent.
    await form.getByRole("button", { name: "提交" }).click();
    await form.getByText("请填写此项。").first().waitFor();
    await form.getByLabel("标题").fill("关于增设公共自行车站点的建议");
    await form.getByLabel("类别").fill("urban");
    await form.getByLabel("案由").fill("城区公共自行车站点不足，群众出行不便。");
    await form.getByLabel("建议 1", { exact: true }).fill("在地铁站周边增设站点");
    await form.getByRole("button", { name: "添加一条建议" }).click();
    await form.getByLabel("建议 2", { exact: true }).fill("延长运营时间");
    await mainPage(page, "new-proposal");
    await form.getByRole("button", { name: "提交" }).click();
    await page.waitForURL(/\/console\/proposals\/p_/);
    const id = new URL(page.url()).pathname.split("/").at(-1) as string;
    const created = await admin("GET", `/v1/proposals/${id}`);
    expect(created.body).toMatchObject({
      stage: "review",
      title: "关于增设公共自行车站点的建议",
      proposers: [{ id: people.member.id }],
    });
    const history = await admin("GET", `/v1/proposals/${id}/history?limit=10`);
    expect(history.body.items.map((entry: { type: string }) => entry.type)).toEqual(["create", "submit"]);
    const content = history.body.items[0].payload;
    expect(JSON.stringify(content)).toContain("延长运营时间");
  });

  it("a deadline missed in compressed time escalates; the leader opens the e-mail link on a phone, signs in, lands on the proposal and acknowledges", {
    timeout: 180_000,
  }, async () => {
    const policy = { ...defaultPolicy, timeScale: 1 / 864_000 }; // a day lasts 100 ms
    const id = await lateReply({ db, logger }, "关于加快老旧小区改造的建议", policy);
    let mail: string | undefined;
    await eventually(
      async () => {
        // The escalation's, not the invitation the leader got first.
        mail = smtp.messages.find(
          (message) =>
            JSON.stringify(message.to).includes(people.leader.email) && message.text?.includes("/console/proposals/"),
        )?.text;
        return mail !== undefined;
      },
      120_000,
      () => (processes[2]?.output() ?? "").slice(-3000),
    );
    const link = /(https?:\/\/\S+\/console\/proposals\/\S+)/.exec(mail ?? "")?.[1];
    expect(link).toBe(`${base}/console/proposals/${id}`);

    const phone = await newPage({ phone: true });
    await phone.goto(link ?? "");
    await phone.waitForURL(/\/console\/sign-in\?next=/);
    // Li Ming reads English (the directory's language); the sign-in page is in the default Chinese until then.
    await signIn(phone, people.leader.email);
    await phone.waitForURL(`${base}/console/proposals/${id}`);
    await phone.getByRole("heading", { name: "关于加快老旧小区改造的建议" }).waitFor();
    const notice = phone.getByTestId("proposal-notice").first();
    await notice.waitFor();
    await notice.getByRole("button").click();
    await eventually(
      async () => (await db.prisma.notice.count({ where: { proposalId: id, acknowledgedAt: { not: null } } })) > 0,
      10_000,
      () => "",
    );
    await phone.goto(`${base}/console/inbox`);
    await phone.getByTestId("notice").first().waitFor();
    await mainPage(phone, "inbox-phone");
  });

  it("a unit contact cannot open another unit's proposal: the page says so, nothing leaks", {
    timeout: 120_000,
  }, async () => {
    const clerk = await admin("POST", `/v1/people/${people.clerk.id}/invitations`, {});
    const page = await newPage();
    await acceptInvitation(page, clerk.body.link, people.clerk.email);
    const bodies: string[] = [];
    page.on("response", async (response) => {
      if (response.url().includes("/v1/")) bodies.push(await response.text().catch(() => ""));
    });
    const id = ids[1] as string;
    await page.goto(`${base}/console/proposals/${id}`);
    await page.getByText("找不到该提案，或您无权查看。").waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.content()).not.toContain("社区养老");
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(body).not.toContain("社区养老");
    await mainPage(page, "not-found");
  });

  it("the dashboard shows the statistics as charts with the numbers beside them", { timeout: 60_000 }, async () => {
    const page = pages.staff as Page;
    await page.goto(`${base}/console/dashboard`);
    await page.getByText("各阶段提案数").waitFor();
    await page.locator("[role=img] svg").first().waitFor();
    // The rates per unit, and every figure a link to the proposals behind it (the list's filters in its query).
    await page.getByText("办复率、按期办复率、满意率").first().waitFor();
    const submitted = page.locator('a[href*="/console/proposals?"][href*="submitted=true"]').first();
    await submitted.waitFor();
    expect(await submitted.getAttribute("href")).toMatch(/^\/console\/proposals\?submitted=true/);
    await screenshot(page, "dashboard");
    // The figure opens the list filtered as it says: the list asks the API with the figure's filters.
    const listed = page.waitForResponse(
      (answer) => answer.url().includes("/v1/proposals?") && answer.url().includes("submitted=true"),
    );
    await submitted.click();
    await page.waitForURL(/\/console\/proposals\?submitted=true/);
    expect((await listed).status()).toBe(200);
    await page.getByText("统计筛选").first().waitFor();
  });

  it("sign-out ends the session", { timeout: 60_000 }, async () => {
    const page = pages.staff as Page;
    const cookies = await page.context().cookies();
    const cookie = cookies.map((entry) => `${entry.name}=${entry.value}`).join("; ");
    expect((await fetch(`${base}/v1/my-work`, { headers: { cookie } })).status).toBe(200);
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/console\/sign-in/);
    await mainPage(page, "sign-in");
    expect((await fetch(`${base}/v1/my-work`, { headers: { cookie } })).status).toBe(401);
    await page.goto(`${base}/console/work`);
    await page.waitForURL(/\/console\/sign-in\?next=/);
  });

  it("a CSRF attempt from another origin changes nothing", { timeout: 60_000 }, async () => {
    const id = ids[2] as string;
    const before = await admin("GET", `/v1/proposals/${id}`);
    const target = `${base}/v1/proposals/${id}/events`;
    // Another site on this host (same site for the cookie: only the port differs), with a form and a script.
    const evil: Server = createServer((_request, response) => {
      response.setHeader("content-type", "text/html; charset=utf-8");
      response.end(`<!doctype html><form id="f" method="POST" action="${target}" enctype="text/plain">
        <input name='{"type":"unit.object","reason":"x","padding":"' value='"}'></form>
        <script>fetch(${JSON.stringify(target)}, {method: "POST", credentials: "include",
          headers: {"content-type": "application/json"}, body: JSON.stringify({type: "unit.object", reason: "x"})})
          .finally(() => document.getElementById("f").submit());</script>`);
    });
    evil.listen(0, "127.0.0.1");
    await once(evil, "listening");
    try {
      const page = pages.head as Page; // signed in as the unit head, who could object to this proposal
      const formPost = page.waitForResponse(
        (response) =>
          response.url() === target &&
          response.request().method() === "POST" &&
          response.request().postData()?.includes("padding") === true,
      );
      await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
      const refused = await formPost;
      expect(refused.status()).toBe(403);
      expect(await refused.text()).toContain("CSRF_REJECTED");
    } finally {
      evil.close();
    }
    const after = await admin("GET", `/v1/proposals/${id}`);
    expect(after.body.version).toBe(before.body.version);
    expect(after.body.states).toEqual(before.body.states);
  });

  it("the main pages, on a desktop and on a phone, have no serious or critical accessibility violations (axe-core)", () => {
    expect(accessibility).toEqual(Object.fromEntries(Object.keys(accessibility).map((name) => [name, []])));
    expect(Object.keys(accessibility).sort()).toEqual([
      "admin",
      "admin-key",
      "inbox-phone",
      "invitation",
      "my-work",
      "new-proposal",
      "not-found",
      "proposal",
      "proposals",
      "sign-in",
    ]);
  });
});
