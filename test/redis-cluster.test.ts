import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, type Database } from "@huiyin/db";
import { defaultPolicy } from "@huiyin/domain";
import { freePort } from "@huiyin/infra-local";
import { createTestDatabase, type TestDatabase } from "@huiyin/infra-local/testing";
import { createLogger } from "@huiyin/logger";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { which } from "../infra/local/src/system.ts";
import { importLeaders, lateReply } from "./support/late-reply.ts";
import { eventually, type Spawned, serviceEnv, spawnEntry } from "./support/processes.ts";

/**
 * The README's claim that the processes scale out on Redis Cluster, run: a real three-master cluster on loopback
 * ports (Debian's redis-server and redis-cli), one api, two workers and one notifier as processes on it, proposals
 * through HTTP and deadlines in compressed time, and the master holding the queue prefix's slot killed and
 * restarted mid-run (its append-only file brings its data back). Afterwards nothing is pending and every alarm rang
 * once.
 */
const policy = { ...defaultPolicy, timeScale: 1 / 2_592_000 }; // a day lasts 33 ms
const logger = createLogger({ service: "cluster-test", level: "silent", format: "json" });
const prefix = `{cl-${Date.now().toString(36)}}`;

let work: string;
let testDatabase: TestDatabase;
let db: Database;
const nodes: { port: number; dir: string; child: ChildProcess }[] = [];
const processes: Spawned[] = [];

function startNode(port: number, dir: string): ChildProcess {
  mkdirSync(dir, { recursive: true });
  const redisServer = which("redis-server") ?? "/usr/bin/redis-server";
  return spawn(
    redisServer,
    [
      "--bind",
      "127.0.0.1",
      "--port",
      String(port),
      "--dir",
      dir,
      "--cluster-enabled",
      "yes",
      "--cluster-config-file",
      "nodes.conf",
      "--cluster-node-timeout",
      "2000",
      "--appendonly",
      "yes",
      "--appendfsync",
      "always",
      "--maxmemory-policy",
      "noeviction",
      "--save",
      "",
    ],
    { stdio: "ignore" },
  );
}

async function clusterOk(port: number): Promise<boolean> {
  const client = new Redis({ port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on("error", () => {});
  try {
    await client.connect();
    return /cluster_state:ok/.test(await client.cluster("INFO"));
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "huiyin-cluster-"));
  for (let index = 0; index < 3; index += 1) {
    const port = await freePort();
    const dir = path.join(work, `node-${index}`);
    nodes.push({ port, dir, child: startNode(port, dir) });
    await eventually(
      async () => {
        const client = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 1 });
        client.on("error", () => {});
        try {
          await client.connect();
          return (await client.ping()) === "PONG";
        } finally {
          client.disconnect();
        }
      },
      10_000,
      () => `redis node ${port}`,
    );
  }
  const created = spawnSync(
    which("redis-cli") ?? "/usr/bin/redis-cli",
    [
      "--cluster",
      "create",
      ...nodes.map((node) => `127.0.0.1:${node.port}`),
      "--cluster-replicas",
      "0",
      "--cluster-yes",
    ],
    { encoding: "utf8" },
  );
  if (created.status !== 0) throw new Error(`redis-cli --cluster create: ${created.stdout}${created.stderr}`);
  for (const node of nodes)
    await eventually(
      () => clusterOk(node.port),
      15_000,
      () => "cluster_state",
    );
  testDatabase = await createTestDatabase();
  db = createDatabase(testDatabase.url, { maxConnections: 4 });
  await importLeaders(db);
}, 60_000);

afterAll(async () => {
  for (const spawned of processes) if (spawned.child.exitCode === null) spawned.child.kill("SIGKILL");
  await Promise.all(processes.map((spawned) => spawned.exited));
  for (const node of nodes) node.child.kill("SIGKILL");
  await db?.close();
  await testDatabase?.drop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("api, two workers and a notifier on a three-master Redis Cluster", () => {
  it("serves lifecycles over HTTP and rings every alarm once, across a restart of the master holding the queues", {
    timeout: 120_000,
  }, async () => {
    const stores = {
      databaseUrl: testDatabase.url,
      redisUrl: nodes.map((node) => `redis://127.0.0.1:${node.port}`).join(","),
      prefix,
    };
    const cluster = { REDIS_MODE: "cluster", RECONCILE_EVERY_MS: "5000" };
    const ready = async (spawned: Spawned, url: string) => {
      await eventually(
        async () => (await fetch(url)).status === 200,
        40_000,
        () => spawned.output().slice(-3000),
      );
      return spawned;
    };
    const apiPort = await freePort();
    const adminKey = `cluster-test-admin-key-${"c".repeat(20)}`;
    const api = spawnEntry(
      "services/api/src/main.ts",
      await serviceEnv(stores, { ...cluster, PORT: String(apiPort), HUIYIN_ADMIN_KEY: adminKey }),
    );
    processes.push(api);
    const base = `http://127.0.0.1:${apiPort}`;
    await ready(api, `${base}/readyz`);
    for (const name of ["worker", "worker", "notifier"] as const) {
      const env = await serviceEnv(stores, cluster);
      const spawned = spawnEntry(`services/${name}/src/main.ts`, env);
      processes.push(spawned);
      await ready(spawned, `http://127.0.0.1:${env.HEALTH_PORT}/readyz`);
    }

    const call = async (method: string, route: string, key: string, body?: unknown) => {
      const response = await fetch(`${base}${route}`, {
        method,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const issued = await call("POST", "/v1/api-keys", adminKey, { role: "proposer", actorId: "member-1" });
    expect(issued.status).toBe(201);
    const proposer = issued.body.key as string;
    const overHttp: string[] = [];
    for (const title of ["关于城区停车难的建议", "关于社区养老的建议"]) {
      const created = await call("POST", "/v1/proposals", proposer, {
        title,
        reasons: "群众反映。",
        suggestions: ["研究解决"],
        category: "urban",
        proposers: [{ id: "member-1" }],
        submit: true,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      overHttp.push(created.body.id as string);
    }
    const ids: string[] = [];
    for (const title of ["关于加装路灯的建议", "关于修缮道路的建议"])
      ids.push(await lateReply({ db, logger }, title, policy));

    // The master that holds the queue prefix's slot (every BullMQ key carries the hash tag) dies and comes back.
    const probe = new Redis({ port: nodes[0]?.port ?? 0, lazyConnect: true });
    await probe.connect();
    const slot = Number(await probe.cluster("KEYSLOT", prefix));
    const shards = await probe.cluster("SLOTS");
    probe.disconnect();
    const owner = shards.find(([from, to]) => slot >= from && slot <= to)?.[2]?.[1];
    const node = nodes.find((candidate) => candidate.port === owner);
    if (!node) throw new Error(`no node owns slot ${slot}`);
    const pendingAtKill = await db.prisma.alarm.count({ where: { proposalId: { in: ids }, status: "pending" } });
    expect(pendingAtKill).toBeGreaterThan(0);
    node.child.kill("SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // While it is down, a request touching its slots may fail (503 at most), never a wrong answer.
    const during = await call("GET", `/v1/proposals/${overHttp[0]}`, proposer);
    expect([200, 503]).toContain(during.status);
    node.child = startNode(node.port, node.dir);
    for (const each of nodes)
      await eventually(
        () => clusterOk(each.port),
        20_000,
        () => "cluster_state after restart",
      );
    ids.push(await lateReply({ db, logger }, "关于增设公交线路的建议", policy));

    await eventually(
      async () => (await db.prisma.alarm.count({ where: { proposalId: { in: ids }, status: "pending" } })) === 0,
      60_000,
      () => processes.map((spawned) => spawned.output().slice(-1500)).join("\n---\n"),
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const alarms = await db.prisma.alarm.findMany({ where: { proposalId: { in: ids } } });
    const fired = alarms.filter((alarm) => alarm.status === "fired");
    const rang = (
      await db.prisma.proposalEvent.findMany({
        where: { proposalId: { in: ids }, idempotencyKey: { startsWith: "alarm." } },
        select: { idempotencyKey: true },
      })
    )
      .map((event) => event.idempotencyKey)
      .sort();
    expect(fired.length).toBeGreaterThanOrEqual(ids.length * 3);
    expect(rang).toEqual(fired.map((alarm) => `alarm.${alarm.id}`).sort());
    for (const id of overHttp) expect((await call("GET", `/v1/proposals/${id}`, proposer)).status).toBe(200);
  });
});
