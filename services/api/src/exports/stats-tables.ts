/** One table of figures: its name (the path in `GET /v1/stats`), headings and rows of cells. */
export interface FigureTable {
  name: string;
  headers: string[];
  rows: (string | number | boolean | null)[][];
}

type Scalar = string | number | boolean | null;

const isScalar = (value: unknown): value is Scalar =>
  value === null || ["string", "number", "boolean"].includes(typeof value);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The statistics document (`GET /v1/stats`, whatever figures it has) as tables, without knowing its figures: a
 * map whose values are all figures (`byStage`) is a two-column table; a map whose values are all records of
 * figures (`rates.byUnit`) is a table with a row per key and a column per figure; the remaining single figures
 * (`proposals.total`) go into the first table, `summary`. So statistics that grow new breakdowns export them
 * without a change here. `nameOf` gives a key its directory name (units), shown in a column beside it.
 */
export function statsTables(
  document: unknown,
  nameOf: (key: string) => string | undefined = () => undefined,
): FigureTable[] {
  const summary: FigureTable = { name: "summary", headers: ["figure", "value"], rows: [] };
  const tables: FigureTable[] = [];
  const walk = (value: unknown, path: string) => {
    if (isScalar(value)) {
      summary.rows.push([path, value]);
      return;
    }
    if (Array.isArray(value)) {
      summary.rows.push([path, JSON.stringify(value)]);
      return;
    }
    if (!isPlainObject(value)) return;
    const entries = Object.entries(value);
    if (path && entries.length > 0 && entries.every(([, entry]) => isScalar(entry))) {
      tables.push(
        keyed(
          path,
          entries.map(([key, entry]) => [key, { value: entry as Scalar }]),
          nameOf,
        ),
      );
      return;
    }
    if (
      path &&
      entries.length > 0 &&
      entries.every(([, entry]) => isPlainObject(entry) && Object.values(entry).every(isScalar))
    ) {
      tables.push(keyed(path, entries as [string, Record<string, Scalar>][], nameOf));
      return;
    }
    // An empty map is a breakdown with nothing in it yet: an empty table says so.
    if (path && entries.length === 0) {
      tables.push({ name: path, headers: ["key"], rows: [] });
      return;
    }
    for (const [key, entry] of entries) walk(entry, path ? `${path}.${key}` : key);
  };
  walk(document, "");
  return [summary, ...tables];
}

function keyed(
  name: string,
  entries: [string, Record<string, Scalar>][],
  nameOf: (key: string) => string | undefined,
): FigureTable {
  const figures = [...new Set(entries.flatMap(([, record]) => Object.keys(record)))];
  const named = entries.some(([key]) => nameOf(key) !== undefined);
  return {
    name,
    headers: ["key", ...(named ? ["name"] : []), ...figures],
    rows: entries.map(([key, record]) => [
      key,
      ...(named ? [nameOf(key) ?? ""] : []),
      ...figures.map((figure) => record[figure] ?? null),
    ]),
  };
}
