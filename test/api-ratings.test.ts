import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * Who rates, over HTTP: both proposers of a joint proposal (联名) rate the reply with their own keys, the lowest
 * rating decides and sends the reply back for re-handling, staff regrade an accepted reply with a reason, and the
 * figures count every rating, each unit's part and the final grades.
 */
let api: ApiHarness;
let keys: Record<"lead" | "co" | "staff" | "unitA" | "unitB", string>;

beforeAll(async () => {
  api = await startApi();
  keys = {
    lead: await api.issueKey("proposer", "member-wang"),
    co: await api.issueKey("proposer", "member-zhao"),
    staff: await api.issueKey("staff", "office-li"),
    unitA: await api.issueKey("unit", "clerk-roads", "roads"),
    unitB: await api.issueKey("unit", "clerk-parks", "parks"),
  };
});

afterAll(async () => {
  await api.close();
});

async function send(id: string, key: string, body: { type: string } & Record<string, unknown>) {
  const response = await api.call("POST", `/v1/proposals/${id}/events`, {
    key,
    body,
    headers: { "idempotency-key": randomUUID() },
  });
  return response;
}

async function ok(id: string, key: string, body: { type: string } & Record<string, unknown>) {
  const response = await send(id, key, body);
  expect(response.status, `${body.type}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body;
}

describe("joint proposal rated by both proposers; per-unit ratings; regrading", () => {
  it("keeps every rating, decides by the lowest, regrades with a reason, and counts it all", async () => {
    const created = await api.call("POST", "/v1/proposals", {
      key: keys.lead,
      body: {
        title: "关于改善城区步行环境的建议",
        reasons: "人行道被占用，绿地不足。",
        suggestions: ["清理人行道", "增设口袋公园"],
        category: "urban",
        proposers: [{ id: "member-wang" }, { id: "member-zhao" }],
        submit: true,
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await ok(id, keys.staff, { type: "review.register", category: "urban" });
    await ok(id, keys.staff, {
      type: "assign",
      mode: "separate",
      units: [
        { unitId: "roads", role: "separate" },
        { unitId: "parks", role: "separate" },
      ],
    });
    for (const key of [keys.unitA, keys.unitB]) await ok(id, key, { type: "unit.acknowledge" });
    for (const key of [keys.unitA, keys.unitB]) {
      await ok(id, key, {
        type: "handle.contact",
        channel: "phone",
        contactedAt: new Date().toISOString(),
        summary: "s",
      });
      await ok(id, key, { type: "handle.reply", classification: "A", text: "已办理。", signedOffBy: "head" });
    }
    await ok(id, keys.staff, { type: "supervise.acceptReply" });

    // Staff regrade the parks reply; a proposer may not.
    expect((await send(id, keys.co, { type: "supervise.reclassify", classification: "B", reason: "r" })).status).toBe(
      403,
    );
    await ok(id, keys.staff, {
      type: "supervise.reclassify",
      unitId: "parks",
      classification: "B",
      reason: "公园尚在规划，未建成",
    });

    // The lead is satisfied; the proposal waits for the co-proposer, who rates parks unsatisfied.
    const first = await ok(id, keys.lead, { type: "evaluate", result: "satisfied", comment: "好" });
    expect(first.stage).toBe("evaluate");
    const again = await send(id, keys.lead, { type: "evaluate", result: "satisfied", comment: "" });
    expect(again.status).toBe(409);
    // Each proposer rates once per window.
    expect(JSON.stringify(again.body.error)).toContain("ALREADY_EVALUATED");
    const second = await ok(id, keys.co, {
      type: "evaluate",
      result: "unsatisfied",
      comment: "公园未落实",
      units: [
        { unitId: "roads", result: "satisfied" },
        { unitId: "parks", result: "unsatisfied" },
      ],
    });
    expect(second.stage).toBe("handle");

    // The co-proposer reads the regrade and its reason (the proposers see the final grade and why).
    const history = await api.call("GET", `/v1/proposals/${id}/history?limit=100`, { key: keys.co });
    expect(history.status).toBe(200);
    const regrade = history.body.items.find((item: { type: string }) => item.type === "supervise.reclassify");
    expect(regrade).toMatchObject({ payloadHidden: false, payload: { classification: "B", unitId: "parks" } });

    const stats = await api.call("GET", "/v1/stats", { key: keys.staff });
    expect(stats.status).toBe(200);
    expect(stats.body.evaluations).toEqual({
      ratings: 2,
      byResult: { satisfied: 1, unsatisfied: 1 },
      byUnit: {
        roads: { rated: 2, satisfied: 2, rate: 1 },
        parks: { rated: 2, satisfied: 1, rate: 0.5 },
      },
    });
    expect(stats.body.replyClasses).toEqual({ A: 1, B: 1 });
  });
});
