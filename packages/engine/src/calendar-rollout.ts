import { CALENDAR_ACTOR, type CalendarAdditions, type DeadlineCorrection } from "@huiyin/domain";
import type { AnyMachineSnapshot } from "xstate";
import { applyEvent, type EngineDeps } from "./apply.ts";
import { EngineError } from "./errors.ts";
import { additionsOf, calendarChanges, DEFAULT_COMMITTEE } from "./rules-store.ts";
import type { Workflow } from "./workflow.ts";

/** An open instance a calendar change would move, and how (the dry run's rows). */
export interface PlannedCorrection {
  proposalId: string;
  corrections: DeadlineCorrection[];
}

interface Candidate {
  id: string;
  version: number;
  snapshot: unknown;
}

type CalendarPort = NonNullable<Workflow["calendar"]>;

function portOf(workflow: Workflow): CalendarPort {
  if (!workflow.calendar) throw new Error("the workflow does not say how it takes a calendar change");
  return workflow.calendar;
}

/**
 * The open instances counting on `calendarId` at a version of the additions older than `version` (none for a
 * dry run's `Infinity`), a page at a time. The state is the queue: an instance is behind until the recompute
 * event has been applied to it, so a rollout that dies midway is resumed by running it again, and one applied
 * twice finds nothing left to do.
 */
async function behind(
  deps: EngineDeps,
  port: CalendarPort,
  committeeId: string,
  calendarId: string,
  version: number,
  cursor: string,
  limit: number,
): Promise<Candidate[]> {
  const { rows } = await deps.db.pool.query<Candidate>(
    `SELECT id, version, snapshot FROM proposals
      WHERE id > $1 AND stage <> ALL($2::text[]) AND snapshot #>> $3::text[] = $4
        AND COALESCE((snapshot #>> $5::text[])::bigint, 0) < $6 AND committee_id = $8
      ORDER BY id LIMIT $7`,
    [cursor, port.finalStages, port.calendarIdPath, calendarId, port.versionPath, version, limit, committeeId],
  );
  return rows;
}

function resolve(workflow: Workflow, snapshot: unknown): AnyMachineSnapshot {
  const { machine } = workflow;
  return machine.resolveState(snapshot as Parameters<typeof machine.resolveState>[0]) as AnyMachineSnapshot;
}

/**
 * The dry run of a calendar change: every open deadline that `additions` would move, per instance, computed the way
 * the recompute event computes it. Changes nothing. Only the committee's proposals: a change is one committee's.
 */
export async function planCalendarChange(
  deps: EngineDeps,
  additions: CalendarAdditions,
  batchSize = 500,
  committeeId = DEFAULT_COMMITTEE,
): Promise<PlannedCorrection[]> {
  const port = portOf(deps.workflow);
  const at = deps.clock.now().toISOString();
  const planned: PlannedCorrection[] = [];
  let cursor = "";
  for (;;) {
    const page = await behind(
      deps,
      port,
      committeeId,
      additions.calendarId,
      Number.MAX_SAFE_INTEGER,
      cursor,
      batchSize,
    );
    if (page.length === 0) break;
    for (const row of page) {
      const { corrections } = port.recompute(resolve(deps.workflow, row.snapshot), additions, at);
      if (corrections.length > 0) planned.push({ proposalId: row.id, corrections });
    }
    cursor = page.at(-1)?.id ?? cursor;
  }
  return planned;
}

export interface RolloutReport {
  version: string | null;
  /** Instances that took the change (with or without a deadline moved). */
  applied: number;
  /** Deadlines moved across them. */
  moved: number;
  /** Instances left behind (another event kept changing them, or a refusal): the next run tries again. */
  failed: number;
}

/**
 * Applies a committee's current calendar to every open instance that counts on an older version of it, through the
 * engine: one `deadlines.recomputed` event each (its history row records the corrections, its transaction closes
 * the moved deadlines, cancels their alarms and opens them again with new alarms), keyed `calendar.<version>`, so a
 * repeat applies nothing. The worker runs it at start and at every reconcile, and the api right after a change.
 */
export async function rollOutCalendar(
  deps: EngineDeps,
  committeeId: string,
  calendarId: string,
  batchSize = 200,
): Promise<RolloutReport> {
  const port = portOf(deps.workflow);
  const additions = additionsOf(calendarId, await calendarChanges(deps.db, committeeId, calendarId));
  const report: RolloutReport = { version: additions?.version ?? null, applied: 0, moved: 0, failed: 0 };
  if (!additions) return report;
  const version = Number(additions.version);
  let cursor = "";
  for (;;) {
    const page = await behind(deps, port, committeeId, calendarId, version, cursor, batchSize);
    if (page.length === 0) break;
    for (const row of page) {
      const moved = await applyCalendar(deps, port, row, additions);
      if (moved === undefined) report.failed += 1;
      else {
        report.applied += 1;
        report.moved += moved;
      }
    }
    cursor = page.at(-1)?.id ?? cursor;
  }
  if (report.applied > 0 || report.failed > 0) {
    deps.logger.info({ committeeId, calendarId, ...report }, "calendar change rolled out");
  }
  return report;
}

/** The recompute event applied to one instance; the number of deadlines it moved, or undefined when it could not. */
async function applyCalendar(
  deps: EngineDeps,
  port: CalendarPort,
  first: Candidate,
  additions: CalendarAdditions,
): Promise<number | undefined> {
  let row: Candidate | undefined = first;
  // An event applied between the read and the write changes the instance (VERSION_MISMATCH) or what moves
  // (CORRECTIONS_CHANGED): read it again and compute again, a few times.
  for (let attempt = 0; attempt < 3 && row; attempt += 1) {
    const { event, corrections } = port.recompute(
      resolve(deps.workflow, row.snapshot),
      additions,
      deps.clock.now().toISOString(),
    );
    try {
      await applyEvent(deps, {
        proposalId: row.id,
        event,
        actor: CALENDAR_ACTOR,
        idempotencyKey: `calendar.${additions.calendarId}.${additions.version}`,
        expectedVersion: row.version,
      });
      return corrections.length;
    } catch (error) {
      if (!(error instanceof EngineError) || !["VERSION_MISMATCH", "CORRECTIONS_CHANGED"].includes(error.code)) {
        deps.logger.warn({ err: error, proposalId: row.id, version: additions.version }, "calendar change not applied");
        return undefined;
      }
      const again: { rows: Candidate[] } = await deps.db.pool.query<Candidate>(
        "SELECT id, version, snapshot FROM proposals WHERE id = $1",
        [row.id],
      );
      row = again.rows[0];
    }
  }
  return undefined;
}

/**
 * What a process remembers of its last roll-outs, so that a reconcile does not read every open proposal's snapshot
 * when nothing changed: per calendar, the version it finished without failures and when.
 */
export type RolloutMemory = Map<string, { version: string; at: number }>;

/** How long a finished roll-out is trusted before the next reconcile looks again (a proposal registered mid-change). */
const RESCAN_AFTER_MS = 60 * 60_000;

/**
 * `rollOutCalendar` for every calendar the committee changed: what a worker runs at start and at every reconcile, so
 * that a roll-out a process left midway (it died, or the api stopped) is finished. With `memory`, a calendar whose
 * version was rolled out completely within the hour is skipped; after an hour it is looked at again, which catches a
 * proposal registered on the older version while the change was being loaded.
 */
export async function rollOutCalendars(
  deps: EngineDeps,
  committeeId: string,
  memory?: RolloutMemory,
): Promise<RolloutReport[]> {
  const changes = await calendarChanges(deps.db, committeeId);
  const latest = new Map<string, string>();
  for (const change of changes) latest.set(change.calendarId, String(change.id));
  const reports: RolloutReport[] = [];
  const now = deps.clock.now().getTime();
  for (const [calendarId, version] of latest) {
    const done = memory?.get(calendarId);
    if (done && done.version === version && now - done.at < RESCAN_AFTER_MS) continue;
    const report = await rollOutCalendar(deps, committeeId, calendarId);
    if (report.failed === 0 && report.version) memory?.set(calendarId, { version: report.version, at: now });
    reports.push(report);
  }
  return reports;
}
