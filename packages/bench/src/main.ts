import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchOptions, parseArgs } from "./args.ts";
import { type Environment, prepareEnvironment } from "./environment.ts";
import { TRANSITIONS_PER_LIFECYCLE } from "./lifecycle.ts";
import { markdown, ms, perSecond, type Row, ratio, type Skipped } from "./report.ts";
import { type MemoryResult, measureMemory } from "./scenarios/memory.ts";
import { type RawResult, rawTransactions } from "./scenarios/raw.ts";
import { engineThroughput, type ThroughputResult } from "./scenarios/throughput.ts";

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "results");

function log(message: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const began = performance.now();
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
  try {
    if (wants(1) || wants(2) || wants(6)) {
      const { result, memory } = await measureMemory(() => throughputScenarios(environment, options));
      results.throughput = result;
      results.memory = memory;
      rows.push(...throughputRows(result), ...memoryRows(memory));
      notes.push(...throughputNotes(result));
    }
  } finally {
    await environment.stop();
  }
  const seconds = Math.round((performance.now() - began) / 100) / 10;
  const generatedAt = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const settings = settingsOf(options, environment);
  const json = { generatedAt, seconds, machine: environment.machine, settings, rows, skipped, notes, results };
  writeFileSync(path.join(resultsDir, "latest.json"), `${JSON.stringify(json, null, 2)}\n`);
  const table = markdown({ machine: environment.machine, settings, rows, skipped, notes, generatedAt, seconds });
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
    transitionsPerProposal: TRANSITIONS_PER_LIFECYCLE,
    clients: options.concurrency,
    poolConnections: "= clients",
    deadlines: options.deadlines,
    dueTogether: options.dueTogether,
    logLevel: "silent",
  };
}

interface ThroughputScenarios {
  engine: ThroughputResult[];
  raw: RawResult[];
}

async function throughputScenarios(environment: Environment, options: BenchOptions): Promise<ThroughputScenarios> {
  const engine: ThroughputResult[] = [];
  const raw: RawResult[] = [];
  const highest = Math.max(...options.concurrency);
  for (const concurrency of options.concurrency) {
    log(
      `1. engine: up to ${options.proposals} lifecycles in ${options.budgetSeconds} s, ${concurrency} clients, relay running`,
    );
    const result = await engineThroughput(environment, {
      proposals: options.proposals,
      concurrency,
      budgetMs: options.budgetSeconds * 1000,
      statements: concurrency === highest,
      ...(options.cpuProfile && concurrency === highest
        ? { profileTo: path.join(resultsDir, `scenario1-c${concurrency}.cpuprofile`) }
        : {}),
    });
    engine.push(result);
    log(
      `   ${result.proposals} lifecycles: ${result.transitionsPerSecond} transitions/s committed, ` +
        `${result.endToEnd.transitionsPerSecond}/s relayed, p50 ${result.latencyMs.p50} ms`,
    );
    if (options.only.size > 0 && !options.only.has(2)) continue;
    log(`2. raw pg: ${result.transitions} UPDATE+INSERT transactions, ${concurrency} clients`);
    const limit = await rawTransactions(environment, {
      rows: result.proposals,
      transactionsPerRow: TRANSITIONS_PER_LIFECYCLE,
      concurrency,
      stateBytes: result.rowBytes.snapshot,
      payloadBytes: result.rowBytes.payload,
    });
    raw.push(limit);
    log(`   ${limit.transactionsPerSecond} transactions/s, p50 ${limit.latencyMs.p50} ms`);
  }
  return { engine, raw };
}

function throughputRows(result: ThroughputScenarios): Row[] {
  const rows: Row[] = [];
  result.engine.forEach((engine, index) => {
    const raw = result.raw[index];
    const c = engine.concurrency;
    const clients = `${c} client${c > 1 ? "s" : ""}`;
    rows.push({
      scenario: "1·2",
      figure: `committed transitions/s, ${clients} (baseline: raw UPDATE+INSERT tx/s)`,
      huiyin: perSecond(engine.transitionsPerSecond),
      baseline: raw ? perSecond(raw.transactionsPerSecond) : "—",
      ratio: raw ? ratio(engine.transitionsPerSecond, raw.transactionsPerSecond) : undefined,
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
  });
  return rows;
}

function throughputNotes(result: ThroughputScenarios): string[] {
  const notes: string[] = [];
  for (const [index, engine] of result.engine.entries()) {
    const raw = result.raw[index];
    notes.push(
      `${engine.concurrency} clients: ${engine.proposals} of ${engine.proposalsRequested} lifecycles within the budget (${engine.transitions} transitions, ${engine.endToEnd.outboxMessages} outbox messages); CPU seconds of the engine run (${engine.seconds} s): bench ${engine.cpuSeconds.bench}, ` +
        `postgres ${engine.cpuSeconds.postgres}, redis ${engine.cpuSeconds.redis}` +
        (raw ? `; raw run (${raw.seconds} s): bench ${raw.cpuSeconds.bench}, postgres ${raw.cpuSeconds.postgres}` : ""),
    );
  }
  const profiled = result.engine.find((engine) => engine.statements);
  if (profiled?.statements) {
    notes.push(
      `Statements per committed transition (pg_stat_statements, ${profiled.concurrency} clients): ${profiled.statements.perTransition}, against 4 for the raw baseline (BEGIN, UPDATE, INSERT, COMMIT).`,
    );
  }
  return notes;
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
      figure: "PostgreSQL (all processes, anonymous RSS) / Redis RSS MiB: baseline → peak → after",
      huiyin: `${memory.postgresAnonMiB.baseline} → ${memory.postgresAnonMiB.peak} → ${memory.postgresAnonMiB.after} / ${memory.redisAnonMiB.baseline} → ${memory.redisAnonMiB.peak} → ${memory.redisAnonMiB.after}`,
      baseline: "—",
    },
  ];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
