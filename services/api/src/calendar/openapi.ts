import { z } from "zod";
import { common, errors, type FeatureApi, integer, json, nullableString, ref, strings } from "../http/openapi-kit.ts";

const span = { name: z.string(), from: z.string(), to: z.string() };

/** The working calendar deadlines are counted on. */
export const calendarApi: FeatureApi = {
  tags: [{ name: "calendar", description: "The working calendar deadlines are counted on." }],
  responses: {
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
  paths: {
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
