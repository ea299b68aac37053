import type { Database } from "@huiyin/db";
import { refuse } from "../http/error-codes.ts";

/** The handling units an event names, with where: an assignment's units, and those a reassignment adds. */
function namedUnits(event: Readonly<Record<string, unknown>>): { path: string; unitId: string }[] {
  const listed = (field: string) =>
    Array.isArray(event[field])
      ? (event[field] as unknown[]).map((unit, index) => ({
          path: `${field}.${index}.unitId`,
          unitId: String((unit as { unitId?: unknown } | null)?.unitId ?? ""),
        }))
      : [];
  if (event.type === "assign") return listed("units");
  if (event.type === "handle.reassign") return listed("add");
  return [];
}

/**
 * Refuses (422 `UNIT_NOT_IN_DIRECTORY`, nothing changed) an assignment or reassignment to a unit the committee's
 * directory does not have: a mistyped id assigned a proposal to nobody, in nobody's work and never escalated. A
 * committee that keeps no units in its directory (an integrator that names its units itself) assigns any id, as
 * before the directory existed.
 */
export async function refuseUnitsOutsideDirectory(
  database: Database,
  committeeId: string,
  event: Readonly<Record<string, unknown>>,
): Promise<void> {
  const named = namedUnits(event);
  if (named.length === 0) return;
  const { rows } = await database.pool.query<{ id: string | null }>({
    name: "huiyin.api.directoryUnits",
    // The named units the directory has, and a null row when it has none at all.
    text: `SELECT id FROM units WHERE committee_id = $1 AND id = ANY($2::text[])
           UNION ALL SELECT NULL WHERE NOT EXISTS (SELECT 1 FROM units WHERE committee_id = $1)`,
    values: [committeeId, named.map((unit) => unit.unitId)],
  });
  if (rows.some((row) => row.id === null)) return;
  const known = new Set(rows.map((row) => row.id));
  const fields = named
    .filter((unit) => !known.has(unit.unitId))
    .map(({ path }) => ({ path, message: "no such unit in the committee's directory" }));
  if (fields.length > 0) {
    throw refuse(
      "UNIT_NOT_IN_DIRECTORY",
      "Assign only units of the committee's directory (GET /v1/units); an admin adds a unit there first.",
      { fields },
    );
  }
}
