import { describe, expect, it } from "vitest";
import { labelOf, parseRoleLabel } from "./roles.ts";

describe("role labels", () => {
  it("reads committee-wide roles without a scope and scoped roles with one", () => {
    expect(parseRoleLabel("staff-head")).toEqual({ role: "staff-head", scope: "" });
    expect(parseRoleLabel("chairs-meeting")).toEqual({ role: "chairs-meeting", scope: "" });
    expect(parseRoleLabel("leader:leader-9")).toEqual({ role: "leader", scope: "leader-9" });
    expect(parseRoleLabel("unit:u_1.b")).toEqual({ role: "unit", scope: "u_1.b" });
    expect(parseRoleLabel("proposer:member-1")).toEqual({ role: "proposer", scope: "member-1" });
  });

  it("says why a label is not one a person can hold", () => {
    expect(parseRoleLabel("unit-head")).toMatch(/head or the supervising leader of a unit/);
    expect(parseRoleLabel("supervising-leader:leader-9")).toMatch(/not assigned/);
    expect(parseRoleLabel("staff:x")).toMatch(/takes no scope/);
    expect(parseRoleLabel("leader")).toMatch(/needs a scope/);
    expect(parseRoleLabel("leader:")).toMatch(/needs a scope/);
    expect(parseRoleLabel("unit:a:b")).toMatch(/needs a scope/);
    expect(parseRoleLabel("mayor")).toMatch(/unknown role "mayor"/);
  });

  it("writes labels back as the inboxes name them", () => {
    for (const label of ["staff", "leader:leader-9", "unit:water"]) {
      const parsed = parseRoleLabel(label);
      expect(typeof parsed === "string" ? parsed : labelOf(parsed)).toBe(label);
    }
  });
});
