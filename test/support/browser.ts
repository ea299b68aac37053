import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { aptInstall } from "../../infra/local/src/system.ts";
import { repoRoot, type Spawned } from "./processes.ts";

/**
 * The browser tests' Chromium: Debian's `chromium` and a CJK font (so that Chinese pages render, and screenshots
 * show them), installed through apt when missing, as the test setup installs PostgreSQL; driven by playwright-core,
 * which brings no browser of its own.
 */
export const CHROMIUM = "/usr/bin/chromium";
const CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
const CONSOLE = path.join(repoRoot, "services", "console");

export const SCREENSHOTS = path.join(repoRoot, "test", "screenshots");

export function ensureChromium(): void {
  const missing = [
    ...(existsSync(CHROMIUM) ? [] : ["chromium"]),
    ...(existsSync(CJK_FONT) ? [] : ["fonts-wqy-microhei"]),
  ];
  if (missing.length > 0) {
    aptInstall(missing, "Chromium (for the console's browser tests)", "install Chromium and a CJK font yourself.");
  }
}

/**
 * The console's static build, made when missing or older than a source file (`npm test` builds it first when its
 * sources changed; this covers a test run straight through vitest after an edit, which would otherwise click
 * through yesterday's pages).
 */
export function ensureConsoleBuild(): void {
  const built = path.join(CONSOLE, "dist", "index.html");
  if (existsSync(built) && newestSource() <= statSync(built).mtimeMs) return;
  const vite = path.join(CONSOLE, "node_modules", "vite", "bin", "vite.js");
  const build = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], { cwd: CONSOLE, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the console build failed:\n${build.stdout}${build.stderr}`);
}

/** When the console's newest source file changed (its src tree, index.html, the vite config, package.json). */
function newestSource(): number {
  const files = readdirSync(path.join(CONSOLE, "src"), { recursive: true, encoding: "utf8" }).map((file) =>
    path.join(CONSOLE, "src", file),
  );
  files.push(...["index.html", "vite.config.ts", "package.json"].map((file) => path.join(CONSOLE, file)));
  return Math.max(...files.filter((file) => existsSync(file)).map((file) => statSync(file).mtimeMs));
}

/**
 * Headless Chromium with a fresh profile (playwright's `launch` makes a new temporary user-data dir each time and
 * removes it on close): no sandbox (containers), no GPU, nothing fetched in the background.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Sets `password` on an invitation page and signs in as the person (zh-CN labels), as a person invited by e-mail
 * does; resolves once the header names someone (signed in, on My work).
 */
export async function acceptInvitation(page: Page, link: string, email: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel("新密码").fill(password);
  await page.getByLabel("再次输入密码").fill(password);
  await page.getByRole("button", { name: "设置密码" }).click();
  await page.getByText("密码已设置，请登录。").waitFor();
  await page.getByRole("link", { name: "登录" }).click();
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByTestId("person-name").waitFor();
}

/** Picks `option` in the Ant Design select labelled `label` (a combobox whose list opens in a popup). */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option }).first().click();
  // Chosen once the select shows it (a click during the list's opening animation can miss).
  const field = page.locator(".ant-form-item", { has: page.getByLabel(label, { exact: true }) });
  await field.locator(".ant-select-content, .ant-select-selection-item", { hasText: option }).first().waitFor();
}

/** One accessibility violation axe-core found: its rule, how grave, and where (a few of the elements). */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/**
 * The serious and critical WCAG 2 A/AA violations axe-core (Deque's engine, the usual one) finds on the page as it
 * is now. axe is evaluated through the DevTools protocol, so the console's Content-Security-Policy (no inline script)
 * stays as it is for the page.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // The page as a person reads it: a select's list still closing (its animation, on a loaded machine) is checked
  // once it has closed. Ant Design's option list carries no accessible name of its own (a library limit): a list
  // left open on purpose would still be reported.
  await page
    .locator(".ant-select-dropdown:visible")
    .first()
    .waitFor({ state: "hidden", timeout: 5_000 })
    .catch(() => undefined);
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // In the page: no DOM types in the tests' TypeScript, hence the casts.
    const scope = globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } };
    const result = (await scope.axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)),
    }));
  });
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/** The api with a bearer key (what the start banner and scripts use), for what a test prepares or checks outside a browser. */
export async function callWithKey(base: string, key: string, method: string, url: string, body?: unknown) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** What a page logs as errors and what the API refuses it, kept to be printed with a failing test. */
export function keepDiagnostics(page: Page, diagnostics: string[]): void {
  page.on("console", (message) => {
    if (message.type() === "error") diagnostics.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400)
      diagnostics.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
}

/** Ends a browser test's stack: its browser contexts, the browser and the service processes it spawned. */
export async function closeBrowserStack(
  contexts: BrowserContext[],
  browser: Browser | undefined,
  processes: Spawned[],
): Promise<void> {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  for (const spawned of processes) if (spawned.child.exitCode === null) spawned.child.kill("SIGKILL");
}
