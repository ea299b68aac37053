import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * Concurrent writes to one directory entry, over real HTTP and PostgreSQL: each must be decided in the database
 * (never a 500 from a unique or foreign-key violation), PUT stays create-or-replace with exactly one creation,
 * and the rule "a person who heads a unit cannot be deleted" holds however the requests interleave.
 */
let api: ApiHarness;

beforeAll(async () => {
  api = await startApi();
});

afterAll(async () => {
  await api.close();
});

const times = <T>(count: number, make: (index: number) => Promise<T>) =>
  Promise.all(Array.from({ length: count }, (_unused, index) => make(index)));
const statuses = (responses: { status: number }[]) => responses.map((response) => response.status).sort();

describe("concurrent writes of one person", () => {
  it("20 PUTs of a new person: all succeed, exactly one creates (201), the others replace (200)", async () => {
    const responses = await times(20, (index) =>
      api.call("PUT", "/v1/directory/people/zhao", { body: { name: `赵${index}` } }),
    );
    expect(statuses(responses)).toEqual([...Array(19).fill(200), 201].sort());
    const again = await times(20, () => api.call("PUT", "/v1/directory/people/zhao", { body: { name: "赵" } }));
    expect(statuses(again)).toEqual(Array(20).fill(200));
    expect(await api.database.prisma.person.count({ where: { id: "zhao" } })).toBe(1);
  });

  it("10 DELETEs of one person: one 204, the others 404", async () => {
    expect((await api.call("PUT", "/v1/directory/people/qian", { body: { name: "钱" } })).status).toBe(201);
    expect((await api.call("PUT", "/v1/directory/roles/staff/people/qian")).status).toBe(201);
    const responses = await times(10, () => api.call("DELETE", "/v1/directory/people/qian"));
    expect(statuses(responses)).toEqual([204, ...Array(9).fill(404)]);
    expect(await api.database.prisma.roleAssignment.count({ where: { personId: "qian" } })).toBe(0);
  });

  it("PUTs, DELETEs, role assignments and role listings of one person at once: never a 5xx", async () => {
    for (let round = 0; round < 10; round += 1) {
      const responses = await Promise.all([
        ...Array.from({ length: 3 }, () => api.call("PUT", "/v1/directory/people/sun", { body: { name: "孙" } })),
        ...Array.from({ length: 3 }, () => api.call("DELETE", "/v1/directory/people/sun")),
        ...Array.from({ length: 3 }, () => api.call("PUT", "/v1/directory/roles/staff-head/people/sun")),
        ...Array.from({ length: 3 }, () => api.call("GET", "/v1/directory/roles/staff-head")),
      ]);
      for (const response of responses) expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
    }
  });
});

describe("concurrent writes of one unit", () => {
  it("5 PUTs of a new unit: exactly one 201, four 200", async () => {
    const responses = await times(5, () => api.call("PUT", "/v1/directory/units/u-new", { body: { name: "新单位" } }));
    expect(statuses(responses)).toEqual([200, 200, 200, 200, 201]);
  });
});

describe("a unit naming a head while that person is deleted", () => {
  it("never both succeed: either the unit keeps its head and the delete is 409, or the PUT is refused", async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 15; round += 1) {
      const person = `head-${round}`;
      expect((await api.call("PUT", `/v1/directory/people/${person}`, { body: { name: "局长" } })).status).toBe(201);
      const [unit, deleted] = await Promise.all([
        api.call("PUT", `/v1/directory/units/race-${round}`, { body: { name: "单位", headPersonId: person } }),
        api.call("DELETE", `/v1/directory/people/${person}`),
      ]);
      outcomes.add(`${unit.status}/${deleted.status}`);
      const row = await api.database.prisma.unit.findUnique({ where: { id: `race-${round}` } });
      const stored = await api.database.prisma.person.findUnique({ where: { id: person } });
      if (unit.status === 201) {
        // The unit won: it names its head, who is still there, and the delete was refused.
        expect(deleted.status).toBe(409);
        expect(deleted.body.error.code).toBe("PERSON_HEADS_UNIT");
        expect(row?.headPersonId).toBe(person);
        expect(stored).not.toBeNull();
      } else {
        // The delete won: the unit's PUT was refused and no unit names (or lost) that head.
        expect(deleted.status).toBe(204);
        expect(unit.status).toBe(422);
        expect(row).toBeNull();
        expect(stored).toBeNull();
      }
    }
    // Whichever order the database chose, every round was one of the two consistent outcomes.
    for (const outcome of outcomes) expect(["201/409", "422/204"]).toContain(outcome);
  });
});
