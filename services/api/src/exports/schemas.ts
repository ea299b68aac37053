import { z } from "zod";
import { listQuerySchema } from "../proposals/schemas.ts";
import { statsQuerySchema } from "../stats/routes.ts";
import { TABLE_FORMATS } from "./table-writer.ts";

const format = z.enum(TABLE_FORMATS).default("csv").describe("csv (UTF-8 with BOM, for Excel) or xlsx.");
const id = z.string().trim().min(1).max(200);

/** `GET /v1/exports/proposals`: the filters of `GET /v1/proposals` (no page: the file holds every match). */
export const proposalsExportQuerySchema = listQuerySchema
  .omit({ limit: true, cursor: true })
  .extend({ format })
  .strict();

/** `GET /v1/exports/assignments`: a unit's 交办清单, of one session or of every session. */
export const assignmentsExportQuerySchema = z.strictObject({
  unitId: id,
  sessionId: id.optional(),
  format,
});

/** `GET /v1/exports/compilation`: the session's 提案汇编, as a file or as a page to print. */
export const compilationExportQuerySchema = z.strictObject({
  sessionId: id,
  format: z
    .enum([...TABLE_FORMATS, "html"])
    .default("html")
    .describe("html (a page to print, the default), csv or xlsx."),
});

/** `GET /v1/exports/stats`: the filters of `GET /v1/stats`. */
export const statsExportQuerySchema = statsQuerySchema.extend({ format }).strict();
