import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverToInbox } from "../services/notifier/src/inbox.ts";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * The inbox over real HTTP: notices the engine wrote for real events, delivered by the notifier's own delivery
 * code, read and acknowledged by the people they are for and by nobody else.
 */
let api: ApiHarness;
let keys: Record<"staff" | "proposer" | "water" | "roads", string>;
let proposalId: string;
const silent = createLogger({ service: "api-test", level: "silent", format: "json" });

async function deliverAll(): Promise<void> {
  const notices = await api.database.prisma.notice.findMany();
  for (const notice of notices) await deliverToInbox(api.database, notice.id, silent);
}

const inbox = async (key: string, query = "") => {
  const response = await api.call("GET", `/v1/notifications?limit=100${query}`, { key });
  expect(response.status).toBe(200);
  return response.body.items as { id: string; topic: string; proposalId: string; acknowledgedAt: string | null }[];
};

beforeAll(async () => {
  api = await startApi();
  keys = {
    staff: await api.issueKey("staff", "staff-1"),
    proposer: await api.issueKey("proposer", "member-1"),
    water: await api.issueKey("unit", "clerk-1", "water"),
    roads: await api.issueKey("unit", "clerk-2", "roads"),
  };
  const submit = (title: string) =>
    api.call("POST", "/v1/proposals", {
      key: keys.proposer,
      body: {
        title,
        reasons: "部分村庄供水不稳定。",
        suggestions: ["实施农村供水提质工程"],
        category: "livelihood",
        proposers: [{ id: "member-1" }],
        submit: true,
      },
    });
  proposalId = (await submit("关于改善农村饮水安全的建议")).body.id;
  await submit("关于加强农村河道管护的建议");
  await submit("关于推进农村污水治理的建议");
  const events = [
    { type: "review.register", category: "livelihood" },
    { type: "assign", mode: "sole", units: [{ unitId: "water", role: "lead" }] },
  ];
  for (const body of events) {
    const response = await api.call("POST", `/v1/proposals/${proposalId}/events`, { key: keys.staff, body });
    expect(response.status).toBe(200);
  }
  await deliverAll();
});

afterAll(async () => {
  await api.close();
});

describe("GET /v1/notifications", () => {
  it("shows each caller the notices delivered to its inbox, and nobody else's", async () => {
    const staff = await inbox(keys.staff);
    expect(staff.map((item) => item.topic)).toContain("proposal.submitted");
    expect(staff.map((item) => item.topic)).not.toContain("proposal.assigned");
    const water = await inbox(keys.water);
    expect(water.map((item) => item.topic)).toEqual(["proposal.assigned"]);
    // Named by its title, for the inbox to show.
    expect(water[0]).toMatchObject({ proposalId, proposalTitle: "关于改善农村饮水安全的建议", acknowledgedAt: null });
    expect(await inbox(keys.roads)).toEqual([]);
  });

  it("tells the proposer of the registration and of the handling units, and nothing internal", async () => {
    const mine = await inbox(keys.proposer);
    expect(mine.map((item) => item.topic)).toEqual(["assignment.announced", "proposal.registered"]);
    expect(mine[0]).toMatchObject({ proposalId, content: { units: [{ unitId: "water", role: "lead" }] } });
    // Not yet a reply: a reply reaches the proposer only once staff accepted it.
    expect(JSON.stringify(mine)).not.toContain("replies");
  });

  it("pages newest first with an opaque cursor; a forged cursor is 400", async () => {
    const all = await inbox(keys.staff);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen = await api.pageIds("/v1/notifications?limit=1", keys.staff);
    expect(seen).toEqual(all.map((item) => item.id));
    const forged = await api.call("GET", "/v1/notifications?cursor=abc", { key: keys.staff });
    expect(forged.status).toBe(400);
  });
});

describe("POST /v1/notifications/:id/ack", () => {
  it("records who acknowledged it and when, once; others get 404 and change nothing", async () => {
    const [notice] = await inbox(keys.water);
    const id = notice?.id ?? "";
    const stranger = await api.call("POST", `/v1/notifications/${id}/ack`, { key: keys.roads });
    expect(stranger.status).toBe(404);
    expect((await api.database.prisma.notice.findUniqueOrThrow({ where: { id } })).acknowledgedAt).toBeNull();

    const first = await api.call("POST", `/v1/notifications/${id}/ack`, { key: keys.water });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id, acknowledgedBy: "unit:clerk-1" });
    expect(first.body.acknowledgedAt).toEqual(expect.any(String));
    const again = await api.call("POST", `/v1/notifications/${id}/ack`, { key: keys.water });
    expect(again.body.acknowledgedAt).toBe(first.body.acknowledgedAt);

    expect(await inbox(keys.water, "&unacknowledged=true")).toEqual([]);
    expect((await inbox(keys.water, "&unacknowledged=false")).map((item) => item.id)).toEqual([id]);
  });

  it("answers 404 for a notice that does not exist", async () => {
    const response = await api.call("POST", "/v1/notifications/nope/ack", { key: keys.staff });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("NOT_FOUND");
  });
});
