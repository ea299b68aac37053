import { z } from "zod";
import { admin, errors, type FeatureApi, integer, json, queryParameters, ref } from "../http/openapi-kit.ts";
import { IMPORT_TYPES } from "./read-table.ts";
import { directoryImportQuerySchema, proposalsImportQuerySchema } from "./routes.ts";

const RowError = z.strictObject({
  line: integer.describe("The row's number as a spreadsheet shows it (the heading row is 1)."),
  column: z.string().optional().describe("The heading of the column at fault."),
  code: z
    .string()
    .describe(
      "MISSING_COLUMN, REQUIRED, TOO_LONG, INVALID_VALUE, DUPLICATE_KEY, UNKNOWN_REFERENCE, OTHER_COMMITTEE, or the workflow's refusal of the submission (INCOMPLETE, …).",
    ),
  reason: z.string(),
});

const ImportResult = z.strictObject({
  dryRun: z.boolean(),
  rows: integer.describe("Data rows in the file (blank rows not counted)."),
  created: integer.describe("Rows that create (or, in the directory, change) something; in a dry run: would."),
  unchanged: integer.describe("Rows already imported as they are: nothing to do."),
  errors: z.array(RowError).describe("Always empty in a 200: a file with bad rows answers 422 IMPORT_INVALID."),
});

const body = {
  required: true,
  content: Object.fromEntries(
    Object.values(IMPORT_TYPES).map((type) => [type, { schema: { type: "string", contentMediaType: type } }]),
  ),
};

const importErrors = errors(
  ...admin,
  "IMPORT_INVALID",
  "IMPORT_UNREADABLE",
  "IMPORT_TOO_LARGE",
  "IMPORT_UNSUPPORTED_TYPE",
);

/** Files into huiyin (issue 16). */
export const importsApi: FeatureApi = {
  tags: [
    {
      name: "imports",
      description:
        "Proposals collected elsewhere and the recipients directory, from CSV (UTF-8) or .xlsx: a dry run first, then an all-or-nothing, idempotent import.",
    },
  ],
  responses: { ImportResult, ImportRowError: RowError },
  paths: {
    "/v1/imports/proposals": {
      post: {
        operationId: "importProposals",
        tags: ["imports"],
        summary: "Import proposals from a file: each is created and submitted through the workflow (admin, staff).",
        description:
          "Columns by heading (the proposal export's headings read back): 外部编号 (the proposal's id in its source; a huiyin export's 提案ID serves), 标题, 理由, 建议 (one per line), 类别, 提案者编号 (member ids, `;`-separated, lead first), 提案者 (names, same order), 提案者类型, 来源渠道; other columns are ignored. A dry run (the default) checks every row, the workflow's check of a submission included, and counts what would be created. dryRun=false imports a file without bad rows: every row (or none: a file with bad rows answers 422 IMPORT_INVALID listing each, and writes nothing) is created and submitted as POST /v1/proposals with submit=true would (history, deadlines, session), by the creator `integrator:import.<committee>.<source>`; the source's id is the natural key, so importing the file again creates nothing. A run cut short by a failure of the server is completed by sending the file again.",
        parameters: queryParameters(proposalsImportQuerySchema),
        requestBody: body,
        responses: {
          "200": { description: "Checked (dry run) or imported.", ...json(ref("ImportResult")) },
          ...importErrors,
        },
      },
    },
    "/v1/imports/directory": {
      post: {
        operationId: "importDirectory",
        tags: ["imports"],
        summary: "Import people (with their roles) and units into the recipients directory (admin).",
        description:
          "One row per person or unit: 类型 (人员/person, 单位/unit), 编号 (the directory id), 姓名/名称, and for people 邮箱, 语言 (zh-CN, en), 角色 (role labels, `;`-separated: staff, unit:<id>, leader:<id>, proposer:<id>, …), for units 负责人编号 (a person of the file or the directory) and 分管领导编号. In one transaction: all rows or none (422 IMPORT_INVALID). Rows equal to the directory are unchanged; roles are added, never removed; so importing the file again changes nothing. A dry run (the default) writes nothing.",
        parameters: queryParameters(directoryImportQuerySchema),
        requestBody: body,
        responses: {
          "200": { description: "Checked (dry run) or imported.", ...json(ref("ImportResult")) },
          ...importErrors,
        },
      },
    },
  },
};
