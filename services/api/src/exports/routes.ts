import type { Database, Prisma } from "@huiyin/db";
import type { Clock } from "@huiyin/engine";
import type { Logger } from "@huiyin/logger";
import type { Viewer } from "@huiyin/workflow-proposal";
import { type Response, Router } from "express";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import { type Caller, grantsOf } from "../auth/keys.ts";
import { refuse } from "../http/error-codes.ts";
import { parseQuery } from "../http/validate.ts";
import { visibleWhere } from "../proposals/access.ts";
import { filtersOf } from "../proposals/routes.ts";
import { type StatsQuery, statsOf } from "../stats/routes.ts";
import { cellText } from "./cells.ts";
import {
  ASSIGNMENT_COLUMNS,
  ATTACHMENTS_HEADER,
  COMPILATION_COLUMNS,
  type Column,
  PROPOSAL_COLUMNS,
} from "./columns.ts";
import { compilationArticle, compilationFoot, compilationHead } from "./compilation-page.ts";
import { type ProposalRecord, proposalRecord, TEXT_SEPARATOR } from "./proposal-record.ts";
import {
  assignmentsExportQuerySchema,
  compilationExportQuerySchema,
  proposalsExportQuerySchema,
  statsExportQuerySchema,
} from "./schemas.ts";
import { namesFor, proposalBatches, type SourceOrder, type SourceRow } from "./source.ts";
import { statsTables } from "./stats-tables.ts";
import { CONTENT_TYPES, type TableFormat, tableWriter } from "./table-writer.ts";
import { viewerForRow } from "./viewer.ts";

export interface ExportDeps {
  database: Database;
  clock: Clock;
  /** Rows read per query (keyset batch); the file is written batch by batch. */
  exportBatchSize?: number | undefined;
  /** Told after each batch is written (rows in it): the metrics' or a test's view of a running export. */
  onExportBatch?: ((rows: number) => Promise<void> | void) | undefined;
}

const DEFAULT_BATCH_SIZE = 500;

/**
 * Files for the committee office (issue 16): the proposal list with any filter of `GET /v1/proposals`, a unit's
 * 交办清单, the statistics tables and the session's 提案汇编, as CSV or .xlsx (the compilation also as a page to
 * print). Each reads what the caller may see and nothing else: the same `visibleWhere` as the list, within the
 * caller's committee, and each row written for the audience of the role that sees it (`viewerForRow`: replies
 * as `disclose` gives them; internal notes are no column of any file). Streamed: rows are read by keyset batches
 * and written as the client takes them.
 */
export function exportRoutes(deps: ExportDeps): Router {
  const router = Router();
  const { database } = deps;
  const batchSize = deps.exportBatchSize ?? DEFAULT_BATCH_SIZE;

  router.get("/exports/proposals", async (request, response) => {
    const caller = callerOf(response);
    const query = parseQuery(proposalsExportQuerySchema, request.query);
    const where = scoped(caller, filtersOf({ ...query, limit: 1 }, deps.clock.now()));
    await streamTable(response, request.log, query.format, `proposals-${stamp(deps.clock)}`, async (writer) => {
      await writer.sheet("proposals", headersOf(PROPOSAL_COLUMNS));
      await eachRecord(caller, where, { by: "id", direction: query.order }, async ({ record }) => {
        await writer.row(cellsOf(PROPOSAL_COLUMNS, record));
      });
    });
  });

  router.get("/exports/assignments", async (request, response) => {
    const caller = callerOf(response);
    const query = parseQuery(assignmentsExportQuerySchema, request.query);
    // A unit exports its own list only; the committee office and leaders any unit's (what they see of it).
    const grants = grantsOf(caller);
    const mayExport = grants.some(
      (grant) => ["admin", "staff", "leader"].includes(grant.role) || grant.unitId === query.unitId,
    );
    if (!mayExport) throw refuse("NOT_FOUND", `No unit ${query.unitId} among the caller's.`);
    const unit = await database.prisma.unit.findFirst({
      where: { id: query.unitId, committeeId: caller.committeeId },
      select: { id: true },
    });
    if (!unit) throw refuse("NOT_FOUND", `No unit ${query.unitId} in the directory.`);
    const where = scoped(caller, [
      { unitIds: { has: query.unitId } },
      ...(query.sessionId ? [{ sessionId: query.sessionId }] : []),
    ]);
    const name = `assignments-${fileSafe(query.unitId)}-${stamp(deps.clock)}`;
    await streamTable(response, request.log, query.format, name, async (writer) => {
      await writer.sheet("交办清单", headersOf(ASSIGNMENT_COLUMNS));
      await eachRecord(caller, where, { by: "id", direction: "asc" }, async ({ record }) => {
        await writer.row(cellsOf(ASSIGNMENT_COLUMNS, record));
      });
    });
  });

  router.get("/exports/compilation", requireRole("admin", "staff", "leader"), async (request, response) => {
    const caller = callerOf(response);
    const query = parseQuery(compilationExportQuerySchema, request.query);
    const session = await database.prisma.committeeSession.findFirst({
      where: { id: query.sessionId, committeeId: caller.committeeId },
      select: { id: true, name: true },
    });
    if (!session) throw refuse("NOT_FOUND", `No session ${query.sessionId}.`);
    // Every registered proposal of the session: registration gives the number, so "has a number" is "registered".
    const where = scoped(caller, [{ sessionId: session.id }, { number: { not: null } }]);
    const name = `compilation-${fileSafe(session.id)}`;
    const title = `${session.name}提案汇编`;
    if (query.format === "html") {
      await streamPage(response, request.log, title, where, caller);
      return;
    }
    await streamTable(response, request.log, query.format, name, async (writer) => {
      await writer.sheet("提案汇编", [...headersOf(COMPILATION_COLUMNS), ATTACHMENTS_HEADER]);
      await eachRecord(
        caller,
        where,
        { by: "number" },
        async ({ record, attachments }) => {
          await writer.row([...cellsOf(COMPILATION_COLUMNS, record), cellText(attachments.join(TEXT_SEPARATOR))]);
        },
        COMPILATION,
      );
    });
  });

  router.get("/exports/stats", requireRole("admin", "staff", "leader"), async (request, response) => {
    const caller = callerOf(response);
    const { format, ...query } = parseQuery(statsExportQuerySchema, request.query);
    const figures = await statsOf(database, caller, query as StatsQuery, deps.clock.now());
    const units = await database.prisma.unit.findMany({
      where: { committeeId: caller.committeeId },
      select: { id: true, name: true },
    });
    const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
    await streamTable(response, request.log, format, `stats-${stamp(deps.clock)}`, async (writer) => {
      for (const table of statsTables(figures, (key) => unitNames.get(key))) {
        await writer.sheet(table.name, table.headers);
        for (const row of table.rows) await writer.row(row.map(cellText));
      }
    });
  });

  /** What the caller may see of `filters`, within its committee. */
  function scoped(caller: Caller, filters: Prisma.ProposalWhereInput[]): Prisma.ProposalWhereInput {
    return { AND: [{ committeeId: caller.committeeId }, visibleWhere(caller), ...filters] };
  }

  /**
   * Each matching proposal as a record for the caller, batch by batch: written for the audience of the caller's
   * role that sees it, or for `options.viewer`; with `options.attachments`, their file names.
   */
  async function eachRecord(
    caller: Caller,
    where: Prisma.ProposalWhereInput,
    order: SourceOrder,
    write: (row: { record: ProposalRecord; attachments: string[] }) => Promise<void>,
    options: RecordOptions = {},
  ): Promise<number> {
    const withAttachments = options.attachments ?? false;
    const grants = grantsOf(caller);
    let count = 0;
    for await (const rows of proposalBatches(database, where, order, batchSize)) {
      const [names, attachments] = await Promise.all([
        namesFor(database, caller.committeeId, rows),
        withAttachments ? attachmentsOf(rows) : new Map<string, string[]>(),
      ]);
      for (const row of rows) {
        const record = proposalRecord(row, names, options.viewer ?? viewerForRow(grants, row));
        await write({ record, attachments: attachments.get(row.id) ?? [] });
      }
      count += rows.length;
      await deps.onExportBatch?.(rows.length);
    }
    return count;
  }

  /**
   * The names of the files attached to a batch of proposals. The compilation is the office's and leaders' (who
   * read every payload, `maySeeAttachment`), so every attachment of a proposal is listed.
   */
  async function attachmentsOf(rows: readonly SourceRow[]): Promise<Map<string, string[]>> {
    const found = await database.prisma.attachment.findMany({
      where: { proposalId: { in: rows.map((row) => row.id) } },
      select: { proposalId: true, filename: true },
      orderBy: [{ proposalId: "asc" }, { createdAt: "asc" }],
    });
    const byProposal = new Map<string, string[]>();
    for (const { proposalId, filename } of found) {
      byProposal.set(proposalId, [...(byProposal.get(proposalId) ?? []), filename]);
    }
    return byProposal;
  }

  /** The printable compilation, written article by article as the batches are read. */
  async function streamPage(
    response: Response,
    logger: Logger,
    title: string,
    where: Prisma.ProposalWhereInput,
    caller: Caller,
  ): Promise<void> {
    response.status(200).type(CONTENT_TYPES.html).setHeader("Content-Disposition", "inline");
    await guarded(response, logger, async () => {
      await write(response, compilationHead(title));
      const count = await eachRecord(
        caller,
        where,
        { by: "number" },
        ({ record, attachments }) => write(response, compilationArticle(record, attachments)),
        COMPILATION,
      );
      response.end(compilationFoot(count));
    });
  }

  return router;
}

interface RecordOptions {
  attachments?: boolean;
  viewer?: Viewer;
}

/**
 * The compilation prints what the committee stands by: each proposal's replies as staff accepted them (the
 * proposers' reading of the disclosure rules: a draft a unit sent, or one staff returned, is not in a printed
 * 汇编 even for the office), and the files attached to it.
 */
const COMPILATION: RecordOptions = { attachments: true, viewer: { audience: "proposer" } };

const headersOf = (columns: readonly Column[]) => columns.map((column) => column.header);

function cellsOf(columns: readonly Column<keyof ProposalRecord>[], record: ProposalRecord): string[] {
  return columns.map((column) => cellText(record[column.key]));
}

/** A file name's part made of what any file system and header keeps. */
const fileSafe = (text: string) => text.replace(/[^\w.-]/g, "_").slice(0, 80);

const stamp = (clock: Clock) => clock.now().toISOString().slice(0, 10);

/** Starts the file and writes it: the status and headers go out before the first row, so errors after that end it. */
async function streamTable(
  response: Response,
  logger: Logger,
  format: TableFormat,
  name: string,
  body: (writer: ReturnType<typeof tableWriter>) => Promise<void>,
): Promise<void> {
  response
    .status(200)
    .type(CONTENT_TYPES[format])
    .setHeader("Content-Disposition", `attachment; filename="${name}.${format}"`);
  await guarded(response, logger, async () => {
    const writer = tableWriter(format, response);
    await body(writer);
    await writer.end();
  });
}

/**
 * Once the first bytes are out, a failure (the database went away, the client left) can no longer be an error
 * answer: the file is cut off (the connection is destroyed, so the client sees an incomplete transfer rather
 * than a file that looks whole) and the failure is logged.
 */
async function guarded(response: Response, logger: Logger, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!response.headersSent) {
      // Nothing went out yet: the error answer is JSON, not a file to save.
      response.removeHeader("Content-Disposition");
      throw error;
    }
    logger.warn({ err: error }, "export cut off");
    response.destroy();
  }
}

/** Writes a piece of the page, waiting while the client is slower than the export. */
async function write(response: Response, text: string): Promise<void> {
  if (!response.write(text) && !response.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        response.off("drain", done);
        response.off("close", done);
        resolve();
      };
      response.on("drain", done);
      response.on("close", done);
    });
  }
  if (response.destroyed) throw new Error("the client went away during the export");
}
