import { applyEvent, createProposal } from "@huiyin/engine";
import pg from "pg";
import { type EngineContext, resetState } from "../context.ts";
import type { Environment } from "../environment.ts";
import { lifecycleSteps, proposalInput, proposer } from "../lifecycle.ts";
import { cpuMeter, type ServerPids } from "../processes.ts";
import { percentiles, pool, round } from "../stats.ts";

/**
 * Scenario 2a, the same-rows baseline: plain `pg` writing exactly the rows the engine writes for one lifecycle
 * (every row each transition inserts, every column each transition changes, in the same tables with the same
 * indexes, triggers and constraints), one transaction per transition, with no lock read, no XState, no effect
 * derivation and no relay. What separates the engine from it is the engine's own work; what separates it from
 * the raw UPDATE+INSERT baseline is the cost of the rows themselves (how many, how big, how indexed).
 *
 * The rows are recorded, not written out by hand, so that the baseline follows the engine when its rows change:
 * one lifecycle is driven through the engine while every table with a `proposal_id` (and `proposals`) is read
 * after each transition; the differences are the transition's writes. Replaying them for another proposal is
 * replacing the recorded proposal id in the rows' JSON. Each transition replays as BEGIN, one named statement
 * (its inserts and updates as data-modifying CTEs over `json_populate_recordset`), COMMIT.
 */
export interface SameRowsResult {
  concurrency: number;
  poolConnections: number;
  transactions: number;
  seconds: number;
  transactionsPerSecond: number;
  latencyMs: Record<string, number>;
  cpuSeconds: Record<string, number>;
  /** Per lifecycle: rows inserted and rows updated, over all transitions. */
  rowsPerLifecycle: { inserted: number; updated: number; byTable: Record<string, string> };
}

/** One transition's writes: a named statement and its parameters for the recorded proposal. */
interface Transition {
  name: string;
  text: string;
  /** JSON arrays of rows, the recorded proposal id still in them. */
  values: string[];
}

export interface RecordedLifecycle {
  proposalId: string;
  transitions: Transition[];
  rowsPerLifecycle: SameRowsResult["rowsPerLifecycle"];
}

interface TableInfo {
  name: string;
  /** The column that names the proposal: `id` for `proposals`, `proposal_id` elsewhere. */
  key: string;
  primaryKey: string[];
  /** Columns the database fills itself (serial ids): never replayed, so that replays do not collide. */
  generated: Set<string>;
}

async function tablesOf(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await client.query<{ table_name: string; primary_key: string[]; generated: string[] }>(
    `SELECT c.table_name,
            (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_index i
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
              WHERE i.indrelid = format('%I', c.table_name)::regclass AND i.indisprimary) AS primary_key,
            (SELECT coalesce(array_agg(column_name::text), '{}') FROM information_schema.columns g
              WHERE g.table_schema = 'public' AND g.table_name = c.table_name
                AND (g.column_default LIKE 'nextval(%' OR g.is_identity = 'YES')) AS generated
       FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.column_name = 'proposal_id'
        AND c.table_name NOT LIKE 'bench_%'
        -- A table a trigger writes (stat_dirty, from proposal_events) is written again by the replay's own
        -- inserts firing that trigger: replaying its rows as well would write them twice.
        AND NOT EXISTS (
          SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
           WHERE NOT t.tgisinternal AND p.prosrc ~* ('insert\\s+into\\s+"?' || c.table_name || '"?[\\s(]'))
      ORDER BY c.table_name`,
  );
  return [
    { name: "proposals", key: "id", primaryKey: ["id"], generated: new Set() },
    ...rows
      .filter((row) => row.primary_key && row.primary_key.length > 0)
      .map((row) => ({
        name: row.table_name,
        key: "proposal_id",
        primaryKey: row.primary_key,
        generated: new Set(row.generated),
      })),
  ];
}

type Rows = Map<string, Record<string, unknown>>;

async function rowsOf(client: pg.ClientBase, table: TableInfo, proposalId: string): Promise<Rows> {
  const { rows } = await client.query<{ row: Record<string, unknown> }>(
    `SELECT row_to_json(t) AS row FROM "${table.name}" t WHERE "${table.key}" = $1`,
    [proposalId],
  );
  const keyed: Rows = new Map();
  for (const { row } of rows) keyed.set(JSON.stringify(table.primaryKey.map((column) => row[column])), row);
  return keyed;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Drives one lifecycle through the engine (no relay) and records what each transition wrote. Leaves the tables
 * emptied again.
 */
export async function recordLifecycle(environment: Environment, engine: EngineContext): Promise<RecordedLifecycle> {
  await resetState(environment, engine.db, engine.producer);
  const client = await engine.db.pool.connect();
  try {
    const tables = await tablesOf(client);
    const seen = new Map<string, Rows>(tables.map((table) => [table.name, new Map()]));
    const transitions: Transition[] = [];
    const inserted: Record<string, number> = {};
    const updated: Record<string, number> = {};
    let proposalId = "";
    const capture = async (index: number) => {
      const ctes: string[] = [];
      const values: string[] = [];
      for (const table of tables) {
        const before = seen.get(table.name) ?? new Map();
        const now = await rowsOf(client, table, proposalId);
        seen.set(table.name, now);
        const added: Record<string, unknown>[] = [];
        const changed = new Map<string, Record<string, unknown>[]>();
        for (const [key, row] of now) {
          const old = before.get(key);
          if (!old) {
            added.push(Object.fromEntries(Object.entries(row).filter(([column]) => !table.generated.has(column))));
            continue;
          }
          const columns = Object.keys(row).filter(
            (column) => JSON.stringify(row[column]) !== JSON.stringify(old[column]),
          );
          if (columns.length === 0) continue;
          // Rows that change the same columns go in one UPDATE.
          const signature = columns.join(",");
          changed.set(signature, [...(changed.get(signature) ?? []), row]);
        }
        const t = quote(table.name);
        if (added.length > 0) {
          const columns = Object.keys(added[0] ?? {})
            .map(quote)
            .join(", ");
          values.push(JSON.stringify(added));
          ctes.push(
            `i${ctes.length} AS (INSERT INTO ${t} (${columns}) SELECT ${columns} FROM json_populate_recordset(null::${t}, $${values.length}::json))`,
          );
          inserted[table.name] = (inserted[table.name] ?? 0) + added.length;
        }
        for (const [signature, rows] of changed) {
          const columns = signature.split(",").map(quote);
          values.push(JSON.stringify(rows));
          const match = table.primaryKey.map((column) => `${t}.${quote(column)} = r.${quote(column)}`).join(" AND ");
          ctes.push(
            `u${ctes.length} AS (UPDATE ${t} SET (${columns.join(", ")}) = (SELECT ${columns.map((c) => `r.${c}`).join(", ")}) FROM json_populate_recordset(null::${t}, $${values.length}::json) r WHERE ${match})`,
          );
          updated[table.name] = (updated[table.name] ?? 0) + rows.length;
        }
      }
      transitions.push({
        name: `bench.sameRows.${index}`,
        text: ctes.length > 0 ? `WITH ${ctes.join(",\n")} SELECT 1` : "SELECT 1",
        values,
      });
    };
    const { proposal } = await createProposal(engine.deps, { input: proposalInput(), actor: proposer });
    proposalId = proposal.id;
    await capture(0);
    for (const [index, step] of lifecycleSteps().entries()) {
      const result = await applyEvent(engine.deps, { proposalId, event: step.event, actor: step.actor });
      if (result.outcome !== "applied") throw new Error(`${step.event.type} was ${result.outcome}, not applied`);
      await capture(index + 1);
    }
    const tablesTouched = new Set([...Object.keys(inserted), ...Object.keys(updated)]);
    return {
      proposalId,
      transitions,
      rowsPerLifecycle: {
        inserted: Object.values(inserted).reduce((sum, n) => sum + n, 0),
        updated: Object.values(updated).reduce((sum, n) => sum + n, 0),
        byTable: Object.fromEntries(
          [...tablesTouched].sort().map((name) => [name, `+${inserted[name] ?? 0} ~${updated[name] ?? 0}`]),
        ),
      },
    };
  } finally {
    client.release();
    await resetState(environment, engine.db, engine.producer);
  }
}

/** A fresh proposal id of the recorded one's length, unique per replayed lifecycle. */
function replayId(recorded: string, index: number): string {
  const tail = `r${index.toString(36)}`;
  return `${recorded.slice(0, recorded.length - tail.length)}${tail}`;
}

/**
 * Replays the recorded lifecycle for `lifecycles` fresh proposals by `concurrency` clients (a pool of as many
 * connections), one transaction per transition, as scenario 1 drives the engine. Warms up on a few proposals
 * first, then empties the tables again.
 */
export async function sameRowsTransactions(
  environment: Environment,
  recorded: RecordedLifecycle,
  options: { lifecycles: number; concurrency: number; servers: ServerPids },
): Promise<SameRowsResult> {
  const { concurrency } = options;
  const client = new pg.Pool({ connectionString: environment.databaseUrl, max: concurrency });
  const empty = () =>
    client.query(
      "TRUNCATE proposals, proposal_events, dropped_events, deadlines, alarms, outbox, notices, notice_deliveries, webhook_deliveries CASCADE",
    );
  let offset = 0;
  const lifecycle = async (latencies: number[] | undefined) => {
    const id = replayId(recorded.proposalId, offset++);
    for (const transition of recorded.transitions) {
      const started = performance.now();
      const connection = await client.connect();
      try {
        await connection.query("BEGIN");
        await connection.query({
          name: transition.name,
          text: transition.text,
          values: transition.values.map((value) => value.replaceAll(recorded.proposalId, id)),
        });
        await connection.query("COMMIT");
      } catch (error) {
        await connection.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
      latencies?.push(performance.now() - started);
    }
  };
  try {
    await pool(Math.min(30, Math.max(5, Math.floor(options.lifecycles / 20))), concurrency, () => lifecycle(undefined));
    await empty();
    await client.query("VACUUM ANALYZE");
    const latencies: number[] = [];
    const cpu = cpuMeter(options.servers);
    const started = performance.now();
    await pool(options.lifecycles, concurrency, () => lifecycle(latencies));
    const seconds = (performance.now() - started) / 1000;
    return {
      concurrency,
      poolConnections: concurrency,
      transactions: latencies.length,
      seconds: round(seconds),
      transactionsPerSecond: round(latencies.length / seconds, 0),
      latencyMs: percentiles(latencies, [50, 95, 99]),
      cpuSeconds: cpu(),
      rowsPerLifecycle: recorded.rowsPerLifecycle,
    };
  } finally {
    await empty().catch(() => {});
    await client.end();
  }
}
