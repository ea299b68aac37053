import { describe, expect, it } from "vitest";
import { unitRates } from "./rates.ts";

const d = (iso: string) => new Date(iso);

describe("unitRates", () => {
  it("counts each unit's last assignment, its first reply, and whether that came by the deadline in force", () => {
    const rates = unitRates(
      [
        { proposalId: "p1", seq: 4, unitIds: ["water"] },
        { proposalId: "p2", seq: 4, unitIds: ["roads"] },
        // p2 was reassigned after an objection: roads no longer counts.
        { proposalId: "p2", seq: 7, unitIds: ["water", "parks"] },
        { proposalId: "p3", seq: 4, unitIds: ["water"] },
      ],
      [
        { proposalId: "p1", unitId: "water", at: d("2027-03-01T00:00:00Z") },
        { proposalId: "p1", unitId: "water", at: d("2027-05-01T00:00:00Z") },
        { proposalId: "p2", unitId: "water", at: d("2027-06-10T00:00:00Z") },
        { proposalId: "p2", unitId: "parks", at: d("2027-08-01T00:00:00Z") },
      ],
      [
        { proposalId: "p1", unitId: "water", openedAt: d("2027-02-01T00:00:00Z"), dueAt: d("2027-04-01T00:00:00Z") },
        { proposalId: "p2", unitId: "water", openedAt: d("2027-02-01T00:00:00Z"), dueAt: d("2027-05-01T00:00:00Z") },
        // An approved extension: the later deadline is the one in force at the reply.
        { proposalId: "p2", unitId: "water", openedAt: d("2027-04-20T00:00:00Z"), dueAt: d("2027-07-01T00:00:00Z") },
        { proposalId: "p2", unitId: "parks", openedAt: d("2027-02-01T00:00:00Z"), dueAt: d("2027-05-01T00:00:00Z") },
      ],
    );
    expect(rates).toEqual({
      water: { assigned: 3, replied: 2, repliedOnTime: 2, replyRate: 2 / 3, onTimeRate: 2 / 3 },
      parks: { assigned: 1, replied: 1, repliedOnTime: 0, replyRate: 1, onTimeRate: 0 },
    });
  });
});
