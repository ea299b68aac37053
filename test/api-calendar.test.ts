import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * The calendar as the API shows it, on a clock the test sets: which years are official and which provisional,
 * the warning while the next 12 months are not all official (GET /v1/calendar and /metrics), and each open
 * deadline saying what it was counted on.
 */
let api: ApiHarness;
let now = new Date("2026-12-03T02:00:00Z");
let proposer: string;

beforeAll(async () => {
  api = await startApi({ overrides: { clock: { now: () => now } } });
  proposer = await api.issueKey("proposer", "member-cal");
});

afterAll(async () => {
  await api.close();
});

async function submitted(): Promise<{ calendar: string; dueAt: string }> {
  const created = await api.call("POST", "/v1/proposals", {
    key: proposer,
    body: {
      title: "关于完善公共假日交通保障的建议",
      reasons: "理由。",
      suggestions: ["建议一"],
      category: "livelihood",
      proposers: [{ id: "member-cal" }],
      submit: true,
    },
  });
  expect(created.status).toBe(201);
  const view = await api.call("GET", `/v1/proposals/${created.body.id}`, { key: proposer });
  const [review] = view.body.deadlines;
  expect(review.kind).toBe("review");
  return review;
}

describe("GET /v1/calendar", () => {
  it("shows 2027 as provisional, with the Spring Festival from the statutory rules, and warns", async () => {
    now = new Date("2026-12-03T02:00:00Z");
    const response = await api.call("GET", "/v1/calendar", { key: proposer });
    expect(response.status).toBe(200);
    const years = new Map(response.body.years.map((y: { year: number }) => [y.year, y]));
    expect(years.get(2026)).toMatchObject({ status: "official" });
    expect(years.get(2027)).toMatchObject({ status: "provisional" });
    const spring = (years.get(2027) as { holidays: { name: string; from: string; to: string }[] }).holidays.find(
      (holiday) => holiday.name === "春节",
    );
    expect(spring).toMatchObject({ from: "2027-02-05", to: "2027-02-10" });
    expect(response.body.coverage.gaps).toEqual([{ year: 2027, status: "provisional" }]);
    expect(response.body.coverage.warning).toContain("2027");
  });

  it("has no warning while the next 12 months are official", async () => {
    now = new Date("2025-06-01T02:00:00Z");
    const response = await api.call("GET", "/v1/calendar", { key: proposer });
    expect(response.body.coverage).toMatchObject({ gaps: [], warning: null });
  });

  it("is a metric for the operator", async () => {
    now = new Date("2026-12-03T02:00:00Z");
    const text = await (await fetch(`${api.base}/metrics`)).text();
    expect(text).toContain('huiyin_calendar_years_not_official{calendar="cn-mainland",status="provisional"} 1');
    now = new Date("2025-06-01T02:00:00Z");
    const later = await (await fetch(`${api.base}/metrics`)).text();
    expect(later).toContain('huiyin_calendar_years_not_official{calendar="cn-mainland",status="provisional"} 0');
  });
});

describe("an open deadline", () => {
  it("says it was counted on a provisional year, and skips that year's Spring Festival", async () => {
    // Submitted on Wed 27 January 2027: 10 working days, with 5 to 10 February off (provisional 春节).
    now = new Date("2027-01-27T02:00:00Z");
    const review = await submitted();
    expect(review.calendar).toBe("provisional");
    // Thu 28, Fri 29 Jan, Mon 1 to Thu 4 Feb (6), Thu 11, Fri 12, Mon 15, Tue 16 Feb (10): the end of 16 February.
    expect(review.dueAt).toBe("2027-02-16T15:59:59.999Z");
  });

  it("says official when the whole period has the State Council's notice", async () => {
    now = new Date("2026-03-02T02:00:00Z");
    expect((await submitted()).calendar).toBe("official");
  });
});
