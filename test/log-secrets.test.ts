import { randomBytes } from "node:crypto";
import { createDatabase, type Database } from "@huiyin/db";
import { freePort } from "@huiyin/infra-local";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@huiyin/infra-local/testing";
import { startTestSmtpServer, type TestSmtpServer } from "@huiyin/infra-local/testing/smtp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, getJson, type Spawned, serviceEnv, spawnEntry } from "./support/processes.ts";

/**
 * "No credential in any log": the api, worker and notifier run as processes, at debug level, with a password in
 * every URL they are given (PostgreSQL, Redis, SMTP). The run creates every kind of secret the system has and
 * uses each the way a client would: the admin key, issued API keys (and a mistyped one), a webhook's signing
 * secret, the link secret and an acknowledge link's signature (from a real e-mail, opened and confirmed), a
 * cookie and a token in a query. Then every line every process wrote is searched for every one of them.
 */
let testDatabase: TestDatabase;
let redis: TestRedis;
let db: Database;
let smtp: TestSmtpServer;
const processes: Spawned[] = [];
const secrets = new Map<string, string>();
const remember = (name: string, value: string) => {
  expect(value.length, name).toBeGreaterThanOrEqual(8);
  secrets.set(name, value);
  return value;
};

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  redis = createTestRedis();
  db = createDatabase(testDatabase.url, { maxConnections: 2 });
  smtp = await startTestSmtpServer();
});

afterAll(async () => {
  for (const spawned of processes) if (spawned.child.exitCode === null) spawned.child.kill("SIGKILL");
  await smtp.close();
  await db.close();
  await redis.cleanup();
  await testDatabase.drop();
});

/** The password of a URL, as written in it and decoded. */
function passwordsOf(name: string, url: string) {
  const written = new URL(url).password;
  remember(`${name} password`, decodeURIComponent(written));
  if (written !== decodeURIComponent(written)) remember(`${name} password (encoded)`, written);
}

describe("the logs of a run", () => {
  it("hold none of the credentials the run used", { timeout: 120_000 }, async () => {
    passwordsOf("PostgreSQL", testDatabase.url);
    passwordsOf("Redis", redis.url);
    const smtpPassword = remember("SMTP password", `smtp-pw-${randomBytes(12).toString("hex")}`);
    const smtpUrl = new URL(smtp.url);
    smtpUrl.username = "huiyin";
    smtpUrl.password = smtpPassword;
    const adminKey = remember("admin key", `admin-${randomBytes(24).toString("hex")}`);
    const linkSecret = remember("link secret", `link-${randomBytes(24).toString("hex")}`);

    // A dead e-mail of an escalation notice to wang: the admin's retry makes the notifier send it, with its link.
    await db.prisma.person.create({ data: { id: "wang", name: "Wang", email: "wang@x.example", language: "en" } });
    await db.prisma.notice.create({
      data: { id: "n-1", proposalId: "p-1", kind: "deadline.escalation", level: 1, recipients: [], content: {} },
    });
    const dead = await db.prisma.noticeDelivery.create({
      data: { noticeId: "n-1", channel: "email", recipient: "person:wang", status: "dead", attempts: 1 },
    });

    const port = await freePort();
    const api = `http://127.0.0.1:${port}`;
    const stores = { databaseUrl: testDatabase.url, redisUrl: redis.url, prefix: redis.prefix };
    const common = { LOG_LEVEL: "debug", SMTP_URL: smtpUrl.toString(), NOTIFY_LINK_SECRET: linkSecret };
    const env = {
      api: await serviceEnv(stores, { ...common, PORT: String(port), HUIYIN_ADMIN_KEY: adminKey }),
      worker: await serviceEnv(stores, common),
      notifier: await serviceEnv(stores, { ...common, PUBLIC_BASE_URL: api }),
    };
    for (const name of ["api", "worker", "notifier"] as const) {
      processes.push(spawnEntry(`services/${name}/src/main.ts`, env[name]));
    }
    const output = () => processes.map((p) => p.output().slice(-3000)).join("\n---\n");
    const readyz = [
      `${api}/readyz`,
      ...[env.worker, env.notifier].map((e) => `http://127.0.0.1:${e.HEALTH_PORT}/readyz`),
    ];
    await eventually(
      async () => (await Promise.all(readyz.map((url) => getJson(url)))).every(({ status }) => status === 200),
      60_000,
      output,
    );

    const call = async (method: string, path: string, key: string | null, body?: unknown, headers = {}) => {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text.startsWith("{") ? JSON.parse(text) : text };
    };
    const issue = async (role: string, actorId: string) => {
      const issued = await call("POST", "/v1/api-keys", adminKey, { role, actorId });
      expect(issued.status, JSON.stringify(issued.body)).toBe(201);
      return remember(`${role} key`, issued.body.key);
    };
    const integrator = await issue("integrator", "oa");
    const staff = await issue("staff", "staff-1");
    expect((await call("GET", "/v1/whoami", staff)).status).toBe(200);
    const mistyped = remember("mistyped key", `${integrator.slice(0, -4)}XXXX`);
    expect((await call("GET", "/v1/whoami", mistyped)).status).toBe(401);
    const cookie = remember("cookie", `session-${randomBytes(12).toString("hex")}`);
    const token = remember("query token", `tok-${randomBytes(12).toString("hex")}`);
    const odd = await call("GET", `/v1/proposals?token=${token}`, staff, undefined, { cookie: `sid=${cookie}` });
    expect(odd.status).toBe(400);
    const hook = await call("POST", "/v1/webhooks", integrator, {
      url: "https://hooks.example/huiyin",
      events: ["*"],
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    remember("webhook secret", hook.body.secret);
    const created = await call("POST", "/v1/proposals", integrator, {
      title: "关于完善城市排水设施的建议",
      proposers: [{ id: "member-1" }],
      externalId: "oa-1",
    });
    expect(created.status).toBe(201);

    // A person signs in: the invitation's token (in a URL path), the password, its hash, the session's cookie and
    // CSRF token, a wrong password; then uses the session and signs out.
    const invited = await call("POST", "/v1/people/wang/invitations", adminKey);
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const invitation = remember("invitation token", new URL(invited.body.link).hash.slice(1));
    expect((await call("GET", `/v1/invitations/${invitation}`, null)).status).toBe(200);
    const password = remember("password", `pw-${randomBytes(12).toString("hex")}`);
    expect((await call("POST", `/v1/invitations/${invitation}`, null, { password })).status).toBe(204);
    const account = await db.prisma.personAccount.findUniqueOrThrow({ where: { personId: "wang" } });
    remember("password hash", account.passwordHash?.split("$").at(-1) ?? "");
    const wrong = remember("wrong password", `wrong-${randomBytes(12).toString("hex")}`);
    expect((await call("POST", "/v1/session", null, { login: "wang@x.example", password: wrong })).status).toBe(401);
    const signIn = await fetch(`${api}/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "wang@x.example", password }),
    });
    expect(signIn.status).toBe(200);
    const session = remember(
      "session token",
      /huiyin_session=([^;]+)/.exec(signIn.headers.get("set-cookie") ?? "")?.[1] ?? "",
    );
    const csrf = remember("CSRF token", ((await signIn.json()) as { csrfToken: string }).csrfToken);
    const asWang = { cookie: `huiyin_session=${session}`, "x-csrf-token": csrf };
    expect((await call("GET", "/v1/session", null, undefined, asWang)).status).toBe(200);
    expect((await call("DELETE", "/v1/session", null, undefined, asWang)).status).toBe(204);

    // The e-mail with the acknowledge link, opened (GET) and confirmed (POST) as a person would.
    expect((await call("POST", `/v1/notice-deliveries/${dead.id}/retry`, adminKey)).status).toBe(202);
    // (The invitation above was e-mailed too, SMTP being on: its link is the invitation token remembered above.)
    const ackLink = () =>
      smtp.messages.map((message) => /(http:\/\/\S+\/ack-link\?\S+)/.exec(message.text ?? "")?.[1]).find(Boolean);
    await eventually(async () => ackLink() !== undefined, 60_000, output);
    const link = ackLink() ?? "";
    remember("acknowledge link signature", new URL(link).searchParams.get("sig") ?? "");
    const browser = { accept: "text/html" };
    expect((await fetch(link, { headers: browser })).status).toBe(200);
    expect((await fetch(link, { method: "POST", headers: browser })).status).toBe(200);
    expect((await db.prisma.notice.findUniqueOrThrow({ where: { id: "n-1" } })).acknowledgedBy).toBe("person:wang");

    for (const spawned of processes) spawned.child.kill("SIGTERM");
    // A drained stop exits 128 + SIGTERM; every line is written by then.
    expect(await Promise.all(processes.map((spawned) => spawned.exited))).toEqual([143, 143, 143]);

    const logs = processes.map((spawned) => spawned.output()).join("\n");
    // The lines searched are the ones that would hold them: the link's requests, the keys' requests.
    expect(logs).toContain("/ack-link?person=wang&exp=");
    expect(logs).toContain("sig=[redacted]");
    expect(logs).toContain('"url":"/v1/whoami"');
    expect(logs).toContain("token=[redacted]");
    expect(logs).toContain("/v1/invitations/[redacted]");
    expect(logs).toContain("signed in");
    expect(secrets.size).toBeGreaterThanOrEqual(12);
    const found = [...secrets].filter(([, value]) => logs.includes(value)).map(([name]) => name);
    expect(found).toEqual([]);
  });
});
