import { RECIPIENT_ROLES } from "@huiyin/domain";
import { describe, expect, it } from "vitest";
import {
  committeeRolesReadBy,
  inboxLabelsOf,
  RECIPIENT_RULES,
  recipientRefsOf,
  rolesResolvedBy,
  unitHeadLabels,
} from "./recipients.ts";

describe("inboxLabelsOf", () => {
  it("reads roles, scoped roles, and drops what it cannot read", () => {
    expect(
      inboxLabelsOf(["unit-head", { role: "leader", id: "l-7" }, { role: "unit", unitId: "u-1" }, 42, null]),
    ).toEqual(["unit-head", "leader:l-7", "unit:u-1"]);
  });

  it("deduplicates, and falls back to the committee staff when nobody is named", () => {
    expect(inboxLabelsOf(["unit-head", "unit-head"])).toEqual(["unit-head"]);
    expect(inboxLabelsOf(null)).toEqual(["staff"]);
  });
});

describe("recipientRefsOf", () => {
  it("reads the rows the engine writes now: the domain's recipients", () => {
    expect(recipientRefsOf([{ role: "unit-head", unitId: "u-1" }, { role: "staff" }])).toEqual([
      { role: "unit-head", unitId: "u-1" },
      { role: "staff" },
    ]);
  });

  it("still reads older rows: a bare role string (alone or in a list), and keeps only string scopes", () => {
    expect(recipientRefsOf("supervising-leader")).toEqual([{ role: "supervising-leader" }]);
    expect(recipientRefsOf([null])).toEqual([]);
    expect(recipientRefsOf([{ role: "leader", id: 7, unitId: "u-1" }])).toEqual([{ role: "leader", unitId: "u-1" }]);
  });
});

describe("the recipient rules, read backwards", () => {
  it("give every role of the domain a rule", () => {
    expect(Object.keys(RECIPIENT_RULES).sort()).toEqual([...RECIPIENT_ROLES].sort());
  });

  it("name the unit-head roles, the staff's inboxes and the leaders' committee roles", () => {
    expect(rolesResolvedBy("unit-head")).toEqual(["unit-head", "co-unit-head"]);
    expect(rolesResolvedBy("supervising-leader")).toEqual(["supervising-leader"]);
    expect(committeeRolesReadBy("staff")).toEqual(["staff", "staff-head"]);
    expect(committeeRolesReadBy("holder")).toEqual(["committee-leader", "chairs-meeting"]);
    expect(unitHeadLabels(["u-1"])).toEqual(["unit-head:u-1", "co-unit-head:u-1"]);
  });
});
