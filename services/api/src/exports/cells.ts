/**
 * What a spreadsheet cell may hold when a file leaves huiyin. A cell that starts with `=`, `+`, `-` or `@` (or a
 * tab or carriage return, which some spreadsheets skip before reading a formula) is a formula to Excel and
 * LibreOffice: a proposal's title written by anyone would run as one on the office's machine (CSV/formula
 * injection, OWASP). Such a cell gets a leading apostrophe, the spreadsheets' own "this is text" mark, which they
 * show without it; the importer takes it off again (`unescapeCell`), so an export reads back as it was written.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The text a cell held before `safeCell`: the apostrophe it added comes off, nothing else. */
export function unescapeCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** A cell's text from the values exports hold: empty for nothing, `是`/`否` for flags, ISO dates as they are. */
export function cellText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "是" : "否";
  return safeCell(String(value));
}
