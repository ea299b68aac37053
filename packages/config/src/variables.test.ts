import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_TABLE_END, CONFIG_TABLE_START, configTable, configVariables, withConfigTable } from "./variables.ts";

const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");

describe("the README's configuration table", () => {
  it("is what the schemas render (run `pnpm config:table` after changing a variable)", () => {
    expect(withConfigTable(readme)).toBe(readme);
  });

  it("has a row, with a meaning, for every variable the services read", () => {
    const table = configTable();
    for (const name of configVariables)
      expect(table).toMatch(new RegExp(`^\\| \`${name}\` \\| [^|]+ \\| .{10,} \\|$`, "m"));
  });

  it("shows a schema's own default, and '—' for a variable without one", () => {
    const table = configTable();
    expect(table).toContain("| `JOB_LOCK_MS` | `30000` |");
    expect(table).toContain("| `HUIYIN_ADMIN_KEY` | — |");
  });

  it("refuses a README without the markers instead of appending a table somewhere", () => {
    expect(() => withConfigTable("# no table here\n")).toThrow(/markers/);
    expect(withConfigTable(`a\n${CONFIG_TABLE_START}\nold\n${CONFIG_TABLE_END}\nb`)).toBe(
      `a\n${CONFIG_TABLE_START}\n${configTable()}\n${CONFIG_TABLE_END}\nb`,
    );
  });
});
