import { describe, expect, it } from "vitest";
import type { Caller, KeyRole } from "../auth/keys.ts";
import { actorOf, createRefusal, seesWholeCommittee, visibleWhere } from "./access.ts";

const caller = (role: KeyRole, extra: Partial<Caller> = {}): Caller => ({
  keyId: "k",
  prefix: "hy_x",
  committeeId: "default",
  role,
  actorId: "person-1",
  unitId: null,
  ...extra,
});

/** Every condition is within the caller's committee first. */
const inDefault = (roles: object) => ({ AND: [{ committeeId: "default" }, roles] });

describe("what a caller sees", () => {
  it("is everything of its committee for admin and staff", () => {
    expect(visibleWhere(caller("admin"))).toEqual(inDefault({}));
    expect(visibleWhere(caller("staff"))).toEqual(inDefault({}));
    expect(visibleWhere(caller("staff", { committeeId: "county-b" }))).toEqual({
      AND: [{ committeeId: "county-b" }, {}],
    });
  });

  it("is the committee alone (a plain statement's check) exactly when no role narrows it", () => {
    expect(seesWholeCommittee(caller("admin"))).toBe(true);
    expect(seesWholeCommittee(caller("staff"))).toBe(true);
    for (const role of ["unit", "leader", "proposer", "integrator", "operator"] as const) {
      expect(seesWholeCommittee(caller(role, { unitId: "water" }))).toBe(false);
    }
    // A person holding several roles sees the union: the whole committee once one of them is staff.
    const person = (roles: KeyRole[]) =>
      caller("proposer", { grants: roles.map((role) => caller(role, { unitId: "water" })) });
    expect(seesWholeCommittee(person(["proposer", "staff"]))).toBe(true);
    expect(seesWholeCommittee(person(["proposer", "unit"]))).toBe(false);
  });

  it("is the assigned proposals for a unit, and nothing for a unit key without a unit", () => {
    expect(visibleWhere(caller("unit", { unitId: "water" }))).toEqual(inDefault({ unitIds: { has: "water" } }));
    expect(visibleWhere(caller("unit"))).toEqual(inDefault({ id: { in: [] } }));
  });

  it("is nothing for the deployment's operator", () => {
    expect(visibleWhere(caller("operator"))).toEqual(inDefault({ id: { in: [] } }));
    expect(createRefusal(caller("operator"), ["x"])?.message).toMatch(/does not create/);
  });

  it("is its own proposals for a proposer and a leader, its creations for an integrator", () => {
    expect(visibleWhere(caller("leader"))).toEqual(inDefault({ leaderId: "person-1" }));
    expect(JSON.stringify(visibleWhere(caller("proposer")))).toContain('"proposerId":"person-1"');
    expect(JSON.stringify(visibleWhere(caller("integrator")))).toContain('"equals":"integrator"');
  });
});

describe("the actor stamped on events", () => {
  it("acts as staff for an admin, keeps the unit of a unit key", () => {
    expect(actorOf(caller("admin"))).toEqual({ role: "staff", id: "person-1" });
    expect(actorOf(caller("unit", { unitId: "water" }))).toEqual({ role: "unit", id: "person-1", unitId: "water" });
    expect(actorOf(caller("proposer"))).toEqual({ role: "proposer", id: "person-1" });
  });
});

describe("who may create a proposal", () => {
  it("is staff, admin, integrators, and proposers for proposals they lead (co-proposers may be anyone)", () => {
    expect(createRefusal(caller("staff"), ["x"])).toBeUndefined();
    expect(createRefusal(caller("integrator"), ["x"])).toBeUndefined();
    expect(createRefusal(caller("proposer"), ["person-1", "x"])).toBeUndefined();
    expect(createRefusal(caller("proposer"), ["x", "person-1"])?.reason).toBe("NOT_LEAD_PROPOSER");
    expect(createRefusal(caller("proposer"), ["x"])?.reason).toBe("NOT_LEAD_PROPOSER");
    expect(createRefusal(caller("unit", { unitId: "u" }), ["x"])?.message).toMatch(/does not create/);
    expect(createRefusal(caller("leader"), ["x"])?.message).toMatch(/does not create/);
  });
});
