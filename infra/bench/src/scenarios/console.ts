import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createDatabase } from "@huiyin/db";
import { repoRoot } from "@huiyin/infra-local";
import { type Browser, chromium } from "playwright-core";
import type { Environment } from "../environment.ts";
import { seedYear } from "../seed-year.ts";
import { startServices } from "../services.ts";
import { percentiles } from "../stats.ts";

/**
 * The console's figures (issue 15): how long My work and a proposal's page take to first render on localhost
 * (navigation start to the page's content on screen, in headless Chromium, a fresh browser context each time: a
 * first visit, nothing cached) with `proposals` proposals in the database, and the gzip size of the JavaScript the
 * first pages load (the sign-in page, and My work signed in): every script the browser requested for them. Needs Debian's chromium and the console's build; says why it is skipped without them.
 */
export interface ConsoleResult {
  proposals: number;
  samples: number;
  myWorkMs: Record<string, number>;
  proposalMs: Record<string, number>;
  /** The list's first page of a search on a word every title has, and on a rare one (server time, ms). */
  searchMs: { common: number; rare: number };
  /** The list's first page and a page from a cursor halfway down (keyset: the same cost), server and HTTP, ms. */
  listMs: { first: number; middle: number };
  /** The JavaScript the sign-in page loads (a visitor without a session): every script it requested. */
  signInJs: { gzipBytes: number; files: number };
  /** The JavaScript My work loads, signed in: every script it requested until the list was on screen. */
  myWorkJs: { gzipBytes: number; files: number };
}

const CHROMIUM = "/usr/bin/chromium";
const DIST = path.join(repoRoot, "services", "console", "dist");
const PASSWORD = "bench-控制台-password-2026";

export function consoleUnavailable(): string | undefined {
  if (!existsSync(CHROMIUM)) return `no ${CHROMIUM} (apt-get install chromium)`;
  if (!existsSync(path.join(DIST, "index.html"))) return "no console build (pnpm --filter @huiyin/console build)";
  return undefined;
}

/**
 * The gzip size of scripts a page requested (their URLs, as Chromium saw them), each gzipped as a server would:
 * the entry, what it preloads, and every chunk loaded on demand (the page's own code, since pages are lazy).
 */
export function gzipOfScripts(urls: Iterable<string>, dist = DIST): { gzipBytes: number; files: number } {
  const assets = [...new Set([...urls].map((url) => new URL(url).pathname.replace(/^\/console\//, "")))];
  const gzipBytes = assets.reduce((sum, asset) => sum + gzipSync(readFileSync(path.join(dist, asset))).length, 0);
  return { gzipBytes, files: assets.length };
}

export async function consoleScenario(
  environment: Environment,
  options: { proposals: number; samples: number; log(message: string): void },
): Promise<ConsoleResult> {
  const db = createDatabase(environment.databaseUrl, { maxConnections: 4 });
  await db.pool.query(
    "TRUNCATE proposals, proposal_events, dropped_events, deadlines, alarms, outbox, notices, notice_deliveries CASCADE",
  );
  const services = await startServices(environment, { worker: false });
  let browser: Browser | undefined;
  try {
    const call = async (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${services.url}${route}`, {
        method,
        headers: {
          authorization: `Bearer ${services.adminKey}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${method} ${route}: ${response.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    };
    // Staff with a password, signed in as a browser would be.
    await call("PUT", "/v1/directory/people/bench-staff", { name: "压测干事", email: "staff@bench.example" });
    await call("PUT", "/v1/directory/units/u-bench", { name: "压测承办单位" });
    await call("PUT", "/v1/directory/roles/staff/people/bench-staff");
    const invitation = await call("POST", "/v1/people/bench-staff/invitations", {});
    const token = new URL(invitation.link).hash.slice(1);
    await fetch(`${services.url}/v1/invitations/${token}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: services.url },
      body: JSON.stringify({ password: PASSWORD }),
    });
    const signedIn = await fetch(`${services.url}/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: services.url },
      body: JSON.stringify({ login: "staff@bench.example", password: PASSWORD }),
    });
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const [cookieName = "", cookieValue = ""] = cookie.split("=");

    // Templates through the API, one per stage a year holds most of (to review, to assign, being handled).
    const templates: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      const created = await call("POST", "/v1/proposals", {
        title: `关于完善社区养老服务体系的建议（模板${n}）`,
        reasons: "老年人口增加，服务供给不足。",
        suggestions: ["增设日间照料中心", "培育专业护理队伍"],
        category: "livelihood",
        proposers: [{ id: "member-bench" }],
        submit: true,
      });
      templates.push(created.id);
      let version: number = created.version;
      const send = async (event: unknown) => {
        const answer = await call("POST", `/v1/proposals/${created.id}/events`, event, { "if-match": String(version) });
        version = answer.version;
      };
      if (n >= 1) await send({ type: "review.register", category: "livelihood", key: false });
      if (n >= 2) await send({ type: "assign", mode: "sole", units: [{ unitId: "u-bench", role: "lead" }] });
    }
    options.log(`   seeding ${options.proposals} proposals`);
    const { proposalIds } = await seedYear(db.pool, { proposals: Math.max(0, options.proposals - templates.length) });
    const sample = proposalIds[Math.floor(proposalIds.length / 2)] ?? templates[0] ?? "";

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
    const firstRender = async (
      route: string,
      selector: string,
      options: { signedIn?: boolean; scripts?: Set<string> } = {},
    ): Promise<number> => {
      const context = await (browser as Browser).newContext({ viewport: { width: 1280, height: 900 } });
      try {
        if (options.signedIn !== false) {
          await context.addCookies([{ name: cookieName, value: cookieValue, url: services.url }]);
        }
        const page = await context.newPage();
        page.on("request", (request) => {
          if (request.resourceType() === "script") options.scripts?.add(request.url());
        });
        await page.goto(`${services.url}${route}`, { waitUntil: "commit" });
        await page.waitForSelector(selector, { timeout: 60_000 });
        // Milliseconds from the navigation's start, read at once in the page.
        return await page.evaluate(() => performance.now());
      } finally {
        await context.close();
      }
    };
    const myWork: number[] = [];
    const proposal: number[] = [];
    // Warms the api (first queries, JIT), and records the scripts My work and the sign-in page request.
    const myWorkScripts = new Set<string>();
    const signInScripts = new Set<string>();
    await firstRender("/console/work", '[data-testid="work-item"]', { scripts: myWorkScripts });
    await firstRender("/console/sign-in", 'input[type="password"]', { signedIn: false, scripts: signInScripts });
    for (let n = 0; n < options.samples; n += 1) {
      myWork.push(await firstRender("/console/work", '[data-testid="work-item"]'));
      proposal.push(await firstRender(`/console/proposals/${sample}`, '[data-testid="history-entry"]'));
    }
    // One proposal with a word of its own: a rare search.
    await db.pool.query("UPDATE proposals SET title = title || '（单列）' WHERE id = $1", [sample]);
    const timed = async (query: string) => {
      const started = performance.now();
      await call("GET", `/v1/proposals?${query}&limit=50`);
      return Math.round(performance.now() - started);
    };
    const middle = [...proposalIds].sort()[Math.floor(proposalIds.length / 2)] ?? "";
    return {
      proposals: options.proposals,
      samples: options.samples,
      myWorkMs: percentiles(myWork, [50, 95]),
      proposalMs: percentiles(proposal, [50, 95]),
      searchMs: {
        common: await timed(`q=${encodeURIComponent("养老服务")}`),
        rare: await timed(`q=${encodeURIComponent("单列")}`),
      },
      listMs: { first: await timed("order=desc"), middle: await timed(`order=desc&cursor=${middle}`) },
      signInJs: gzipOfScripts(signInScripts),
      myWorkJs: gzipOfScripts(myWorkScripts),
    };
  } finally {
    await browser?.close();
    await services.stop();
    await db.close();
  }
}
