import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEOPLE_DEFAULTS } from "../services/api/src/index.ts";
import { type ApiHarness, startApi, TEST_SCRYPT } from "./support/api.ts";

/**
 * People sign in (issue 15) over real HTTP, PostgreSQL and Redis: an admin's invitation, setting the password,
 * the session cookie with the person's directory roles (the union of their scopes, each event recorded with the
 * role it was allowed under), CSRF, sign-out, disabling, lockout and unlock, and no user enumeration.
 */
const LOCKOUT = 3;
let api: ApiHarness;
const PASSWORD = "水务局-李-correct-horse";

interface Browser {
  cookie?: string;
  csrf?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Answer = { status: number; headers: Headers; body: any };

/** A request as the console's browser sends it: the cookie, and the CSRF token and Origin where given. */
async function browse(
  browser: Browser,
  method: string,
  path: string,
  options: { body?: unknown; csrf?: string | null; origin?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (browser.cookie) headers.cookie = browser.cookie;
  const csrf = options.csrf === undefined ? browser.csrf : options.csrf;
  if (csrf) headers["x-csrf-token"] = csrf;
  const origin = options.origin === undefined ? api.base : options.origin;
  if (origin) headers.origin = origin;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${api.base}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

async function signIn(login: string, password: string, headers: Record<string, string> = {}) {
  const browser: Browser = {};
  const response = await browse(browser, "POST", "/v1/session", { body: { login, password }, headers });
  if (response.status === 200) {
    const setCookie = response.headers.get("set-cookie") ?? "";
    browser.cookie = setCookie.split(";")[0];
    browser.csrf = response.body.csrfToken;
  }
  return { response, browser };
}

/** Invites a person as the admin key and sets their password through the link: what a new person does. */
async function invite(personId: string, password = PASSWORD): Promise<void> {
  const invited = await api.call("POST", `/v1/people/${personId}/invitations`);
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const token = new URL(invited.body.link).hash.slice(1);
  const set = await browse({}, "POST", `/v1/invitations/${token}`, { body: { password } });
  expect(set.status, JSON.stringify(set.body)).toBe(204);
}

const content = (proposer: string) => ({
  title: "关于改善城区排水设施的建议",
  reasons: "汛期积水严重。",
  suggestions: ["改造老旧管网"],
  category: "urban",
  proposers: [{ id: proposer }],
});

/** Submitted by `proposerKey`'s member, registered, assigned to `unit` alone; its id. */
async function assigned(proposerKey: string, proposer: string, unit: string): Promise<string> {
  const staff = await api.issueKey("staff", "office-1");
  const created = await api.call("POST", "/v1/proposals", {
    key: proposerKey,
    body: { ...content(proposer), submit: true },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  for (const body of [
    { type: "review.register", category: "urban", key: false },
    { type: "assign", mode: "sole", units: [{ unitId: unit, role: "lead" }] },
  ]) {
    const response = await api.call("POST", `/v1/proposals/${id}/events`, { key: staff, body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }
  return id;
}

let waterProposal: string;
let roadsProposal: string;
let ownProposal: string;

beforeAll(async () => {
  api = await startApi({
    overrides: { people: { ...PEOPLE_DEFAULTS, lockoutFailures: LOCKOUT, scrypt: TEST_SCRYPT } },
  });
  for (const [id, name, email] of [
    ["li", "李水务", "Li@Water.example"],
    ["ann", "Ann Admin", "ann@office.example"],
    ["nomail", "No Mail", null],
  ] as const) {
    const saved = await api.call("PUT", `/v1/directory/people/${id}`, { body: { name, ...(email ? { email } : {}) } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  }
  // li: a contact of the water bureau, and a member (proposer) too; ann: an admin.
  for (const path of ["unit:water/people/li", "proposer:member-li/people/li", "admin/people/ann"]) {
    expect((await api.call("PUT", `/v1/directory/roles/${path}`)).status).toBe(201);
  }
  const other = await api.issueKey("proposer", "member-other");
  const li = await api.issueKey("proposer", "member-li");
  waterProposal = await assigned(other, "member-other", "water");
  roadsProposal = await assigned(other, "member-other", "roads");
  const own = await api.call("POST", "/v1/proposals", { key: li, body: content("member-li") });
  expect(own.status).toBe(201);
  ownProposal = own.body.id;
}, 60_000);

afterAll(async () => {
  await api.close();
});

describe("an invitation", () => {
  it("is made by an admin for a person with an e-mail, and its link names the console", async () => {
    const refused = await api.call("POST", "/v1/people/nomail/invitations");
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("PERSON_HAS_NO_EMAIL");
    expect((await api.call("POST", "/v1/people/nobody/invitations")).status).toBe(404);
    const staff = await api.issueKey("staff", "office-2");
    expect((await api.call("POST", "/v1/people/li/invitations", { key: staff })).status).toBe(403);
  });

  it("shows whom it invites, refuses a weak password, sets a strong one once, and is used up", async () => {
    const invited = await api.call("POST", "/v1/people/li/invitations");
    expect(invited.status).toBe(201);
    expect(invited.body.link).toMatch(/^http:\/\/127\.0\.0\.1:3000\/console\/invitation#[\w-]{43}$/);
    expect(Date.parse(invited.body.expiresAt)).toBeGreaterThan(Date.now() + 71 * 3_600_000);
    const token = new URL(invited.body.link).hash.slice(1);
    const shown = await browse({}, "GET", `/v1/invitations/${token}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ person: { name: "李水务" }, expiresAt: invited.body.expiresAt });

    const weak = await browse({}, "POST", `/v1/invitations/${token}`, { body: { password: "short" } });
    expect(weak.status).toBe(422);
    expect(weak.body.error.code).toBe("PASSWORD_TOO_WEAK");
    const foreign = await browse({}, "POST", `/v1/invitations/${token}`, {
      body: { password: PASSWORD },
      origin: "https://evil.example",
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("CSRF_REJECTED");

    const set = await browse({}, "POST", `/v1/invitations/${token}`, { body: { password: PASSWORD } });
    expect(set.status).toBe(204);
    const account = await api.database.prisma.personAccount.findUniqueOrThrow({ where: { personId: "li" } });
    expect(account.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(account.passwordHash).not.toContain(PASSWORD);
    const stored = await api.database.prisma.invitation.findFirstOrThrow({
      where: { personId: "li", usedAt: { not: null } },
    });
    expect(stored.tokenHash).not.toContain(token);

    for (const [method, body] of [
      ["GET", undefined],
      ["POST", { password: `${PASSWORD}-again` }],
    ] as const) {
      const used = await browse({}, method, `/v1/invitations/${token}`, { body });
      expect(used.status).toBe(404);
      expect(used.body.error.code).toBe("INVITATION_INVALID");
    }
    const unknown = await browse({}, "GET", `/v1/invitations/${"x".repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("INVITATION_INVALID");
  });
});

describe("signing in", () => {
  it("answers an unknown login and a wrong password identically", async () => {
    const unknown = await signIn("nobody@water.example", PASSWORD);
    const wrong = await signIn("li@water.example", "not-the-password");
    const noPassword = await signIn("ann@office.example", PASSWORD);
    for (const failed of [unknown, wrong, noPassword]) {
      expect(failed.response.status).toBe(401);
      expect(failed.response.headers.get("set-cookie")).toBeNull();
    }
    expect(wrong.response.body).toEqual(unknown.response.body);
    expect(noPassword.response.body).toEqual(unknown.response.body);
    expect(unknown.response.body.error.code).toBe("SIGN_IN_FAILED");
  });

  it("sets an httpOnly, SameSite=Lax session cookie and answers the person's roles and CSRF token", async () => {
    const { response, browser } = await signIn("li@water.example", PASSWORD);
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^huiyin_session=[\w-]{43}; /);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).not.toContain("Secure");
    expect(response.body.person).toEqual({ id: "li", name: "李水务", language: "zh-CN" });
    expect(response.body.roles).toEqual([
      { role: "unit", scope: "water" },
      { role: "proposer", scope: "member-li" },
    ]);
    expect(response.body.csrfToken).toMatch(/^[\w-]{43}$/);
    const session = await browse(browser, "GET", "/v1/session");
    expect(session.status).toBe(200);
    expect(session.body).toEqual(response.body);
    const token = browser.cookie?.split("=")[1] ?? "";
    const rows = await api.database.prisma.session.findMany({ where: { personId: "li" } });
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("matches the login to one e-mail exactly, ignoring case only: no pattern characters, no 500", async () => {
    // li has a password (set in "an invitation"); their e-mail is Li@Water.example.
    const exact = await signIn("LI@water.EXAMPLE", PASSWORD);
    expect(exact.response.status).toBe(200);
    // `%`, `_` and `\` were LIKE pattern characters in the lookup: a wildcard for any address, one for a letter, and
    // a trailing backslash a PostgreSQL error (500).
    for (const login of ["%", "li@water.exampl_", "l%@water.example", "li\\", "li@water.example\\"]) {
      const { response } = await signIn(login, PASSWORD);
      expect(response.status, login).toBe(401);
      expect(response.body.error.code, login).toBe("SIGN_IN_FAILED");
      expect(response.headers.get("set-cookie"), login).toBeNull();
    }
  });

  it("refuses a sign-in sent from another origin", async () => {
    const response = await browse({}, "POST", "/v1/session", {
      body: { login: "li@water.example", password: PASSWORD },
      origin: "https://evil.example",
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("CSRF_REJECTED");
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});

describe("a session", () => {
  it("sees the union of the person's scopes: the unit's proposals and the member's own, no others", async () => {
    const { browser } = await signIn("li@water.example", PASSWORD);
    const list = await browse(browser, "GET", "/v1/proposals?limit=100");
    expect(list.status).toBe(200);
    const ids = list.body.items.map((item: { id: string }) => item.id);
    expect(ids).toEqual(expect.arrayContaining([waterProposal, ownProposal]));
    expect(ids).not.toContain(roadsProposal);
    expect((await browse(browser, "GET", `/v1/proposals/${roadsProposal}`)).status).toBe(404);
    expect((await browse(browser, "GET", `/v1/proposals/${waterProposal}`)).status).toBe(200);
  });

  it("changes nothing without the CSRF token or from another origin, and acts with them under the role that may", async () => {
    const { browser } = await signIn("li@water.example", PASSWORD);
    const before = await api.database.prisma.proposal.findUniqueOrThrow({ where: { id: waterProposal } });
    const acknowledge = { type: "unit.acknowledge" };
    const path = `/v1/proposals/${waterProposal}/events`;
    const withoutToken = await browse(browser, "POST", path, { body: acknowledge, csrf: null });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.error.code).toBe("CSRF_REJECTED");
    const otherSessionsToken = await browse(browser, "POST", path, { body: acknowledge, csrf: "x".repeat(43) });
    expect(otherSessionsToken.status).toBe(403);
    const crossOrigin = await browse(browser, "POST", path, { body: acknowledge, origin: "https://evil.example" });
    expect(crossOrigin.status).toBe(403);
    expect(crossOrigin.body.error.code).toBe("CSRF_REJECTED");
    const unchanged = await api.database.prisma.proposal.findUniqueOrThrow({ where: { id: waterProposal } });
    expect(unchanged.version).toBe(before.version);

    const done = await browse(browser, "POST", path, { body: acknowledge });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.version).toBe(before.version + 1);
    const history = await browse(browser, "GET", `/v1/proposals/${waterProposal}/history`);
    expect(history.body.items.at(-1)).toMatchObject({
      type: "unit.acknowledge",
      actor: { role: "unit", id: "li", unitId: "water" },
    });

    // The same person creates a proposal of their own: not as the unit (which may not), as the member.
    const created = await browse(browser, "POST", "/v1/proposals", { body: content("member-li") });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const first = await browse(browser, "GET", `/v1/proposals/${created.body.id}/history`);
    expect(first.body.items[0].actor).toEqual({ role: "proposer", id: "member-li" });
  });

  it("follows a role change on the next request", async () => {
    const { browser } = await signIn("li@water.example", PASSWORD);
    expect((await browse(browser, "GET", `/v1/proposals/${waterProposal}`)).status).toBe(200);
    expect((await api.call("DELETE", "/v1/directory/roles/unit:water/people/li")).status).toBe(204);
    expect((await browse(browser, "GET", `/v1/proposals/${waterProposal}`)).status).toBe(404);
    expect((await browse(browser, "GET", "/v1/session")).body.roles).toEqual([
      { role: "proposer", scope: "member-li" },
    ]);
    expect((await api.call("PUT", "/v1/directory/roles/unit:water/people/li")).status).toBe(201);
    expect((await browse(browser, "GET", `/v1/proposals/${waterProposal}`)).status).toBe(200);
  });

  it("ends with sign-out: the old cookie is refused afterwards", async () => {
    const { browser } = await signIn("li@water.example", PASSWORD);
    const withoutToken = await browse(browser, "DELETE", "/v1/session", { csrf: null });
    expect(withoutToken.status).toBe(403);
    const out = await browse(browser, "DELETE", "/v1/session");
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^huiyin_session=; .*Max-Age=0/);
    for (const path of ["/v1/session", "/v1/proposals"]) {
      const after = await browse(browser, "GET", path);
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe("UNAUTHENTICATED");
      expect(after.headers.get("set-cookie")).toMatch(/^huiyin_session=; .*Max-Age=0/);
    }
  });

  it("ends when idle for longer than the idle expiry", async () => {
    const { browser } = await signIn("li@water.example", PASSWORD);
    expect((await browse(browser, "GET", "/v1/session")).status).toBe(200);
    const idle = new Date(Date.now() - (PEOPLE_DEFAULTS.idleMinutes + 1) * 60_000);
    await api.database.prisma.session.updateMany({
      where: { personId: "li", endedAt: null },
      data: { lastSeenAt: idle },
    });
    expect((await browse(browser, "GET", "/v1/session")).status).toBe(401);
  });

  it("ends when an admin disables the person, who cannot sign in until enabled again", async () => {
    const { browser } = await signIn("li@water.example", PASSWORD);
    expect((await browse(browser, "GET", "/v1/proposals")).status).toBe(200);
    const disabled = await api.call("POST", "/v1/people/li/disable");
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ personId: "li", hasPassword: true, disabledAt: expect.any(String) });
    expect((await browse(browser, "GET", "/v1/proposals")).status).toBe(401);
    expect((await signIn("li@water.example", PASSWORD)).response.status).toBe(401);
    expect((await api.call("POST", "/v1/people/li/enable")).status).toBe(200);
    expect((await signIn("li@water.example", PASSWORD)).response.status).toBe(200);
    const audit = await api.call("GET", "/v1/audit-log?targetType=person&targetId=li&limit=100");
    const actions = audit.body.items.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["account.disable", "account.enable", "session.start"]));
  });
});

describe("lockout", () => {
  it(`locks the account after ${LOCKOUT} wrong passwords, answering as for any failure, until an admin unlocks`, async () => {
    await invite("ann", "ann-admin-pass-2026");
    for (let attempt = 0; attempt < LOCKOUT; attempt += 1) {
      expect((await signIn("ann@office.example", "wrong-password-123")).response.status).toBe(401);
    }
    const locked = await signIn("ann@office.example", "ann-admin-pass-2026");
    expect(locked.response.status).toBe(401);
    expect(locked.response.body.error.code).toBe("SIGN_IN_FAILED");
    const account = await api.call("GET", "/v1/people/ann/account");
    expect(account.body).toMatchObject({ lockedAt: expect.any(String), failedAttempts: LOCKOUT });

    const unlocked = await api.call("POST", "/v1/people/ann/unlock");
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ lockedAt: null, failedAttempts: 0 });
    const signedIn = await signIn("ann@office.example", "ann-admin-pass-2026");
    expect(signedIn.response.status).toBe(200);
    expect(signedIn.response.body.roles).toEqual([{ role: "admin", scope: "" }]);

    // ann, an admin by the directory, acts as one with her session (and its CSRF token).
    const asAdmin = await browse(signedIn.browser, "GET", "/v1/people/li/account");
    expect(asAdmin.status).toBe(200);
    // Every account of the committee in one list (the console's people page), never a hash.
    const accounts = await browse(signedIn.browser, "GET", "/v1/accounts");
    expect(accounts.status).toBe(200);
    expect(accounts.body.items.map((account: { personId: string }) => account.personId)).toEqual(["ann", "li"]);
    expect(accounts.body.items[0]).toMatchObject({ personId: "ann", hasPassword: true, lockedAt: null });
    expect(JSON.stringify(accounts.body)).not.toMatch(/scrypt/);
    const staffKey = await api.issueKey("staff", "office-3");
    expect((await api.call("GET", "/v1/accounts", { key: staffKey })).status).toBe(403);
    const audit = await browse(signedIn.browser, "GET", "/v1/audit-log?targetType=person&targetId=ann&limit=100");
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(["account.lock", "account.unlock"]),
    );
  });
});

describe("rate limits of sign-in", () => {
  it("answer 429 once an account's failures are spent, from whatever address", async () => {
    const limited = await startApi({
      authFailuresPerMinute: 2,
      overrides: { trustProxy: ["loopback"], people: { ...PEOPLE_DEFAULTS, scrypt: TEST_SCRYPT } },
    });
    try {
      const attempt = (address: string) =>
        fetch(`${limited.base}/v1/session`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": address },
          body: JSON.stringify({ login: "someone@x.example", password: "guess-guess-guess" }),
        });
      expect((await attempt("10.0.0.1")).status).toBe(401);
      expect((await attempt("10.0.0.2")).status).toBe(401);
      const third = await attempt("10.0.0.3");
      expect(third.status).toBe(429);
      expect(((await third.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
      expect(third.headers.get("retry-after")).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });
});

describe("the committee's last admin", () => {
  it("cannot disable themselves, and nobody disables, deletes or un-admins the last enabled admin", async () => {
    for (const [id, email] of [
      ["boss", "boss@office.example"],
      ["deputy", "deputy@office.example"],
    ] as const) {
      expect((await api.call("PUT", `/v1/directory/people/${id}`, { body: { name: id, email } })).status).toBe(201);
    }
    // ann (above) is an admin without an account; boss becomes the only other one, then ann goes.
    expect((await api.call("PUT", "/v1/directory/roles/admin/people/boss")).status).toBe(201);
    expect((await api.call("DELETE", "/v1/directory/roles/admin/people/ann")).status).toBe(204);
    await invite("boss");
    const { response, browser } = await signIn("boss@office.example", PASSWORD);
    expect(response.status).toBe(200);

    const self = await browse(browser, "POST", "/v1/people/boss/disable");
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe("CANNOT_DISABLE_SELF");
    // Through the admin key too: boss is the last enabled admin.
    for (const [method, path] of [
      ["POST", "/v1/people/boss/disable"],
      ["DELETE", "/v1/directory/roles/admin/people/boss"],
      ["DELETE", "/v1/directory/people/boss"],
    ] as const) {
      const refused = await api.call(method, path);
      expect(refused.status, path).toBe(409);
      expect(refused.body.error.code, path).toBe("LAST_ADMIN");
    }
    expect((await browse(browser, "GET", "/v1/session")).status).toBe(200);
    const account = await api.database.prisma.personAccount.findUniqueOrThrow({ where: { personId: "boss" } });
    expect(account.disabledAt).toBeNull();

    // With a second admin, boss can be disabled (by someone else).
    expect((await api.call("PUT", "/v1/directory/roles/admin/people/deputy")).status).toBe(201);
    expect((await api.call("POST", "/v1/people/boss/disable")).status).toBe(200);
    expect((await browse(browser, "GET", "/v1/session")).status).toBe(401);
  });
});
