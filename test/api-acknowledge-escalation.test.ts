import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleAlarm, proposalWorkflow, systemClock } from "../packages/engine/src/index.ts";
import { deliverToInbox } from "../services/notifier/src/inbox.ts";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * Acknowledging in the inbox (`POST /v1/notifications/:id/ack`) stops the escalation of that deadline: a proposal
 * left in review escalates to the staff head; the back office acknowledges over HTTP; the next level (the
 * committee leader) is suppressed when its alarm rings. The alarms are rung in order by hand, with no clock.
 */
let api: ApiHarness;
const silent = createLogger({ service: "api-test", level: "silent", format: "json" });

beforeAll(async () => {
  api = await startApi();
});

afterAll(async () => {
  await api.close();
});

describe("an escalation acknowledged in the inbox", () => {
  it("keeps the next level from going out", async () => {
    const staff = await api.issueKey("staff", "staff-1");
    const proposer = await api.issueKey("proposer", "member-1");
    const created = await api.call("POST", "/v1/proposals", {
      key: proposer,
      body: {
        title: "关于改善农村饮水安全的建议",
        reasons: "部分村庄供水不稳定。",
        suggestions: ["实施农村供水提质工程"],
        category: "livelihood",
        proposers: [{ id: "member-1" }],
        submit: true,
      },
    });
    expect(created.status).toBe(201);
    const proposalId: string = created.body.id;
    const deps = { db: api.database, logger: silent, clock: systemClock, workflow: proposalWorkflow };
    const deadline = await api.database.prisma.deadline.findFirstOrThrow({ where: { proposalId, kind: "review" } });
    const target = { proposalId, deadlineId: deadline.deadlineId };
    const ring = async (kind: string, level: number) => {
      const alarm = await api.database.prisma.alarm.findFirstOrThrow({ where: { ...target, kind, level } });
      return handleAlarm(deps, { alarmId: alarm.id, ...target });
    };
    expect(await ring("remind", 1)).toBe("applied");
    expect(await ring("due", 0)).toBe("applied");
    expect(await ring("escalate", 1)).toBe("applied");

    const level1 = await api.database.prisma.notice.findFirstOrThrow({
      where: { ...target, kind: "deadline.escalation", level: 1 },
    });
    await deliverToInbox(api.database, level1.id, silent);
    const acked = await api.call("POST", `/v1/notifications/${level1.id}/ack`, { key: staff });
    expect(acked.status).toBe(200);
    expect(acked.body.acknowledgedBy).toBe("staff:staff-1");

    expect(await ring("escalate", 2)).toBe("suppressed");
    expect(await api.database.prisma.notice.count({ where: { ...target, kind: "deadline.escalation" } })).toBe(1);
    const history = await api.call("GET", `/v1/proposals/${proposalId}/history?limit=100`, { key: staff });
    const escalations = history.body.items.filter((item: { type: string }) => item.type === "deadline.escalate");
    expect(escalations.map((item: { payload: { level: number } }) => item.payload.level)).toEqual([1]);
  });
});
