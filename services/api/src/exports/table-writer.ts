import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { stringify } from "csv-stringify";
import exceljs from "exceljs";

/** The file formats of a table export. */
export const TABLE_FORMATS = ["csv", "xlsx"] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const CONTENT_TYPES: Record<TableFormat | "html", string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  html: "text/html; charset=utf-8",
};

/**
 * Rows into a file on a stream, one at a time: `row` resolves once the destination can take more, so a slow
 * client holds the export back instead of the rows piling up in memory. A table has one sheet per `sheet` call
 * (an .xlsx worksheet; in a CSV a block after a blank line and the sheet's name).
 */
export interface TableWriter {
  sheet(name: string, headers: readonly string[]): Promise<void>;
  row(cells: readonly string[]): Promise<void>;
  end(): Promise<void>;
}

/** Excel refuses a cell longer than this; a longer text is cut with a mark (the CSV keeps it whole). */
export const XLSX_CELL_MAX = 32_767;

/** Waits while `destination` holds more than its buffer (the socket is slower than the export). */
async function drained(destination: Writable): Promise<void> {
  if (destination.writableNeedDrain && !destination.destroyed) {
    await Promise.race([once(destination, "drain"), once(destination, "close")]);
  }
  if (destination.destroyed) throw new Error("the client went away during the export");
}

/**
 * CSV as Excel opens it: UTF-8 with a byte order mark (without it Excel reads Chinese as the ANSI code page),
 * CRLF line ends, every field quoted when it needs to be.
 */
export function csvWriter(destination: Writable): TableWriter {
  const csv = stringify({ bom: true, record_delimiter: "windows" });
  csv.pipe(destination);
  let sheets = 0;
  const write = async (cells: readonly string[]) => {
    if (!csv.write(cells)) await Promise.race([once(csv, "drain"), once(destination, "close")]);
    await drained(destination);
  };
  return {
    async sheet(name, headers) {
      // One table: just its headings; several (the statistics): each after a blank line and its name.
      if (sheets++ > 0) {
        await write([]);
        await write([name]);
      }
      await write(headers);
    },
    row: write,
    async end() {
      csv.end();
      await finished(destination);
    },
  };
}

/**
 * .xlsx through exceljs's streaming writer: each row is committed (written to the zip) as it comes, so the
 * workbook is never held in memory; no shared strings (that table would grow with the rows), no styles.
 */
export function xlsxWriter(destination: Writable): TableWriter {
  const workbook = new exceljs.stream.xlsx.WorkbookWriter({
    stream: destination,
    useSharedStrings: false,
    useStyles: false,
  });
  let sheet: exceljs.Worksheet | undefined;
  return {
    async sheet(name, headers) {
      sheet?.commit();
      sheet = workbook.addWorksheet(sheetName(name));
      sheet.addRow([...headers]).commit();
      await drained(destination);
    },
    async row(cells) {
      if (!sheet) throw new Error("a row before its sheet");
      sheet
        .addRow(cells.map((cell) => (cell.length > XLSX_CELL_MAX ? `${cell.slice(0, XLSX_CELL_MAX - 1)}…` : cell)))
        .commit();
      await drained(destination);
    },
    async end() {
      sheet?.commit();
      await workbook.commit();
      await finished(destination);
    },
  };
}

/** A worksheet's name as Excel allows it: at most 31 characters, none of `\ / ? * [ ] :`. */
export function sheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet";
}

export function tableWriter(format: TableFormat, destination: Writable): TableWriter {
  return format === "csv" ? csvWriter(destination) : xlsxWriter(destination);
}
