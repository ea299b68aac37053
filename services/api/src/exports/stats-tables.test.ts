import { describe, expect, it } from "vitest";
import { statsTables } from "./stats-tables.ts";

describe("statsTables", () => {
  it("turns the statistics document into a summary and one table per breakdown", () => {
    const tables = statsTables(
      {
        at: "2026-12-01T00:00:00.000Z",
        proposals: { total: 3, key: 1, byStage: { review: 2, closed: 1 } },
        rates: {
          byUnit: {
            water: { assigned: 2, replied: 1, replyRate: 0.5 },
            roads: { assigned: 1, replied: 1, replyRate: 1, onTime: 1 },
          },
        },
        overdueDeadlines: { total: 0, byUnit: {} },
      },
      (key) => ({ water: "水务局" })[key],
    );
    expect(tables.map((table) => table.name)).toEqual([
      "summary",
      "proposals.byStage",
      "rates.byUnit",
      "overdueDeadlines.byUnit",
    ]);
    expect(tables[0]?.rows).toEqual([
      ["at", "2026-12-01T00:00:00.000Z"],
      ["proposals.total", 3],
      ["proposals.key", 1],
      ["overdueDeadlines.total", 0],
    ]);
    expect(tables[1]).toEqual({
      name: "proposals.byStage",
      headers: ["key", "value"],
      rows: [
        ["review", 2],
        ["closed", 1],
      ],
    });
    expect(tables[2]).toEqual({
      name: "rates.byUnit",
      headers: ["key", "name", "assigned", "replied", "replyRate", "onTime"],
      rows: [
        ["water", "水务局", 2, 1, 0.5, null],
        ["roads", "", 1, 1, 1, 1],
      ],
    });
  });
});
