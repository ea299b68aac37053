import { describe, expect, it } from "vitest";
import type { Grant } from "../auth/keys.ts";
import {
  delegatedGrants,
  delegationActive,
  grantMatches,
  grantsForIntegrator,
  parseRolePattern,
  withDelegated,
} from "./rules.ts";

const admin: Grant = { role: "admin", actorId: "p-1", unitId: null };
const staff: Grant = { role: "staff", actorId: "p-1", unitId: null };
const water: Grant = { role: "unit", actorId: "p-1", unitId: "water" };
const leader: Grant = { role: "leader", actorId: "leader-1", unitId: null };
const member: Grant = { role: "proposer", actorId: "member-1", unitId: null };
const via = { keyId: "k-1", keyPrefix: "hy_abcdefghijkl", integratorId: "member-app" };

describe("role patterns", () => {
  it("reads the acting roles, scoped or not, and nothing else", () => {
    expect(parseRolePattern("proposer")).toEqual({ role: "proposer" });
    expect(parseRolePattern("unit:water")).toEqual({ role: "unit", scope: "water" });
    expect(parseRolePattern("staff")).toEqual({ role: "staff" });
    for (const text of ["admin", "integrator", "unit:", "staff:x", "chairs-meeting", ""]) {
      expect(parseRolePattern(text), text).toBeUndefined();
    }
  });

  it("matches a grant by role, and by its unit, leader or member when scoped", () => {
    expect(grantMatches({ role: "unit" }, water)).toBe(true);
    expect(grantMatches({ role: "unit", scope: "water" }, water)).toBe(true);
    expect(grantMatches({ role: "unit", scope: "roads" }, water)).toBe(false);
    expect(grantMatches({ role: "leader", scope: "leader-1" }, leader)).toBe(true);
    expect(grantMatches({ role: "proposer", scope: "member-2" }, member)).toBe(false);
    expect(grantMatches({ role: "staff" }, water)).toBe(false);
  });
});

describe("who an integrator key may act for", () => {
  const grants = [admin, staff, water, member];

  it("bound to the person: all their roles but admin, each marked with the key and the person", () => {
    const acting = grantsForIntegrator({ people: ["p-1"], roles: [] }, "p-1", grants, via);
    expect(acting?.map((grant) => grant.role)).toEqual(["staff", "unit", "proposer"]);
    expect(acting?.[0]?.behalf).toEqual({ via: { ...via, personId: "p-1" } });
  });

  it("bound to roles: only the roles bound, of a person who holds them", () => {
    const acting = grantsForIntegrator({ people: [], roles: ["proposer"] }, "p-1", grants, via);
    expect(acting?.map((grant) => grant.role)).toEqual(["proposer"]);
    const scoped = grantsForIntegrator({ people: [], roles: ["unit:water", "unit:roads"] }, "p-1", grants, via);
    expect(scoped?.map((grant) => grant.unitId)).toEqual(["water"]);
  });

  it("not bound: neither the person nor any role they hold (admin is never a binding)", () => {
    expect(grantsForIntegrator({ people: ["p-2"], roles: ["unit:roads"] }, "p-1", grants, via)).toBeUndefined();
    expect(grantsForIntegrator({ people: [], roles: ["admin"] }, "p-1", [admin], via)).toBeUndefined();
    expect(grantsForIntegrator({ people: [], roles: [] }, "p-1", grants, via)).toBeUndefined();
  });

  it("bound to a person who holds no role: bound, but nothing to act under", () => {
    expect(grantsForIntegrator({ people: ["p-1"], roles: [] }, "p-1", [admin], via)).toEqual([]);
  });

  it("keeps a delegation the person holds a role under, beside the key", () => {
    const delegated = delegatedGrants({ id: "d-1", delegatorId: "p-9", delegateId: "p-1", roles: [] }, [
      { role: "unit", actorId: "p-9", unitId: "roads" },
    ]);
    const acting = grantsForIntegrator({ people: ["p-1"], roles: [] }, "p-1", delegated, via);
    expect(acting?.[0]?.behalf).toEqual({
      delegation: { id: "d-1", delegatorId: "p-9", delegateId: "p-1" },
      via: { ...via, personId: "p-1" },
    });
  });
});

describe("a delegation's window", () => {
  const window = {
    startsAt: new Date("2026-12-01T00:00:00Z"),
    endsAt: new Date("2026-12-08T00:00:00Z"),
    revokedAt: null,
  };

  it("holds from its start (included) to its end (excluded)", () => {
    expect(delegationActive(window, new Date("2026-11-30T23:59:59.999Z"))).toBe(false);
    expect(delegationActive(window, new Date("2026-12-01T00:00:00Z"))).toBe(true);
    expect(delegationActive(window, new Date("2026-12-07T23:59:59.999Z"))).toBe(true);
    expect(delegationActive(window, new Date("2026-12-08T00:00:00Z"))).toBe(false);
  });

  it("ends when revoked", () => {
    const revoked = { ...window, revokedAt: new Date("2026-12-03T00:00:00Z") };
    expect(delegationActive(revoked, new Date("2026-12-02T12:00:00Z"))).toBe(true);
    expect(delegationActive(revoked, new Date("2026-12-03T00:00:00Z"))).toBe(false);
  });
});

describe("what a delegate holds", () => {
  const terms = { id: "d-1", delegatorId: "p-1", delegateId: "p-2" };

  it("every role of the delegator but admin, marked with the delegation", () => {
    const held = delegatedGrants({ ...terms, roles: [] }, [admin, staff, water, leader]);
    expect(held.map((grant) => grant.role)).toEqual(["staff", "unit", "leader"]);
    expect(held[1]).toEqual({ ...water, behalf: { delegation: terms } });
  });

  it("only the roles named", () => {
    const held = delegatedGrants({ ...terms, roles: ["unit:water"] }, [staff, water, leader]);
    expect(held.map((grant) => grant.role)).toEqual(["unit"]);
  });

  it("after the delegate's own roles, without a role they hold already", () => {
    const own: Grant[] = [{ role: "leader", actorId: "leader-1", unitId: null }];
    const merged = withDelegated(own, delegatedGrants({ ...terms, roles: [] }, [leader, water]));
    expect(merged.map((grant) => [grant.role, grant.behalf === undefined])).toEqual([
      ["leader", true],
      ["unit", false],
    ]);
  });
});
