/**
 * The statistics tables (issue 16) as aggregates over the derived figures (`figures-store.ts`): the summary of a
 * session or date range and its breakdown per handling unit, leader, category, proposer type, source channel or
 * session. Every count carries `list`, the query string of `GET /v1/proposals` that lists the proposals behind it
 * (the list's figure filters read the same derived rows), so each figure can be traced.
 */
import type { Database } from "@huiyin/db";
import { NOT_REGISTERED_GROUNDS, REJECTION_GROUND_FIGURES, REPLY_DEADLINE_KINDS } from "./derive.ts";
import { replyDays, share } from "./rate-math.ts";

export const GROUP_BYS = ["unit", "leader", "category", "proposerType", "sourceChannel", "session"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** Which proposals the caller's figures are over: all of its committee's, those of some units, or these ids. */
export type FigureScope =
  | { kind: "all" }
  | { kind: "units"; unitIds: readonly string[] }
  | { kind: "ids"; ids: readonly string[] };

export interface FigureQuery {
  committeeId: string;
  scope: FigureScope;
  sessionId?: string | undefined;
  /** Submitted at or after / before (a date range). */
  from?: Date | undefined;
  to?: Date | undefined;
  groupBy?: GroupBy | undefined;
  now: Date;
}

/** A count and the proposals behind it (`GET /v1/proposals?<list>`); `list` null when no filter can say it. */
export interface Figure {
  count: number;
  list: string | null;
}

export interface FigureRow {
  /** The group's value (a unit id, a leader id, a category...); null for the summary or an empty value. */
  key: string | null;
  /** Unit rows: the unit's name in the committee's directory (null when it has none there). */
  name?: string | null;
  submitted?: Figure;
  registered?: Figure;
  /**
   * Ended without registration; `byGround`: how (rejected, converted, merged, withdrawn, lapsed);
   * `rejectedByGround`: the rejections by the regulations' ground staff named (`unspecified`: none named).
   */
  notRegistered?: Figure & { byGround: Record<string, Figure>; rejectedByGround: Record<string, Figure> };
  assigned: Figure;
  /** Unit rows: co-handling (协办), which owes no reply of its own. */
  coAssigned?: Figure;
  replied: Figure;
  repliedOnTime: Figure;
  repliedLate: Figure;
  grades: Record<"A" | "B" | "C", Figure>;
  evaluations: { rated: Figure; satisfied: Figure; basicallySatisfied: Figure; unsatisfied: Figure };
  rehandled: Figure;
  overdueNow: Figure;
  overdueEver: Figure;
  rates: { replyRate: number | null; onTimeRate: number | null; satisfactionRate: number | null };
  workingDaysToReply: { replies: number; average: number | null; p90: number | null };
}

const DIMENSION: Record<Exclude<GroupBy, "unit">, { column: string; param: string }> = {
  leader: { column: "leader_id", param: "leader" },
  category: { column: "category", param: "category" },
  proposerType: { column: "proposer_type", param: "proposerType" },
  sourceChannel: { column: "source_channel", param: "channel" },
  session: { column: "session_id", param: "session" },
};

/**
 * The summary, the unit table (always: the first figures of `GET /v1/stats` read it) and, with `groupBy`, one row per
 * group value (largest `assigned` first).
 */
export async function figureTables(
  database: Database,
  query: FigureQuery,
): Promise<{ summary: FigureRow; rows: FigureRow[] | undefined; units: FigureRow[] }> {
  const base = baseOf(query);
  const byAssigned = (rows: FigureRow[]) =>
    rows.sort((a, b) => b.assigned.count - a.assigned.count || String(a.key).localeCompare(String(b.key)));
  const grouping = query.groupBy && query.groupBy !== "unit" ? query.groupBy : undefined;
  const [summaries, units, grouped] = await Promise.all([
    proposalRows(database, base, query, null),
    unitRows(database, base, query).then(byAssigned),
    grouping ? proposalRows(database, base, query, grouping).then(byAssigned) : undefined,
  ]);
  const summary = summaries[0] ?? emptyRow(null, base.link, false);
  return { summary, rows: query.groupBy === "unit" ? units : grouped, units };
}

interface Base {
  /** The conditions on the derived rows counted (`t`: stat_proposals or stat_parts, which share these columns). */
  where: string[];
  params: unknown[];
  /** The list filters every link of the query shares. */
  link: URLSearchParams;
}

function baseOf(query: FigureQuery): Base {
  const params: unknown[] = [query.committeeId];
  const where = ["t.committee_id = $1", "t.submitted_at IS NOT NULL"];
  const link = new URLSearchParams({ submitted: "true" });
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.sessionId) {
    where.push(`t.session_id = ${param(query.sessionId)}`);
    link.set("session", query.sessionId);
  }
  if (query.from) {
    where.push(`t.submitted_at >= ${param(query.from)}`);
    link.set("submittedFrom", query.from.toISOString());
  }
  if (query.to) {
    where.push(`t.submitted_at < ${param(query.to)}`);
    link.set("submittedTo", query.to.toISOString());
  }
  if (query.scope.kind === "ids") where.push(`t.proposal_id = ANY(${param(query.scope.ids)}::text[])`);
  return { where, params, link };
}

/**
 * The open reply deadlines past due now, per proposal and unit (the `deadlines (status, due_at)` index finds them);
 * `$now` and `$kinds` are the last two parameters.
 */
function overdueNow(params: unknown[], now: Date): string {
  params.push(now, [...REPLY_DEADLINE_KINDS]);
  return `SELECT DISTINCT proposal_id, unit_id FROM deadlines
           WHERE status = 'open' AND due_at < $${params.length - 1} AND kind = ANY($${params.length}::text[])`;
}

interface CountRow {
  key: string | null;
  /** Unit rows: the unit's name in the directory. */
  name?: string | null;
  submitted?: number;
  registered?: number;
  not_registered?: number;
  co_assigned?: number;
  assigned: number;
  replied: number;
  on_time: number;
  rehandled: number;
  overdue_now: number;
  overdue_ever: number;
  grades_a: number;
  grades_b: number;
  grades_c: number;
  rated_satisfied: number;
  rated_basically: number;
  rated_unsatisfied: number;
  days: number[] | null;
  [ground: `nr_${string}`]: number;
  [ground: `rg_${string}`]: number;
}

/** One query over `stat_proposals`: the proposals as a whole, in one group or per value of a dimension. */
async function proposalRows(
  database: Database,
  base: Base,
  query: FigureQuery,
  groupBy: Exclude<GroupBy, "unit"> | null,
): Promise<FigureRow[]> {
  const params = [...base.params];
  const where = [...base.where];
  if (query.scope.kind === "units") {
    params.push(query.scope.unitIds);
    where.push(`t.unit_ids && $${params.length}::text[]`);
  }
  const key = groupBy ? `t.${DIMENSION[groupBy].column}` : "NULL::text";
  const od = overdueNow(params, query.now);
  // The names come from the code's own lists, never from a request.
  const grounds = [
    ...NOT_REGISTERED_GROUNDS.map((g) => `count(*) FILTER (WHERE t.not_registered = '${g}')::int AS "nr_${g}"`),
    ...REJECTION_GROUND_FIGURES.map((g) => `count(*) FILTER (WHERE t.rejection_ground = '${g}')::int AS "rg_${g}"`),
  ];
  const { rows } = await database.pool.query<CountRow>(
    `SELECT ${key} AS key, count(*)::int AS submitted, count(t.registered_at)::int AS registered,
            count(t.not_registered)::int AS not_registered, ${grounds.join(", ")},
            count(t.assigned_at)::int AS assigned, count(t.replied_at)::int AS replied,
            count(*) FILTER (WHERE t.replied_on_time)::int AS on_time,
            count(*) FILTER (WHERE t.rehandled)::int AS rehandled,
            count(o.proposal_id)::int AS overdue_now,
            count(*) FILTER (WHERE t.overdue_ever OR o.proposal_id IS NOT NULL)::int AS overdue_ever,
            sum(t.grades_a)::int AS grades_a, sum(t.grades_b)::int AS grades_b, sum(t.grades_c)::int AS grades_c,
            sum(t.rated_satisfied)::int AS rated_satisfied, sum(t.rated_basically)::int AS rated_basically,
            sum(t.rated_unsatisfied)::int AS rated_unsatisfied,
            array_agg(t.reply_working_days) FILTER (WHERE t.reply_working_days IS NOT NULL) AS days
       FROM stat_proposals t
       LEFT JOIN (SELECT DISTINCT proposal_id FROM (${od}) od) o ON o.proposal_id = t.proposal_id
      WHERE ${where.join(" AND ")}
      GROUP BY 1`,
    params,
  );
  return rows.map((row) => {
    const link = new URLSearchParams(base.link);
    if (groupBy && row.key !== null) link.set(DIMENSION[groupBy].param, row.key);
    return rowOf(row, link, groupBy !== null && row.key === null, false);
  });
}

/** One query over `stat_parts`: each unit's own parts. */
async function unitRows(database: Database, base: Base, query: FigureQuery): Promise<FigureRow[]> {
  const params = [...base.params];
  const where = [...base.where];
  if (query.scope.kind === "units") {
    // A unit sees its own row only.
    params.push(query.scope.unitIds);
    where.push(`t.unit_id = ANY($${params.length}::text[])`);
  }
  const od = overdueNow(params, query.now);
  const { rows } = await database.pool.query<CountRow>(
    `SELECT t.unit_id AS key, max(u.name) AS name,
            count(*) FILTER (WHERE t.role <> 'co')::int AS assigned,
            count(*) FILTER (WHERE t.role = 'co')::int AS co_assigned,
            count(t.replied_at)::int AS replied,
            count(*) FILTER (WHERE t.replied_on_time)::int AS on_time,
            count(*) FILTER (WHERE t.rehandled)::int AS rehandled,
            count(o.proposal_id)::int AS overdue_now,
            count(*) FILTER (WHERE t.overdue_ever OR o.proposal_id IS NOT NULL)::int AS overdue_ever,
            count(*) FILTER (WHERE t.grade = 'A')::int AS grades_a,
            count(*) FILTER (WHERE t.grade = 'B')::int AS grades_b,
            count(*) FILTER (WHERE t.grade = 'C')::int AS grades_c,
            sum(t.rated_satisfied)::int AS rated_satisfied, sum(t.rated_basically)::int AS rated_basically,
            sum(t.rated_unsatisfied)::int AS rated_unsatisfied,
            array_agg(t.reply_working_days) FILTER (WHERE t.reply_working_days IS NOT NULL) AS days
       FROM stat_parts t
       LEFT JOIN (${od}) o ON o.proposal_id = t.proposal_id AND o.unit_id = t.unit_id
       -- The unit's name in the committee's directory, for the table to show (none for a unit it does not have).
       LEFT JOIN units u ON u.id = t.unit_id AND u.committee_id = t.committee_id
      WHERE ${where.join(" AND ")}
      GROUP BY 1`,
    params,
  );
  return rows.map((row) => {
    const link = new URLSearchParams(base.link);
    if (row.key !== null) link.set("unit", row.key);
    return { ...rowOf(row, link, false, true), name: row.name ?? null };
  });
}

function figure(count: number, link: URLSearchParams, extra: Record<string, string>, untraceable: boolean): Figure {
  if (untraceable) return { count, list: null };
  const params = new URLSearchParams(link);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return { count, list: params.toString() };
}

function ratingsOf(link: URLSearchParams, untraceable: boolean, row: CountRow) {
  const ratings = new Map([
    ["satisfied", row.rated_satisfied ?? 0],
    ["basically-satisfied", row.rated_basically ?? 0],
    ["unsatisfied", row.rated_unsatisfied ?? 0],
  ]);
  const n = (result: string) => ratings.get(result) ?? 0;
  const rated = n("satisfied") + n("basically-satisfied") + n("unsatisfied");
  const f = (count: number, evaluation: string) => figure(count, link, { evaluation }, untraceable);
  return {
    evaluations: {
      rated: f(rated, "any"),
      satisfied: f(n("satisfied"), "satisfied"),
      basicallySatisfied: f(n("basically-satisfied"), "basically-satisfied"),
      unsatisfied: f(n("unsatisfied"), "unsatisfied"),
    },
    satisfactionRate: share(n("satisfied") + n("basically-satisfied"), rated),
  };
}

function rowOf(row: CountRow, link: URLSearchParams, untraceable: boolean, unit: boolean): FigureRow {
  const f = (count: number, extra: Record<string, string>) => figure(count, link, extra, untraceable);
  const { evaluations, satisfactionRate } = ratingsOf(link, untraceable, row);
  const proposalOnly = unit
    ? { coAssigned: f(row.co_assigned ?? 0, { unitRole: "co" }) }
    : {
        submitted: f(row.submitted ?? 0, {}),
        registered: f(row.registered ?? 0, { registered: "true" }),
        notRegistered: {
          ...f(row.not_registered ?? 0, { registered: "false", stage: "closed" }),
          byGround: Object.fromEntries(
            NOT_REGISTERED_GROUNDS.map((g) => [
              g,
              f(row[`nr_${g}`] ?? 0, { registered: "false", state: `closed.${g}` }),
            ]),
          ),
          rejectedByGround: Object.fromEntries(
            REJECTION_GROUND_FIGURES.map((g) => [
              g,
              f(row[`rg_${g}`] ?? 0, { registered: "false", state: "closed.rejected", rejectionGround: g }),
            ]),
          ),
        },
      };
  return {
    key: row.key,
    ...proposalOnly,
    assigned: f(row.assigned, { assigned: "true" }),
    replied: f(row.replied, { replied: "true" }),
    repliedOnTime: f(row.on_time, { repliedOnTime: "true" }),
    repliedLate: f(row.replied - row.on_time, { repliedLate: "true" }),
    grades: {
      A: f(row.grades_a ?? 0, { grade: "A" }),
      B: f(row.grades_b ?? 0, { grade: "B" }),
      C: f(row.grades_c ?? 0, { grade: "C" }),
    },
    evaluations,
    rehandled: f(row.rehandled, { rehandled: "true" }),
    overdueNow: f(row.overdue_now, { replyOverdue: "true" }),
    overdueEver: f(row.overdue_ever, { overdueEver: "true" }),
    rates: {
      replyRate: share(row.replied, row.assigned),
      onTimeRate: share(row.on_time, row.assigned),
      satisfactionRate,
    },
    workingDaysToReply: replyDays(row.days ?? []),
  };
}

function emptyRow(key: string | null, link: URLSearchParams, unit: boolean): FigureRow {
  const zero: CountRow = {
    key,
    assigned: 0,
    replied: 0,
    on_time: 0,
    rehandled: 0,
    overdue_now: 0,
    overdue_ever: 0,
    grades_a: 0,
    grades_b: 0,
    grades_c: 0,
    rated_satisfied: 0,
    rated_basically: 0,
    rated_unsatisfied: 0,
    days: null,
  };
  return rowOf(unit ? zero : { ...zero, submitted: 0, registered: 0, not_registered: 0 }, link, false, unit);
}
