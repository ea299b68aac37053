import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedYear } from "../infra/bench/src/seed-year.ts";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * The bench's year in bulk SQL (infra/bench/src/seed-year.ts, also the console bench's): its rows have the shape the
 * engine writes, so the api reads them as it reads real ones - the statistics derive them from their history, a
 * seeded proposal is shown with its history - and the year has something of every stage and every figure.
 */
let api: ApiHarness;
let staff: string;
let proposalIds: string[];

beforeAll(async () => {
  api = await startApi({ overrides: { clock: { now: () => new Date("2027-02-01T00:00:00Z") } } });
  staff = await api.issueKey("staff", "office-li");
  ({ proposalIds } = await seedYear(api.database.pool, { proposals: 600 }));
}, 120_000);

afterAll(async () => {
  await api.close();
});

describe("seedYear", () => {
  it("adds the proposals it says, across every stage, numbered per session without gaps", async () => {
    expect(proposalIds).toHaveLength(600);
    expect(new Set(proposalIds).size).toBe(600);
    const stats = await api.call("GET", "/v1/stats", { key: staff });
    expect(stats.status).toBe(200);
    expect(stats.body.proposals.total).toBe(600);
    expect(Object.keys(stats.body.proposals.byStage).sort()).toEqual(
      ["assign", "closed", "evaluate", "handle", "review", "submit", "supervise"].sort(),
    );
    const numbers = await api.database.pool.query<{ session_id: string; n: number; top: number; last: number }>(
      `SELECT p.session_id, count(p.number)::int AS n, max(p.number) AS top, s.last_number AS last
         FROM proposals p JOIN committee_sessions s ON s.id = p.session_id GROUP BY 1, 4`,
    );
    expect(numbers.rows).toHaveLength(2);
    for (const row of numbers.rows) expect([row.top, row.last]).toEqual([row.n, row.n]);
  });

  it("gives every figure of the statistics something to count, and the unit table its links", async () => {
    const stats = await api.call("GET", "/v1/stats?groupBy=unit", { key: staff });
    const summary = stats.body.summary;
    for (const figure of [
      summary.registered,
      summary.notRegistered,
      ...Object.values(summary.notRegistered.byGround).slice(0, 4),
      summary.replied,
      summary.repliedOnTime,
      summary.repliedLate,
      summary.grades.A,
      summary.grades.B,
      summary.grades.C,
      summary.evaluations.satisfied,
      summary.evaluations.basicallySatisfied,
      summary.evaluations.unsatisfied,
      summary.rehandled,
      summary.overdueNow,
      summary.overdueEver,
    ]) {
      expect((figure as { count: number }).count).toBeGreaterThan(0);
    }
    expect(summary.workingDaysToReply.p90).toBeGreaterThan(summary.workingDaysToReply.average * 0.9);
    // A few units carry most proposals, as a province's big departments do.
    const rows = stats.body.rows as { key: string; assigned: { count: number; list: string } }[];
    expect(rows.length).toBeGreaterThan(30);
    expect(rows[0]?.assigned.count).toBeGreaterThan(3 * (rows.at(-1)?.assigned.count ?? 0));
    const biggest = stats.body.rows[0];
    const late = await api.pageIds(`/v1/proposals?limit=100&${biggest.repliedLate.list}`, staff);
    expect(late).toHaveLength(biggest.repliedLate.count);
  });

  it("a seeded proposal reads like one the engine wrote: the proposal and its history", async () => {
    const { rows } = await api.database.pool.query<{ id: string }>(
      "SELECT id FROM proposals WHERE stage = 'closed' AND 'closed.completed' = ANY(states) LIMIT 1",
    );
    const id = rows[0]?.id as string;
    const one = await api.call("GET", `/v1/proposals/${id}`, { key: staff });
    expect(one.status).toBe(200);
    expect(one.body.stage).toBe("closed");
    const history = await api.call("GET", `/v1/proposals/${id}/history?limit=200`, { key: staff });
    expect(history.status).toBe(200);
    expect(history.body.items.map((item: { type: string }) => item.type)).toEqual(
      expect.arrayContaining(["create", "submit", "review.register", "assign", "handle.reply", "evaluate"]),
    );
  });
});
