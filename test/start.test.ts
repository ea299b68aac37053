import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort, isAlive } from "@huiyin/infra-local";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, getJson, type Spawned, spawnEntry } from "./support/processes.ts";

/**
 * `npm start` on the embedded default: no DATABASE_URL, no REDIS_URL. It must bring up its own PostgreSQL
 * and Redis, migrate, start the three services, answer /readyz; keep its data for the next start; ride out a
 * PostgreSQL restart and a killed service by itself; and leave nothing running after Ctrl-C.
 */
let dataDir: string;
let invitationToken = "";
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "huiyin-start-"));
  chmodSync(dataDir, 0o755); // the postgres user must be able to traverse it when we run as root
  env = {
    HUIYIN_DATA_DIR: dataDir,
    HUIYIN_POSTGRES_PORT: String(await freePort()),
    HUIYIN_REDIS_PORT: String(await freePort()),
    PORT: String(await freePort()),
    WORKER_HEALTH_PORT: String(await freePort()),
    NOTIFIER_HEALTH_PORT: String(await freePort()),
    DATABASE_URL: "",
    REDIS_URL: "",
    // As on a fresh machine: the start command generates the key that seals webhook secrets.
    SECRETS_ENCRYPTION_KEYS: "",
  };
});

afterAll(async () => {
  // A failed test leaves the second start running: stop it, so that nothing outlives the file.
  if (running) {
    running.child.kill("SIGINT");
    await running.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function startOnce() {
  const start = spawnEntry("infra/launcher/src/start.ts", env);
  await eventually(async () => start.output().includes("huiyin is ready"), 90_000, start.output);
  return start;
}

async function portAnswers(port: string): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/healthz`).then(
    () => true,
    () => false,
  );
}

/**
 * No credential in any log: none of the generated secrets (database and Redis passwords, the admin key, the link
 * secret) is in the start command's output or in any file under the logs folder.
 */
function expectNoSecretIn(output: string): void {
  const secretsDir = path.join(dataDir, "secrets");
  const secrets = readdirSync(secretsDir).map((name) => [
    name,
    readFileSync(path.join(secretsDir, name), "utf8").trim(),
  ]);
  expect(secrets.map(([name]) => name)).toEqual(
    expect.arrayContaining(["admin-api-key", "notify-link-secret", "postgres-password", "redis-password"]),
  );
  const logsDir = path.join(dataDir, "logs");
  const logs = readdirSync(logsDir).map((name) => [name, readFileSync(path.join(logsDir, name), "utf8")]);
  expect(logs.find(([name]) => name === "api.log")?.[1]).toContain('"url":"/v1/whoami"');
  const found = [];
  for (const [secretName, secret = ""] of secrets) {
    expect(secret.length, secretName).toBeGreaterThanOrEqual(16);
    for (const [where, text = ""] of [["the start command's output", output], ...logs]) {
      if (text.includes(secret) || text.includes(encodeURIComponent(secret))) found.push(`${secretName} in ${where}`);
    }
  }
  expect(found).toEqual([]);
}

function databaseUrl(): string {
  const password = readFileSync(path.join(dataDir, "secrets", "postgres-password"), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.HUIYIN_POSTGRES_PORT}/huiyin`;
}

describe("the start command on the embedded default", () => {
  it("brings the whole system up, ready, and prints where things are", async () => {
    const start = await startOnce();
    try {
      const ready = await getJson(`http://127.0.0.1:${env.PORT}/readyz`);
      expect(ready.status).toBe(200);
      const keysFile = path.join(dataDir, "secrets", "secrets-encryption-keys");
      expect(readFileSync(keysFile, "utf8")).toMatch(/^local1:/);
      expect(statSync(keysFile).mode & 0o777).toBe(0o600);
      for (const port of [env.WORKER_HEALTH_PORT, env.NOTIFIER_HEALTH_PORT]) {
        expect((await getJson(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      }
      expect(start.output()).toContain(`http://127.0.0.1:${env.PORT}`);
      expect(start.output()).toContain("logs");
      // Leave a mark, to see that the next start keeps the data.
      const client = new pg.Client({ connectionString: databaseUrl() });
      await client.connect();
      await client.query("CREATE TABLE start_test_marker (id int)");
      await client.end();
      // One request with the admin key, so the api's log has a line about an authenticated request.
      const adminKey = readFileSync(path.join(dataDir, "secrets", "admin-api-key"), "utf8").trim();
      const whoami = await fetch(`http://127.0.0.1:${env.PORT}/v1/whoami`, {
        headers: { authorization: `Bearer ${adminKey}` },
      });
      expect(whoami.status).toBe(200);
      // The first admin's invitation, on the terminal: it opens, for the person the start command made admin.
      invitationToken = new URL(/Sign in {6}open (\S+)/.exec(start.output())?.[1] ?? "http://x").hash.slice(1);
      expect(invitationToken).toMatch(/^[\w-]{43}$/);
      const invitation = await getJson(`http://127.0.0.1:${env.PORT}/v1/invitations/${invitationToken}`);
      expect(invitation).toMatchObject({ status: 200, body: { person: { name: "管理员 Administrator" } } });
      expect(start.output()).toContain("to set the password of admin@huiyin.local");
    } finally {
      start.child.kill("SIGINT");
    }
    expect(await start.exited).toBe(0);
    expect(start.output()).toContain("Stopped.");
    expectNoSecretIn(start.output());
    for (const name of readdirSync(path.join(dataDir, "logs"))) {
      expect(readFileSync(path.join(dataDir, "logs", name), "utf8"), name).not.toContain(invitationToken);
    }
  });

  it("leaves no server running after Ctrl-C", async () => {
    for (const port of [env.PORT, env.WORKER_HEALTH_PORT, env.NOTIFIER_HEALTH_PORT]) {
      expect(await portAnswers(port ?? "")).toBe(false);
    }
    const client = new pg.Client({ connectionString: databaseUrl(), connectionTimeoutMillis: 1_000 });
    await expect(client.connect()).rejects.toThrow();
    expect(existsSync(path.join(dataDir, "postgres", "data", "postmaster.pid"))).toBe(false);
  });

  it("starts again on the same data", async () => {
    running = await startOnce();
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    const marker = await client.query("SELECT to_regclass('start_test_marker') IS NOT NULL AS kept");
    await client.end();
    expect(marker.rows[0]).toEqual({ kept: true });
  });

  it("rides out a PostgreSQL restart under load: 503 while it is down, back by itself, nothing lost or doubled", async () => {
    const start = started();
    const admin = readFileSync(path.join(dataDir, "secrets", "admin-api-key"), "utf8").trim();
    const issued = await call("POST", "/v1/api-keys", admin, { role: "proposer", actorId: "member-1" });
    expect(issued.status).toBe(201);
    const key = String(issued.body.key);
    const pidsBefore = servicePids(start.output());
    const seen = new Set<string>();
    const outage = { readyz503: new Set<string>(), unavailable: 0, retryAfter: new Set<string | null>() };
    let stop = false;
    const acknowledged: string[] = [];

    // A few clients, each creating and submitting proposals one after the other, retrying a 503 (and a 409
    // IDEMPOTENCY_IN_PROGRESS) with the same Idempotency-Key, as the API asks; every answer is recorded.
    const until2xx = async (method: string, url: string, body: Record<string, unknown>, idempotencyKey: string) => {
      for (;;) {
        const answer = await call(method, url, key, body, { "Idempotency-Key": idempotencyKey });
        seen.add(`${answer.status} ${answer.code}`);
        if (answer.status < 300) return answer;
        if (answer.status === 503) {
          outage.unavailable++;
          outage.retryAfter.add(answer.retryAfter);
        } else if (!(answer.status === 409 && answer.code === "IDEMPOTENCY_IN_PROGRESS")) {
          throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
        }
        await sleep(200);
      }
    };
    const client = async (c: number) => {
      for (let i = 0; !stop && i < 100; i++) {
        const externalId = `restart-${c}-${i}`;
        const created = await until2xx("POST", "/v1/proposals", { ...content, externalId }, `create-${externalId}`);
        const id = String(created.body.id);
        await until2xx("POST", `/v1/proposals/${id}/events`, { type: "submit" }, `submit-${externalId}`);
        acknowledged.push(id);
      }
    };
    const probe = async () => {
      while (!stop) {
        for (const [name, port] of healthPorts()) {
          const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
            (r) => r.status,
            () => 0,
          );
          if (status === 503) outage.readyz503.add(name);
        }
        await sleep(100);
      }
    };
    // A client that fails (an answer it does not expect, the API gone) stops and says why; the test checks.
    const problems: string[] = [];
    const load = [client(0), client(1), client(2), probe()].map((running) =>
      running.catch((error: unknown) => {
        problems.push(String(error));
      }),
    );
    try {
      await eventually(async () => acknowledged.length >= 6, 30_000, start.output);

      // PostgreSQL's "fast" shutdown (what `pg_ctl stop -m fast` sends): every session gets 57P01.
      const postmaster = Number(
        readFileSync(path.join(dataDir, "postgres", "data", "postmaster.pid"), "utf8").split("\n")[0],
      );
      const outputBefore = start.output().length;
      const stoppedAt = performance.now();
      process.kill(postmaster, "SIGINT");
      await eventually(async () => start.output().includes("PostgreSQL is running again."), 30_000, start.output);
      const backAt = performance.now();
      // Back by itself: every service ready again, and a new proposal goes all the way through.
      await eventually(
        async () => {
          for (const [, port] of healthPorts()) {
            if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status !== 200) return false;
          }
          return true;
        },
        30_000,
        start.output,
      );
      const readyAt = performance.now();
      const doneBefore = acknowledged.length;
      await eventually(async () => acknowledged.length >= doneBefore + 3, 30_000, start.output);
      const workingAt = performance.now();
      stop = true;
      await Promise.all(load);
      expect(problems).toEqual([]);

      console.log(
        `PostgreSQL restart: down ${((backAt - stoppedAt) / 1000).toFixed(1)} s (fast shutdown + the launcher's 1 s pause + start); ` +
          `all three /readyz 200 ${((readyAt - backAt) / 1000).toFixed(1)} s after it was back; ` +
          `proposals created and submitted again ${((workingAt - backAt) / 1000).toFixed(1)} s after; ` +
          `${outage.unavailable} answers 503 during the outage, ${acknowledged.length} proposals acknowledged`,
      );
      expect(start.output().slice(outputBefore)).toContain("PostgreSQL exited");
      // While it was down: 503 DATABASE_UNAVAILABLE with Retry-After from the API, 503 from every /readyz …
      expect(outage.unavailable).toBeGreaterThan(0);
      expect([...outage.retryAfter].every((value) => Number(value) > 0)).toBe(true);
      expect(seen).toContain("503 DATABASE_UNAVAILABLE");
      expect([...outage.readyz503].sort()).toEqual(["api", "notifier", "worker"]);
      // … and never a 500; no service died (the processes that were ready before are the ones running now).
      expect([...seen].filter((answer) => answer.startsWith("5") && !answer.startsWith("503"))).toEqual([]);
      expect(start.output()).not.toContain("service exited");
      for (const pid of Object.values(pidsBefore)) expect(isAlive(pid)).toBe(true);
    } finally {
      stop = true;
      await Promise.allSettled(load);
    }

    // Nothing acknowledged lost, nothing doubled: each proposal has one creation and one submission, and the
    // outbox the outage held back drains by itself.
    const db = new pg.Client({ connectionString: databaseUrl() });
    await db.connect();
    try {
      const history = await db.query<{ type: string; count: string }>(
        `SELECT type, count(*) FROM proposal_events WHERE proposal_id = ANY($1) GROUP BY type ORDER BY type`,
        [acknowledged],
      );
      expect(new Set(acknowledged).size).toBe(acknowledged.length);
      // Each client finished what it began before it stopped: every proposal the load made was acknowledged.
      const made = await db.query<{ n: string }>(
        "SELECT count(*) AS n FROM proposals WHERE external_id LIKE 'restart-%'",
      );
      expect(made.rows[0]?.n).toBe(String(acknowledged.length));
      expect(history.rows).toEqual([
        { type: "create", count: String(acknowledged.length) },
        { type: "submit", count: String(acknowledged.length) },
      ]);
      const drained = await waitFor(async () => {
        const { rows } = await db.query<{ n: string }>("SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL");
        return rows[0]?.n === "0";
      }, 30_000);
      expect(drained).toBe(true);
    } finally {
      await db.end();
    }
  });

  it("starts a killed service again, and the system goes on", async () => {
    const start = started();
    const worker = servicePids(start.output()).worker as number;
    const outputBefore = start.output().length;
    process.kill(worker, "SIGKILL");
    await eventually(
      async () => start.output().slice(outputBefore).includes("The worker service is running again."),
      30_000,
      start.output,
    );
    const said = start.output().slice(outputBefore);
    expect(said).toContain("The worker service exited (SIGKILL); starting it again in 1 s");
    const again = Number(/The worker service runs as pid (\d+)/.exec(said)?.[1]);
    expect(again).not.toBe(worker);
    expect(isAlive(again)).toBe(true);
    await eventually(
      async () => (await fetch(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/readyz`)).status === 200,
      60_000,
      start.output,
    );
    restartedWorker = again;
  });

  it("stops everything on Ctrl-C, the restarted processes too", async () => {
    const start = started();
    start.child.kill("SIGINT");
    expect(await start.exited).toBe(0);
    running = undefined;
    if (restartedWorker) expect(isAlive(restartedWorker)).toBe(false);
    for (const port of [env.PORT, env.WORKER_HEALTH_PORT, env.NOTIFIER_HEALTH_PORT]) {
      expect(await portAnswers(port ?? "")).toBe(false);
    }
  });
});

let running: Spawned | undefined;
let restartedWorker: number | undefined;

function started(): Spawned {
  if (!running) throw new Error("the start command is not running (an earlier test failed)");
  return running;
}

const content = {
  title: "关于加强社区居家养老服务的建议",
  reasons: "老龄人口增加，社区养老服务供给不足。",
  suggestions: ["增设社区日间照料中心"],
  category: "livelihood",
  proposers: [{ id: "member-1", name: "张委员" }],
};

function healthPorts(): [string, string | undefined][] {
  return [
    ["api", env.PORT],
    ["worker", env.WORKER_HEALTH_PORT],
    ["notifier", env.NOTIFIER_HEALTH_PORT],
  ];
}

/** The pids the start command printed when it was ready ("Processes    api pid 1, worker pid 2, …"). */
function servicePids(output: string): Record<string, number> {
  const line = /Processes\s+(.*)/.exec(output)?.[1] ?? "";
  return Object.fromEntries([...line.matchAll(/(\w+) pid (\d+)/g)].map((match) => [match[1], Number(match[2])]));
}

async function call(
  method: string,
  url: string,
  key: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`http://127.0.0.1:${env.PORT}${url}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown> & { error?: { code?: string } };
  return {
    status: response.status,
    code: json.error?.code ?? "",
    body: json,
    retryAfter: response.headers.get("retry-after"),
  };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await condition()) return true;
    await sleep(200);
  }
  return false;
}
