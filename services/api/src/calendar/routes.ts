import type { Database } from "@huiyin/db";
import {
  type BusinessCalendar,
  type CalendarAdditions,
  calendarGaps,
  calendarOf,
  calendars,
  localDaysFileSchema,
  localDaysProblems,
  officialYearFileSchema,
  officialYearOf,
  officialYearProblems,
} from "@huiyin/domain";
import {
  additionsOf,
  type CalendarChange,
  type Clock,
  calendarChanges,
  currentPolicy,
  type EngineDeps,
  planCalendarChange,
  recordCalendarChange,
  rollOutCalendar,
  type Workflow,
} from "@huiyin/engine";
import type { Logger } from "@huiyin/logger";
import { type Request, type Response, Router } from "express";
import { z } from "zod";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import { refuse } from "../http/error-codes.ts";
import { parseBody, parseQuery } from "../http/validate.ts";
import { COVERAGE_MONTHS, coverageWarning } from "./coverage.ts";

export interface CalendarRoutesDeps {
  database: Database;
  clock: Clock;
  workflow: Workflow;
}

/** The calendar a committee's deadlines are counted on now: its policy's calendar with the changes it loaded. */
export async function committeeCalendar(database: Database, committeeId: string): Promise<BusinessCalendar> {
  return calendarOf(await currentPolicy(database, committeeId));
}

export const dryRunQuerySchema = z.strictObject({
  dryRun: z.enum(["true", "false"]).optional().describe("`true`: list what would move, change nothing."),
});

const changeView = (change: CalendarChange) => ({
  id: change.id,
  calendarId: change.calendarId,
  kind: change.kind,
  year: change.year,
  source: change.source,
  loadedBy: change.loadedBy,
  loadedAt: change.loadedAt.toISOString(),
});

/**
 * The working calendar: `GET /v1/calendar` for every role (a unit or a proposer needs it to read a due date), and
 * for admins the committee's own changes, loaded without a release: an official year (`PUT /v1/calendar/years/:year`,
 * the State Council's notice with its make-up working days) or its local days off (`PUT /v1/calendar/local-days`).
 * Each PUT with `?dryRun=true` lists the open deadlines it would move and changes nothing; without it, the change is
 * kept (who, when) and rolled out to the running proposals through the engine (`rollOutCalendar`: the worker
 * finishes it if this process stops midway). Always the caller's committee's calendar, and its proposals.
 */
export function calendarRoutes(deps: CalendarRoutesDeps, logger: Logger): Router {
  const router = Router();
  const { database } = deps;

  router.get("/calendar", async (_request, response) => {
    const { committeeId } = callerOf(response);
    const calendar = await committeeCalendar(database, committeeId);
    const now = deps.clock.now();
    response.json({
      id: calendar.id,
      name: calendar.name,
      utcOffsetMinutes: calendar.utcOffsetMinutes,
      weekend: calendar.weekend,
      years: calendar.years.map((year) => ({
        year: year.year,
        status: year.status ?? "official",
        source: year.source ?? null,
        holidays: year.holidays,
      })),
      localClosedDays: calendar.localClosedDays ?? [],
      coverage: {
        months: COVERAGE_MONTHS,
        gaps: calendarGaps(now, calendar, COVERAGE_MONTHS),
        warning: coverageWarning(calendar, now),
      },
    });
  });

  router.get("/calendar/changes", requireRole("admin"), async (_request, response) => {
    const { committeeId } = callerOf(response);
    const changes = await calendarChanges(database, committeeId);
    response.json({ items: changes.map(changeView) });
  });

  router.get("/calendar/years/:year", requireRole("admin"), async (request, response) => {
    const year = yearOf(request);
    const { committeeId } = callerOf(response);
    const calendar = await committeeCalendar(database, committeeId);
    const data = calendar.years.find((y) => y.year === year);
    if (!data) throw refuse("NOT_FOUND", `The calendar ${calendar.id} has nothing for ${year}: weekends only.`);
    const loaded = (await calendarChanges(database, committeeId, calendar.id))
      .filter((change) => change.kind === "year" && change.year === year)
      .at(-1);
    response.json({
      calendarId: calendar.id,
      year,
      status: data.status ?? "official",
      source: data.source ?? null,
      holidays: data.holidays,
      loaded: loaded ? changeView(loaded) : null,
    });
  });

  router.put("/calendar/years/:year", requireRole("admin"), async (request, response) => {
    const year = yearOf(request);
    const { dryRun } = parseQuery(dryRunQuerySchema, request.query);
    const file = parseBody(officialYearFileSchema, request.body);
    if (file.year !== year) throw refuse("CALENDAR_INVALID", `The body is the year ${file.year}, not ${year}.`);
    const calendar = knownCalendar(file.calendarId);
    const problems = officialYearProblems(file, calendar);
    if (problems.length > 0) throw refuse("CALENDAR_INVALID", "The notice does not hold together.", { problems });
    await change(request, response, dryRun === "true", {
      calendarId: file.calendarId,
      kind: "year",
      year,
      data: officialYearOf(file),
      source: file.source,
    });
  });

  router.put("/calendar/local-days", requireRole("admin"), async (request, response) => {
    const { dryRun } = parseQuery(dryRunQuerySchema, request.query);
    const file = parseBody(localDaysFileSchema, request.body);
    knownCalendar(file.calendarId);
    const problems = localDaysProblems(file);
    if (problems.length > 0) throw refuse("CALENDAR_INVALID", "The local days do not hold together.", { problems });
    await change(request, response, dryRun === "true", {
      calendarId: file.calendarId,
      kind: "local-days",
      year: null,
      data: file.localClosedDays,
      source: null,
    });
  });

  /** A change: its dry run (what would move), or kept and rolled out. */
  async function change(
    request: Request,
    response: Response,
    dryRun: boolean,
    proposed: Pick<CalendarChange, "calendarId" | "kind" | "year" | "data" | "source">,
  ) {
    const engine: EngineDeps = { db: database, logger: request.log, clock: deps.clock, workflow: deps.workflow };
    const caller = callerOf(response);
    const { committeeId } = caller;
    const changes = await calendarChanges(database, committeeId, proposed.calendarId);
    const next: CalendarChange = {
      ...proposed,
      id: (changes.at(-1)?.id ?? 0) + 1,
      committeeId,
      loadedBy: "",
      loadedAt: deps.clock.now(),
    };
    const additions = additionsOf(proposed.calendarId, [...changes, next]) as CalendarAdditions;
    const moves = (await planCalendarChange(engine, additions, undefined, committeeId)).flatMap((planned) =>
      planned.corrections.map((correction) => ({
        proposalId: planned.proposalId,
        deadlineId: correction.deadlineId,
        kind: correction.kind,
        unitId: correction.unitId ?? null,
        oldDueAt: correction.oldDueAt,
        newDueAt: correction.newDueAt,
      })),
    );
    if (dryRun) {
      response.json({ dryRun: true, change: null, moves });
      return;
    }
    // The same data as the committee's last change of that year (or of its local days) is no new change: a repeat
    // answers 200 with the change it repeats, so retries and concurrent uploads keep one version.
    const { change: kept, recorded } = await recordCalendarChange(
      database,
      { ...proposed, committeeId, loadedBy: `${caller.role}:${caller.actorId}` },
      { unlessSame: true },
    );
    if (!recorded) {
      response.json({ dryRun: false, change: changeView(kept), moves });
      return;
    }
    request.log.info(
      { calendarId: kept.calendarId, kind: kept.kind, year: kept.year, version: kept.id, moves: moves.length },
      "calendar change loaded",
    );
    // Rolled out after the answer; what this process does not finish, the worker's next reconcile does.
    void rollOutCalendar({ ...engine, logger }, committeeId, kept.calendarId).catch((error: unknown) =>
      logger.warn({ err: error, version: kept.id }, "calendar roll-out stopped; the worker resumes it"),
    );
    response.status(201).json({ dryRun: false, change: changeView(kept), moves });
  }

  return router;
}

function yearOf(request: Request): number {
  const year = Number(request.params.year);
  if (!Number.isInteger(year) || year < 1949 || year > 2200) {
    throw refuse("VALIDATION_FAILED", "The year is not a year.", {
      fields: [{ path: "year", message: "expected a year" }],
    });
  }
  return year;
}

function knownCalendar(calendarId: string): BusinessCalendar {
  const calendar = calendars[calendarId];
  if (!calendar) {
    throw refuse(
      "CALENDAR_INVALID",
      `There is no calendar ${calendarId}; known: ${Object.keys(calendars).join(", ")}.`,
    );
  }
  return calendar;
}
