import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../services/api/src/auth/keys.ts";
import { visibleRowTest, visibleWhere } from "../services/api/src/proposals/access.ts";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * The visibility rule has two forms: `visibleWhere` (a condition the database applies: lists, fetches) and
 * `visibleRowTest` (a test of a row already read: the engine asks it of the row its lock read, so that an event costs
 * no visibility statement of its own). Here both judge the same proposals, of every shape the rule looks at, for
 * callers of every role: they must agree on each.
 */
let api: ApiHarness;
const tag = `row-${Date.now().toString(36)}`;

const person = (id: string) => ({ id, name: id });
const shapes = [
  { committeeId: "default", proposerId: "m-1", unitIds: ["u-1"], leaderId: "l-1", proposers: ["m-1", "m-2"] },
  { committeeId: "default", proposerId: "m-2", unitIds: ["u-1", "u-2"], leaderId: null, proposers: ["m-2"] },
  { committeeId: "default", proposerId: "m-3", unitIds: [], leaderId: "l-2", proposers: ["m-3"], linked: ["m-1"] },
  { committeeId: "default", proposerId: "m-4", unitIds: ["u-3"], leaderId: null, proposers: [] },
  { committeeId: "other", proposerId: "m-1", unitIds: ["u-1"], leaderId: "l-1", proposers: ["m-1"] },
  { committeeId: "other", proposerId: "m-9", unitIds: ["u-2"], leaderId: "l-2", proposers: ["m-9"], linked: ["m-2"] },
];

const caller = (grant: Partial<Caller> & Pick<Caller, "role" | "actorId">, committeeId = "default"): Caller => ({
  keyId: `k-${grant.role}-${grant.actorId}`,
  prefix: "test",
  unitId: null,
  committeeId,
  ...grant,
});

let ids: string[] = [];

beforeAll(async () => {
  api = await startApi();
  ids = shapes.map((_, index) => `p_${tag}_${index}`);
  await api.database.prisma.proposal.createMany({
    data: shapes.map((shape, index) => ({
      id: ids[index] as string,
      committeeId: shape.committeeId,
      machineVersion: "test",
      snapshot: {
        value: "draft",
        context: {
          proposers: shape.proposers.map(person),
          ...(shape.linked ? { linkedProposers: shape.linked.map(person) } : {}),
        },
      },
      stage: "draft",
      states: ["draft"],
      version: 1,
      title: `${tag} ${index}`,
      proposerId: shape.proposerId,
      unitIds: shape.unitIds,
      leaderId: shape.leaderId,
    })),
  });
});

afterAll(async () => {
  await api.database.prisma.proposal.deleteMany({ where: { id: { in: ids } } });
  await api.close();
});

describe("visibleRowTest and visibleWhere", () => {
  const callers: Caller[] = [
    caller({ role: "admin", actorId: "a-1" }),
    caller({ role: "staff", actorId: "s-1" }),
    caller({ role: "staff", actorId: "s-9" }, "other"),
    caller({ role: "unit", actorId: "c-1", unitId: "u-1" }),
    caller({ role: "unit", actorId: "c-2", unitId: "u-2" }, "other"),
    caller({ role: "unit", actorId: "c-0", unitId: null }),
    caller({ role: "leader", actorId: "l-1" }),
    caller({
      role: "leader",
      actorId: "l-1",
      leaderScope: { supervisedUnitIds: ["u-2", "u-3"], addressedProposalIds: [] },
    }),
    caller({ role: "leader", actorId: "l-9", leaderScope: { supervisedUnitIds: [], addressedProposalIds: [] } }),
    caller({ role: "proposer", actorId: "m-1" }),
    caller({ role: "proposer", actorId: "m-2" }),
    caller({ role: "proposer", actorId: "m-2" }, "other"),
    caller({ role: "proposer", actorId: "m-4" }),
    caller({ role: "operator", actorId: "o-1" }),
  ];

  it("agree on every proposal for every caller of one role", async () => {
    // An addressed proposal is known only once the rows have ids.
    callers.push(
      caller({
        role: "leader",
        actorId: "l-8",
        leaderScope: { supervisedUnitIds: [], addressedProposalIds: [ids[3] as string] },
      }),
    );
    const rows = await api.database.prisma.proposal.findMany({ where: { id: { in: ids } } });
    let seen = 0;
    for (const who of callers) {
      const test = visibleRowTest(who);
      expect(test, `${who.role} ${who.actorId}`).toBeDefined();
      const byDatabase = await api.database.prisma.proposal.findMany({
        where: { AND: [{ id: { in: ids } }, visibleWhere(who)] },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      const byRow = rows
        .filter((row) => test?.(row))
        .map((row) => row.id)
        .sort();
      expect(byRow, `${who.role} ${who.actorId} of ${who.committeeId}`).toEqual(byDatabase.map((row) => row.id));
      seen += byRow.length;
    }
    // Not all empty, not all everything: the shapes tell the callers apart.
    expect(seen).toBeGreaterThan(callers.length);
    expect(seen).toBeLessThan(callers.length * ids.length);
  });

  it("has no row form where the rule needs more than the row: an integrator, a person of several roles", () => {
    expect(visibleRowTest(caller({ role: "integrator", actorId: "i-1" }))).toBeUndefined();
    const grants = [
      { role: "unit" as const, actorId: "p-1", unitId: "u-1" },
      { role: "proposer" as const, actorId: "p-1", unitId: null },
    ];
    expect(visibleRowTest(caller({ role: "unit", actorId: "p-1", unitId: "u-1", grants }))).toBeUndefined();
  });
});
