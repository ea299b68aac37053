import { LANGUAGES } from "@huiyin/notify";
import { labelOf, parseRoleLabel, type RoleLabel } from "../directory/roles.ts";
import { directoryId, phoneSchema } from "../directory/schemas.ts";
import { columnIndex, listOf, type RowError } from "./row-errors.ts";

/** A person of an imported directory file, with the roles the file gives them. */
export interface PersonImport {
  line: number;
  id: string;
  name: string;
  email: string | null;
  /** Undefined when the file has no phone column: the import leaves the directory's phone as it is. */
  phone?: string | null;
  language: (typeof LANGUAGES)[number];
  roles: RoleLabel[];
}

/** A unit of an imported directory file. */
export interface UnitImport {
  line: number;
  id: string;
  name: string;
  headPersonId: string | null;
  supervisorLeaderId: string | null;
}

/**
 * The headings of a directory file: one row per person or unit (`类型`: 人员 / 单位, or person / unit). A
 * person's roles are role labels, `;`-separated (`staff`, `unit:water`, `leader:l-1`, `proposer:m-1`), as
 * `PUT /v1/directory/people/:id/roles/:label` takes them.
 */
const ALIASES: Record<string, readonly string[]> = {
  kind: ["类型"],
  id: ["编号", "ID"],
  name: ["姓名", "名称"],
  email: ["邮箱", "电子邮件"],
  phone: ["手机", "手机号", "电话"],
  language: ["语言"],
  roles: ["角色"],
  headPersonId: ["负责人编号", "负责人"],
  supervisorLeaderId: ["分管领导编号", "分管领导"],
};

const KINDS: Record<string, "person" | "unit"> = { person: "person", 人员: "person", unit: "unit", 单位: "unit" };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks every row of a directory file (pure; references to people are checked against the directory later). */
export function directoryRows(
  headers: readonly string[],
  rows: readonly { line: number; cells: readonly string[] }[],
): { people: PersonImport[]; units: UnitImport[]; errors: RowError[] } {
  const columns = columnIndex(headers, ALIASES);
  const errors: RowError[] = [];
  for (const field of ["kind", "id", "name"]) {
    if (!columns.has(field)) {
      errors.push({
        line: 1,
        column: ALIASES[field]?.[0] ?? field,
        code: "MISSING_COLUMN",
        reason: `No column ${field}.`,
      });
    }
  }
  if (errors.length > 0) return { people: [], units: [], errors };
  const people: PersonImport[] = [];
  const units: UnitImport[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const cell = (field: string) => columns.cell(cells, field);
    const problems: RowError[] = [];
    const problem = (field: string, code: string, reason: string) =>
      problems.push({ line, column: ALIASES[field]?.[0] ?? field, code, reason });
    const id = (field: string, required: boolean) => {
      const value = cell(field);
      if (value === "") {
        if (required) problem(field, "REQUIRED", `${field} is required.`);
        return null;
      }
      if (!directoryId.safeParse(value).success) {
        problem(field, "INVALID_VALUE", `${JSON.stringify(value)} is not a directory id (letters, digits, . _ -).`);
      }
      return value;
    };
    const kind = KINDS[cell("kind")];
    if (!kind) problem("kind", "INVALID_VALUE", "人员 (person) or 单位 (unit).");
    const rowId = id("id", true);
    const name = cell("name");
    if (name === "") problem("name", "REQUIRED", "name is required.");
    else if (name.length > 200) problem("name", "TOO_LONG", "At most 200 characters.");
    if (kind && rowId) {
      const key = `${kind}:${rowId}`;
      if (seen.has(key)) problem("id", "DUPLICATE_KEY", `Line ${seen.get(key)} has the same ${kind} ${rowId}.`);
      else seen.set(key, line);
    }
    if (kind === "person") {
      const email = cell("email");
      if (email !== "" && (email.length > 254 || !EMAIL.test(email)))
        problem("email", "INVALID_VALUE", "Not an e-mail address.");
      const phoneCell = cell("phone");
      const phone = phoneCell === "" ? null : phoneSchema.safeParse(phoneCell);
      if (phone && !phone.success) problem("phone", "INVALID_VALUE", "Not a phone number.");
      const languageCell = cell("language") || "zh-CN";
      const language = LANGUAGES.find((candidate) => candidate === languageCell);
      if (!language) problem("language", "INVALID_VALUE", `One of ${LANGUAGES.join(", ")}.`);
      const roles: RoleLabel[] = [];
      for (const label of listOf(cell("roles"))) {
        const parsed = parseRoleLabel(label);
        if (typeof parsed === "string") problem("roles", "INVALID_VALUE", parsed);
        else if (!roles.some((role) => labelOf(role) === labelOf(parsed))) roles.push(parsed);
      }
      if (problems.length === 0 && rowId && language) {
        people.push({
          line,
          id: rowId,
          name,
          email: email === "" ? null : email,
          ...(columns.has("phone") ? { phone: phone?.success ? phone.data : null } : {}),
          language,
          roles,
        });
      }
    } else if (kind === "unit") {
      const headPersonId = id("headPersonId", false);
      const supervisorLeaderId = id("supervisorLeaderId", false);
      if (problems.length === 0 && rowId) units.push({ line, id: rowId, name, headPersonId, supervisorLeaderId });
    }
    errors.push(...problems);
  }
  return { people, units, errors };
}
