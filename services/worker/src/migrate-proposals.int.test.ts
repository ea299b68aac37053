import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, type Database } from "@huiyin/db";
import { type Actor, defaultPolicy, type MigrationPlan } from "@huiyin/domain";
import {
  applyEvent,
  createProposal,
  type EngineDeps,
  migrationItems,
  migrationProgress,
  relayBatch,
  runMigration,
  startMigrationRun,
  systemClock,
} from "@huiyin/engine";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@huiyin/infra-local/testing";
import { createLogger } from "@huiyin/logger";
import {
  createQueue,
  createRedisConnection,
  jobId,
  jobOptions,
  type OutboxQueueName,
  outboxJobs,
  queuesOf,
  type RedisConnection,
  whenReady,
  withoutJobs,
} from "@huiyin/queue";
import { PROPOSAL_MACHINE_VERSION, proposalMigrator, proposalWorkflow } from "@huiyin/workflow-proposal";
import type { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `pnpm migrate:proposals` against real PostgreSQL and Redis: a dry run that changes nothing, then a migration of
 * 1,000 proposals killed with SIGKILL midway and started again, ending with every mappable running proposal migrated
 * exactly once, its deadlines and alarms (rows and BullMQ jobs) consistent, and the unmappable ones untouched.
 */

const tsx = createRequire(import.meta.url).resolve("tsx");
const cli = fileURLToPath(new URL("./migrate-proposals.ts", import.meta.url));

let testDatabase: TestDatabase;
let redis: TestRedis;
let db: Database;
let producer: RedisConnection;
let queues: Record<OutboxQueueName, Queue>;
let engine: EngineDeps & { queues: Record<OutboxQueueName, Queue> };
let folder: string;
const children: ChildProcess[] = [];
let sample: string[] = [];

const proposer: Actor = { role: "proposer", id: "member-1" };
const staff: Actor = { role: "staff", id: "staff-1" };
const clerk: Actor = { role: "unit", id: "u-civil-clerk", unitId: "u-civil" };

/** The proposals by where they are: the template (made through the engine) and its clones. */
const groups = {
  confirming: [] as string[],
  contacting: [] as string[],
  reviewing: [] as string[],
  closed: [] as string[],
};

const plan: MigrationPlan = {
  id: "rules-2027",
  description: "objection window 5 days, reply within 2 months; review is out of scope",
  fromVersions: ["1.0.0", PROPOSAL_MACHINE_VERSION],
  mappings: [
    { source: "assign.confirming", target: "assign.confirming" },
    { source: "handle.contacting", target: "handle.contacting" },
  ],
  policy: { id: "rules-2027", deadlines: { objection: { duration: { days: 5 } }, reply: { duration: { months: 2 } } } },
};
let planFile: string;

async function template(events: [Record<string, unknown> & { type: string }, Actor][]): Promise<string> {
  const { proposal } = await createProposal(engine, {
    input: {
      content: {
        title: "关于加强社区养老服务的建议",
        reasons: "老龄人口增长。",
        suggestions: ["增设日间照料中心"],
        category: "livelihood",
      },
      proposers: [{ id: proposer.id }],
      policy: defaultPolicy,
    },
    actor: proposer,
  });
  for (const [event, actor] of events) await applyEvent(engine, { proposalId: proposal.id, event, actor });
  return proposal.id;
}

/**
 * `count` copies of a proposal in one statement (row, history, deadlines, alarms), as snapshots of machine 1.0.0:
 * 1,000 proposals through the engine would take most of the test's time.
 */
async function clone(id: string, count: number): Promise<string[]> {
  const { rows } = await db.pool.query<{ id: string }>(
    `WITH ids AS (SELECT $1 || 'x' || lpad(n::text, 4, '0') AS id FROM generate_series(1, $2) AS n),
     p AS (
       INSERT INTO proposals (id, created_by, machine_version, snapshot, stage, states, version, title, category,
                              proposer_id, unit_ids, leader_id, is_key, created_at, updated_at)
       SELECT ids.id, t.created_by, '1.0.0',
              jsonb_set(jsonb_set(t.snapshot, '{context,id}', to_jsonb(ids.id)), '{context,machineVersion}', '"1.0.0"'),
              t.stage, t.states, t.version, t.title, t.category, t.proposer_id, t.unit_ids, t.leader_id, t.is_key,
              t.created_at, t.updated_at
         FROM proposals t, ids WHERE t.id = $1
     ),
     e AS (
       INSERT INTO proposal_events (proposal_id, seq, type, actor, payload, from_states, to_states, machine_version, at)
       SELECT ids.id, e.seq, e.type, e.actor, e.payload, e.from_states, e.to_states, '1.0.0', e.at
         FROM proposal_events e, ids WHERE e.proposal_id = $1
     ),
     d AS (
       INSERT INTO deadlines (proposal_id, deadline_id, kind, unit_id, due_at, status, opened_at, closed_at, definition)
       SELECT ids.id, d.deadline_id, d.kind, d.unit_id, d.due_at, d.status, d.opened_at, d.closed_at, d.definition
         FROM deadlines d, ids WHERE d.proposal_id = $1
     ),
     a AS (
       INSERT INTO alarms (id, proposal_id, deadline_id, kind, level, fire_at, status, fired_at)
       SELECT ids.id || substr(a.id, length($1) + 1), ids.id, a.deadline_id, a.kind, a.level, a.fire_at, a.status,
              a.fired_at
         FROM alarms a, ids WHERE a.proposal_id = $1
     )
     SELECT id FROM ids`,
    [id, count],
  );
  return [id, ...rows.map((row) => row.id)];
}

function startCli(args: string[]): { child: ChildProcess; done: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, ["--import", tsx, cli, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: testDatabase.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: redis.prefix,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => (text += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (text += chunk));
  const done = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, done, output: () => text };
}

const count = async (sql: string, values: unknown[] = []) =>
  Number((await db.pool.query<{ n: string }>(sql, values)).rows[0]?.n ?? 0);

/** What must not change for proposals a migration leaves alone: their rows, history, deadlines and alarms. */
const fingerprint = async (ids: string[]) =>
  (
    await db.pool.query<{ f: string }>(
      `SELECT md5(string_agg(p.id || p.version || p.snapshot::text || p.machine_version, ',' ORDER BY p.id)
                  || (SELECT count(*) FROM proposal_events WHERE proposal_id = ANY($1))
                  || (SELECT string_agg(deadline_id || status, ',' ORDER BY proposal_id, deadline_id)
                        FROM deadlines WHERE proposal_id = ANY($1))
                  || (SELECT string_agg(id || status, ',' ORDER BY id) FROM alarms WHERE proposal_id = ANY($1))) AS f
         FROM proposals p WHERE p.id = ANY($1)`,
      [ids],
    )
  ).rows[0]?.f;

async function until(probe: () => Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  redis = createTestRedis();
  db = createDatabase(testDatabase.url, { maxConnections: 8 });
  producer = createRedisConnection({ urls: [redis.url], mode: "standalone", role: "producer", name: "t" }, () => {});
  await whenReady(producer);
  queues = Object.fromEntries(
    queuesOf(outboxJobs).map((name) => [name, createQueue(name, producer, { prefix: redis.prefix })]),
  ) as Record<OutboxQueueName, Queue>;
  const logger = createLogger({
    service: "migrate-test",
    level: process.env.TEST_LOG_LEVEL ?? "silent",
    format: "json",
  });
  engine = { db, logger, clock: systemClock, workflow: proposalWorkflow, queues };

  const submitted: [Record<string, unknown> & { type: string }, Actor][] = [[{ type: "submit" }, proposer]];
  const registered = [...submitted, [{ type: "review.register", category: "livelihood" }, staff]] as typeof submitted;
  const assigned = [
    ...registered,
    [{ type: "assign", mode: "sole", units: [{ unitId: "u-civil", role: "lead" }] }, staff],
  ] as typeof submitted;
  groups.confirming = await clone(await template(assigned), 399);
  groups.contacting = await clone(await template([...assigned, [{ type: "unit.acknowledge" }, clerk]]), 399);
  groups.reviewing = await clone(await template(submitted), 149);
  groups.closed = await clone(await template([[{ type: "withdraw", reason: "duplicate" }, proposer]]), 49);
  // The relay is tested on its own (packages/engine relay.int.test.ts); here a sample of the proposals goes through
  // it, with the BullMQ jobs a running worker would have made for their pending alarms.
  sample = [...groups.confirming.slice(0, 10), ...groups.contacting.slice(0, 10)];
  const alarms = await db.prisma.alarm.findMany({ where: { proposalId: { in: sample }, status: "pending" } });
  const now = Date.now();
  await queues.alarms.addBulk(
    alarms.map((alarm) => ({
      name: "deadline.alarm",
      data: { alarmId: alarm.id, proposalId: alarm.proposalId, deadlineId: alarm.deadlineId },
      opts: jobOptions("deadline.alarm", jobId("deadline.alarm", alarm.id), alarm.fireAt.getTime() - now),
    })),
  );
  await db.pool.query("UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL");

  folder = mkdtempSync(path.join(tmpdir(), "huiyin-migrate-"));
  planFile = path.join(folder, "plan.json");
  writeFileSync(planFile, JSON.stringify(plan));
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await Promise.all(Object.values(queues ?? {}).map((queue) => queue.close()));
  producer?.disconnect();
  await redis?.cleanup();
  await db?.close();
  await testDatabase?.drop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe("moving running proposals to new rules", () => {
  it("a dry run lists the state mapping and the deadlines that would move, and changes nothing", async () => {
    const running = [...groups.confirming, ...groups.contacting, ...groups.reviewing];
    const before = await fingerprint([...running, ...groups.closed]);
    const outbox = await count("SELECT count(*) AS n FROM outbox");

    const { id } = await startMigrationRun(db, { planId: plan.id, plan, dryRun: true, startedBy: "admin:admin-1" });
    await runMigration(engine, proposalMigrator(plan), id);
    const progress = await migrationProgress(db, id);
    expect(progress).toMatchObject({ dryRun: true, status: "done", planId: "rules-2027" });
    expect(progress?.counts).toEqual({ "would-migrate": 800, unmappable: 150 });

    const confirming = groups.confirming[1] ?? "";
    const [item] = await migrationItems(db, id, { after: groups.confirming[0] ?? "", limit: 1 });
    const objection = await db.prisma.deadline.findFirstOrThrow({
      where: { proposalId: confirming, kind: "objection" },
    });
    expect(item).toMatchObject({
      proposalId: confirming,
      outcome: "would-migrate",
      report: {
        fromVersion: "1.0.0",
        toVersion: PROPOSAL_MACHINE_VERSION,
        fromPolicy: "default",
        toPolicy: "rules-2027",
        fromStates: ["assign.confirming"],
        toStates: ["assign.confirming"],
        deadlines: [
          {
            deadlineId: objection.deadlineId,
            kind: "objection",
            action: "reschedule",
            oldDueAt: objection.dueAt.toISOString(),
            newDueAt: expect.any(String),
          },
        ],
      },
    });
    const [unmappable] = await migrationItems(db, id, { outcome: "unmappable", limit: 1 });
    expect(unmappable).toMatchObject({ outcome: "unmappable", reason: "STATE_NOT_MAPPED" });
    expect(groups.reviewing).toContain(unmappable?.proposalId);

    expect(await fingerprint([...running, ...groups.closed])).toBe(before);
    expect(await count("SELECT count(*) AS n FROM outbox")).toBe(outbox);
  });

  it("migrates 1,000 proposals through a kill -9 midway: each mappable one exactly once, the rest untouched", async () => {
    const untouched = [...groups.reviewing, ...groups.closed];
    const before = await fingerprint(untouched);
    const total = groups.confirming.length + groups.contacting.length + groups.reviewing.length;
    const items = () =>
      count(`SELECT count(*) AS n FROM migration_items i JOIN migration_runs r ON r.id = i.run_id WHERE NOT r.dry_run`);

    // Throttled, so that the kill lands midway on any machine.
    const first = startCli(["--plan", planFile, "--max-per-second", "150", "--by", "admin-1", "--quiet"]);
    await until(async () => (await items()) >= 60, 30_000, `the first run's progress (${first.output()})`);
    first.child.kill("SIGKILL");
    await first.done;
    const atKill = await items();
    expect(atKill).toBeLessThan(total);
    expect(await count("SELECT count(*) AS n FROM proposal_events WHERE type = 'migrated'")).toBe(
      await count("SELECT count(*) AS n FROM migration_items WHERE outcome = 'migrated'"),
    );

    const second = startCli(["--plan", planFile, "--by", "admin-1"]);
    expect(await second.done, second.output()).toBe(0);
    const lines = second.output().trim().split("\n");
    expect(lines[0]).toMatch(/^run mig_\w+ of plan rules-2027: continuing$/);
    const progress = JSON.parse(lines.at(-1) ?? "{}");
    expect(progress).toMatchObject({ status: "done", dryRun: false, startedBy: "admin:admin-1" });
    expect(progress.counts).toEqual({ migrated: 800, unmappable: 150 });
    // The report: one line per proposal that moved (whichever process moved it) and per one that could not.
    const confirming = groups.confirming[1] ?? "";
    const line = lines.find((l) => l.startsWith(`${confirming} `)) ?? "";
    expect(line).toMatch(
      new RegExp(
        `^\\S+ {2}migrated {2}assign\\.confirming → assign\\.confirming {2}v1\\.0\\.0 → v${PROPOSAL_MACHINE_VERSION.replaceAll(".", "\\.")} {2}policy default → rules-2027 {2}objection \\S+ → \\S+$`,
      ),
    );
    const reviewing = groups.reviewing[3] ?? "";
    expect(lines).toContain(`${reviewing}  unmappable  STATE_NOT_MAPPED: the plan maps no state review.reviewing`);

    // Exactly one `migrated` entry per mappable proposal, none for the others.
    const migrated = [...groups.confirming, ...groups.contacting];
    const perProposal = await db.pool.query<{ proposal_id: string; n: number }>(
      `SELECT proposal_id, count(*)::int AS n FROM proposal_events WHERE type = 'migrated' GROUP BY proposal_id`,
    );
    expect(perProposal.rows.length).toBe(migrated.length);
    expect(perProposal.rows.every((row) => row.n === 1)).toBe(true);
    expect(new Set(perProposal.rows.map((row) => row.proposal_id))).toEqual(new Set(migrated));
    const entry = await db.prisma.proposalEvent.findFirst({
      where: { proposalId: groups.contacting[5] ?? "", type: "migrated" },
    });
    expect(entry).toMatchObject({
      actor: { role: "admin", id: "admin-1" },
      machineVersion: PROPOSAL_MACHINE_VERSION,
      idempotencyKey: "migration.rules-2027",
      fromStates: ["handle.contacting"],
      toStates: ["handle.contacting"],
      payload: {
        fromVersion: "1.0.0",
        toVersion: PROPOSAL_MACHINE_VERSION,
        fromPolicy: "default",
        toPolicy: "rules-2027",
      },
    });
    expect(
      await count(
        `SELECT count(*) AS n FROM proposals WHERE id = ANY($1) AND machine_version = $2
            AND snapshot->'context'->'policy'->>'id' = 'rules-2027' AND version = (
              SELECT max(seq) FROM proposal_events e WHERE e.proposal_id = proposals.id)`,
        [migrated, PROPOSAL_MACHINE_VERSION],
      ),
    ).toBe(migrated.length);

    // Every rescheduled deadline: the old one closed, its successor open at the reported due time, and the
    // proposal's snapshot agrees with its open deadline rows.
    const rescheduled = await db.pool.query<{ ok: boolean }>(
      `SELECT old.status = 'closed' AND new.status = 'open' AND new.due_at = (c->>'newDueAt')::timestamptz AS ok
         FROM migration_items i
         CROSS JOIN LATERAL jsonb_array_elements(i.report->'deadlines') AS c
         JOIN deadlines old ON old.proposal_id = i.proposal_id AND old.deadline_id = c->>'deadlineId'
         JOIN deadlines new ON new.proposal_id = i.proposal_id AND new.deadline_id = c->>'newDeadlineId'
        WHERE i.outcome = 'migrated' AND c->>'action' = 'reschedule'`,
    );
    expect(rescheduled.rows.length).toBe(migrated.length);
    expect(rescheduled.rows.every((row) => row.ok)).toBe(true);
    expect(
      await count(
        `SELECT count(*) AS n FROM proposals p
          WHERE p.id = ANY($1) AND (
            SELECT coalesce(array_agg(d->>'deadlineId' ORDER BY d->>'deadlineId'), '{}')
              FROM jsonb_array_elements(p.snapshot->'context'->'deadlines') d
          ) IS DISTINCT FROM (
            SELECT coalesce(array_agg(deadline_id ORDER BY deadline_id), '{}')
              FROM deadlines WHERE proposal_id = p.id AND status = 'open')`,
        [migrated],
      ),
    ).toBe(0);

    // Alarms: only open deadlines have pending ones, and after the relay Redis holds exactly the pending ones' jobs.
    expect(
      await count(
        `SELECT count(*) AS n FROM alarms a JOIN deadlines d USING (proposal_id, deadline_id)
          WHERE a.proposal_id = ANY($1) AND (a.status = 'pending') <> (d.status = 'open')`,
        [migrated],
      ),
    ).toBe(0);
    // Every alarm of a superseded or closed deadline is cancelled with its cancel message; every alarm of a successor
    // is pending with its enqueue message at its time.
    const messages = await db.pool.query<{ bad: number; total: number }>(
      `WITH moved AS (
         SELECT i.proposal_id, c->>'deadlineId' AS old_id, c->>'newDeadlineId' AS new_id
           FROM migration_items i, jsonb_array_elements(i.report->'deadlines') c
          WHERE i.outcome = 'migrated' AND c->>'action' IN ('reschedule', 'close')
       ),
       checked AS (
         SELECT a.status = 'cancelled' AND o.id IS NOT NULL AS ok
           FROM moved m JOIN alarms a ON a.proposal_id = m.proposal_id AND a.deadline_id = m.old_id
           LEFT JOIN outbox o ON o.job_id = $1 || a.id AND o.action = 'cancel'
         UNION ALL
         SELECT a.status = 'pending' AND o.run_at = a.fire_at AS ok
           FROM moved m JOIN alarms a ON a.proposal_id = m.proposal_id AND a.deadline_id = m.new_id
           LEFT JOIN outbox o ON o.job_id = $1 || a.id AND o.action = 'enqueue'
       )
       SELECT (count(*) FILTER (WHERE ok IS NOT TRUE))::int AS bad, count(*)::int AS total FROM checked`,
      [jobId("deadline.alarm", "")],
    );
    expect(messages.rows[0]?.bad).toBe(0);
    expect(messages.rows[0]?.total).toBeGreaterThanOrEqual(2 * migrated.length);
    // The sample through the relay: Redis then holds a job for each pending alarm and none for a cancelled one.
    await db.pool.query("UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL AND proposal_id <> ALL($1)", [sample]);
    while ((await relayBatch(engine, 1_000)) > 0) {}
    const alarms = await db.prisma.alarm.findMany({ where: { proposalId: { in: sample } } });
    const jobOf = (alarm: { id: string }) => jobId("deadline.alarm", alarm.id);
    const pending = alarms.filter((alarm) => alarm.status === "pending");
    const cancelled = alarms.filter((alarm) => alarm.status === "cancelled");
    expect(cancelled.length).toBeGreaterThanOrEqual(sample.length);
    expect(await withoutJobs(producer, queues.alarms, pending, jobOf)).toEqual([]);
    expect(await withoutJobs(producer, queues.alarms, cancelled, jobOf)).toHaveLength(cancelled.length);

    // Unmappable and finished proposals: untouched.
    expect(await fingerprint(untouched)).toBe(before);
    const unmappable = await db.prisma.migrationItem.findMany({ where: { outcome: "unmappable" } });
    expect(new Set(unmappable.map((item) => item.proposalId))).toEqual(new Set(groups.reviewing));
    expect(unmappable.every((item) => item.reason === "STATE_NOT_MAPPED")).toBe(true);

    // The same plan again (a new run): nothing is migrated twice.
    const again = await startMigrationRun(db, { planId: plan.id, plan, dryRun: false, startedBy: "admin:admin-1" });
    expect(again.resumed).toBe(false);
    await runMigration(engine, proposalMigrator(plan), again.id);
    expect((await migrationProgress(db, again.id))?.counts).toEqual({ "already-migrated": 800, unmappable: 150 });
    expect(await count("SELECT count(*) AS n FROM proposal_events WHERE type = 'migrated'")).toBe(migrated.length);
  });
});
