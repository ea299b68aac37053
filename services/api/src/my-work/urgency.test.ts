import { describe, expect, it } from "vitest";
import { byUrgency } from "./urgency.ts";

describe("byUrgency", () => {
  const item = (proposalId: string, overdue: boolean, due: string | null) => ({
    proposalId,
    overdue,
    dueAt: due ? new Date(due) : null,
  });

  it("puts the overdue first (longest overdue first), then the soonest due, then those without a deadline", () => {
    const sorted = [
      item("none", false, null),
      item("later", false, "2026-12-20T00:00:00Z"),
      item("late-1", true, "2026-12-02T00:00:00Z"),
      item("soon", false, "2026-12-05T00:00:00Z"),
      item("late-5", true, "2026-11-28T00:00:00Z"),
    ].sort(byUrgency);
    expect(sorted.map((entry) => entry.proposalId)).toEqual(["late-5", "late-1", "soon", "later", "none"]);
  });
});
