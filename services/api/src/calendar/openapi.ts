import { localDaysFileSchema, officialYearFileSchema } from "@huiyin/domain";
import { z } from "zod";
import {
  admin,
  common,
  errors,
  type FeatureApi,
  instant,
  integer,
  json,
  nullableString,
  pathParameter,
  queryParameters,
  ref,
  strings,
} from "../http/openapi-kit.ts";
import { dryRunQuerySchema } from "./routes.ts";

const span = { name: z.string(), from: z.string(), to: z.string() };
const holiday = z.strictObject({ ...span, makeUpWorkdays: strings });

const CalendarChange = z.strictObject({
  id: integer.describe("The committee's calendar version this change made."),
  calendarId: z.string(),
  kind: z.enum(["year", "local-days"]),
  year: integer.nullable(),
  source: nullableString.describe("The notice the year comes from."),
  loadedBy: z.string().describe("`<role>:<actor id>` of the key, or `file:<name>` for the calendar folder."),
  loadedAt: instant,
});

const change = (operationId: string, summary: string, body: string) => ({
  operationId,
  tags: ["calendar"],
  summary,
  parameters: queryParameters(dryRunQuerySchema),
  requestBody: { required: true, ...json(ref(body)) },
  responses: {
    "200": {
      description:
        "The dry run: what would move; nothing changed. Or a repeat of the last change of that year (or local days): nothing new.",
      ...json(ref("CalendarChangeResult")),
    },
    "201": {
      description: "Kept, and being rolled out to the running proposals.",
      ...json(ref("CalendarChangeResult")),
    },
    ...errors(...admin, 422, "CALENDAR_INVALID"),
  },
});

/** The working calendar deadlines are counted on. */
export const calendarApi: FeatureApi = {
  tags: [{ name: "calendar", description: "The working calendar deadlines are counted on." }],
  responses: {
    CalendarChange,
    CalendarChangeList: z.strictObject({ items: z.array(CalendarChange) }),
    CalendarChangeResult: z.strictObject({
      dryRun: z.boolean(),
      change: CalendarChange.nullable(),
      moves: z.array(
        z.strictObject({
          proposalId: z.string(),
          deadlineId: z.string(),
          kind: z.string(),
          unitId: nullableString,
          oldDueAt: instant,
          newDueAt: instant,
        }),
      ),
    }),
    CalendarYearView: z.strictObject({
      calendarId: z.string(),
      year: integer,
      status: z.enum(["official", "provisional"]),
      source: nullableString,
      holidays: z.array(holiday),
      loaded: CalendarChange.nullable(),
    }),
    Calendar: z.strictObject({
      id: z.string(),
      name: z.string(),
      utcOffsetMinutes: integer,
      weekend: z.array(integer),
      years: z.array(
        z.strictObject({
          year: integer,
          status: z.enum(["official", "provisional"]),
          source: nullableString,
          holidays: z.array(z.strictObject({ ...span, makeUpWorkdays: strings })),
        }),
      ),
      localClosedDays: z.array(z.strictObject(span)),
      coverage: z.strictObject({
        months: integer,
        gaps: z.array(z.strictObject({ year: integer, status: z.enum(["provisional", "missing"]) })),
        warning: nullableString,
      }),
    }),
  },
  requests: { OfficialYear: officialYearFileSchema, LocalDays: localDaysFileSchema },
  paths: {
    "/v1/calendar/changes": {
      get: {
        operationId: "listCalendarChanges",
        tags: ["calendar"],
        summary: "Every change of the committee's calendar, oldest first: who loaded what and when (admin).",
        responses: {
          "200": { description: "The changes.", ...json(ref("CalendarChangeList")) },
          ...errors(...admin),
        },
      },
    },
    "/v1/calendar/years/{year}": {
      get: {
        operationId: "getCalendarYear",
        tags: ["calendar"],
        summary: "One year as the calendar has it now: official or provisional, and who loaded it when (admin).",
        parameters: [pathParameter("year")],
        responses: {
          "200": { description: "The year.", ...json(ref("CalendarYearView")) },
          ...errors(...admin, 404, 422),
        },
      },
      put: change(
        "loadCalendarYear",
        "Loads an official year (the State Council's notice: holidays and make-up working days) without a release (admin). `?dryRun=true` lists the open deadlines it would move and changes nothing; otherwise it is kept and every open deadline it moves is moved through the engine (a history entry per proposal, alarms rescheduled).",
        "OfficialYear",
      ),
    },
    "/v1/calendar/local-days": {
      put: change(
        "loadLocalDays",
        "Replaces the committee's local days off (a local holiday, the committee's closed days) (admin). `?dryRun=true` lists the open deadlines it would move; otherwise kept and rolled out like a year.",
        "LocalDays",
      ),
    },
    "/v1/calendar": {
      get: {
        operationId: "getCalendar",
        tags: ["calendar"],
        summary:
          "The working calendar deadlines are counted on: each year's holidays and make-up working days, whether the year is official (the State Council's notice) or provisional (the statutory rules alone), and a warning while the next 12 months are not all official.",
        responses: { "200": { description: "The calendar.", ...json(ref("Calendar")) }, ...errors(...common) },
      },
    },
  },
};
