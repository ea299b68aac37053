import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import type { Environment } from "../environment.ts";
import { lifecycleSteps } from "../lifecycle.ts";
import { type LifecycleRun, runLifecycles } from "../lifecycle-run.ts";
import { cpuMeter } from "../processes.ts";

/**
 * Scenario 10, a peer side by side (issue 18): the same 10-event lifecycle (create, then every step of
 * lifecycle.ts) on DBOS Transact (`@dbos-inc/dbos-sdk`, a durable-workflow library on PostgreSQL), one workflow
 * per event, on the bench's PostgreSQL. The peer does state and history only: each workflow runs one step that
 * updates the proposal's state and appends its history row in one statement; DBOS checkpoints the workflow and
 * the step in its system database. huiyin, measured right before each of the peer's levels (`beside`), does its full
 * work besides (deadlines, notices, the outbox relayed to BullMQ).
 *
 * DBOS keeps everything in a database of its own on the same server (`huiyin_bench_dbos`, dropped and made afresh
 * each run), the peer's two tables included, so that nothing of it reaches huiyin's bench database. It never
 * phones home: OTLP export is off (and forced off, `DBOS__CLOUD` unset before the library loads: that variable
 * would turn OTLP and DBOS Cloud's Conductor on), no Conductor key is given, and 5.x has no admin server (4.x's
 * listened on 3001, the worker's health port).
 */
export interface PeerLevel extends LifecycleRun {
  cpuSeconds: Record<string, number>;
  /** huiyin's engine-direct transitions/s measured right before this level, with the same clients and budget. */
  huiyinBeside?: number;
}

export type PeerResult = { levels: PeerLevel[]; version: string } | { skipped: string };

const PEER_DATABASE = "huiyin_bench_dbos";

interface DbosModule {
  DBOS: {
    setConfig(config: Record<string, unknown>): void;
    launch(): Promise<void>;
    shutdown(): Promise<void>;
    registerWorkflow<Args extends unknown[], Return>(
      func: (...args: Args) => Promise<Return>,
      config?: { name?: string },
    ): (...args: Args) => Promise<Return>;
    runStep<Return>(func: () => Promise<Return>, config?: { name?: string }): Promise<Return>;
  };
}

/** The library, or why it cannot be used here (then the report says "skipped: <reason>"). */
async function loadDbos(): Promise<{ module: DbosModule; version: string } | { skipped: string }> {
  delete process.env.DBOS__CLOUD;
  try {
    const module = (await import("@dbos-inc/dbos-sdk")) as unknown as DbosModule;
    return { module, version: versionOf(createRequire(import.meta.url).resolve("@dbos-inc/dbos-sdk")) };
  } catch (error) {
    return { skipped: `@dbos-inc/dbos-sdk cannot be loaded (${(error as Error).message.split("\n")[0]})` };
  }
}

export async function dbosPeer(
  environment: Environment,
  options: {
    levels: number[];
    proposals: number;
    budgetMs: number;
    log: (message: string) => void;
    /**
     * huiyin's engine-direct rate at `concurrency` clients, run right before each of the peer's levels: the ratio of
     * two runs side by side, not of two a few minutes apart (the machine drifts in between).
     */
    beside?: (concurrency: number) => Promise<number>;
  },
): Promise<PeerResult> {
  const loaded = await loadDbos();
  if ("skipped" in loaded) return loaded;
  const { DBOS } = loaded.module;
  let peerUrl: string;
  try {
    peerUrl = await freshDatabase(environment.databaseUrl, PEER_DATABASE);
  } catch (error) {
    return { skipped: `no database of its own for DBOS (${(error as Error).message.split("\n")[0]})` };
  }
  const app = new pg.Pool({ connectionString: peerUrl, max: Math.max(...options.levels) + 2 });
  try {
    await app.query(`
      CREATE TABLE peer_proposals (id uuid PRIMARY KEY, state text NOT NULL, version integer NOT NULL);
      CREATE TABLE peer_history (proposal_id uuid NOT NULL, seq integer NOT NULL, type text NOT NULL,
        payload jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (proposal_id, seq))`);
    // One statement per transition, the cheapest the peer can do: the state moved and the history row appended.
    const create = async (id: string, event: Event) => {
      await app.query(
        `WITH created AS (INSERT INTO peer_proposals (id, state, version) VALUES ($1, $2, 1) RETURNING id)
         INSERT INTO peer_history (proposal_id, seq, type, payload) SELECT id, 1, $2, $3::jsonb FROM created`,
        [id, event.type, JSON.stringify(event)],
      );
    };
    const move = async (id: string, event: Event) => {
      const { rowCount } = await app.query(
        `WITH moved AS (UPDATE peer_proposals SET state = $2, version = version + 1 WHERE id = $1 RETURNING id, version)
         INSERT INTO peer_history (proposal_id, seq, type, payload) SELECT id, version, $2, $3::jsonb FROM moved`,
        [id, event.type, JSON.stringify(event)],
      );
      if (rowCount !== 1) throw new Error(`peer: no proposal ${id}`);
    };
    const transition = DBOS.registerWorkflow(
      async (id: string, event: Event, first: boolean) =>
        DBOS.runStep(() => (first ? create(id, event) : move(id, event)), { name: "write" }),
      { name: "transition" },
    );
    DBOS.setConfig({
      name: "huiyin-bench-peer",
      systemDatabaseUrl: peerUrl,
      systemDatabasePoolSize: Math.max(...options.levels) + 2,
      applicationVersion: "bench",
      enableOTLP: false,
      logLevel: "error",
      runAdminServer: false,
    });
    await DBOS.launch();
    try {
      const levels: PeerLevel[] = [];
      const events: Event[] = [{ type: "create" }, ...lifecycleSteps().map((step) => step.event)];
      for (const concurrency of options.levels) {
        const huiyinBeside = options.beside ? await options.beside(concurrency) : undefined;
        options.log(`10. DBOS peer: up to ${options.proposals} lifecycles, ${concurrency} clients`);
        await app.query("TRUNCATE peer_proposals, peer_history");
        const cpu = cpuMeter(environment.servers);
        const { run } = await runLifecycles(
          { proposals: options.proposals, concurrency, budgetMs: options.budgetMs },
          async (latencies) => {
            const id = randomUUID();
            for (const [index, event] of events.entries()) {
              const started = performance.now();
              await transition(id, event, index === 0);
              latencies.push(performance.now() - started);
            }
          },
        );
        levels.push({ ...run, cpuSeconds: cpu(), ...(huiyinBeside === undefined ? {} : { huiyinBeside }) });
        options.log(`   ${run.proposals} lifecycles: ${run.transitionsPerSecond} transitions/s`);
      }
      return { levels, version: loaded.version };
    } finally {
      await DBOS.shutdown();
    }
  } catch (error) {
    return { skipped: `DBOS did not run here (${(error as Error).message.split("\n")[0]})` };
  } finally {
    await app.end();
  }
}

type Event = { type: string } & Record<string, unknown>;

/** The version in the package.json above the library's entry point (its `exports` do not name package.json). */
function versionOf(entry: string): string {
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (manifest.name === "@dbos-inc/dbos-sdk") return manifest.version ?? "?";
  }
  return "?";
}

/** A database of the peer's own on the bench's server, dropped first: every run starts from empty. */
async function freshDatabase(benchUrl: string, database: string): Promise<string> {
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const url = new URL(benchUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
