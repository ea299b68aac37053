import { randomBytes } from "node:crypto";
import { freePort } from "@huiyin/infra-local";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";
import { eventually, type Spawned, spawnEntry } from "./support/processes.ts";

/**
 * An Idempotency-Key is held by its first request through a lease that the request's api process renews while
 * it runs. A process killed mid-request stops renewing, so a retry with the same key is processed (exactly once)
 * within seconds, not refused for a minute; a request that is slow but alive keeps its key.
 *
 * A request is held in flight the way a real one waits: the test locks the proposal's row in a transaction of its
 * own, so the api's event transaction waits on it (as it would behind another event of the same proposal).
 */
let api: ApiHarness;
let staffKey: string;
let proposerKey: string;
const processes: Spawned[] = [];

beforeAll(async () => {
  // The in-process api holds keys for one second, renewed every 200 ms (the spawned processes use the default).
  api = await startApi({ overrides: { idempotencyLease: { leaseMs: 1_000, renewEveryMs: 200 } } });
  staffKey = await api.issueKey("staff", "staff-1");
  proposerKey = await api.issueKey("proposer", "member-1");
});

afterAll(async () => {
  for (const spawned of processes) if (spawned.child.exitCode === null) spawned.child.kill("SIGKILL");
  await api.close();
});

async function submittedProposal(): Promise<string> {
  const created = await api.call("POST", "/v1/proposals", {
    key: proposerKey,
    body: {
      title: "关于加强社区居家养老服务的建议",
      reasons: "老龄人口增加。",
      suggestions: ["增设社区日间照料中心"],
      category: "livelihood",
      proposers: [{ id: "member-1" }],
      submit: true,
    },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** Holds the proposal's row locked, as another transaction on it would, until `release`. */
async function lockProposal(id: string): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: api.databaseUrl });
  await client.connect();
  await client.query("BEGIN");
  await client.query("SELECT id FROM proposals WHERE id = $1 FOR UPDATE", [id]);
  return {
    async release() {
      await client.query("ROLLBACK");
      await client.end();
    },
  };
}

/** Until some backend of this database waits on a row lock: the api's event transaction is in flight. */
async function untilWaitingOnLock(context: () => string): Promise<void> {
  await eventually(
    async () => {
      const { rows } = await api.database.pool.query<{ waiting: number }>(
        "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      return (rows[0]?.waiting ?? 0) > 0;
    },
    20_000,
    context,
  );
}

const registerEvent = { type: "review.register", category: "livelihood" };

async function registrations(id: string): Promise<number> {
  return api.database.prisma.proposalEvent.count({ where: { proposalId: id, type: "review.register" } });
}

async function startApiProcess(adminKey: string): Promise<{ spawned: Spawned; base: string }> {
  const port = await freePort();
  const spawned = spawnEntry("services/api/src/main.ts", {
    DATABASE_URL: api.databaseUrl,
    REDIS_URL: api.redis.url,
    QUEUE_PREFIX: api.redis.prefix,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_FORMAT: "json",
    HUIYIN_ADMIN_KEY: adminKey,
    API_RATE_LIMIT_PER_MINUTE: "100000",
  });
  processes.push(spawned);
  const base = `http://127.0.0.1:${port}`;
  await eventually(async () => (await fetch(`${base}/readyz`)).status === 200, 60_000, spawned.output);
  return { spawned, base };
}

function postEvent(base: string, id: string, key: string) {
  return fetch(`${base}/v1/proposals/${id}/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${staffKey}`, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(registerEvent),
  });
}

describe("the Idempotency-Key lease", () => {
  it("a request that is slow but alive keeps its key past several leases; the repeat then replays", async () => {
    const id = await submittedProposal();
    const lock = await lockProposal(id);
    const first = postEvent(api.base, id, "slow-1");
    await untilWaitingOnLock(() => "the event never waited on the proposal's row");
    // Three leases long: without renewals a repeat would take the key over and run the event a second time.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const repeat = await postEvent(api.base, id, "slow-1");
    expect(repeat.status).toBe(409);
    expect(((await repeat.json()) as { error: { code: string } }).error.code).toBe("IDEMPOTENCY_IN_PROGRESS");
    await lock.release();
    expect((await first).status).toBe(200);
    const replayed = await postEvent(api.base, id, "slow-1");
    expect(replayed.status).toBe(200);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(await registrations(id)).toBe(1);
  });

  it("after kill -9 of the api mid-request, a retry with the same key on a new api runs once, within seconds", {
    timeout: 150_000,
  }, async () => {
    const adminKey = `admin-key-for-lease-${randomBytes(16).toString("hex")}`;
    const id = await submittedProposal();
    const doomed = await startApiProcess(adminKey);
    const lock = await lockProposal(id);
    const lost = postEvent(doomed.base, id, "crash-1").then(
      (response) => response.status,
      () => "no answer",
    );
    await untilWaitingOnLock(doomed.spawned.output);
    expect(await api.database.prisma.idempotentRequest.count({ where: { key: "crash-1", status: 0 } })).toBe(1);
    doomed.spawned.child.kill("SIGKILL");
    expect(await doomed.spawned.exited).toBe(137);
    expect(await lost).toBe("no answer");
    await lock.release();
    // Nothing of the killed request was applied: its transaction never committed.
    expect(await registrations(id)).toBe(0);

    const next = await startApiProcess(adminKey);
    const statuses: number[] = [];
    let answer: Response | undefined;
    // A generous bound, well below the minute a dead request used to hold its key for (the lease is 5 s).
    await eventually(
      async () => {
        answer = await postEvent(next.base, id, "crash-1");
        statuses.push(answer.status);
        return answer.status !== 409;
      },
      30_000,
      () => `statuses so far: ${statuses.join(",")}\n${next.spawned.output().slice(-2_000)}`,
    );
    expect(answer?.status).toBe(200);
    expect(answer?.headers.get("idempotent-replayed")).toBeNull();
    for (const status of statuses.slice(0, -1)) expect(status).toBe(409);
    expect(await registrations(id)).toBe(1);
    const replayed = await postEvent(next.base, id, "crash-1");
    expect(replayed.status).toBe(200);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(await registrations(id)).toBe(1);
  });
});
