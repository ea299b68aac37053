import { describe, expect, it } from "vitest";
import { visibleWhere } from "../proposals/access.ts";
import type { Caller } from "./keys.ts";
import { grantsOfStanding, roleView } from "./person-grants.ts";

describe("a person's roles from the directory", () => {
  it("follow the contract, most privileged first, without duplicates", () => {
    const grants = grantsOfStanding({
      personId: "li",
      assignments: [
        { role: "proposer", scope: "member-li" },
        { role: "unit", scope: "water" },
        { role: "staff-head", scope: "" },
        { role: "staff", scope: "" },
        { role: "leader", scope: "leader-9" },
        { role: "chairs-meeting", scope: "" },
        { role: "admin", scope: "" },
      ],
      headedUnitIds: ["water", "roads"],
    });
    expect(grants).toEqual([
      { role: "admin", actorId: "li", unitId: null },
      { role: "staff", actorId: "li", unitId: null },
      { role: "leader", actorId: "leader-9", unitId: null },
      { role: "unit", actorId: "li", unitId: "water" },
      { role: "unit", actorId: "li", unitId: "roads" },
      { role: "proposer", actorId: "member-li", unitId: null },
    ]);
    expect(grants.map(roleView)).toEqual([
      { role: "admin", scope: "" },
      { role: "staff", scope: "" },
      { role: "leader", scope: "leader-9" },
      { role: "unit", scope: "water" },
      { role: "unit", scope: "roads" },
      { role: "proposer", scope: "member-li" },
    ]);
  });

  it("give nothing for the escalation-only roles", () => {
    expect(
      grantsOfStanding({ personId: "sun", assignments: [{ role: "committee-leader", scope: "" }], headedUnitIds: [] }),
    ).toEqual([]);
  });
});

describe("what a person with several roles sees", () => {
  const person = (grants: Caller["grants"]): Caller => ({
    keyId: "person:li",
    prefix: "session:1",
    committeeId: "default",
    role: "unit",
    actorId: "li",
    unitId: "water",
    grants,
  });

  it("is the union of their roles' conditions", () => {
    expect(
      visibleWhere(
        person([
          { role: "unit", actorId: "li", unitId: "water" },
          { role: "proposer", actorId: "member-li", unitId: null },
        ]),
      ),
    ).toEqual({
      AND: [
        { committeeId: "default" },
        {
          OR: [
            { unitIds: { has: "water" } },
            {
              OR: [
                { proposerId: "member-li" },
                { snapshot: { path: ["context", "proposers"], array_contains: [{ id: "member-li" }] } },
                { snapshot: { path: ["context", "linkedProposers"], array_contains: [{ id: "member-li" }] } },
              ],
            },
          ],
        },
      ],
    });
  });

  it("is everything when one role sees everything, and nothing without a role", () => {
    expect(
      visibleWhere(
        person([
          { role: "staff", actorId: "li", unitId: null },
          { role: "unit", actorId: "li", unitId: "water" },
        ]),
      ),
    ).toEqual({ AND: [{ committeeId: "default" }, {}] });
    expect(visibleWhere(person([]))).toEqual({ AND: [{ committeeId: "default" }, { id: { in: [] } }] });
  });
});
