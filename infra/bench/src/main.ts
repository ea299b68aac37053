import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchOptions, parseArgs } from "./args.ts";
import { openEngine } from "./context.ts";
import { type Environment, prepareEnvironment } from "./environment.ts";
import { TRANSITIONS_PER_LIFECYCLE } from "./lifecycle.ts";
import { markdown, ms, perSecond, type Row, ratio, type Skipped } from "./report.ts";
import { consoleScenario, consoleUnavailable } from "./scenarios/console.ts";
import { consoleRows } from "./scenarios/console-rows.ts";
import { dbosPeer, type PeerResult } from "./scenarios/dbos-peer.ts";
import { type DeadlinesResult, scheduleDeadlines } from "./scenarios/deadlines.ts";
import { type HttpResult, httpScenario, httpUnavailable } from "./scenarios/http.ts";
import { type HttpLifecyclesResult, httpLifecycles } from "./scenarios/http-lifecycle.ts";
import { type MemoryResult, measureMemory } from "./scenarios/memory.ts";
import { type RawResult, rawTransactions } from "./scenarios/raw.ts";
import { type RecoveryResult, recoverAlarms } from "./scenarios/recovery.ts";
import { recordLifecycle, type SameRowsResult, sameRowsTransactions } from "./scenarios/same-rows.ts";
import { engineThroughput, type ThroughputResult } from "./scenarios/throughput.ts";
import { yearRows, yearScenarios } from "./scenarios/year.ts";
import { medianRound, round } from "./stats.ts";

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "results");

function log(message: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const began = performance.now();
  const loadAtStart = round(loadavg()[0] ?? 0, 1);
  const wants = (scenario: number) => options.only.size === 0 || options.only.has(scenario);
  mkdirSync(resultsDir, { recursive: true });
  log(
    process.env.DATABASE_URL ? "using DATABASE_URL / REDIS_URL" : "starting PostgreSQL and Redis under .huiyin/bench",
  );
  const environment = await prepareEnvironment();
  const rows: Row[] = [];
  const skipped: Skipped[] = [];
  const notes: string[] = [];
  const results: Record<string, unknown> = {};
  let engineLevels: ThroughputResult[] = [];
  try {
    if (wants(1) || wants(2) || wants(6)) {
      const { result, memory } = await measureMemory(environment.servers, (sample) =>
        throughputScenarios(environment, options, sample),
      );
      results.throughput = result;
      results.memory = memory;
      engineLevels = result.engine;
      rows.push(...throughputRows(result), ...memoryRows(memory), ...serviceMemoryRows(result.http));
      notes.push(...throughputNotes(result));
      if (result.httpSkipped)
        skipped.push({ scenario: "1 through HTTP, 6 for api/worker", reason: result.httpSkipped });
    }
    if (wants(3) || wants(4)) {
      const timeScenarios = await deadlineScenarios(environment, options, wants(4));
      results.deadlines = timeScenarios.deadlines;
      rows.push(...deadlineRows(timeScenarios.deadlines));
      if (timeScenarios.recovery) {
        results.recovery = timeScenarios.recovery;
        rows.push(recoveryRow(timeScenarios.recovery));
      }
    }
    if (wants(5)) {
      const reason = httpUnavailable();
      if (reason) {
        skipped.push({ scenario: "5 (HTTP)", reason });
      } else {
        const engine = await openEngine(environment, 4);
        try {
          log(`5. HTTP: api process, ${options.httpConnections} connections, ${options.httpSeconds} s per route`);
          const http = await httpScenario(environment, engine, {
            seconds: options.httpSeconds,
            connections: options.httpConnections,
            // More than the submits 10 s can carry at 32 connections (~480/s with group commit): a repeated id is
            // refused fast and would flatter the figures.
            drafts: options.quick ? 3_000 : 10_000,
          });
          results.http = http;
          rows.push(...httpRows(http));
        } finally {
          await engine.close();
        }
      }
    }
    if (wants(7)) {
      const reason = consoleUnavailable();
      if (reason) {
        skipped.push({ scenario: "7 (console)", reason });
      } else {
        log(`7. console: first render in Chromium, ${options.consoleProposals} proposals`);
        const consoleResult = await consoleScenario(environment, {
          proposals: options.consoleProposals,
          samples: options.consoleSamples,
          log,
        });
        results.console = consoleResult;
        rows.push(...consoleRows(consoleResult));
      }
    }
    if (wants(10)) {
      const budgetMs = Math.min(options.budgetSeconds, 10) * 1000;
      const peer = await dbosPeer(environment, {
        levels: PEER_LEVELS,
        proposals: options.proposals,
        budgetMs,
        log,
        beside: async (concurrency) => {
          log(
            `10. huiyin beside the peer: up to ${options.proposals} lifecycles, ${concurrency} clients, engine direct`,
          );
          const run = await engineThroughput(environment, {
            proposals: options.proposals,
            concurrency,
            budgetMs,
            statements: false,
          });
          log(`   ${run.transitionsPerSecond} transitions/s committed`);
          return run.transitionsPerSecond;
        },
      });
      results.peer = peer;
      if ("skipped" in peer) skipped.push({ scenario: "10 (DBOS peer)", reason: peer.skipped });
      else rows.push(...peerRows(peer, engineLevels));
    }
    // Scenarios 8 and 9 (issue 16), behind --stats and --meeting: see scenarios/year.ts.
    const year = await yearScenarios(environment, options, log);
    Object.assign(results, year.results);
    rows.push(...yearRows(year.results));
  } finally {
    await environment.stop();
  }
  const seconds = Math.round((performance.now() - began) / 100) / 10;
  const generatedAt = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const settings = settingsOf(options, environment);
  const load = { start: loadAtStart, end: round(loadavg()[0] ?? 0, 1) };
  const json = { generatedAt, seconds, load, machine: environment.machine, settings, rows, skipped, notes, results };
  writeFileSync(path.join(resultsDir, "latest.json"), `${JSON.stringify(json, null, 2)}\n`);
  const table = markdown({ machine: environment.machine, settings, rows, skipped, notes, generatedAt, seconds, load });
  writeFileSync(path.join(resultsDir, "latest.md"), table);
  process.stdout.write(`\n${table}`);
  log(`results in ${path.relative(process.cwd(), resultsDir)}/latest.{json,md}`);
}

function settingsOf(options: BenchOptions, environment: Environment): Record<string, unknown> {
  return {
    mode: options.quick ? "quick" : "default",
    servers: environment.embedded ? "embedded (.huiyin/bench)" : "DATABASE_URL/REDIS_URL",
    proposals: options.proposals,
    budgetSecondsPerLevel: options.budgetSeconds,
    roundsPerLevel: options.rounds,
    httpBudgetSecondsPerLevel: options.httpBudgetSeconds,
    httpClients: options.httpConcurrency,
    transitionsPerProposal: TRANSITIONS_PER_LIFECYCLE,
    clients: options.concurrency,
    poolConnections: "= clients",
    deadlines: options.deadlines,
    dueTogether: options.dueTogether,
    logLevel: "silent",
    consoleProposals: options.consoleProposals,
    consoleSamples: options.consoleSamples,
  };
}

interface ThroughputScenarios {
  engine: ThroughputResult[];
  raw: RawResult[];
  sameRows: SameRowsResult[];
  /** Scenario 1 through the api process, with scenario 6 for the api and the worker. */
  http?: HttpLifecyclesResult;
  httpSkipped?: string;
}

/** Seconds the api and worker stay idle after the HTTP levels before their RSS is read again. */
const settleSeconds = (options: BenchOptions) => (options.quick ? 2 : 10);

async function throughputScenarios(
  environment: Environment,
  options: BenchOptions,
  /** Memory is read between the measured windows, never during one. */
  sample: () => void,
): Promise<ThroughputScenarios> {
  const engine: ThroughputResult[] = [];
  const raw: RawResult[] = [];
  const sameRows: SameRowsResult[] = [];
  const highest = Math.max(...options.concurrency);
  const baselines = options.only.size === 0 || options.only.has(2);
  const recorded = baselines ? await recordWrites(environment) : undefined;
  if (recorded) {
    const { inserted, updated, byTable } = recorded.rowsPerLifecycle;
    log(
      `2a. same-rows baseline: one lifecycle writes ${inserted} rows and updates ${updated} (${Object.entries(byTable)
        .map(([table, counts]) => `${table} ${counts}`)
        .join(", ")})`,
    );
  }
  for (const concurrency of options.concurrency) {
    const rounds: { engine: ThroughputResult; same?: SameRowsResult; raw?: RawResult }[] = [];
    for (let turn = 1; turn <= options.rounds; turn++) {
      const last = turn === options.rounds;
      const of = options.rounds > 1 ? ` (round ${turn} of ${options.rounds})` : "";
      log(
        `1. engine: up to ${options.proposals} lifecycles in ${round(options.budgetSeconds / options.rounds, 1)} s, ${concurrency} clients, relay running${of}`,
      );
      const result = await engineThroughput(environment, {
        proposals: options.proposals,
        concurrency,
        budgetMs: (options.budgetSeconds * 1000) / options.rounds,
        statements: concurrency === highest && last,
        ...(options.cpuProfile && concurrency === highest && last
          ? { profileTo: path.join(resultsDir, `scenario1-c${concurrency}.cpuprofile`) }
          : {}),
      });
      sample();
      log(
        `   ${result.proposals} lifecycles: ${result.transitionsPerSecond} transitions/s committed, ` +
          `${result.endToEnd.transitionsPerSecond}/s relayed, p50 ${result.latencyMs.p50} ms`,
      );
      // Without the baselines (`--only 1`), the engine's rounds alone.
      if (!recorded) {
        rounds.push({ engine: result });
        continue;
      }
      log(
        `2a. same rows, plain pg: ${result.proposals} lifecycles, one transaction per transition, ${concurrency} clients${of}`,
      );
      const same = await sameRowsTransactions(environment, recorded, {
        lifecycles: result.proposals,
        concurrency,
        servers: environment.servers,
      });
      sample();
      log(`   ${same.transactionsPerSecond} transactions/s, p50 ${same.latencyMs.p50} ms`);
      log(`2. raw pg: ${result.transitions} UPDATE+INSERT transactions, ${concurrency} clients${of}`);
      const limit = await rawTransactions(environment, {
        rows: result.proposals,
        transactionsPerRow: TRANSITIONS_PER_LIFECYCLE,
        concurrency,
        stateBytes: result.rowBytes.snapshot,
        payloadBytes: result.rowBytes.payload,
      });
      sample();
      log(`   ${limit.transactionsPerSecond} transactions/s, p50 ${limit.latencyMs.p50} ms`);
      rounds.push({ engine: result, same, raw: limit });
    }
    // The median round of each side (each ratio row takes its own round's pair, see `throughputRows`); what only the
    // last round measured (statements, a profile: that round runs slower with one) is kept with it.
    const lastEngine = rounds[rounds.length - 1]?.engine;
    const median = medianRound(
      rounds.map((round) => round.engine),
      (result) => result.transitionsPerSecond,
    );
    engine.push({
      ...median,
      ...(lastEngine?.statements ? { statements: lastEngine.statements } : {}),
      ...(lastEngine?.profile ? { profile: lastEngine.profile } : {}),
      rounds: rounds.map((round) => ({
        engine: round.engine.transitionsPerSecond,
        ...(round.same ? { sameRows: round.same.transactionsPerSecond } : {}),
        ...(round.raw ? { raw: round.raw.transactionsPerSecond } : {}),
      })),
    });
    const raws = rounds.flatMap((round) => (round.raw ? [round.raw] : []));
    if (raws.length > 0) raw.push(medianRound(raws, (result) => result.transactionsPerSecond));
    const sames = rounds.flatMap((round) => (round.same ? [round.same] : []));
    if (sames.length > 0) sameRows.push(medianRound(sames, (result) => result.transactionsPerSecond));
  }
  // After every engine level: the api and worker processes would otherwise share the machine with them.
  const overHttp = options.only.size === 0 || options.only.has(1) || options.only.has(6);
  if (!overHttp) return { engine, raw, sameRows };
  const httpSkipped = httpUnavailable();
  if (httpSkipped) return { engine, raw, sameRows, httpSkipped };
  const http = await httpLifecycles(environment, {
    proposals: options.proposals,
    concurrency: options.httpConcurrency,
    budgetMs: options.httpBudgetSeconds * 1000,
    settleSeconds: settleSeconds(options),
    profileDir: options.cpuProfile ? resultsDir : undefined,
    log,
  });
  sample();
  return { engine, raw, sameRows, http };
}

/** The rows one lifecycle writes, recorded through the engine before the levels (see same-rows.ts). */
async function recordWrites(environment: Environment) {
  const engine = await openEngine(environment, 2);
  try {
    return await recordLifecycle(environment, engine);
  } finally {
    await engine.close();
  }
}

type RoundFigures = NonNullable<ThroughputResult["rounds"]>[number];

function throughputRows(result: ThroughputScenarios): Row[] {
  const rows: Row[] = [];
  result.engine.forEach((engine, index) => {
    const raw = result.raw[index];
    const same = result.sameRows[index];
    const c = engine.concurrency;
    const clients = `${c} client${c > 1 ? "s" : ""}`;
    // A ratio of two sides is taken within a round (they ran side by side), the median round's: its two figures shown.
    const paired = (
      side: (round: RoundFigures) => number | undefined,
      baseline: (round: RoundFigures) => number | undefined,
      single: [number, number],
    ): Pick<Row, "huiyin" | "baseline" | "ratio"> => {
      const both = (engine.rounds ?? []).flatMap((round) => {
        const [a, b] = [side(round), baseline(round)];
        return a !== undefined && b !== undefined ? [[a, b] as const] : [];
      });
      const [a, b] = both.length > 1 ? medianRound(both, ([x, y]) => x / y) : single;
      return { huiyin: perSecond(a), baseline: perSecond(b), ratio: ratio(a, b) };
    };
    if (same) {
      rows.push({
        scenario: "1·2a",
        figure: `committed transitions/s, ${clients} (baseline: plain pg writing the same rows, one tx per transition)`,
        ...paired(
          (round) => round.engine,
          (round) => round.sameRows,
          [engine.transitionsPerSecond, same.transactionsPerSecond],
        ),
      });
      if (raw) {
        rows.push({
          scenario: "2a·2",
          figure: `same-rows baseline tx/s against raw UPDATE+INSERT tx/s, ${clients} (what the rows themselves cost)`,
          ...paired(
            (round) => round.sameRows,
            (round) => round.raw,
            [same.transactionsPerSecond, raw.transactionsPerSecond],
          ),
        });
      }
    }
    rows.push({
      scenario: "1·2",
      figure: `committed transitions/s, ${clients} (baseline: raw UPDATE+INSERT tx/s)`,
      ...(raw
        ? paired(
            (round) => round.engine,
            (round) => round.raw,
            [engine.transitionsPerSecond, raw.transactionsPerSecond],
          )
        : { huiyin: perSecond(engine.transitionsPerSecond), baseline: "—", ratio: undefined }),
    });
    rows.push({
      scenario: "1·2",
      figure: `latency per event p50 / p95 / p99 ms, ${clients} (ratio of p50s)`,
      huiyin: ms(engine.latencyMs),
      baseline: raw ? ms(raw.latencyMs) : "—",
      ratio: raw ? ratio(raw.latencyMs.p50 ?? 0, engine.latencyMs.p50 ?? 0) : undefined,
    });
    rows.push({
      scenario: "1",
      figure: `end to end (committed + relayed to BullMQ) transitions/s, ${clients}`,
      huiyin: perSecond(engine.endToEnd.transitionsPerSecond),
      baseline: `${perSecond(engine.transitionsPerSecond)} committed`,
      ratio: ratio(engine.endToEnd.transitionsPerSecond, engine.transitionsPerSecond),
    });
    const http = result.http?.levels.find((level) => level.concurrency === c);
    if (!http) return;
    rows.push({
      scenario: "1",
      figure: `through HTTP (api process) against the engine called directly: committed transitions/s, ${clients} (goal ≥ 0.7)`,
      huiyin: perSecond(http.transitionsPerSecond),
      baseline: `${perSecond(engine.transitionsPerSecond)} engine direct`,
      ratio: ratio(http.transitionsPerSecond, engine.transitionsPerSecond),
    });
    rows.push({
      scenario: "1·2",
      figure: `through HTTP (api process): committed transitions/s, ${clients} (baseline: raw UPDATE+INSERT tx/s)`,
      huiyin: perSecond(http.transitionsPerSecond),
      baseline: raw ? perSecond(raw.transactionsPerSecond) : "—",
      ratio: raw ? ratio(http.transitionsPerSecond, raw.transactionsPerSecond) : undefined,
    });
    rows.push({
      scenario: "1·2",
      figure: `through HTTP: latency per event p50 / p95 / p99 ms, ${clients} (ratio of p50s)`,
      huiyin: ms(http.latencyMs),
      baseline: raw ? ms(raw.latencyMs) : "—",
      ratio: raw ? ratio(raw.latencyMs.p50 ?? 0, http.latencyMs.p50 ?? 0) : undefined,
    });
  });
  return rows;
}

function throughputNotes(result: ThroughputScenarios): string[] {
  const notes: string[] = [];
  for (const [index, engine] of result.engine.entries()) {
    const raw = result.raw[index];
    const same = result.sameRows[index];
    const perTransition = (seconds: number | undefined, transitions: number) =>
      transitions > 0 ? round(((seconds ?? 0) / transitions) * 1000, 2) : 0;
    const rounds =
      (engine.rounds?.length ?? 0) > 1
        ? `medians of ${engine.rounds?.length} interleaved rounds (engine / same rows / raw per second: ${engine.rounds
            ?.map((one) => [one.engine, one.sameRows ?? "—", one.raw ?? "—"].join(" / "))
            .join("; ")}); the median round's figures: `
        : "";
    notes.push(
      `${engine.concurrency} clients: ${rounds}${engine.proposals} of ${engine.proposalsRequested} lifecycles within the budget (${engine.transitions} transitions, ${engine.endToEnd.outboxMessages} outbox messages); CPU seconds of the engine run (${engine.seconds} s): bench ${engine.cpuSeconds.bench} (${engine.cpuSeconds.benchKernel} in the kernel), ` +
        `postgres ${engine.cpuSeconds.postgres}, redis ${engine.cpuSeconds.redis} ` +
        `(ms per transition: bench ${perTransition(engine.cpuSeconds.bench, engine.transitions)}, postgres ${perTransition(engine.cpuSeconds.postgres, engine.transitions)}); ` +
        `WAL ${engine.writes.walBytesPerTransition} B per transition (relay's included), ${Math.round(engine.writes.hotShare * 100)} % of ${engine.writes.proposalUpdates} proposal updates HOT` +
        (same
          ? `; same-rows run (${same.seconds} s): bench ${same.cpuSeconds.bench}, postgres ${same.cpuSeconds.postgres} (ms per transaction: postgres ${perTransition(same.cpuSeconds.postgres, same.transactions)})`
          : "") +
        (raw
          ? `; raw run (${raw.seconds} s): bench ${raw.cpuSeconds.bench}, postgres ${raw.cpuSeconds.postgres} (ms per transaction: postgres ${perTransition(raw.cpuSeconds.postgres, raw.transactions)})`
          : ""),
    );
  }
  for (const http of result.http?.levels ?? []) {
    const engine = result.engine.find((level) => level.concurrency === http.concurrency);
    const api = http.transitions > 0 ? round(((http.cpuSeconds.api ?? 0) / http.transitions) * 1000, 1) : 0;
    notes.push(
      `${http.concurrency} clients through HTTP: ${http.proposals} of ${http.proposalsRequested} lifecycles within the budget (${http.transitions} transitions)` +
        (engine ? `, ${ratio(http.transitionsPerSecond, engine.transitionsPerSecond)} of the engine-direct rate` : "") +
        `; end to end (relayed by the worker) ${perSecond(http.endToEnd.transitionsPerSecond)}; CPU seconds (${http.seconds} s): ` +
        `api ${http.cpuSeconds.api} (${api} ms per transition; ${http.cpuSeconds.apiKernel} s in the kernel), worker ${http.cpuSeconds.worker}, bench ${http.cpuSeconds.bench}, postgres ${http.cpuSeconds.postgres}`,
    );
  }
  const profiledHttp = result.http?.levels.find((level) => level.statements);
  if (profiledHttp?.statements) {
    notes.push(
      `Statements per committed transition through HTTP (pg_stat_statements, ${profiledHttp.concurrency} clients, the api's and the worker's relay's): ${profiledHttp.statements.perTransition}.`,
    );
  }
  const profiled = result.engine.find((engine) => engine.statements);
  if (profiled?.statements) {
    notes.push(
      `Statements per committed transition (pg_stat_statements, ${profiled.concurrency} clients, the relay's included): ${profiled.statements.perTransition}, against 4 for the raw baseline (BEGIN, UPDATE, INSERT, COMMIT).`,
    );
  }
  return notes;
}

async function deadlineScenarios(environment: Environment, options: BenchOptions, recovery: boolean) {
  const engine = await openEngine(environment, 12);
  try {
    log(`3. deadlines: ${options.deadlines} pending, ${options.dueTogether} due in the same second`);
    const { result, workers } = await scheduleDeadlines(environment, engine, options);
    await workers.close();
    log(
      `   ${result.relay.deadlinesPerSecond} deadlines/s scheduled, ${result.redisBytesPerDeadline} Redis bytes each, ` +
        `lateness p99 ${result.lateness.engineMs.p99} ms`,
    );
    if (!recovery) return { deadlines: result };
    log(`4. recovery: ${environment.embedded ? "FLUSHALL" : "bench keys deleted"}, then reconcileAlarms`);
    const rebuilt = await recoverAlarms(environment, engine);
    log(`   ${rebuilt.pendingAlarms} alarms rebuilt in ${rebuilt.seconds} s`);
    return { deadlines: result, recovery: rebuilt };
  } finally {
    await engine.close();
  }
}

function deadlineRows(result: DeadlinesResult): Row[] {
  const per = result.alarmsPerDeadline;
  const baselineDeadlines = result.baseline.jobsPerSecond / per;
  return [
    {
      scenario: "3",
      figure: `scheduling: pending deadlines/s put into BullMQ by the outbox relay (${per} alarm job${per === 1 ? "" : "s"} each; ${result.deadlines.toLocaleString("en-US")} deadlines) (baseline: addBulk of jobs of the same shape, up to 100,000)`,
      huiyin: `${perSecond(result.relay.deadlinesPerSecond)} (${perSecond(result.relay.jobsPerSecond)} jobs)`,
      baseline: `${perSecond(baselineDeadlines)} (${perSecond(result.baseline.jobsPerSecond)} jobs)`,
      ratio: ratio(result.relay.deadlinesPerSecond, baselineDeadlines),
    },
    {
      scenario: "3",
      figure: "Redis bytes per pending deadline (baseline: the same jobs added bare)",
      huiyin: `${result.redisBytesPerDeadline.toLocaleString("en-US")} B`,
      baseline: `${(result.baseline.redisBytesPerJob * per).toLocaleString("en-US")} B`,
      ratio: ratio(result.baseline.redisBytesPerJob * per, result.redisBytesPerDeadline),
    },
    {
      scenario: "3",
      figure: "PostgreSQL bytes per pending deadline: deadline + alarm rows with indexes; sent outbox rows kept",
      huiyin: `${result.postgresBytesPerDeadline.deadlineAndAlarms.toLocaleString("en-US")} B; outbox ${result.postgresBytesPerDeadline.outbox.toLocaleString("en-US")} B`,
      baseline: "—",
    },
    {
      scenario: "3",
      figure: `lateness of firing, ${result.lateness.due} due in one second: dueAt → deadline.remind applied, p50 / p99 / max ms (baseline: no-op BullMQ jobs, same concurrency ${result.lateness.workerConcurrency}; ratio of p99s)`,
      huiyin: ms(result.lateness.engineMs, ["p50", "p99", "p100"]),
      baseline: ms(result.lateness.baselineMs, ["p50", "p99", "p100"]),
      ratio: ratio(result.lateness.baselineMs.p99 ?? 0, result.lateness.engineMs.p99 ?? 0),
    },
    {
      scenario: "3",
      figure: "worker start with every alarm pending (startEngineWorkers' reconcile pass), s",
      huiyin: `${result.startupReconcileSeconds} s`,
      baseline: "—",
    },
  ];
}

function recoveryRow(result: RecoveryResult): Row {
  const baselineSeconds = result.pendingAlarms / result.baseline.jobsPerSecond;
  return {
    scenario: "4",
    figure: `recovery: ${result.pendingAlarms.toLocaleString("en-US")} alarms rebuilt by reconcileAlarms after ${result.wiped}, s (baseline: addBulk, ${perSecond(result.baseline.jobsPerSecond)} measured just before with ${result.baseline.jobs.toLocaleString("en-US")} jobs${result.baseline.jobs < result.pendingAlarms ? ", scaled to as many" : ""})`,
    huiyin: `${result.seconds} s (${perSecond(result.alarmsPerSecond)})`,
    baseline: `${round(baselineSeconds)} s`,
    ratio: ratio(baselineSeconds, result.seconds),
  };
}

/** The client levels of scenario 10, the DBOS peer (issue 18's goal: huiyin ≥ 2× DBOS at 1 and 8 clients). */
const PEER_LEVELS = [1, 8];

function peerRows(peer: Extract<PeerResult, { levels: unknown }>, engine: readonly ThroughputResult[]): Row[] {
  return peer.levels.map((level) => {
    // Measured right before the peer's level when it was (`beside`); else scenario 1's level, minutes earlier.
    const ours =
      level.huiyinBeside ?? engine.find((each) => each.concurrency === level.concurrency)?.transitionsPerSecond;
    const when = level.huiyinBeside === undefined ? "scenario 1's level" : "run right before the peer, same budget";
    const c = level.concurrency;
    return {
      scenario: "10·1",
      figure: `huiyin (engine direct, full work: deadlines, notices, outbox; ${when}) against DBOS Transact ${peer.version} (one workflow per event, state + history only, same PostgreSQL): transitions/s, ${c} client${c > 1 ? "s" : ""} (goal ≥ 2)`,
      huiyin: ours === undefined ? "— (scenario 1 not run at this level)" : perSecond(ours),
      baseline: `${perSecond(level.transitionsPerSecond)} DBOS (p50 ${(level.latencyMs.p50 ?? 0).toFixed(1)} ms)`,
      ratio: ours === undefined ? undefined : ratio(ours, level.transitionsPerSecond),
    };
  });
}

function httpRows(result: HttpResult): Row[] {
  const ceiling = result.healthz;
  const row = (figure: string, measured: HttpResult["healthz"]): Row => ({
    scenario: "5",
    figure: `${figure}: requests/s; p50 / p90 / p99 ms (${result.connections} connections; baseline: GET /healthz of the same server)`,
    huiyin: `${perSecond(measured.requestsPerSecond)}; ${ms(measured.latencyMs, ["p50", "p90", "p99"])}${measured.non2xx || measured.errors ? ` (${measured.non2xx} non-2xx, ${measured.errors} errors)` : ""}`,
    baseline: `${perSecond(ceiling.requestsPerSecond)}; ${ms(ceiling.latencyMs, ["p50", "p90", "p99"])}`,
    ratio: ratio(measured.requestsPerSecond, ceiling.requestsPerSecond),
  });
  const postP99 = result.postEvent.latencyMs.p99 ?? 0;
  const healthzP99 = ceiling.latencyMs.p99 ?? 0;
  return [
    row("GET /v1/whoami (the middleware every /v1 request passes: rate limits, authentication)", result.whoami),
    row("GET /v1/proposals/:id", result.getProposal),
    row("POST /v1/proposals/:id/events (submit)", result.postEvent),
    {
      scenario: "5",
      figure: `POST /v1/proposals/:id/events p99 ms against GET /healthz p99 of the same server, ${result.connections} connections (ratio: healthz p99 / POST p99; goal ≥ 0.2, i.e. POST within 5×)`,
      huiyin: `${postP99.toFixed(1)} ms (${healthzP99 > 0 ? (postP99 / healthzP99).toFixed(1) : "—"}×)`,
      baseline: `${healthzP99.toFixed(1)} ms`,
      ratio: ratio(healthzP99, postP99),
    },
  ];
}

function memoryRows(memory: MemoryResult): Row[] {
  const b = memory.benchRssMiB;
  return [
    {
      scenario: "6",
      figure: "bench process RSS MiB during scenarios 1–2: baseline → peak → after → after GC",
      huiyin: `${b.baseline} → ${b.peak} → ${b.after} → ${b.afterGc}`,
      baseline: memory.returnedToBaseline ? "returns to baseline" : "does NOT return to baseline",
    },
    {
      scenario: "6",
      figure: "bench process V8 heap in use MiB: baseline → after GC",
      huiyin: `${memory.benchHeapUsedMiB.baseline} → ${memory.benchHeapUsedMiB.afterGc}`,
      baseline: memory.heapReturnedToBaseline ? "returns to baseline" : "does NOT return to baseline",
    },
    {
      scenario: "6",
      figure: "PostgreSQL (all processes, anonymous RSS) / Redis RSS MiB: baseline → peak → after",
      huiyin: `${memory.postgresAnonMiB.baseline} → ${memory.postgresAnonMiB.peak} → ${memory.postgresAnonMiB.after} / ${memory.redisAnonMiB.baseline} → ${memory.redisAnonMiB.peak} → ${memory.redisAnonMiB.after}`,
      baseline: "—",
    },
  ];
}

function serviceMemoryRows(http: HttpLifecyclesResult | undefined): Row[] {
  if (!http) return [];
  const { settleSeconds } = http.memory;
  const row = (name: string, rss: HttpLifecyclesResult["memory"]["api"] | undefined): Row[] =>
    rss
      ? [
          {
            scenario: "6",
            figure: `${name} process RSS MiB during 1 through HTTP: started → warmed up (baseline) → peak → after ${settleSeconds} s idle`,
            huiyin: `${rss.started} → ${rss.baseline} → ${rss.peak} → ${rss.after}`,
            baseline: `${rss.baseline}; ${rss.returnedToBaseline ? "returns to baseline" : "does NOT return to baseline"}`,
          },
        ]
      : [];
  return [...row("api", http.memory.api), ...row("worker", http.memory.worker)];
}

// Exit explicitly: client libraries (BullMQ's blocking connections, timers) may hold the loop a while longer.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
