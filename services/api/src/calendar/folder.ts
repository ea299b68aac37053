import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Database } from "@huiyin/db";
import { calendars, officialYearFileSchema, officialYearOf, officialYearProblems } from "@huiyin/domain";
import { type CalendarChange, recordCalendarChange } from "@huiyin/engine";
import type { Logger } from "@huiyin/logger";

/**
 * Loads the calendar folder (CALENDAR_DIR) at start: every `*.json` file is one official year. A file that does not
 * parse or whose dates do not hold together stops the start with the problems listed (an operator's mistake must
 * not pass silently); a file equal to what the committee has already is not loaded again, so starting twice
 * changes nothing. Returns the changes it kept, for the caller to roll out.
 */
export async function loadCalendarFolder(
  database: Database,
  folder: string,
  committeeId: string,
  logger: Logger,
): Promise<CalendarChange[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith(".json")).sort();
  const kept: CalendarChange[] = [];
  for (const name of names) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(join(folder, name), "utf8"));
    } catch (error) {
      throw new Error(`calendar file ${name}: not JSON (${(error as Error).message})`);
    }
    const parsed = officialYearFileSchema.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      throw new Error(`calendar file ${name}: ${problems.join("; ")}`);
    }
    const calendar = calendars[parsed.data.calendarId];
    if (!calendar) throw new Error(`calendar file ${name}: no calendar ${parsed.data.calendarId}`);
    const problems = officialYearProblems(parsed.data, calendar);
    if (problems.length > 0) throw new Error(`calendar file ${name}: ${problems.join("; ")}`);
    const { change, recorded } = await recordCalendarChange(
      database,
      {
        committeeId,
        calendarId: parsed.data.calendarId,
        kind: "year",
        year: parsed.data.year,
        data: officialYearOf(parsed.data),
        source: parsed.data.source,
        loadedBy: `file:${name}`,
      },
      { unlessSame: true },
    );
    if (recorded) kept.push(change);
    logger.info(
      { file: name, calendarId: change.calendarId, year: change.year, version: change.id, loaded: recorded },
      recorded ? "official calendar year loaded from the calendar folder" : "calendar file already loaded",
    );
  }
  return kept;
}
