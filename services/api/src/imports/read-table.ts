import { CsvError, parse } from "csv-parse/sync";
import exceljs from "exceljs";
import { unescapeCell } from "../exports/cells.ts";
import { zipExpandedSize } from "./zip-size.ts";

/** The most an .xlsx may expand to (its XML), checked before it is parsed: beyond, it is refused as too large. */
export const XLSX_MAX_EXPANDED_BYTES = 100 * 1024 * 1024;

/** The file types an import reads. */
export const IMPORT_TYPES = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
export type ImportType = keyof typeof IMPORT_TYPES;

/** A data row: its number as a spreadsheet shows it (the heading row is 1) and its cells by heading. */
export interface TableRow {
  line: number;
  cells: readonly string[];
}

export interface Table {
  headers: readonly string[];
  rows: readonly TableRow[];
}

/** Why a file could not be read as a table at all (not one row's fault): the import's 4xx. */
export class UnreadableFile extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

/** Rows with nothing in them are not data (a spreadsheet's trailing blank rows); they keep their numbers. */
const blank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === "");

/**
 * A CSV as Excel and most systems write it: UTF-8 (with or without a BOM), comma-separated, quoted fields that
 * may hold newlines. A file in another encoding (GBK, as older Excel saves "CSV") is refused with a sentence that
 * says how to save it, rather than read as mojibake.
 */
function readCsv(bytes: Buffer, maxRows: number): Table {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableFile("The file is not UTF-8 text: save it as “CSV UTF-8 (comma delimited)”.");
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, to: maxRows + 2 });
  } catch (error) {
    if (error instanceof CsvError) {
      throw new UnreadableFile(`The file is not CSV: ${error.message}`);
    }
    throw error;
  }
  return tableOf(records, maxRows);
}

/** The first worksheet of an .xlsx, every cell as the text Excel shows (a date as its ISO day). */
async function readXlsx(bytes: Buffer, maxRows: number): Promise<Table> {
  const expanded = zipExpandedSize(bytes);
  if (expanded === undefined) throw new UnreadableFile("The file is not an .xlsx workbook (not a readable zip).");
  if (expanded > XLSX_MAX_EXPANDED_BYTES) {
    throw new UnreadableFile(`The workbook expands to ${expanded} bytes, more than ${XLSX_MAX_EXPANDED_BYTES}.`, true);
  }
  const workbook = new exceljs.Workbook();
  try {
    // exceljs takes a Buffer as its own type declares it (an older @types/node's).
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new UnreadableFile(`The file is not an .xlsx workbook: ${error instanceof Error ? error.message : error}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile("The workbook has no worksheet.");
  if (sheet.rowCount > maxRows + 1) throw new UnreadableFile(`More than ${maxRows} rows.`, true);
  const records: string[][] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellString(row.getCell(column)));
    records.push(cells);
  }
  return tableOf(records, maxRows);
}

function cellString(cell: exceljs.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value === null || value === undefined) return "";
  return cell.text;
}

function tableOf(records: string[][], maxRows: number): Table {
  const [headers, ...data] = records;
  if (!headers || blank(headers)) throw new UnreadableFile("The file has no heading row.");
  if (data.length > maxRows) throw new UnreadableFile(`More than ${maxRows} rows.`, true);
  const rows = data
    .map((cells, index) => ({ line: index + 2, cells: cells.map(unescapeCell) }))
    .filter((row) => !blank(row.cells));
  return { headers: headers.map((header) => header.trim()), rows };
}

/** Reads a file of either type; `UnreadableFile` when it is not one. */
export async function readTable(type: ImportType, bytes: Buffer, maxRows: number): Promise<Table> {
  return type === "csv" ? readCsv(bytes, maxRows) : readXlsx(bytes, maxRows);
}

/** The import type of a Content-Type header, or undefined. */
export function importTypeOf(contentType: string | undefined): ImportType | undefined {
  const media = contentType?.split(";")[0]?.trim().toLowerCase();
  if (media === IMPORT_TYPES.csv || media === "application/csv") return "csv";
  if (media === IMPORT_TYPES.xlsx) return "xlsx";
  return undefined;
}
