import type { EngineContext } from "./context.ts";

const CHUNK = 20_000;

/** The id of the `index`-th clone: same shape as an engine id (no ':', never all digits). */
export const cloneIdOf = (index: number) => `p_bench${String(index).padStart(12, "0")}`;

/**
 * Copies a proposal written by the engine, with its rows in `tables` (each with a `proposal_id`, or `id`
 * for proposals), `count` times: the template's id is replaced wherever it appears (ids, job ids,
 * payloads, the snapshot's context) and its alarm times are spread over an hour. Far faster than the
 * engine, for scenarios that need many proposals in a given state rather than the cost of getting there.
 */
export async function cloneProposal(
  engine: EngineContext,
  template: string,
  count: number,
  tables: readonly string[],
): Promise<void> {
  for (let from = 0; from < count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK);
    for (const table of tables) await cloneTable(engine, table, template, from, to);
  }
}

async function cloneTable(engine: EngineContext, table: string, template: string, from: number, to: number) {
  const { rows } = await engine.db.pool.query<{
    column_name: string;
    data_type: string;
    column_default: string | null;
  }>(
    `SELECT column_name, data_type, column_default FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  const columns = rows.filter((column) => !column.column_default?.startsWith("nextval("));
  const expression = ({ column_name: name, data_type: type }: { column_name: string; data_type: string }) => {
    if (name === "external_id") return "NULL";
    if (type === "text") return `replace(t.${name}, $1, n.id)`;
    if (type === "jsonb") return `replace(t.${name}::text, $1, n.id)::jsonb`;
    if (["due_at", "fire_at", "run_at"].includes(name)) return `t.${name} + (n.i % 3600) * interval '1 second'`;
    return `t.${name}`;
  };
  const key = table === "proposals" ? "id" : "proposal_id";
  await engine.db.pool.query(
    `WITH n AS (SELECT i, 'p_bench' || lpad(i::text, 12, '0') AS id FROM generate_series($2::int, $3::int - 1) AS i)
     INSERT INTO ${table} (${columns.map((column) => column.column_name).join(", ")})
     SELECT ${columns.map(expression).join(", ")} FROM ${table} AS t, n WHERE t.${key} = $1 ORDER BY n.i`,
    [template, from, to],
  );
}
