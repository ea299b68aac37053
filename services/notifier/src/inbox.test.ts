import { describe, expect, it } from "vitest";
import { recipientsOf } from "./inbox.ts";

describe("recipientsOf", () => {
  it("reads roles, scoped roles, and drops what it cannot read", () => {
    expect(
      recipientsOf(["unit-head", { role: "leader", id: "l-7" }, { role: "unit", unitId: "u-1" }, 42, null]),
    ).toEqual(["unit-head", "leader:l-7", "unit:u-1"]);
  });

  it("deduplicates, and falls back to the committee staff when nobody is named", () => {
    expect(recipientsOf(["unit-head", "unit-head"])).toEqual(["unit-head"]);
    expect(recipientsOf(null)).toEqual(["staff"]);
  });
});
