import { admin, errors, type FeatureApi, queryParameters } from "../http/openapi-kit.ts";
import {
  assignmentsExportQuerySchema,
  compilationExportQuerySchema,
  proposalsExportQuerySchema,
  statsExportQuerySchema,
} from "./schemas.ts";
import { CONTENT_TYPES } from "./table-writer.ts";

/** A file answer: its bytes, as strings of the media types it may have. */
const file = (description: string, types: readonly ("csv" | "xlsx" | "html")[]) => ({
  description,
  headers: {
    "Content-Disposition": {
      description: "attachment; filename=… (the page of the compilation: inline)",
      schema: { type: "string" },
    },
  },
  content: Object.fromEntries(
    types.map((type) => {
      const media = CONTENT_TYPES[type].split(";")[0] as string;
      return [media, { schema: { type: "string", contentMediaType: media } }];
    }),
  ),
});

const STREAMED =
  "Streamed: rows are read in keyset batches and written as the client takes them (no Content-Length), so a large export starts at once and holds one batch in memory. CSV is UTF-8 with a BOM (Excel shows Chinese), CRLF; a cell starting with = + - @ (a formula to a spreadsheet) is written with a leading apostrophe.";

/** Files for the committee office (issue 16). */
export const exportsApi: FeatureApi = {
  tags: [
    {
      name: "exports",
      description:
        "CSV and .xlsx files of proposals, a unit's 交办清单, the statistics and the session's 提案汇编 (also a page to print); what the caller may see, within its committee.",
    },
  ],
  paths: {
    "/v1/exports/proposals": {
      get: {
        operationId: "exportProposals",
        tags: ["exports"],
        summary: "The proposal list as a file, with any filter of GET /v1/proposals.",
        description: `Every proposal the caller sees that matches the filters (no pages): number, session, title, proposers, units, stage, dates, reply grade, evaluation, reasons and suggestions. Replies and grades as the disclosure rules give them to the caller (a unit its own, a proposer those staff accepted); internal notes are never in a file. ${STREAMED}`,
        parameters: queryParameters(proposalsExportQuerySchema),
        responses: { "200": file("The file.", ["csv", "xlsx"]), ...errors(...admin) },
      },
    },
    "/v1/exports/assignments": {
      get: {
        operationId: "exportAssignments",
        tags: ["exports"],
        summary: "A unit's 交办清单 (what it was assigned, by when, where each stands) as a file.",
        description: `A unit's key exports its own list only (another unit answers 404); staff, admins and leaders any unit's, as far as they see it. ${STREAMED}`,
        parameters: queryParameters(assignmentsExportQuerySchema),
        responses: { "200": file("The file.", ["csv", "xlsx"]), ...errors(...admin, 404) },
      },
    },
    "/v1/exports/compilation": {
      get: {
        operationId: "exportCompilation",
        tags: ["exports"],
        summary:
          "The session's 提案汇编: every registered proposal with the replies staff accepted and its attachments listed (admin, staff, leader).",
        description: `In number order. format=html (the default) is a page to print (one proposal per sheet, print CSS, no script); csv and xlsx a table. ${STREAMED}`,
        parameters: queryParameters(compilationExportQuerySchema),
        responses: { "200": file("The page or the file.", ["html", "csv", "xlsx"]), ...errors(...admin, 404) },
      },
    },
    "/v1/exports/stats": {
      get: {
        operationId: "exportStats",
        tags: ["exports"],
        summary: "The figures of GET /v1/stats as tables (admin, staff, leader).",
        description:
          "One table per breakdown (an .xlsx sheet each; in a CSV, blocks after a blank line and the table's name): `summary` (single figures by their path), then each map of figures (`proposals.byStage`, `rates.byUnit`, …) with a row per key and, for units, their directory names.",
        parameters: queryParameters(statsExportQuerySchema),
        responses: { "200": file("The file.", ["csv", "xlsx"]), ...errors(...admin) },
      },
    },
  },
};
