import type { OidcConfig } from "@huiyin/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oidcSignIn } from "../services/api/src/auth/oidc/platform.ts";
import { type ApiHarness, startApi } from "./support/api.ts";
import { startTestProvider, type TestProvider } from "./support/oidc-provider.ts";

/**
 * Sign-in with the committee's identity platform (issue 15, OIDC) over real HTTP, PostgreSQL and Redis, against a
 * local provider on 127.0.0.1 (test/support/oidc-provider.ts): the whole authorization code flow as a browser
 * follows it, redirect by redirect, with its cookies carried by hand.
 */
let provider: TestProvider;
let api: ApiHarness;
let off: ApiHarness;

/** A browser: its cookies (name → value), as Set-Cookie headers left them. */
type Jar = Map<string, string>;

interface Hop {
  status: number;
  location: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: bodies are asserted field by field
  body: any;
}

/** One request, no redirect followed, the jar's cookies sent and the answer's kept. */
async function visit(jar: Jar, url: string, headers: Record<string, string> = {}): Promise<Hop> {
  const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(url, { redirect: "manual", headers: { ...headers, ...(cookie ? { cookie } : {}) } });
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const equals = pair.indexOf("=");
    const name = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    if (value === "" || /Max-Age=0/.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: response.status, location: response.headers.get("location"), body };
}

/** Starts a sign-in asking for `next`, and lets the provider sign `claims` in: the callback URL it sends back to. */
async function toCallback(jar: Jar, claims: Record<string, unknown>, next = "/proposals/p-1"): Promise<string> {
  const started = await visit(jar, `${api.base}/v1/session/oidc/start?next=${encodeURIComponent(next)}`);
  expect(started.status, JSON.stringify(started.body)).toBe(303);
  expect(started.location?.startsWith(`${provider.issuer}/authorize?`)).toBe(true);
  expect(jar.has("huiyin_oidc")).toBe(true);
  const asked = new URL(started.location ?? "");
  expect(asked.searchParams.get("code_challenge_method")).toBe("S256");
  expect(asked.searchParams.get("state")).toBeTruthy();
  expect(asked.searchParams.get("nonce")).toBeTruthy();
  provider.signInAs(claims);
  const back = await visit(jar, started.location ?? "");
  expect(back.status).toBe(302);
  return back.location ?? "";
}

beforeAll(async () => {
  provider = await startTestProvider();
  const settings: OidcConfig = {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    redirectUrl: "set below, once the api has its port",
    claim: "email",
    match: "email",
    scopes: "openid email",
    name: "市统一身份认证平台",
  };
  const oidc = oidcSignIn(settings);
  [api, off] = await Promise.all([startApi({ overrides: { oidc } }), startApi()]);
  // The callback is registered at the provider with the api's own address, known only now.
  settings.redirectUrl = `${api.base}/v1/session/oidc/callback`;
  oidc.redirectUrl = settings.redirectUrl;
  for (const [id, email] of [
    ["li", "li.wei@water.example.gov.cn"],
    ["wang", "wang@water.example.gov.cn"],
    ["noacct", "noacct@example.gov.cn"],
  ] as const) {
    expect((await api.call("PUT", `/v1/directory/people/${id}`, { body: { name: id, email } })).status).toBe(201);
  }
  expect((await api.call("PUT", "/v1/directory/roles/unit:water/people/li")).status).toBe(201);
  // Accounts come from an admin (here: enabled without a password), never from the identity platform.
  for (const id of ["li", "wang"]) expect((await api.call("POST", `/v1/people/${id}/enable`)).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await Promise.all([api?.close(), off?.close(), provider?.close()]);
});

describe("OIDC sign-in", () => {
  it("is off by default: every OIDC route answers 404 OIDC_DISABLED, and nothing goes out", async () => {
    for (const path of ["/v1/session/oidc", "/v1/session/oidc/start?next=/work", "/v1/session/oidc/callback?code=x"]) {
      const answer = await visit(new Map(), `${off.base}${path}`);
      expect(answer.status, path).toBe(404);
      expect(answer.body.error.code).toBe("OIDC_DISABLED");
    }
    const on = await visit(new Map(), `${api.base}/v1/session/oidc`);
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ name: "市统一身份认证平台", startUrl: "/v1/session/oidc/start" });
  });

  it("signs a directory person in and lands on the console page they asked for, with the same session as a password", async () => {
    const jar: Jar = new Map();
    // The e-mail in another case than the directory's: e-mails match in any case.
    const callback = await toCallback(
      jar,
      { sub: "u-1001", email: "Li.Wei@water.example.gov.cn" },
      "/proposals/p-1?tab=history",
    );
    const landed = await visit(jar, callback);
    expect(landed.status, JSON.stringify(landed.body)).toBe(303);
    expect(landed.location).toBe("/console/proposals/p-1?tab=history");
    expect(jar.has("huiyin_session")).toBe(true);
    expect(jar.has("huiyin_oidc")).toBe(false);
    const session = await visit(jar, `${api.base}/v1/session`);
    expect(session.status).toBe(200);
    expect(session.body.person.id).toBe("li");
    expect(session.body.roles).toEqual([expect.objectContaining({ role: "unit", scope: "water" })]);
    const audit = await api.database.prisma.auditEntry.findFirst({
      where: { action: "session.start", targetId: "li" },
      orderBy: { id: "desc" },
    });
    expect(audit?.details).toMatchObject({ method: "oidc" });
    // The callback is used once: its replay, cookie gone, signs nobody in.
    const replay = await visit(new Map(), callback);
    expect(replay.status).toBe(400);
    expect(replay.body.error.code).toBe("OIDC_FLOW_INVALID");
    // Sign-out ends it as it ends a password's session.
    const csrf = session.body.csrfToken as string;
    const cookie = `huiyin_session=${jar.get("huiyin_session")}`;
    const out = await fetch(`${api.base}/v1/session`, {
      method: "DELETE",
      headers: { cookie, "x-csrf-token": csrf, origin: api.base },
    });
    expect(out.status).toBe(204);
    expect((await visit(jar, `${api.base}/v1/session`)).status).toBe(401);
  });

  it("refuses an answer whose state is not the browser's own attempt, or whose ID token carries another nonce", async () => {
    const jar: Jar = new Map();
    const callback = new URL(await toCallback(jar, { sub: "u-1001", email: "li.wei@water.example.gov.cn" }));
    callback.searchParams.set("state", "not-the-state-we-sent");
    const refused = await visit(jar, callback.toString());
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("OIDC_FLOW_INVALID");
    expect(jar.has("huiyin_session")).toBe(false);

    // Login CSRF: another browser's genuine answer, brought to this browser (which started its own attempt).
    const victim: Jar = new Map();
    await visit(victim, `${api.base}/v1/session/oidc/start`);
    const attacker = await toCallback(new Map(), { sub: "u-1001", email: "li.wei@water.example.gov.cn" });
    const planted = await visit(victim, attacker);
    expect(planted.body.error.code).toBe("OIDC_FLOW_INVALID");
    expect(victim.has("huiyin_session")).toBe(false);

    // A forged cookie does not open.
    const forged = await visit(new Map([["huiyin_oidc", "v1:test1:AAAA:BBBB:CCCC"]]), attacker);
    expect(forged.body.error.code).toBe("OIDC_FLOW_INVALID");

    // The platform's answer with an ID token for another nonce: openid-client refuses it.
    const nonceJar: Jar = new Map();
    const started = await visit(nonceJar, `${api.base}/v1/session/oidc/start`);
    provider.signInAs({ sub: "u-1001", email: "li.wei@water.example.gov.cn" });
    provider.forgeNextNonce();
    const back = await visit(nonceJar, started.location ?? "");
    const wrongNonce = await visit(nonceJar, back.location ?? "");
    expect(wrongNonce.status).toBe(400);
    expect(wrongNonce.body.error.code).toBe("OIDC_FLOW_INVALID");
    expect(nonceJar.has("huiyin_session")).toBe(false);
  });

  it("refuses an unknown subject, a person without an account and a disabled one alike (no enumeration)", async () => {
    const answers: Hop[] = [];
    for (const claims of [
      { sub: "u-9", email: "nobody@example.gov.cn" },
      { sub: "u-8", email: "noacct@example.gov.cn" },
      { sub: "u-7", email: "wang@water.example.gov.cn", email_verified: false },
      { sub: "u-6" },
    ]) {
      const jar: Jar = new Map();
      answers.push(await visit(jar, await toCallback(jar, claims)));
      expect(jar.has("huiyin_session")).toBe(false);
    }
    expect((await api.call("POST", "/v1/people/wang/disable")).status).toBe(200);
    const jar: Jar = new Map();
    answers.push(await visit(jar, await toCallback(jar, { sub: "u-5", email: "wang@water.example.gov.cn" })));
    expect(jar.has("huiyin_session")).toBe(false);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe("OIDC_SIGN_IN_FAILED");
      expect(answer.body.error.message).toBe(answers[0]?.body.error.message);
    }
    // No account was made for anyone the platform named.
    expect(await api.database.prisma.personAccount.count({ where: { personId: "noacct" } })).toBe(0);

    // A browser coming back is sent to the sign-in page, which shows the code's message; the failure is audited.
    const page: Jar = new Map();
    const callback = await toCallback(page, { sub: "u-9", email: "nobody@example.gov.cn" });
    const shown = await visit(page, callback, { accept: "text/html,application/xhtml+xml" });
    expect(shown.status).toBe(303);
    expect(shown.location).toBe("/console/sign-in?error=OIDC_SIGN_IN_FAILED");
    const failed = await api.database.prisma.auditEntry.findFirst({
      where: { action: "authentication.failed" },
      orderBy: { id: "desc" },
    });
    expect(failed?.details).toMatchObject({ path: "/v1/session/oidc/callback", code: "OIDC_SIGN_IN_FAILED" });
  });

  it("refuses to send anyone anywhere but a console page (no open redirect)", async () => {
    const before = provider.tokenRequests();
    for (const next of ["https://evil.example/", "//evil.example/", "/\\evil.example", "/../v1/api-keys"]) {
      const jar: Jar = new Map();
      const answer = await visit(jar, `${api.base}/v1/session/oidc/start?next=${encodeURIComponent(next)}`);
      expect(answer.status, next).toBe(400);
      expect(answer.body.error.code).toBe("OIDC_NEXT_REFUSED");
      expect(answer.location).toBeNull();
      expect(jar.has("huiyin_oidc")).toBe(false);
    }
    expect(provider.tokenRequests()).toBe(before);
  });
});
