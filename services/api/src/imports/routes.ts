import type { Database } from "@huiyin/db";
import {
  type Clock,
  currentPolicy,
  type EngineDeps,
  EngineError,
  type EngineObserver,
  type EventFacts,
  type Workflow,
} from "@huiyin/engine";
import { type Request, type Response, Router } from "express";
import { z } from "zod";
import { recordAudit, subjectOf } from "../audit/record.ts";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import { inPool } from "../batches/routes.ts";
import { refuse } from "../http/error-codes.ts";
import { parseQuery } from "../http/validate.ts";
import { httpErrorOf } from "../proposals/refusals.ts";
import { readBody } from "./body.ts";
import { importDirectory } from "./directory.ts";
import { directoryRows } from "./directory-rows.ts";
import { proposalRows } from "./proposal-rows.ts";
import { existingKeys, importCreator, importOne, machineErrors } from "./proposals.ts";
import { IMPORT_TYPES, importTypeOf, readTable, type Table, UnreadableFile } from "./read-table.ts";
import type { RowError } from "./row-errors.ts";

export interface ImportDeps {
  database: Database;
  workflow: Workflow;
  clock: Clock;
  observer?: EngineObserver | undefined;
  /** The committee's sessions and numbers (`sessionFacts`), stamped on each imported proposal's submission. */
  facts?: EventFacts | undefined;
  /** Largest file accepted, in bytes (413 `IMPORT_TOO_LARGE` beyond); default 10 MiB. */
  importMaxBytes?: number | undefined;
  /** Most data rows in one file (413 beyond); default 20,000. */
  importMaxRows?: number | undefined;
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_ROWS = 20_000;
/** Proposals created at the same time, each in its own transactions (as a batch's items). */
const CONCURRENCY = 4;

const flag = z.enum(["true", "false"]).transform((value) => value === "true");

/** `POST /v1/imports/proposals`: a dry run unless told otherwise; the source names the system the file is from. */
export const proposalsImportQuerySchema = z.strictObject({
  dryRun: flag.default(true).describe("true (the default): check and count, write nothing."),
  source: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lower-case letters, digits and '-'")
    .default("previous-system")
    .describe(
      "The system the file comes from (public-platform, previous-system, …): its ids are unique within it, and importing the same ids from the same source again creates nothing.",
    ),
});

/** `POST /v1/imports/directory`. */
export const directoryImportQuerySchema = z.strictObject({
  dryRun: flag.default(true).describe("true (the default): check and count, write nothing."),
});

/** The answer of an import, dry or not. */
export interface ImportAnswer {
  dryRun: boolean;
  rows: number;
  created: number;
  unchanged: number;
  errors: RowError[];
}

/**
 * Files into huiyin (issue 16): proposals collected elsewhere and the recipients directory, from CSV or .xlsx. A
 * dry run reports every bad row with its line and reason; an import writes only a file without bad rows (422
 * `IMPORT_INVALID` with every row's problem, nothing written) and is idempotent (natural keys: the source's id of
 * a proposal, the directory's ids). Proposals enter through the engine, as created ones do.
 */
export function importRoutes(deps: ImportDeps): Router {
  const router = Router();
  const { database } = deps;
  const maxBytes = deps.importMaxBytes ?? DEFAULT_MAX_BYTES;
  const maxRows = deps.importMaxRows ?? DEFAULT_MAX_ROWS;

  router.post("/imports/proposals", requireRole("admin", "staff"), async (request, response) => {
    const caller = callerOf(response);
    const query = parseQuery(proposalsImportQuerySchema, request.query);
    const table = await tableOf(request);
    const checked = proposalRows(table.headers, table.rows);
    const policy = await currentPolicy(database, caller.committeeId);
    const now = deps.clock.now();
    const errors = [...checked.errors, ...machineErrors(deps.workflow, checked.proposals, policy, now)];
    const creator = importCreator(caller.committeeId, query.source);
    const existing = await existingKeys(
      database,
      creator,
      caller.committeeId,
      checked.proposals.map((row) => row.externalId),
    );
    const fresh = checked.proposals.filter((row) => !existing.has(row.externalId));
    if (errors.length > 0) refuseInvalid(errors, table.rows.length);
    if (query.dryRun) {
      answer(response, {
        dryRun: true,
        rows: table.rows.length,
        created: fresh.length,
        unchanged: existing.size,
        errors,
      });
      return;
    }
    const engine: EngineDeps = {
      db: database,
      logger: request.log,
      clock: deps.clock,
      workflow: deps.workflow,
      ...(deps.observer ? { observer: deps.observer } : {}),
      facts: deps.facts,
    };
    let created = 0;
    await inPool(checked.proposals, CONCURRENCY, async (row) => {
      const isNew = await importOne(engine, creator, caller.committeeId, row, policy, String(request.id)).catch(
        (error: unknown) => {
          throw error instanceof EngineError ? httpErrorOf(error, undefined) : error;
        },
      );
      if (isNew) created++;
    });
    if (created > 0) {
      await recordAudit(database.prisma, subjectOf(request, response), {
        action: "proposals.import",
        details: { source: query.source, rows: table.rows.length, created },
      });
    }
    request.log.info({ source: query.source, rows: table.rows.length, created }, "proposals imported");
    answer(response, {
      dryRun: false,
      rows: table.rows.length,
      created,
      unchanged: checked.proposals.length - created,
      errors: [],
    });
  });

  router.post("/imports/directory", requireRole("admin"), async (request, response) => {
    const caller = callerOf(response);
    const query = parseQuery(directoryImportQuerySchema, request.query);
    const table = await tableOf(request);
    const checked = directoryRows(table.headers, table.rows);
    if (checked.errors.length > 0) refuseInvalid(checked.errors, table.rows.length);
    const outcome = await importDirectory(database, caller.committeeId, checked, {
      dryRun: query.dryRun,
      audit: subjectOf(request, response),
    });
    if (outcome.errors.length > 0) refuseInvalid(outcome.errors, table.rows.length);
    request.log.info(
      { dryRun: query.dryRun, rows: table.rows.length, ...outcome, errors: undefined },
      "directory import",
    );
    answer(response, {
      dryRun: query.dryRun,
      rows: table.rows.length,
      created: outcome.created + outcome.updated,
      unchanged: outcome.unchanged,
      errors: [],
    });
  });

  /** The file of the request as a table, or the 4xx that says why it is not one. */
  async function tableOf(request: Request): Promise<Table> {
    const type = importTypeOf(request.headers["content-type"]);
    if (!type) {
      throw refuse(
        "IMPORT_UNSUPPORTED_TYPE",
        `Send the file as ${IMPORT_TYPES.csv} (UTF-8) or ${IMPORT_TYPES.xlsx} (Content-Type).`,
      );
    }
    const bytes = await readBody(request, maxBytes);
    if (bytes.length === 0) throw refuse("IMPORT_UNREADABLE", "The file is empty.");
    try {
      return await readTable(type, bytes, maxRows);
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      throw refuse(error.tooLarge ? "IMPORT_TOO_LARGE" : "IMPORT_UNREADABLE", error.message);
    }
  }

  return router;
}

function answer(response: Response, body: ImportAnswer): void {
  response.status(200).json(body);
}

/** A file with bad rows: every row's problems, in the file's order, and nothing written. */
function refuseInvalid(errors: readonly RowError[], rows: number): never {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  const lines = new Set(sorted.map((error) => error.line)).size;
  throw refuse("IMPORT_INVALID", `${lines} of ${rows} rows cannot be imported; nothing was imported.`, {
    errors: sorted,
  });
}
