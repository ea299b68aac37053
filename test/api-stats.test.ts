import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * Figures and time over real HTTP: the app runs on a clock the test can move forward (injected, as production
 * injects the system clock), so that deadlines fall due without waiting.
 */
let api: ApiHarness;
let offsetMs = 0;
let keys: Record<"staff" | "proposer" | "water" | "integrator", string>;
const ids: string[] = [];
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  api = await startApi({ overrides: { clock: { now: () => new Date(Date.now() + offsetMs) } } });
  keys = {
    staff: await api.issueKey("staff", "staff-1"),
    proposer: await api.issueKey("proposer", "member-1"),
    water: await api.issueKey("unit", "clerk-1", "water"),
    integrator: await api.issueKey("integrator", "oa"),
  };
  for (const title of ["关于改善农村饮水安全的建议", "关于加强农村河道管护的建议"]) {
    const created = await api.call("POST", "/v1/proposals", {
      key: keys.proposer,
      body: {
        title,
        reasons: "理由。",
        suggestions: ["建议一"],
        category: "livelihood",
        proposers: [{ id: "member-1" }],
        submit: true,
      },
    });
    ids.push(created.body.id);
  }
  await api.call("POST", "/v1/proposals", {
    key: keys.proposer,
    body: { title: "关于完善社区食堂的建议", proposers: [{ id: "member-1" }] },
  });
});

afterAll(async () => {
  await api.close();
});

describe("overdue deadlines", () => {
  it("are none while the review is within its time, and both once the clock is past it", async () => {
    const before = await api.call("GET", "/v1/proposals?overdue=true", { key: keys.staff });
    expect(before.body.items).toEqual([]);
    offsetMs = 60 * DAY;
    const after = await api.call("GET", "/v1/proposals?overdue=true", { key: keys.staff });
    expect(after.body.items.map((item: { id: string }) => item.id).sort()).toEqual([...ids].sort());
    const notOverdue = await api.call("GET", "/v1/proposals?overdue=false", { key: keys.staff });
    expect(notOverdue.body.items.map((item: { stage: string }) => item.stage)).toEqual(["submit"]);
    const one = await api.call("GET", `/v1/proposals/${ids[0]}`, { key: keys.staff });
    expect(one.body.deadlines).toEqual([expect.objectContaining({ overdue: true })]);
  });
});

describe("GET /v1/stats", () => {
  it("counts proposals per stage and overdue deadlines, over what the caller sees", async () => {
    offsetMs = 60 * DAY;
    const stats = await api.call("GET", "/v1/stats", { key: keys.staff });
    expect(stats.status).toBe(200);
    expect(stats.body.proposals).toEqual({ total: 3, key: 0, byStage: { review: 2, submit: 1 } });
    expect(stats.body.overdueDeadlines.total).toBe(2);
    expect(Object.values(stats.body.overdueDeadlines.byUnit)).toEqual([2]);
  });

  it("is refused (403) to proposers and integrators; a unit gets the figures of its own proposals", async () => {
    const unit = await api.call("GET", "/v1/stats?groupBy=unit", { key: keys.water });
    expect(unit.status).toBe(200);
    // Nothing is assigned to water yet: no proposal of its own, no row.
    expect(unit.body.summary.submitted.count).toBe(0);
    expect(unit.body.rows).toEqual([]);
    for (const key of [keys.proposer, keys.integrator]) {
      const response = await api.call("GET", "/v1/stats", { key });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe("FORBIDDEN");
    }
  });
});

describe("GET /v1/workflows/proposal", () => {
  it("describes the machine's stages and events, and draws it", async () => {
    const response = await api.call("GET", "/v1/workflows/proposal", { key: keys.integrator });
    expect(response.status).toBe(200);
    const text = JSON.stringify(response.body.definition);
    for (const word of ["submit", "review", "assign", "handle", "evaluate"]) expect(text).toContain(word);
    expect(response.body.mermaid.startsWith("stateDiagram-v2")).toBe(true);
  });
});
