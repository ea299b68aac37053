import type { Database } from "@huiyin/db";
import {
  type CalendarAdditions,
  type CalendarYear,
  calendarOf,
  defaultPolicy,
  type LocalClosedDay,
  type Policy,
  type PolicyOverride,
  parsePolicyOverride,
} from "@huiyin/domain";
import type pg from "pg";
import { inTransaction } from "./sql.ts";

/**
 * A committee's rules as data, in PostgreSQL: its policy versions (`policy_versions`) and the changes to its calendar
 * (`calendar_changes`: official years loaded, local days off). Every process reads them from here, never from its
 * own copy: the api when it creates a proposal (the current policy version and calendar), the worker when it rolls a
 * calendar change out to running proposals. A deployment with one committee never names it: `default`.
 */
export const DEFAULT_COMMITTEE = "default";

/** JSON with the keys of every object sorted: PostgreSQL's `jsonb` keeps no key order, so data read back compares so. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** One change of a committee's calendar, as listed (`GET /v1/calendar/changes`). */
export interface CalendarChange {
  id: number;
  committeeId: string;
  calendarId: string;
  kind: "year" | "local-days";
  year: number | null;
  source: string | null;
  loadedBy: string;
  loadedAt: Date;
  data: CalendarYear | LocalClosedDay[];
}

interface ChangeRow {
  id: string;
  committee_id: string;
  calendar_id: string;
  kind: "year" | "local-days";
  year: number | null;
  source: string | null;
  loaded_by: string;
  loaded_at: Date;
  data: CalendarYear | LocalClosedDay[];
}

const changeOf = (row: ChangeRow): CalendarChange => ({
  id: Number(row.id),
  committeeId: row.committee_id,
  calendarId: row.calendar_id,
  kind: row.kind,
  year: row.year,
  source: row.source,
  loadedBy: row.loaded_by,
  loadedAt: row.loaded_at,
  data: row.data,
});

/** Every change of a committee's calendar, oldest first (each year's last load wins, as does the last local days). */
export async function calendarChanges(
  db: Database,
  committeeId: string,
  calendarId?: string,
  client?: pg.ClientBase,
): Promise<CalendarChange[]> {
  const { rows } = await (client ?? db.pool).query<ChangeRow>(
    `SELECT * FROM calendar_changes WHERE committee_id = $1 AND ($2::text IS NULL OR calendar_id = $2) ORDER BY id`,
    [committeeId, calendarId ?? null],
  );
  return rows.map(changeOf);
}

/** What the changes add up to: each year's last load, the last list of local days, the last change's id as version. */
export function additionsOf(calendarId: string, changes: readonly CalendarChange[]): CalendarAdditions | undefined {
  const mine = changes.filter((change) => change.calendarId === calendarId);
  const last = mine.at(-1);
  if (!last) return undefined;
  const years = new Map<number, CalendarYear>();
  let localClosedDays: LocalClosedDay[] = [];
  for (const change of mine) {
    if (change.kind === "year") years.set((change.data as CalendarYear).year, change.data as CalendarYear);
    else localClosedDays = change.data as LocalClosedDay[];
  }
  return {
    calendarId,
    version: String(last.id),
    years: [...years.values()].sort((a, b) => a.year - b.year),
    localClosedDays,
  };
}

/** The committee's calendar additions for one calendar, as of now. */
export async function calendarAdditionsOf(
  db: Database,
  committeeId: string,
  calendarId: string,
): Promise<CalendarAdditions | undefined> {
  return additionsOf(calendarId, await calendarChanges(db, committeeId, calendarId));
}

/**
 * Records a change of a committee's calendar; returns it with its id (the additions' new version). Changes of one
 * committee are serialised (a transaction-scoped advisory lock), so that versions follow the order of the changes.
 * `unlessSame`: nothing is recorded when the calendar already has exactly this data (a folder loaded at every start).
 */
export async function recordCalendarChange(
  db: Database,
  change: Omit<CalendarChange, "id" | "loadedAt">,
  options: { unlessSame?: boolean } = {},
): Promise<{ change: CalendarChange; recorded: boolean }> {
  return inTransaction(db.pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('huiyin.calendar.' || $1))", [change.committeeId]);
    if (options.unlessSame) {
      const previous = (await calendarChanges(db, change.committeeId, change.calendarId, client))
        .filter((c) => c.kind === change.kind && c.year === change.year)
        .at(-1);
      if (previous && canonical(previous.data) === canonical(change.data)) {
        return { change: previous, recorded: false };
      }
    }
    const { rows } = await client.query<ChangeRow>(
      `INSERT INTO calendar_changes (committee_id, calendar_id, kind, year, data, source, loaded_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING *`,
      [
        change.committeeId,
        change.calendarId,
        change.kind,
        change.year,
        JSON.stringify(change.data),
        change.source,
        change.loadedBy,
      ],
    );
    return { change: changeOf(rows[0] as ChangeRow), recorded: true };
  });
}

/** One version of a committee's policy, as listed (`GET /v1/policy/versions`). */
export interface PolicyVersion {
  committeeId: string;
  version: number;
  /** What the committee wrote: the override of the default policy. */
  override: PolicyOverride;
  /** The whole policy it gives. */
  policy: Policy;
  changedBy: string;
  changedAt: Date;
  note: string | null;
}

interface PolicyRow {
  committee_id: string;
  version: number;
  override: PolicyOverride;
  policy: Policy;
  changed_by: string;
  changed_at: Date;
  note: string | null;
}

const versionOf = (row: PolicyRow): PolicyVersion => ({
  committeeId: row.committee_id,
  version: row.version,
  override: row.override,
  policy: row.policy,
  changedBy: row.changed_by,
  changedAt: row.changed_at,
  note: row.note,
});

/** Every version of a committee's policy, newest first. */
export async function policyVersions(db: Database, committeeId: string): Promise<PolicyVersion[]> {
  const { rows } = await db.pool.query<PolicyRow>(
    "SELECT * FROM policy_versions WHERE committee_id = $1 ORDER BY version DESC",
    [committeeId],
  );
  return rows.map(versionOf);
}

/**
 * The policy a committee's new proposals are registered under: its last version (the default policy while it has
 * none), stamped with the version and the committee, with the committee's calendar additions of its calendar.
 */
export async function currentPolicy(db: Database, committeeId: string): Promise<Policy> {
  const { rows } = await db.pool.query<PolicyRow>(
    "SELECT * FROM policy_versions WHERE committee_id = $1 ORDER BY version DESC LIMIT 1",
    [committeeId],
  );
  const row = rows[0];
  const policy: Policy = row ? { ...row.policy, version: row.version } : defaultPolicy;
  const additions = await calendarAdditionsOf(db, committeeId, policy.calendarId);
  return {
    ...policy,
    ...(committeeId === DEFAULT_COMMITTEE ? {} : { committeeId }),
    ...(additions ? { calendarAdditions: additions } : {}),
  };
}

/**
 * Keeps a new version of a committee's policy: `override` applied to the default policy (validated: a `ZodError`
 * lists every problem, and nothing is stored). `unlessSame`: nothing new when the last version has the same override
 * (a policy file read at every start). Versions of one committee are numbered 1, 2, … in the order they were kept.
 */
export async function savePolicyVersion(
  db: Database,
  input: { committeeId: string; override: unknown; changedBy: string; note?: string | undefined },
  options: { unlessSame?: boolean } = {},
): Promise<{ version: PolicyVersion; saved: boolean }> {
  const policy = parsePolicyOverride(input.override, defaultPolicy);
  // The calendar must be one the system knows: a policy naming another would fail at the first deadline.
  calendarOf(policy);
  return inTransaction(db.pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('huiyin.policy.' || $1))", [input.committeeId]);
    const { rows: last } = await client.query<PolicyRow>(
      "SELECT * FROM policy_versions WHERE committee_id = $1 ORDER BY version DESC LIMIT 1",
      [input.committeeId],
    );
    const previous = last[0];
    if (options.unlessSame && previous && canonical(previous.override) === canonical(input.override)) {
      return { version: versionOf(previous), saved: false };
    }
    const { rows } = await client.query<PolicyRow>(
      `INSERT INTO policy_versions (committee_id, version, override, policy, changed_by, note)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6) RETURNING *`,
      [
        input.committeeId,
        (previous?.version ?? 0) + 1,
        JSON.stringify(input.override),
        JSON.stringify(policy),
        input.changedBy,
        input.note ?? null,
      ],
    );
    return { version: versionOf(rows[0] as PolicyRow), saved: true };
  });
}
