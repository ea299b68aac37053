import type { Database } from "@huiyin/db";

/**
 * The proposals list's `q`: the number label and title contain it (case-insensitive), found through the trigram
 * index of migration 20261204030100 (`huiyin_search_key`: the text's UTF-8 bytes in hex, which pg_trgm splits in any
 * locale, Chinese included). The hex condition narrows through the index; the ILIKE on the text itself keeps only true
 * matches (a hex match at an odd digit would straddle two characters).
 *
 * Candidates come in id order from `after` (keyset, as the list pages), one chunk at a time, in the caller's
 * committee; the list applies its other filters and the caller's visibility to each chunk.
 */
export async function searchChunk(
  database: Database,
  input: { committeeId: string; q: string; order: "asc" | "desc"; after: string | undefined; size: number },
): Promise<string[]> {
  const pattern = `%${input.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const direction = input.order === "desc" ? "DESC" : "ASC";
  const beyond = input.order === "desc" ? "<" : ">";
  const { rows } = await database.pool.query<{ id: string }>(
    `SELECT id FROM proposals
     WHERE committee_id = $1
       AND huiyin_search_key(coalesce(number_label, '') || ' ' || title) LIKE '%' || huiyin_search_key($2) || '%'
       AND (coalesce(number_label, '') || ' ' || title) ILIKE $3
       AND ($4::text IS NULL OR id ${beyond} $4)
     ORDER BY id ${direction}
     LIMIT $5`,
    [input.committeeId, input.q, pattern, input.after ?? null, input.size],
  );
  return rows.map((row) => row.id);
}

/** How many candidates a search reads per chunk, and at most per page (a page may then be short; it says where to go on). */
export const SEARCH_CHUNK = 500;
export const SEARCH_CHUNKS_PER_PAGE = 20;
