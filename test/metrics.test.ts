import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createDatabase, type Database } from "@huiyin/db";
import { defaultPolicy } from "@huiyin/domain";
import { freePort } from "@huiyin/infra-local";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@huiyin/infra-local/testing";
import { createLogger } from "@huiyin/logger";
import { queues as queueNames } from "@huiyin/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importLeaders, lateReply } from "./support/late-reply.ts";
import { eventually, repoRoot, type Spawned, serviceEnv, spawnEntry } from "./support/processes.ts";

/**
 * `/metrics` of the three real processes after a short lifecycle: a proposal created and submitted over HTTP (the
 * api's transitions), and one left unanswered in compressed time (a day lasts 100 ms) whose reminder, due moment and
 * escalations ring in the worker, whose notices the notifier puts into inboxes, and whose events reach a webhook
 * receiver on loopback. Each domain metric is found with a plausible value; and every metric the Grafana dashboard
 * and the alerting rules under infra/observability use exists in what the processes expose.
 */
let testDatabase: TestDatabase;
let redis: TestRedis;
let db: Database;
let receiver: Server;
let receiverHost: string;
const processes: Spawned[] = [];
const adminKey = `admin-key-for-metrics-${randomBytes(16).toString("hex")}`;
const logger = createLogger({ service: "metrics-test", level: "silent", format: "json" });

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  redis = createTestRedis();
  db = createDatabase(testDatabase.url, { maxConnections: 2 });
  receiver = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverHost = `127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  await importLeaders(db);
  await db.prisma.webhookSubscription.create({
    data: {
      id: "wh_metrics",
      url: `http://${receiverHost}/hook`,
      events: ["*"],
      secret: "whsec_metrics_test_secret",
      ownerRole: "admin",
      ownerId: "admin-1",
    },
  });
});

afterAll(async () => {
  for (const spawned of processes) if (spawned.child.exitCode === null) spawned.child.kill("SIGKILL");
  await Promise.all(processes.map((spawned) => spawned.exited));
  await new Promise((resolve) => receiver?.close(resolve));
  await db?.close();
  await redis?.cleanup();
  await testDatabase?.drop();
});

/** Starts a service and waits for its /readyz; returns the base of its /metrics. */
async function start(name: "api" | "worker" | "notifier"): Promise<string> {
  const stores = { databaseUrl: testDatabase.url, redisUrl: redis.url, prefix: redis.prefix };
  const env = await serviceEnv(stores, {
    WEBHOOK_ALLOWED_DESTINATIONS: receiverHost,
    ...(name === "api"
      ? { PORT: String(await freePort()), HOST: "127.0.0.1", HUIYIN_ADMIN_KEY: adminKey }
      : { HOST: "127.0.0.1" }),
  });
  const spawned = spawnEntry(`services/${name}/src/main.ts`, env);
  processes.push(spawned);
  const base = `http://127.0.0.1:${name === "api" ? env.PORT : env.HEALTH_PORT}`;
  await eventually(
    async () => (await fetch(`${base}/readyz`)).status === 200,
    30_000,
    () => spawned.output(),
  );
  return base;
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of an exposition text, and the metric families it declares (`# TYPE`). */
function parse(text: string): { samples: Sample[]; families: Map<string, string> } {
  const samples: Sample[] = [];
  const families = new Map<string, string>();
  for (const line of text.split("\n")) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type?.[1] && type[2]) families.set(type[1], type[2]);
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample?.[1] || !sample[3]) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (sample[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      if (key) labels[key] = value ?? "";
    }
    samples.push({ name: sample[1], labels, value: Number(sample[3]) });
  }
  return { samples, families };
}

/** The sum of the samples of `name` whose labels include `labels`, or undefined when there is none. */
function sampled(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  return found.length === 0 ? undefined : found.reduce((total, sample) => total + sample.value, 0);
}

async function scrape(base: string): Promise<{ text: string; samples: Sample[]; families: Map<string, string> }> {
  const response = await fetch(`${base}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  const text = await response.text();
  return { text, ...parse(text) };
}

/** Metric names in PromQL expressions: the identifiers that are neither functions nor keywords nor labels. */
function metricsIn(expression: string): string[] {
  const withoutStrings = expression.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\{[^}]*\}/g, "");
  return [...withoutStrings.matchAll(/\b((?:huiyin|http|process|nodejs)_[a-z0-9_]+)\b/g)].map(
    (match) => match[1] ?? "",
  );
}

describe("/metrics of the api, the worker and the notifier", () => {
  it("show every domain metric with a plausible value after a short lifecycle", { timeout: 120_000 }, async () => {
    // In compressed time, the reply deadline's alarms ring in the worker within seconds. The proposal is brought to
    // its reply before the worker starts: an earlier deadline of it (a day lasts 100 ms) cannot ring meanwhile.
    const policy = { ...defaultPolicy, timeScale: 1 / 864_000 };
    const late = await lateReply({ db, logger }, "关于老旧小区加装电梯的建议", policy);
    const worker = await start("worker");
    const notifier = await start("notifier");
    const api = await start("api");

    // Over HTTP: a proposer creates and submits a proposal (applied), then submits it again (refused, 409).
    const call = async (method: string, url: string, key: string, body?: unknown) => {
      const response = await fetch(`${api}${url}`, {
        method,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const issued = await call("POST", "/v1/api-keys", adminKey, {
      role: "proposer",
      actorId: "member-1",
      name: "委员",
    });
    expect(issued.status).toBe(201);
    const proposerKey = String(issued.body.key);
    const created = await call("POST", "/v1/proposals", proposerKey, {
      title: "关于加强社区居家养老服务的建议",
      reasons: "老龄人口增加。",
      suggestions: ["增设社区日间照料中心"],
      category: "livelihood",
      proposers: [{ id: "member-1" }],
      submit: true,
    });
    expect(created.status).toBe(201);
    const again = await call("POST", `/v1/proposals/${String(created.body.id)}/events`, proposerKey, {
      type: "submit",
    });
    expect(again.status).toBe(409);

    // Until the first escalation has rung, its notices are handled and a webhook has reached the receiver.
    await eventually(
      async () => {
        const escalated = await db.prisma.alarm.count({
          where: { proposalId: late, kind: "escalate", status: "fired" },
        });
        const unhandled = await db.prisma.notice.count({ where: { proposalId: late, handledAt: null } });
        const delivered = await db.prisma.webhookDelivery.count({ where: { status: "delivered" } });
        return escalated > 0 && unhandled === 0 && delivered > 0;
      },
      60_000,
      () => processes.map((spawned) => spawned.output().slice(-2_000)).join("\n"),
    );

    // The state gauges are cached for a few seconds: scrape until they show the lifecycle.
    let scraped: Awaited<ReturnType<typeof scrape>>[] = [];
    await eventually(
      async () => {
        scraped = await Promise.all([api, worker, notifier].map(scrape));
        const [, fromWorker, fromNotifier] = scraped;
        return (
          (sampled(fromWorker?.samples ?? [], "huiyin_deliveries", { channel: "webhook", status: "delivered" }) ?? 0) >
            0 && (sampled(fromNotifier?.samples ?? [], "huiyin_notices_handled_total") ?? 0) > 0
        );
      },
      30_000,
      () => scraped.map((one) => one.text.slice(0, 2_000)).join("\n"),
    );
    const [fromApi, fromWorker, fromNotifier] = scraped.map((one) => one.samples) as [Sample[], Sample[], Sample[]];

    // Every process: the default process and Node metrics.
    for (const samples of [fromApi, fromWorker, fromNotifier]) {
      expect(sampled(samples, "process_resident_memory_bytes")).toBeGreaterThan(1_000_000);
      expect(sampled(samples, "nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
      expect(sampled(samples, "process_cpu_seconds_total")).toBeGreaterThan(0);
    }

    // The api: its requests, its transitions and their latency, calendar coverage.
    expect(sampled(fromApi, "http_requests_total", { method: "POST", route: "/v1/proposals", status: "201" })).toBe(1);
    expect(sampled(fromApi, "huiyin_transitions_total", { event: "submit", outcome: "applied" })).toBe(1);
    expect(sampled(fromApi, "huiyin_transitions_total", { event: "submit", outcome: "refused" })).toBe(1);
    expect(sampled(fromApi, "huiyin_transition_duration_seconds_count", { event: "submit" })).toBe(2);
    const latency = sampled(fromApi, "huiyin_transition_duration_seconds_sum", { event: "submit" }) ?? -1;
    expect(latency).toBeGreaterThan(0);
    expect(latency).toBeLessThan(30);
    const notOfficial = sampled(fromApi, "huiyin_calendar_years_not_official", { calendar: "cn-mainland" });
    expect(notOfficial).toBeGreaterThanOrEqual(0);
    expect(notOfficial).toBeLessThanOrEqual(2);

    // The worker: the alarms it rang (transitions, lateness, escalations) and the state of the stores.
    const applied = { event: "deadline.due", outcome: "applied" };
    expect(sampled(fromWorker, "huiyin_transitions_total", applied)).toBeGreaterThanOrEqual(1);
    expect(sampled(fromWorker, "huiyin_alarms_total", { kind: "due", outcome: "applied" })).toBeGreaterThanOrEqual(1);
    expect(sampled(fromWorker, "huiyin_escalations_total", { level: "1", outcome: "raised" })).toBe(1);
    const rang = sampled(fromWorker, "huiyin_alarm_lateness_seconds_count") ?? 0;
    expect(rang).toBeGreaterThanOrEqual(3); // the reminder, the due moment, the first escalation
    // On time within a few seconds each, on a healthy worker: a generous bound, not a measurement.
    expect((sampled(fromWorker, "huiyin_alarm_lateness_seconds_sum") ?? Infinity) / rang).toBeLessThan(10);
    expect(sampled(fromWorker, "huiyin_outbox_backlog")).toBeGreaterThanOrEqual(0);
    expect(sampled(fromWorker, "huiyin_outbox_oldest_age_seconds")).toBeGreaterThanOrEqual(0);
    expect(sampled(fromWorker, "huiyin_deadlines_open")).toBeGreaterThanOrEqual(1);
    expect(sampled(fromWorker, "huiyin_deadlines_overdue")).toBeGreaterThanOrEqual(1); // the unanswered reply
    expect(sampled(fromWorker, "huiyin_deliveries", { channel: "inbox", status: "delivered" })).toBeGreaterThan(0);
    expect(sampled(fromWorker, "huiyin_deliveries", { channel: "webhook", status: "delivered" })).toBeGreaterThan(0);
    expect(sampled(fromWorker, "huiyin_dead_letters", { channel: "webhook" })).toBe(0);
    expect(sampled(fromWorker, "huiyin_dead_letters", { channel: "email" })).toBe(0);
    expect(sampled(fromWorker, "huiyin_webhook_deliveries_total", { status: "delivered" })).toBeGreaterThan(0);
    for (const queue of Object.values(queueNames)) {
      expect(sampled(fromWorker, "huiyin_queue_jobs", { queue, state: "waiting" }), queue).toBeGreaterThanOrEqual(0);
    }
    // Escalations still to ring wait in the alarms queue's delayed set.
    expect(sampled(fromWorker, "huiyin_queue_jobs", { queue: queueNames.alarms, state: "delayed" })).toBeGreaterThan(0);
    // No label carries a proposal's id.
    expect(scraped.map((one) => one.text).join("\n")).not.toContain(late);

    // The notifier: the notices it handled and their inbox deliveries.
    expect(sampled(fromNotifier, "huiyin_notices_handled_total")).toBeGreaterThanOrEqual(3);
    const inbox = { channel: "inbox", status: "delivered" };
    expect(sampled(fromNotifier, "huiyin_notice_deliveries_total", inbox)).toBeGreaterThanOrEqual(3);

    // The dashboard and the alerting rules use only metrics that exist.
    const exposed = new Set<string>();
    for (const { families } of scraped) {
      for (const [name, type] of families) {
        exposed.add(name);
        if (type === "histogram") for (const suffix of ["_bucket", "_sum", "_count"]) exposed.add(`${name}${suffix}`);
      }
    }
    const folder = path.join(repoRoot, "infra", "observability");
    const dashboard = JSON.parse(readFileSync(path.join(folder, "grafana-dashboard.json"), "utf8")) as {
      panels: { targets: { expr: string }[] }[];
    };
    const rules = readFileSync(path.join(folder, "alerts.yml"), "utf8");
    const expressions = [
      ...dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr)),
      // `expr: …` on one line, or `expr: |` followed by its indented lines.
      ...[...rules.matchAll(/expr: (?:\|\n((?: {10}.*\n)+)|(.*))/g)].map((match) => match[1] ?? match[2] ?? ""),
    ];
    const used = new Set(expressions.flatMap(metricsIn));
    expect(used.size).toBeGreaterThan(15);
    for (const name of [
      "huiyin_outbox_backlog",
      "huiyin_alarm_lateness_seconds_bucket",
      "huiyin_dead_letters",
      "huiyin_calendar_years_not_official",
    ]) {
      expect(rules).toContain(name);
    }
    expect([...used].filter((name) => !exposed.has(name))).toEqual([]);
  });
});
