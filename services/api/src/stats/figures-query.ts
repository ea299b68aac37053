/**
 * The statistics tables (issue 16) as aggregates over the derived figures (`figures-store.ts`): the summary of a
 * session or date range and its breakdown per handling unit, leader, category, proposer type, source channel or
 * session. Every count carries `list`, the query string of `GET /v1/proposals` that lists the proposals behind it
 * (the list's figure filters read the same derived rows), so each figure can be traced.
 */
import type { Database } from "@huiyin/db";
import { NOT_REGISTERED_GROUNDS, REPLY_DEADLINE_KINDS } from "./derive.ts";
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
  submitted?: Figure;
  registered?: Figure;
  notRegistered?: Figure & { byGround: Record<string, Figure> };
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
  leader: { column: "p.leader_id", param: "leader" },
  category: { column: "p.category", param: "category" },
  proposerType: { column: "p.proposer_type", param: "proposerType" },
  sourceChannel: { column: "p.source_channel", param: "channel" },
  session: { column: "p.session_id", param: "session" },
};

interface CountRow {
  key: string | null;
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
  days: number[] | null;
  [ground: `nr_${string}`]: number;
}

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
  /** `FROM ... WHERE ...` of the proposals counted, as `b` (id, key dimensions, stat_proposals columns). */
  sql: string;
  params: unknown[];
  /** The list filters every link of the query shares. */
  link: URLSearchParams;
}

function baseOf(query: FigureQuery): Base {
  const params: unknown[] = [query.committeeId];
  const where = ["p.committee_id = $1", "s.submitted_at IS NOT NULL"];
  const link = new URLSearchParams({ submitted: "true" });
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.sessionId) {
    where.push(`p.session_id = ${param(query.sessionId)}`);
    link.set("session", query.sessionId);
  }
  if (query.from) {
    where.push(`s.submitted_at >= ${param(query.from)}`);
    link.set("submittedFrom", query.from.toISOString());
  }
  if (query.to) {
    where.push(`s.submitted_at < ${param(query.to)}`);
    link.set("submittedTo", query.to.toISOString());
  }
  if (query.scope.kind === "units") where.push(`p.unit_ids && ${param(query.scope.unitIds)}::text[]`);
  if (query.scope.kind === "ids") where.push(`p.id = ANY(${param(query.scope.ids)}::text[])`);
  const sql = `FROM proposals p JOIN stat_proposals s ON s.proposal_id = p.id WHERE ${where.join(" AND ")}`;
  return { sql, params, link };
}

/** Open reply deadlines past due now, per proposal and unit (the `deadlines (status, due_at)` index finds them). */
function overdueNowSql(base: Base, now: Date): string {
  base.params.push(now, [...REPLY_DEADLINE_KINDS]);
  const [at, kinds] = [base.params.length - 1, base.params.length];
  return `SELECT DISTINCT proposal_id, unit_id FROM deadlines
           WHERE status = 'open' AND due_at < $${at} AND kind = ANY($${kinds}::text[])`;
}

async function proposalRows(
  database: Database,
  shared: Base,
  query: FigureQuery,
  groupBy: Exclude<GroupBy, "unit"> | null,
): Promise<FigureRow[]> {
  const base = { ...shared, params: [...shared.params] };
  const key = groupBy ? DIMENSION[groupBy].column : "NULL::text";
  const overdue = overdueNowSql(base, query.now);
  const grounds = NOT_REGISTERED_GROUNDS.map(
    (g) => `count(*) FILTER (WHERE s.not_registered = '${g}')::int AS "nr_${g}"`,
  );
  const counts = await database.pool.query<CountRow>(
    `WITH od AS (${overdue})
     SELECT ${key} AS key, count(*)::int AS submitted, count(s.registered_at)::int AS registered,
            count(s.not_registered)::int AS not_registered, ${grounds.join(", ")},
            count(s.assigned_at)::int AS assigned, count(s.replied_at)::int AS replied,
            count(*) FILTER (WHERE s.replied_on_time)::int AS on_time,
            count(*) FILTER (WHERE s.rehandled)::int AS rehandled,
            count(o.proposal_id)::int AS overdue_now,
            count(*) FILTER (WHERE s.overdue_ever OR o.proposal_id IS NOT NULL)::int AS overdue_ever,
            array_agg(s.reply_working_days) FILTER (WHERE s.reply_working_days IS NOT NULL) AS days
       ${base.sql.replace("WHERE", "LEFT JOIN (SELECT DISTINCT proposal_id FROM od) o ON o.proposal_id = p.id WHERE")}
      GROUP BY 1`,
    base.params,
  );
  const grades = await database.pool.query<{ key: string | null; value: string; n: number }>(
    `SELECT ${key} AS key, sp.grade AS value, count(*)::int AS n
       ${shared.sql.replace("WHERE", "JOIN stat_parts sp ON sp.proposal_id = p.id WHERE sp.grade IS NOT NULL AND")}
      GROUP BY 1, 2`,
    shared.params,
  );
  const ratings = await database.pool.query<{ key: string | null; value: string; n: number }>(
    `SELECT ${key} AS key, r.result AS value, count(*)::int AS n
       ${shared.sql.replace("WHERE", "JOIN stat_ratings r ON r.proposal_id = p.id WHERE r.unit_id = '' AND")}
      GROUP BY 1, 2`,
    shared.params,
  );
  return counts.rows.map((row) => {
    const link = new URLSearchParams(shared.link);
    if (groupBy && row.key !== null) link.set(DIMENSION[groupBy].param, row.key);
    return rowOf(
      row,
      link,
      groupBy !== null && row.key === null,
      false,
      tally(grades.rows, row.key),
      tally(ratings.rows, row.key),
    );
  });
}

async function unitRows(database: Database, shared: Base, query: FigureQuery): Promise<FigureRow[]> {
  const base = { ...shared, params: [...shared.params] };
  let partWhere = "TRUE";
  let ratingWhere = "r.unit_id <> ''";
  if (query.scope.kind === "units") {
    // A unit sees its own row only.
    base.params.push(query.scope.unitIds);
    partWhere = `sp.unit_id = ANY($${base.params.length}::text[])`;
    ratingWhere = `r.unit_id = ANY($${base.params.length}::text[])`;
  }
  const overdue = overdueNowSql(base, query.now);
  const counts = await database.pool.query<CountRow>(
    `WITH od AS (${overdue})
     SELECT sp.unit_id AS key,
            count(*) FILTER (WHERE sp.role <> 'co')::int AS assigned,
            count(*) FILTER (WHERE sp.role = 'co')::int AS co_assigned,
            count(sp.replied_at)::int AS replied,
            count(*) FILTER (WHERE sp.replied_on_time)::int AS on_time,
            count(*) FILTER (WHERE sp.rehandled)::int AS rehandled,
            count(o.proposal_id)::int AS overdue_now,
            count(*) FILTER (WHERE sp.overdue_ever OR o.proposal_id IS NOT NULL)::int AS overdue_ever,
            array_agg(sp.reply_working_days) FILTER (WHERE sp.reply_working_days IS NOT NULL) AS days
       ${base.sql.replace(
         "WHERE",
         `JOIN stat_parts sp ON sp.proposal_id = p.id
          LEFT JOIN od o ON o.proposal_id = sp.proposal_id AND o.unit_id = sp.unit_id WHERE ${partWhere} AND`,
       )}
      GROUP BY 1`,
    base.params,
  );
  const params = base.params.slice(0, query.scope.kind === "units" ? shared.params.length + 1 : shared.params.length);
  const grades = await database.pool.query<{ key: string; value: string; n: number }>(
    `SELECT sp.unit_id AS key, sp.grade AS value, count(*)::int AS n
       ${shared.sql.replace("WHERE", `JOIN stat_parts sp ON sp.proposal_id = p.id WHERE sp.grade IS NOT NULL AND ${partWhere} AND`)}
      GROUP BY 1, 2`,
    params,
  );
  const ratings = await database.pool.query<{ key: string; value: string; n: number }>(
    `SELECT r.unit_id AS key, r.result AS value, count(*)::int AS n
       ${shared.sql.replace("WHERE", `JOIN stat_ratings r ON r.proposal_id = p.id WHERE ${ratingWhere} AND`)}
      GROUP BY 1, 2`,
    params,
  );
  const keys = new Set([...counts.rows.map((row) => row.key), ...ratings.rows.map((row) => row.key)]);
  return [...keys].map((key) => {
    const row = counts.rows.find((candidate) => candidate.key === key);
    const link = new URLSearchParams(shared.link);
    if (key !== null) link.set("unit", key);
    const grades_ = tally(grades.rows, key);
    const ratings_ = tally(ratings.rows, key);
    return row
      ? rowOf(row, link, false, true, grades_, ratings_)
      : { ...emptyRow(key, link, true), ...ratingsOf(link, false, ratings_) };
  });
}

function tally(
  rows: readonly { key: string | null; value: string; n: number }[],
  key: string | null,
): Map<string, number> {
  return new Map(rows.filter((row) => row.key === key).map((row) => [row.value, row.n]));
}

function figure(count: number, link: URLSearchParams, extra: Record<string, string>, untraceable: boolean): Figure {
  if (untraceable) return { count, list: null };
  const params = new URLSearchParams(link);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return { count, list: params.toString() };
}

function ratingsOf(link: URLSearchParams, untraceable: boolean, ratings: Map<string, number>) {
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

function rowOf(
  row: CountRow,
  link: URLSearchParams,
  untraceable: boolean,
  unit: boolean,
  grades: Map<string, number>,
  ratings: Map<string, number>,
): FigureRow {
  const f = (count: number, extra: Record<string, string>) => figure(count, link, extra, untraceable);
  const { evaluations, satisfactionRate } = ratingsOf(link, untraceable, ratings);
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
      A: f(grades.get("A") ?? 0, { grade: "A" }),
      B: f(grades.get("B") ?? 0, { grade: "B" }),
      C: f(grades.get("C") ?? 0, { grade: "C" }),
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
    days: null,
  };
  return rowOf(
    unit ? zero : { ...zero, submitted: 0, registered: 0, not_registered: 0 },
    link,
    false,
    unit,
    new Map(),
    new Map(),
  );
}
