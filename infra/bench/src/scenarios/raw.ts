import pg from "pg";
import type { Environment } from "../environment.ts";
import { cpuMeter } from "../processes.ts";
import { percentiles, pool, round } from "../stats.ts";

export interface RawResult {
  concurrency: number;
  poolConnections: number;
  transactions: number;
  seconds: number;
  transactionsPerSecond: number;
  latencyMs: Record<string, number>;
  cpuSeconds: Record<string, number>;
  /** Bytes of the state document and of the history payload each transaction writes. */
  stateBytes: number;
  payloadBytes: number;
}

/**
 * Scenario 2, the limit beside scenario 1: the least an engine with history must write per event —
 * `UPDATE ... WHERE id = $1 AND version = $2` on one row and one INSERT into a history table, in one
 * transaction — through plain `pg`, with the same number of rows, transactions per row, clients and
 * connections, and a state document and payload of the engine's average sizes.
 */
export async function rawTransactions(
  environment: Environment,
  options: { rows: number; transactionsPerRow: number; concurrency: number; stateBytes: number; payloadBytes: number },
): Promise<RawResult> {
  const { rows, transactionsPerRow, concurrency } = options;
  const client = new pg.Pool({ connectionString: environment.databaseUrl, max: concurrency });
  try {
    await client.query(`DROP TABLE IF EXISTS bench_raw_history, bench_raw;
      CREATE TABLE bench_raw (id text PRIMARY KEY, version int NOT NULL, state jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE bench_raw_history (id bigserial PRIMARY KEY, row_id text NOT NULL REFERENCES bench_raw(id),
        seq int NOT NULL, type text NOT NULL, payload jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (row_id, seq));`);
    const state = JSON.stringify({ filler: "x".repeat(Math.max(0, options.stateBytes - 14)) });
    const payload = JSON.stringify({ filler: "y".repeat(Math.max(0, options.payloadBytes - 14)) });
    const ids = Array.from({ length: rows }, (_, index) => `r${index}`);
    await client.query("INSERT INTO bench_raw (id, version, state) SELECT unnest($1::text[]), 0, $2::jsonb", [
      ids,
      state,
    ]);
    await client.query("VACUUM ANALYZE bench_raw");

    const run = async (rowIndexes: number, latencies: number[]) =>
      pool(rowIndexes, concurrency, async (index) => {
        const id = ids[index] as string;
        for (let version = 0; version < transactionsPerRow; version += 1) {
          const started = performance.now();
          await transaction(client, id, version, state, payload);
          latencies.push(performance.now() - started);
        }
      });
    // Warm up on the first rows, then measure on fresh rows only.
    const warm = Math.min(rows, Math.max(5, Math.floor(rows / 20)));
    await pool(warm, concurrency, async (index) => {
      for (let version = 0; version < transactionsPerRow; version += 1) {
        await transaction(client, ids[index] as string, version, state, payload);
      }
    });
    await client.query("UPDATE bench_raw SET version = 0 WHERE version > 0");
    await client.query("TRUNCATE bench_raw_history");

    const latencies: number[] = [];
    const cpu = cpuMeter(environment.servers);
    const started = performance.now();
    await run(rows, latencies);
    const seconds = (performance.now() - started) / 1000;
    return {
      concurrency,
      poolConnections: concurrency,
      transactions: latencies.length,
      seconds: round(seconds),
      transactionsPerSecond: round(latencies.length / seconds, 0),
      latencyMs: percentiles(latencies, [50, 95, 99]),
      cpuSeconds: cpu(),
      stateBytes: state.length,
      payloadBytes: payload.length,
    };
  } finally {
    await client.query("DROP TABLE IF EXISTS bench_raw_history, bench_raw").catch(() => {});
    await client.end();
  }
}

async function transaction(client: pg.Pool, id: string, version: number, state: string, payload: string) {
  const connection = await client.connect();
  try {
    await connection.query("BEGIN");
    const updated = await connection.query(
      "UPDATE bench_raw SET version = $2 + 1, state = $3::jsonb, updated_at = now() WHERE id = $1 AND version = $2",
      [id, version, state],
    );
    if (updated.rowCount !== 1) throw new Error(`bench_raw ${id} was not at version ${version}`);
    await connection.query("INSERT INTO bench_raw_history (row_id, seq, type, payload) VALUES ($1, $2, 'event', $3)", [
      id,
      version + 1,
      payload,
    ]);
    await connection.query("COMMIT");
  } catch (error) {
    await connection.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    connection.release();
  }
}
