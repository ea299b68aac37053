import type pg from "pg";

/**
 * A committee's year of proposals in bulk SQL, for the benchmarks that need many proposals rather than the cost of
 * making them. This minimal version (the console scenario's) copies the proposals already in the committee —
 * templates the caller made through the API, one per stage it wants — round-robin, with their history and
 * deadlines, under new ids; a fuller generator with the same signature replaces it.
 */
export async function seedYear(
  pool: pg.Pool,
  options: { proposals: number; committeeId?: string },
): Promise<{ proposalIds: string[] }> {
  const committeeId = options.committeeId ?? "default";
  const { rows: templates } = await pool.query<{ id: string }>(
    "SELECT id FROM proposals WHERE committee_id = $1 ORDER BY id",
    [committeeId],
  );
  if (templates.length === 0) throw new Error(`seedYear: no proposal in committee ${committeeId} to copy`);
  const ids = Array.from({ length: options.proposals }, (_, index) => `p_year${String(index).padStart(9, "0")}`);
  const chunk = 10_000;
  for (let from = 0; from < ids.length; from += chunk) {
    const slice = ids.slice(from, from + chunk);
    // Each new id gets the template `index % templates`; the copies' rows replace the template's id everywhere.
    const pairs = `WITH n AS (
        SELECT u.id, t.id AS template FROM unnest($1::text[]) WITH ORDINALITY AS u(id, i)
        JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM proposals WHERE committee_id = $2) t
          ON t.k = (u.i - 1 + $3) % $4)`;
    const args = [slice, committeeId, from, templates.length];
    for (const table of ["proposals", "proposal_events", "deadlines"]) {
      const columns = await columnsOf(pool, table);
      const key = table === "proposals" ? "id" : "proposal_id";
      const select = columns.map(({ name, type }) => {
        if (name === "external_id") return "NULL";
        if (name === "number" || name === "number_label") return "NULL";
        if (type === "text") return `replace(s.${name}, n.template, n.id)`;
        if (type === "jsonb") return `replace(s.${name}::text, n.template, n.id)::jsonb`;
        return `s.${name}`;
      });
      await pool.query(
        `${pairs} INSERT INTO ${table} (${columns.map((column) => column.name).join(", ")})
         SELECT ${select.join(", ")} FROM n JOIN ${table} s ON s.${key} = n.template`,
        args,
      );
    }
  }
  await pool.query("ANALYZE proposals, proposal_events, deadlines");
  return { proposalIds: ids };
}

async function columnsOf(pool: pg.Pool, table: string): Promise<{ name: string; type: string }[]> {
  const { rows } = await pool.query<{ column_name: string; data_type: string; column_default: string | null }>(
    `SELECT column_name, data_type, column_default FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows
    .filter((column) => !column.column_default?.startsWith("nextval("))
    .map((column) => ({ name: column.column_name, type: column.data_type }));
}
