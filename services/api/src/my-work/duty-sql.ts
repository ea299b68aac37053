import type { Database } from "@huiyin/db";
import type { Grant } from "../auth/keys.ts";
import type { WORK_KINDS } from "./kinds.ts";

/**
 * Which proposals wait for a staff member or a unit, found in SQL (issue 15: My work at 100,000 proposals).
 *
 * The machine decides what a role may send (`allowedEvents`), and My work shows a proposal when that includes a
 * duty event. Running the machine over every candidate does not scale (a committee's staff has tens of thousands),
 * so the same decision is written here as a SQL expression over the columns the machine keeps beside its snapshot
 * (`stage`, `states`, `unit_ids`) and, for a unit, the few facts of the snapshot its rules read (is the unit
 * assigned, has it acknowledged, does its part still owe a reply, is it a co-unit that owes an opinion, is its B
 * reply tracked) and its open follow-up-review deadline. It mirrors `kindOf(allowedFor(...))`: the first work kind
 * (in WORK_KINDS order) with an event the state accepts and the role's rules allow. The machine still runs on the
 * page of rows shown, and has the last word there (see my-work.ts).
 *
 * Indexes: staff's rows come from `proposals_committee_id_stage_idx` (committee, stage), a unit's from
 * `proposals_unit_ids_idx` (GIN on unit_ids, which changes only at assignment); deadlines from
 * `deadlines_open_due_at_idx` (open ones by due time) and their primary key (proposal_id first). Nothing here needs an index on a column a transition
 * changes (proposals are HOT-updated, fillfactor 70).
 */
type DutyKind = keyof typeof WORK_KINDS;

export interface DutySource {
  role: "staff" | "unit";
  unitId: string | null;
}

/** The role a grant's duties are found under in SQL, or undefined: found by the machine (proposers) or none. */
export function dutySourceOf(grant: Grant): DutySource | undefined {
  if (grant.role === "admin" || grant.role === "staff") return { role: "staff", unitId: null };
  if (grant.role === "unit") return { role: "unit", unitId: grant.unitId };
  return undefined;
}

/**
 * Staff's duties follow from the state (their rules for these events read no party): a review to register, an
 * assignment to make, an extension request to decide (only where a unit's part has one pending: see `waitsNow`),
 * a reply to check, a consultation to arrange.
 */
const STAFF_KIND = `CASE
  WHEN p.states && ARRAY['review.reviewing'] THEN 'review'
  WHEN p.states && ARRAY['assign.unassigned', 'assign.objected'] THEN 'assign'
  WHEN p.stage = 'handle' THEN
    CASE WHEN jsonb_path_exists(p.snapshot, '$.context.parts[*].pendingExtension.newDueDate') THEN 'extension' END
  WHEN p.states && ARRAY['supervise.checking'] THEN 'check'
  WHEN p.states && ARRAY['evaluate.consulting'] THEN 'consultation'
END`;
const STAFF_STAGES = ["review", "assign", "handle", "supervise", "evaluate"];

// $2 is the unit. A unit is a party when the assignment names it; its part is in context.parts.
const ASSIGNED = `(p.snapshot #> '{context,assignment,units}') @> jsonb_build_array(jsonb_build_object('unitId', $2::text))`;
const PART = (condition: string) =>
  `jsonb_path_exists(p.snapshot, '$.context.parts[*] ? (@.unitId == $u && ${condition})', jsonb_build_object('u', $2::text))`;

/**
 * A unit's duties: acknowledge an assignment (unit.acknowledge, until it has), contact the proposer (handle.contact
 * is accepted anywhere in handle while its part has not replied, so it comes before the reply), a co-unit's opinion
 * (not yet sent), a consultation, a tracked B reply's report, and the report a follow-up review (回头看) asked of it.
 * Nested CASEs: the snapshot is read only for the rows of the stage that needs it.
 */
const UNIT_KIND = `CASE
  WHEN p.states && ARRAY['assign.confirming'] THEN
    CASE WHEN ${ASSIGNED} AND NOT coalesce((p.snapshot #> '{context,assignment,acknowledged}') ? $2::text, false)
      THEN 'confirm' END
  WHEN p.stage = 'handle' THEN
    CASE
      WHEN ${PART('@.status != "replied" && @.status != "accepted"')} THEN 'contact'
      WHEN (p.snapshot #> '{context,assignment,units}') @> jsonb_build_array(jsonb_build_object('unitId', $2::text, 'role', 'co'))
        AND NOT coalesce((p.snapshot #> '{context,coOpinions}') @> jsonb_build_array(jsonb_build_object('unitId', $2::text)), false)
        THEN 'coOpinion'
    END
  WHEN p.states && ARRAY['evaluate.consulting'] THEN CASE WHEN ${ASSIGNED} THEN 'consultation' END
  WHEN p.states && ARRAY['evaluate.tracking'] THEN CASE WHEN ${PART('@.tracking == "open"')} THEN 'followUp' END
  WHEN p.stage = 'closed' THEN 'lookback'
END`;
const UNIT_STAGES = ["assign", "handle", "evaluate"];

/** A source's rows as conditions on proposals `p` ($1 the committee), and the kind of each (null: nothing waits). */
function dutyRows(source: DutySource): { kind: string; where: string; params: unknown[] } {
  if (source.role === "staff") {
    return {
      kind: STAFF_KIND,
      where: "p.committee_id = $1 AND p.stage = ANY($2::text[])",
      params: [STAFF_STAGES],
    };
  }
  // A closed proposal waits for a unit only when a follow-up review asked it for a report: its open deadline says so.
  return {
    kind: UNIT_KIND,
    where: `p.committee_id = $1 AND p.unit_ids @> ARRAY[$2::text]
            AND (p.stage = ANY($3::text[])
              OR (p.stage = 'closed' AND EXISTS (SELECT 1 FROM deadlines l WHERE l.proposal_id = p.id
                   AND l.status = 'open' AND l.kind = 'lookbackReport' AND l.unit_id = $2::text)))`,
    params: [source.unitId ?? "", UNIT_STAGES],
  };
}

export interface DutyRow {
  proposalId: string;
  kind: DutyKind;
  deadlineKind: string | null;
  dueAt: Date | null;
}

/** How many proposals wait, per kind. */
export async function dutyCounts(
  database: Database,
  committeeId: string,
  source: DutySource,
): Promise<Partial<Record<DutyKind, number>>> {
  const rows = dutyRows(source);
  const { rows: counted } = await database.pool.query<{ kind: DutyKind; count: string }>(
    `SELECT w.kind, count(*) AS count FROM (SELECT ${rows.kind} AS kind FROM proposals p WHERE ${rows.where}) w
     WHERE w.kind IS NOT NULL GROUP BY w.kind`,
    [committeeId, ...rows.params],
  );
  return Object.fromEntries(counted.map((row) => [row.kind, Number(row.count)]));
}

/**
 * The `limit` most urgent duties: by the earliest open deadline of the proposal that concerns the role (a unit's
 * own, or the proposal's), so the overdue come first and the longest overdue before the rest; then those without
 * an open deadline; the proposal id breaks ties (the order `byUrgency` sorts in).
 *
 * Two walks that stop at `limit`: the open deadlines in due order (`deadlines_open_due_at_idx`), each the earliest
 * of its proposal, joined to their proposals; and only if those run short, the proposals without one, in id order.
 */
export async function dutyPage(
  database: Database,
  committeeId: string,
  source: DutySource,
  limit: number,
): Promise<DutyRow[]> {
  const rows = dutyRows(source);
  // A unit's rows take the unit as $2; staff watch every deadline of a proposal.
  const concerns = (alias: string) =>
    source.role === "unit" ? `AND (${alias}.unit_id IS NULL OR ${alias}.unit_id = $2::text)` : "";
  const next = rows.params.length + 2;
  const params = [committeeId, ...rows.params, limit];
  const { rows: due } = await database.pool.query<{
    id: string;
    kind: DutyKind;
    deadline_kind: string;
    due_at: Date;
  }>(
    `SELECT p.id, ${rows.kind} AS kind, d.kind AS deadline_kind, d.due_at
     FROM deadlines d JOIN proposals p ON p.id = d.proposal_id
     WHERE d.status = 'open' ${concerns("d")} AND ${rows.where} AND ${rows.kind} IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM deadlines e
                       WHERE e.proposal_id = d.proposal_id AND e.status = 'open' ${concerns("e")}
                         AND (e.due_at, e.deadline_id) < (d.due_at, d.deadline_id))
     ORDER BY d.due_at ASC, p.id ASC
     LIMIT $${next}::int`,
    params,
  );
  const page: DutyRow[] = due.map((row) => ({
    proposalId: row.id,
    kind: row.kind,
    deadlineKind: row.deadline_kind,
    dueAt: row.due_at,
  }));
  if (page.length >= limit) return page;
  const { rows: undated } = await database.pool.query<{ id: string; kind: DutyKind }>(
    `SELECT p.id, ${rows.kind} AS kind FROM proposals p
     WHERE ${rows.where} AND ${rows.kind} IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM deadlines e WHERE e.proposal_id = p.id AND e.status = 'open' ${concerns("e")})
     ORDER BY p.id ASC
     LIMIT $${next}::int`,
    [committeeId, ...rows.params, limit - page.length],
  );
  return [...page, ...undated.map((row) => ({ proposalId: row.id, kind: row.kind, deadlineKind: null, dueAt: null }))];
}
