/**
 * The derived figures tables (`stat_proposals`, `stat_parts`, `stat_ratings`), kept up to date from the history.
 *
 * A trigger on `proposal_events` marks a proposal in `stat_dirty` in the very transaction that appends to its
 * history (migration 20261204050000_statistics), so no change can be missed and the engine's code is not involved.
 * `refreshFigures` derives the marked proposals' figures again from their history (`derive.ts`) and removes a mark
 * only if its event id is still the one it read: an event committed meanwhile leaves the mark for the next refresh.
 * Two refreshes at once write the same rows (the derivation is a function of the history), so they need no lock.
 */
import type { Database } from "@huiyin/db";
import { type BusinessCalendar, calendarOf, cnMainlandCalendar, type Policy } from "@huiyin/domain";
import {
  type DeadlineFact,
  deriveFigures,
  type HistoryFact,
  REPLY_DEADLINE_KINDS,
  type RecordFacts,
} from "./derive.ts";

type Pool = Database["pool"];
/** What inserting needs of a connection. */
interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/**
 * The events the derivation reads (a rejection for its ground); the others (contacts, timers, supervision notes)
 * change no figure.
 */
const EVENT_TYPES = ["submit", "review.register", "review.reject", "assign", "handle.reassign", "handle.reply"];

interface ProposalRow {
  id: string;
  committee_id: string;
  states: string[];
  session_id: string | null;
  category: string | null;
  leader_id: string | null;
  proposer_type: string | null;
  source_channel: string | null;
  unit_ids: string[] | null;
  parts: RecordFacts["parts"] | null;
  evaluations: RecordFacts["evaluations"] | null;
  policy: Policy | null;
}

/**
 * Derives the figures of every marked proposal, `batch` at a time; returns how many were derived. Run before the
 * figures are read (`GET /v1/stats`, the figure filters of `GET /v1/proposals`); after a bulk load it is the rebuild.
 */
export async function refreshFigures(pool: Pool, options: { batch?: number } = {}): Promise<number> {
  const batch = options.batch ?? 500;
  const calendars = new Map<string, BusinessCalendar>();
  let derived = 0;
  let after = "";
  for (;;) {
    const marks = await pool.query<{ proposal_id: string; last_event_id: string }>(
      "SELECT proposal_id, last_event_id FROM stat_dirty WHERE proposal_id > $1 ORDER BY proposal_id LIMIT $2",
      [after, batch],
    );
    if (marks.rows.length === 0) return derived;
    after = marks.rows.at(-1)?.proposal_id ?? after;
    const ids = marks.rows.map((row) => row.proposal_id);
    const [proposals, events, deadlines] = await Promise.all([
      pool.query<ProposalRow>(
        `SELECT id, committee_id, states, session_id, category, leader_id, proposer_type, source_channel, unit_ids,
                snapshot->'context'->'parts' AS parts,
                snapshot->'context'->'evaluations' AS evaluations, snapshot->'context'->'policy' AS policy
           FROM proposals WHERE id = ANY($1)`,
        [ids],
      ),
      pool.query<HistoryFact & { proposal_id: string }>(
        `SELECT proposal_id, seq, type, actor, payload, at FROM proposal_events
          WHERE proposal_id = ANY($1) AND type = ANY($2)`,
        [ids, EVENT_TYPES],
      ),
      pool.query<DeadlineFact & { proposal_id: string }>(
        `SELECT proposal_id, unit_id AS "unitId", kind, due_at AS "dueAt", opened_at AS "openedAt",
                closed_at AS "closedAt"
           FROM deadlines WHERE proposal_id = ANY($1) AND kind = ANY($2)`,
        [ids, REPLY_DEADLINE_KINDS],
      ),
    ]);
    const historyOf = groupBy(events.rows);
    const deadlinesOf = groupBy(deadlines.rows);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      // Writers one at a time, and only for marks still as they were read: a refresh that read before another's
      // newer derivation, or before a newer event, writes nothing for that proposal (its mark says what is left).
      await client.query("SELECT pg_advisory_xact_lock(hashtext('huiyin:stat-refresh'))");
      const current = await client.query<{ proposal_id: string }>(
        `SELECT d.proposal_id FROM stat_dirty d
           JOIN unnest($1::text[], $2::bigint[]) AS m(proposal_id, last_event_id)
             ON d.proposal_id = m.proposal_id AND d.last_event_id = m.last_event_id`,
        [ids, marks.rows.map((row) => row.last_event_id)],
      );
      const fresh = new Set(current.rows.map((row) => row.proposal_id));
      const writing = ids.filter((id) => fresh.has(id));
      await client.query("DELETE FROM stat_parts WHERE proposal_id = ANY($1)", [writing]);
      await client.query("DELETE FROM stat_ratings WHERE proposal_id = ANY($1)", [writing]);
      // A proposal that no longer exists: its rows went with it (ON DELETE CASCADE); only its mark is left.
      const facts = [];
      const parts = [];
      const ratings = [];
      for (const row of proposals.rows) {
        if (!fresh.has(row.id)) continue;
        const figures = deriveFigures({
          committeeId: row.committee_id,
          states: row.states,
          history: historyOf.get(row.id) ?? [],
          deadlines: deadlinesOf.get(row.id) ?? [],
          record: {
            ...(row.parts ? { parts: row.parts } : {}),
            ...(row.evaluations ? { evaluations: row.evaluations } : {}),
          },
          calendar: calendarFor(row.policy, calendars),
        });
        const count = <T>(rows: readonly T[], pick: (row: T) => boolean) => rows.filter(pick).length;
        const whole = figures.ratings.filter((r) => r.unitId === "");
        facts.push([
          row.id,
          row.committee_id,
          row.session_id,
          row.category,
          row.leader_id,
          row.proposer_type,
          row.source_channel,
          (row.unit_ids ?? []).join("\u001f"),
          figures.submittedAt,
          figures.registeredAt,
          figures.notRegistered,
          figures.rejectionGround,
          figures.assignedAt,
          figures.repliedAt,
          figures.repliedOnTime,
          figures.replyWorkingDays,
          figures.rehandled,
          figures.overdueEver,
          count(figures.parts, (p) => p.grade === "A"),
          count(figures.parts, (p) => p.grade === "B"),
          count(figures.parts, (p) => p.grade === "C"),
          count(whole, (r) => r.result === "satisfied"),
          count(whole, (r) => r.result === "basically-satisfied"),
          count(whole, (r) => r.result === "unsatisfied"),
        ]);
        for (const p of figures.parts) {
          const own = figures.ratings.filter((r) => r.unitId === p.unitId);
          parts.push([
            row.id,
            p.unitId,
            row.committee_id,
            row.session_id,
            figures.submittedAt,
            p.role,
            p.assignedAt,
            p.repliedAt,
            p.repliedOnTime,
            p.replyWorkingDays,
            p.grade,
            p.rehandled,
            p.overdueEver,
            count(own, (r) => r.result === "satisfied"),
            count(own, (r) => r.result === "basically-satisfied"),
            count(own, (r) => r.result === "unsatisfied"),
          ]);
        }
        for (const r of figures.ratings)
          ratings.push([row.id, r.position, r.unitId, row.committee_id, r.proposerId, r.result]);
      }
      await insertRows(
        client,
        `INSERT INTO stat_proposals (proposal_id, committee_id, session_id, category, leader_id, proposer_type,
           source_channel, unit_ids, submitted_at, registered_at, not_registered, rejection_ground, assigned_at, replied_at,
           replied_on_time, reply_working_days, rehandled, overdue_ever, grades_a, grades_b, grades_c,
           rated_satisfied, rated_basically, rated_unsatisfied)`,
        [
          "text",
          "text",
          "text",
          "text",
          "text",
          "text",
          "text",
          "text",
          "timestamptz",
          "timestamptz",
          "text",
          "text",
          "timestamptz",
          "timestamptz",
          "bool",
          "int4",
          "bool",
          "bool",
          "int4",
          "int4",
          "int4",
          "int4",
          "int4",
          "int4",
        ],
        facts,
        `ON CONFLICT (proposal_id) DO UPDATE SET committee_id = EXCLUDED.committee_id,
           session_id = EXCLUDED.session_id, category = EXCLUDED.category, leader_id = EXCLUDED.leader_id,
           proposer_type = EXCLUDED.proposer_type, source_channel = EXCLUDED.source_channel,
           unit_ids = EXCLUDED.unit_ids, submitted_at = EXCLUDED.submitted_at,
           registered_at = EXCLUDED.registered_at, not_registered = EXCLUDED.not_registered,
           rejection_ground = EXCLUDED.rejection_ground,
           assigned_at = EXCLUDED.assigned_at, replied_at = EXCLUDED.replied_at,
           replied_on_time = EXCLUDED.replied_on_time, reply_working_days = EXCLUDED.reply_working_days,
           rehandled = EXCLUDED.rehandled, overdue_ever = EXCLUDED.overdue_ever, grades_a = EXCLUDED.grades_a,
           grades_b = EXCLUDED.grades_b, grades_c = EXCLUDED.grades_c, rated_satisfied = EXCLUDED.rated_satisfied,
           rated_basically = EXCLUDED.rated_basically, rated_unsatisfied = EXCLUDED.rated_unsatisfied,
           refreshed_at = now()`,
        // unit_ids travels as one text (arrays of arrays do not unnest row by row).
        { 7: "string_to_array(NULLIF(c7, ''), E'\\x1F')" },
      );
      await insertRows(
        client,
        `INSERT INTO stat_parts (proposal_id, unit_id, committee_id, session_id, submitted_at, role, assigned_at,
           replied_at, replied_on_time, reply_working_days, grade, rehandled, overdue_ever, rated_satisfied,
           rated_basically, rated_unsatisfied)`,
        [
          "text",
          "text",
          "text",
          "text",
          "timestamptz",
          "text",
          "timestamptz",
          "timestamptz",
          "bool",
          "int4",
          "text",
          "bool",
          "bool",
          "int4",
          "int4",
          "int4",
        ],
        parts,
        "ON CONFLICT DO NOTHING",
      );
      await insertRows(
        client,
        "INSERT INTO stat_ratings (proposal_id, position, unit_id, committee_id, proposer_id, result)",
        ["text", "int4", "text", "text", "text", "text"],
        ratings,
        "ON CONFLICT DO NOTHING",
      );
      await client.query(
        `DELETE FROM stat_dirty d USING unnest($1::text[], $2::bigint[]) AS m(proposal_id, last_event_id)
          WHERE d.proposal_id = m.proposal_id AND d.last_event_id = m.last_event_id`,
        [writing, writing.map((id) => marks.rows.find((row) => row.proposal_id === id)?.last_event_id)],
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
    derived += proposals.rows.length;
  }
}

/**
 * Inserts rows column-wise through `unnest`: one statement per table and batch, whatever the number of rows.
 * `expressions` replaces a column's value by an SQL expression over it (`c<index>`).
 */
async function insertRows(
  client: Queryable,
  insert: string,
  types: readonly string[],
  rows: readonly unknown[][],
  conflict: string,
  expressions: Record<number, string> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = types.map((_type, index) => rows.map((row) => row[index] ?? null));
  const unnest = types.map((type, index) => `$${index + 1}::${type}[]`).join(", ");
  const names = types.map((_type, index) => `c${index}`);
  const select = names.map((name, index) => expressions[index] ?? name).join(", ");
  await client.query(
    `${insert} SELECT ${select} FROM unnest(${unnest}) AS t(${names.join(", ")}) ${conflict}`,
    columns,
  );
}

function groupBy<T extends { proposal_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const byProposal = new Map<string, T[]>();
  for (const row of rows) {
    const list = byProposal.get(row.proposal_id);
    if (list) list.push(row);
    else byProposal.set(row.proposal_id, [row]);
  }
  return byProposal;
}

/** The proposal's own calendar (its policy's, additions included), computed once per distinct policy calendar. */
function calendarFor(policy: Policy | null, cache: Map<string, BusinessCalendar>): BusinessCalendar {
  if (!policy) return cnMainlandCalendar;
  const key = JSON.stringify([policy.calendarId, policy.calendar ?? null, policy.calendarAdditions ?? null]);
  let calendar = cache.get(key);
  if (!calendar) {
    try {
      calendar = calendarOf(policy);
    } catch {
      // A calendar this release no longer ships: weekends still count as days off.
      calendar = { ...cnMainlandCalendar, years: [] };
    }
    cache.set(key, calendar);
  }
  return calendar;
}
