import type { Database } from "@huiyin/db";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";

/**
 * The domain's metrics (the names README.md lists). Two kinds:
 *
 * - what a process did, counted as it happens: transitions, their latency, alarms and their lateness, escalations
 *   (`engineMetrics`, handed to the engine as its observer);
 * - the state of PostgreSQL and Redis (open and overdue deadlines, deliveries, dead letters, queue depths), read
 *   when scraped with one short-lived cache (`stateMetrics`), so a scrape costs a few grouped queries at most every
 *   `cacheMs`, and no event ever costs a query. Every process that registers these reports the same numbers:
 *   the worker does; aggregate them with `max`, not `sum`, when several workers run.
 *
 * Label values are from bounded sets (event types of the vocabulary, outcomes, kinds, channels, statuses, levels,
 * queue names of the catalog), never a proposal's or a person's id.
 */

/** Seconds; an event's lock and transaction take milliseconds, a contended one longer. */
const TRANSITION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds from an alarm's fire time to its event applied: a healthy worker is within a second or two. */
const LATENESS_BUCKETS = [0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600];

/** The engine's observer (`EngineObserver` of @huiyin/engine, met structurally: runtime imports no engine). */
export interface EngineMetrics {
  transition(event: string, outcome: string, seconds: number): void;
  alarm(kind: string, level: number, outcome: string, latenessSeconds: number): void;
}

export function engineMetrics(registry: Registry): EngineMetrics {
  const registers = [registry];
  const transitions = new Counter({
    name: "huiyin_transitions_total",
    help: "Events given to the engine, by event type and outcome (applied, duplicate, stale, refused, error).",
    labelNames: ["event", "outcome"] as const,
    registers,
  });
  const latency = new Histogram({
    name: "huiyin_transition_duration_seconds",
    help: "Time to apply one event (lock, machine, history, effects, commit), by event type.",
    labelNames: ["event"] as const,
    buckets: TRANSITION_BUCKETS,
    registers,
  });
  const alarms = new Counter({
    name: "huiyin_alarms_total",
    help: "Deadline alarms acted on, by kind (remind, due, escalate) and outcome (applied, stale, suppressed, duplicate).",
    labelNames: ["kind", "outcome"] as const,
    registers,
  });
  const lateness = new Histogram({
    name: "huiyin_alarm_lateness_seconds",
    help: "From an alarm's fire time (its deadline's moment) to its event applied, by alarm kind.",
    labelNames: ["kind"] as const,
    buckets: LATENESS_BUCKETS,
    registers,
  });
  const escalations = new Counter({
    name: "huiyin_escalations_total",
    help: "Escalation alarms by level and outcome: raised (a notice to the leaders), suppressed (an earlier level was acknowledged), stale.",
    labelNames: ["level", "outcome"] as const,
    registers,
  });
  return {
    transition(event, outcome, seconds) {
      transitions.inc({ event, outcome });
      latency.observe({ event }, seconds);
    },
    alarm(kind, level, outcome, latenessSeconds) {
      alarms.inc({ kind, outcome });
      if (outcome === "applied") lateness.observe({ kind }, Math.max(0, latenessSeconds));
      if (kind === "escalate" && outcome !== "duplicate") {
        escalations.inc({ level: String(level), outcome: outcome === "applied" ? "raised" : outcome });
      }
    },
  };
}

/** What a depth is read from: a BullMQ `Queue` (named in the catalog of @huiyin/queue). */
export interface QueueDepthSource {
  name: string;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
}

interface StateSnapshot {
  deadlines: { kind: string; open: number; overdue: number }[];
  deliveries: { channel: string; status: string; count: number }[];
  deadLetters: { channel: string; count: number }[];
  queues: { queue: string; state: string; count: number }[];
}

/** BullMQ's job states that a depth is shown for (`wait` is shown as `waiting`). */
const JOB_STATES = ["wait", "active", "delayed", "prioritized", "failed"] as const;

/**
 * The state gauges, read from PostgreSQL and Redis when scraped, at most once per `cacheMs`: concurrent and
 * back-to-back scrapes share one read. A read that fails leaves the gauges without samples (not zeros) until the
 * next one succeeds.
 */
export function stateMetrics(
  registry: Registry,
  sources: { database: Database; queues: readonly QueueDepthSource[]; cacheMs?: number },
): void {
  const cacheMs = sources.cacheMs ?? 10_000;
  let cached: { at: number; snapshot: Promise<StateSnapshot | undefined> } | undefined;
  const snapshot = () => {
    if (!cached || Date.now() - cached.at >= cacheMs) {
      cached = { at: Date.now(), snapshot: readState(sources).catch(() => undefined) };
    }
    return cached.snapshot;
  };
  const gauge = <Label extends string>(
    name: string,
    help: string,
    labelNames: readonly Label[],
    fill: (state: StateSnapshot, set: (labels: Record<Label, string>, value: number) => void) => void,
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const state = await snapshot();
        this.reset();
        if (state) fill(state, (labels, value) => this.set(labels, value));
      },
    });
  gauge(
    "huiyin_deadlines_open",
    "Open deadlines (time limits of proposals still running), by kind.",
    ["kind"],
    (state, set) => {
      for (const row of state.deadlines) set({ kind: row.kind }, row.open);
    },
  );
  gauge("huiyin_deadlines_overdue", "Open deadlines whose moment has passed, by kind.", ["kind"], (state, set) => {
    for (const row of state.deadlines) set({ kind: row.kind }, row.overdue);
  });
  gauge(
    "huiyin_deliveries",
    "Deliveries of notices (channel inbox, email) and of webhooks (channel webhook), by channel and status.",
    ["channel", "status"],
    (state, set) => {
      for (const row of state.deliveries) set({ channel: row.channel, status: row.status }, row.count);
    },
  );
  gauge(
    "huiyin_dead_letters",
    "Deliveries given up (notice e-mails and digests dead, webhooks failed), waiting for an operator, by channel.",
    ["channel"],
    (state, set) => {
      for (const row of state.deadLetters) set({ channel: row.channel }, row.count);
    },
  );
  gauge(
    "huiyin_queue_jobs",
    "Jobs in each BullMQ queue, by state (waiting, active, delayed, prioritized, failed).",
    ["queue", "state"],
    (state, set) => {
      for (const row of state.queues) set({ queue: row.queue, state: row.state }, row.count);
    },
  );
}

async function readState(sources: { database: Database; queues: readonly QueueDepthSource[] }): Promise<StateSnapshot> {
  const { pool } = sources.database;
  const [deadlines, notices, webhooks, digests, queues] = await Promise.all([
    pool.query<{ kind: string; open: string; overdue: string }>(
      `SELECT kind, count(*) AS open, count(*) FILTER (WHERE due_at < now()) AS overdue
         FROM deadlines WHERE status = 'open' GROUP BY kind`,
    ),
    pool.query<{ channel: string; status: string; count: string }>(
      "SELECT channel, status, count(*) AS count FROM notice_deliveries GROUP BY channel, status",
    ),
    pool.query<{ status: string; count: string }>(
      "SELECT status, count(*) AS count FROM webhook_deliveries GROUP BY status",
    ),
    pool.query<{ count: string }>("SELECT count(*) AS count FROM digests WHERE status = 'dead'"),
    Promise.all(
      sources.queues.map(async (queue) => {
        const counts = await queue.getJobCounts(...JOB_STATES);
        return JOB_STATES.map((state) => ({
          queue: queue.name,
          state: state === "wait" ? "waiting" : state,
          count: counts[state] ?? 0,
        }));
      }),
    ),
  ]);
  const deliveries = [
    ...notices.rows.map((row) => ({ channel: row.channel, status: row.status, count: Number(row.count) })),
    ...webhooks.rows.map((row) => ({ channel: "webhook", status: row.status, count: Number(row.count) })),
  ];
  const dead = (channel: string, status: string) =>
    deliveries.filter((row) => row.channel === channel && row.status === status).reduce((n, row) => n + row.count, 0);
  const channels = [...new Set(notices.rows.map((row) => row.channel))];
  return {
    deadlines: deadlines.rows.map((row) => ({ kind: row.kind, open: Number(row.open), overdue: Number(row.overdue) })),
    deliveries,
    // Every channel is shown, 0 included: an alert on dead letters needs the series to exist before the first one.
    deadLetters: [
      ...[...new Set(["email", ...channels])].map((channel) => ({ channel, count: dead(channel, "dead") })),
      { channel: "webhook", count: dead("webhook", "failed") },
      { channel: "digest", count: Number(digests.rows[0]?.count ?? 0) },
    ],
    queues: queues.flat(),
  };
}
