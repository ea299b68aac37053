import { describe, expect, it } from "vitest";
import type { Grant } from "../auth/keys.ts";
import { grantSees, type RowParties, viewerForRow } from "./viewer.ts";

const row: RowParties = {
  id: "p_1",
  proposerId: "member-1",
  unitIds: ["water"],
  leaderId: null,
  createdBy: "integrator:oa",
  committeeId: "default",
  snapshot: { context: { proposers: [{ id: "member-1" }, { id: "member-2" }], linkedProposers: [{ id: "member-9" }] } },
};
const grant = (
  role: Grant["role"],
  actorId: string,
  unitId: string | null = null,
  extra: Partial<Grant> = {},
): Grant => ({
  role,
  actorId,
  unitId,
  ...extra,
});

describe("grantSees", () => {
  it("follows grantWhere: units by assignment, leaders by scope, proposers by the proposers, integrators by creator", () => {
    expect(grantSees(grant("staff", "s"), row)).toBe(true);
    expect(grantSees(grant("unit", "c", "water"), row)).toBe(true);
    expect(grantSees(grant("unit", "c", "roads"), row)).toBe(false);
    expect(grantSees(grant("leader", "l-1"), row)).toBe(false);
    const scope = { supervisedUnitIds: ["water"], addressedProposalIds: [] };
    expect(grantSees(grant("leader", "l-1", null, { leaderScope: scope }), row)).toBe(true);
    expect(grantSees(grant("proposer", "member-2"), row)).toBe(true);
    expect(grantSees(grant("proposer", "member-9"), row)).toBe(true);
    expect(grantSees(grant("proposer", "member-3"), row)).toBe(false);
    expect(grantSees(grant("integrator", "oa"), row)).toBe(true);
    expect(grantSees(grant("integrator", "other"), row)).toBe(false);
    // Outside the default committee the engine writes the creator as `<committee>/integrator:<id>`.
    const county = { ...row, committeeId: "county", createdBy: "county/integrator:oa" };
    expect(grantSees(grant("integrator", "oa"), county)).toBe(true);
    expect(grantSees(grant("integrator", "oa"), { ...county, createdBy: "integrator:oa" })).toBe(false);
  });
});

describe("viewerForRow", () => {
  it("writes a row for the first of a person's roles that sees it", () => {
    const unitAndProposer = [grant("unit", "p", "roads"), grant("proposer", "member-2")];
    expect(viewerForRow(unitAndProposer, row)).toEqual({ audience: "proposer" });
    expect(viewerForRow([grant("unit", "p", "water"), grant("proposer", "member-2")], row)).toEqual({
      audience: "unit",
      unitId: "water",
    });
    // No role of the caller claims it: the audience that reads no reply.
    expect(viewerForRow([grant("unit", "p", "roads")], row)).toEqual({ audience: "unit", unitId: null });
  });
});
