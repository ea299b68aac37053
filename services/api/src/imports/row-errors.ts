/** Why a row of an imported file cannot be imported: the row (as a spreadsheet numbers it), the column, a code. */
export interface RowError {
  line: number;
  column?: string;
  code: string;
  reason: string;
}

/** The stable codes of a row's problems (with the machine's own codes for a proposal it would refuse). */
export const ROW_ERROR_CODES = {
  MISSING_COLUMN: "A column the import needs is not in the heading row (line 1).",
  REQUIRED: "The cell is empty and must not be.",
  TOO_LONG: "The cell is longer than the field allows.",
  INVALID_VALUE: "The cell does not hold a value the field takes.",
  DUPLICATE_KEY: "Another row of the file has the same key (external id, or kind and id).",
  UNKNOWN_REFERENCE: "The row names a person that is neither in the file nor in the directory.",
  OTHER_COMMITTEE: "The id belongs to another committee's directory.",
} as const;

/** Finds the column of each field by its heading: the office's word or the field's own name. */
export function columnIndex(headers: readonly string[], aliases: Record<string, readonly string[]>) {
  const index = new Map<string, number>();
  for (const [field, names] of Object.entries(aliases)) {
    const found = headers.findIndex((header) => names.includes(header) || header === field);
    if (found !== -1) index.set(field, found);
  }
  return {
    has: (field: string) => index.has(field),
    cell: (cells: readonly string[], field: string) => {
      const at = index.get(field);
      return at === undefined ? "" : (cells[at] ?? "").trim();
    },
  };
}

/** A `;`-separated list cell (also `；` and `,` as people type them), without empty items. */
export function listOf(cell: string): string[] {
  return cell
    .split(/[;；,，]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
