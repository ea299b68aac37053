import type { Database } from "@huiyin/db";

/** What a list row shows beside the summary: the names of its proposers and units, its next open deadline. */
export interface Listing {
  /** In the proposal's order (the lead first); `name` null where the directory does not know the id. */
  proposers: { id: string; name: string | null }[];
  /** In the order of `unitIds`. */
  units: { id: string; name: string | null }[];
  /** The earliest open deadline's due time; null: none open. */
  nextDueAt: string | null;
  /** An open deadline is past due (the list's `overdue=true` filter, at the same moment). */
  overdue: boolean;
}

interface ListingRow {
  id: string;
  proposers: { id: string; name: string | null }[];
  units: { id: string; name: string | null }[];
  next_due_at: Date | null;
}

/**
 * The listings of one page of proposals, in ONE query whatever the page's size (never a query per row): each
 * proposal's proposers (the snapshot's, read for this page's rows only; the lead alone when it has none), named as
 * the proposal records them or else by the committee's directory (a person by id, or the person holding the
 * member's `proposer` role); its units by the directory; its earliest open deadline from the partial open-deadline
 * index. Everything within `committeeId`: a name from another committee's directory is never read. The cost is
 * bounded by the page (its ids are the primary key's), not by the number of proposals.
 */
export async function listingsOf(
  database: Database,
  committeeId: string,
  ids: readonly string[],
  now: Date,
): Promise<Map<string, Listing>> {
  if (ids.length === 0) return new Map();
  const { rows } = await database.pool.query<ListingRow>(
    `SELECT p.id,
       (SELECT coalesce(json_agg(json_build_object('id', e.value->>'id', 'name', coalesce(
                  nullif(e.value->>'name', ''),
                  (SELECT pe.name FROM people pe WHERE pe.committee_id = $2 AND pe.id = e.value->>'id'),
                  (SELECT pe.name FROM role_assignments r JOIN people pe ON pe.id = r.person_id
                    WHERE r.role = 'proposer' AND r.scope = e.value->>'id' AND pe.committee_id = $2
                    ORDER BY r.person_id LIMIT 1)
                )) ORDER BY e.ordinality), '[]'::json)
          FROM jsonb_array_elements(
                 CASE WHEN jsonb_typeof(p.snapshot->'context'->'proposers') = 'array'
                        AND jsonb_array_length(p.snapshot->'context'->'proposers') > 0
                      THEN p.snapshot->'context'->'proposers'
                      ELSE jsonb_build_array(jsonb_build_object('id', p.proposer_id)) END
               ) WITH ORDINALITY AS e(value, ordinality)) AS proposers,
       (SELECT coalesce(json_agg(json_build_object('id', u.unit_id, 'name', un.name) ORDER BY u.ordinality), '[]'::json)
          FROM unnest(p.unit_ids) WITH ORDINALITY AS u(unit_id, ordinality)
          LEFT JOIN units un ON un.id = u.unit_id AND un.committee_id = $2) AS units,
       (SELECT min(d.due_at) FROM deadlines d WHERE d.proposal_id = p.id AND d.status = 'open') AS next_due_at
     FROM proposals p
     WHERE p.id = ANY($1::text[]) AND p.committee_id = $2`,
    [ids, committeeId],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        proposers: row.proposers,
        units: row.units,
        nextDueAt: row.next_due_at?.toISOString() ?? null,
        overdue: row.next_due_at !== null && row.next_due_at.getTime() < now.getTime(),
      },
    ]),
  );
}

/** The summaries of a page, each with its listing (a row the query did not return keeps empty names). */
export async function listedItems<T extends { id: string; proposerId: string; unitIds: string[] }>(
  database: Database,
  committeeId: string,
  summaries: readonly T[],
  now: Date,
): Promise<(T & Listing)[]> {
  const listings = await listingsOf(
    database,
    committeeId,
    summaries.map((summary) => summary.id),
    now,
  );
  return summaries.map((summary) => ({
    ...summary,
    ...(listings.get(summary.id) ?? {
      proposers: [{ id: summary.proposerId, name: null }],
      units: summary.unitIds.map((id) => ({ id, name: null })),
      nextDueAt: null,
      overdue: false,
    }),
  }));
}
