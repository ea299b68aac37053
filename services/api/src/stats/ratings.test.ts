import { describe, expect, it } from "vitest";
import { evaluationFigures } from "./ratings.ts";

describe("evaluationFigures", () => {
  it("counts every rating, rates each unit over its own results, and takes final grades", () => {
    const figures = evaluationFigures([
      {
        evaluations: [
          { proposerId: "a", result: "satisfied", units: [{ unitId: "u1", result: "satisfied" }] },
          { proposerId: "b", result: "unsatisfied", units: [{ unitId: "u1", result: "unsatisfied" }] },
          { result: "no-answer" },
        ],
        parts: [{ unitId: "u1", reply: { classification: "B" } }],
      },
      // A rating from before per-unit results counts for every part; a part without a reply has no grade.
      {
        evaluations: [{ result: "basically-satisfied" }],
        parts: [{ unitId: "u2", reply: { classification: "A" } }, { unitId: "u3" }],
      },
      {},
    ]);
    expect(figures).toEqual({
      evaluations: {
        ratings: 3,
        byResult: { satisfied: 1, unsatisfied: 1, "basically-satisfied": 1 },
        byUnit: {
          u1: { rated: 2, satisfied: 1, rate: 0.5 },
          u2: { rated: 1, satisfied: 1, rate: 1 },
          u3: { rated: 1, satisfied: 1, rate: 1 },
        },
      },
      replyClasses: { B: 1, A: 1 },
    });
  });
});
