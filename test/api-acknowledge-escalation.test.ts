import { defaultPolicy } from "@huiyin/domain";
import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleAlarm, systemClock } from "../packages/engine/src/index.ts";
import { importDirectory } from "../services/notifier/src/directory.ts";
import { deliverToInbox } from "../services/notifier/src/inbox.ts";
import { proposalWorkflow } from "../workflows/proposal/src/index.ts";
import { type ApiHarness, startApi } from "./support/api.ts";
import { importLeaders, lateReply } from "./support/late-reply.ts";

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

/** The proposal's deadline of this kind, and its alarms rung by hand, in order, with no clock. */
async function alarmsOf(proposalId: string, kind: string) {
  const deps = { db: api.database, logger: silent, clock: systemClock, workflow: proposalWorkflow };
  const deadline = await api.database.prisma.deadline.findFirstOrThrow({ where: { proposalId, kind } });
  const target = { proposalId, deadlineId: deadline.deadlineId };
  const ring = async (alarmKind: string, level: number) => {
    const alarm = await api.database.prisma.alarm.findFirstOrThrow({ where: { ...target, kind: alarmKind, level } });
    return handleAlarm(deps, { alarmId: alarm.id, ...target });
  };
  return { target, ring };
}

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
    const { target, ring } = await alarmsOf(proposalId, "review");
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
    // The proposal's page shows the open deadlines as the rows the timers run on have them: the due time (rung by
    // hand, ahead of it: not overdue yet) and the highest escalation level fired (1: the suppressed level 2 did not).
    const page = await api.call("GET", `/v1/proposals/${proposalId}`, { key: staff });
    const rows = await api.database.prisma.deadline.findMany({ where: { proposalId, status: "open" } });
    const fired = await api.database.prisma.alarm.findMany({
      where: { ...target, kind: "escalate", status: "fired" },
      select: { level: true },
    });
    expect(page.body.deadlines).toEqual(
      rows.map((row) =>
        expect.objectContaining({
          deadlineId: row.deadlineId,
          kind: row.kind,
          dueAt: row.dueAt.toISOString(),
          overdue: row.dueAt.getTime() < Date.now(),
          level: row.deadlineId === target.deadlineId ? Math.max(...fired.map((alarm) => alarm.level)) : 0,
        }),
      ),
    );
    expect(page.body.deadlines[0]?.level).toBe(1);
    const history = await api.call("GET", `/v1/proposals/${proposalId}/history?limit=100`, { key: staff });
    const escalations = history.body.items.filter((item: { type: string }) => item.type === "deadline.escalate");
    expect(escalations.map((item: { payload: { level: number } }) => item.payload.level)).toEqual([1]);
  });
});

/**
 * The inbox of a key holds the escalations addressed to whom the key stands for, as the notifier resolves them:
 * `unit-head:u-1` to the head of u-1 (a unit key of u-1 acting as that person, or a leader key the head holds),
 * the unscoped `supervising-leader` of a late reply to the leader who supervises the deadline's unit. Nobody else
 * sees them or can acknowledge them: another unit's head, the unit's clerk, another leader get 404.
 */
describe("escalations to the unit head and the supervising leader", () => {
  it("reach their inboxes and are acknowledged there, by them only", async () => {
    await importLeaders(api.database);
    await importDirectory(api.database, {
      people: [
        { id: "zhao", name: "赵局长" },
        { id: "qian", name: "钱主任" },
      ],
      units: [{ id: "u-2", name: "市水务局", headPersonId: "zhao", supervisorLeaderId: "leader-7" }],
      roles: [
        { role: "leader", scope: "leader-7", personId: "qian" },
        // 王局长 heads u-1 and also has a leader id of his own.
        { role: "leader", scope: "leader-3", personId: "wang" },
      ],
    });
    const proposalId = await lateReply(
      { db: api.database, logger: silent },
      "关于加装老旧小区电梯的建议",
      defaultPolicy,
    );
    const { target, ring } = await alarmsOf(proposalId, "reply");
    const noticeAt = async (level: number) => {
      const notice = await api.database.prisma.notice.findFirstOrThrow({
        where: { ...target, kind: "deadline.escalation", level },
      });
      await deliverToInbox(api.database, notice.id, silent);
      return notice;
    };
    expect(await ring("remind", 1)).toBe("applied");
    expect(await ring("remind", 2)).toBe("applied");
    expect(await ring("due", 0)).toBe("applied");
    expect(await ring("escalate", 1)).toBe("applied");
    const level1 = await noticeAt(1);
    expect(await ring("escalate", 2)).toBe("applied");
    const level2 = await noticeAt(2);

    const keys = {
      headOfU1: await api.issueKey("unit", "wang", "u-1"),
      clerkOfU1: await api.issueKey("unit", "clerk-1", "u-1"),
      headOfU2: await api.issueKey("unit", "zhao", "u-2"),
      leader9: await api.issueKey("leader", "leader-9"),
      leader7: await api.issueKey("leader", "leader-7"),
      wangAsLeader: await api.issueKey("leader", "leader-3"),
    };
    const escalations = async (key: string) => {
      const response = await api.call("GET", `/v1/notifications?limit=100&proposalId=${proposalId}`, { key });
      expect(response.status).toBe(200);
      return response.body.items.filter((item: { kind: string }) => item.kind === "deadline.escalation");
    };
    const levels = async (key: string) => (await escalations(key)).map((item: { level: number }) => item.level);
    expect(await levels(keys.headOfU1)).toEqual([1]);
    expect(await levels(keys.wangAsLeader)).toEqual([1]);
    expect(await levels(keys.leader9)).toEqual([2]);
    expect(await levels(keys.clerkOfU1)).toEqual([]);
    expect(await levels(keys.headOfU2)).toEqual([]);
    expect(await levels(keys.leader7)).toEqual([]);
    // Each sees its own inbox delivery of the notice.
    const [seenByLeader] = await escalations(keys.leader9);
    expect(seenByLeader.deliveries.map((d: { recipient: string }) => d.recipient)).toEqual(["supervising-leader"]);
    const [seenByHead] = await escalations(keys.headOfU1);
    expect(seenByHead.deliveries.map((d: { recipient: string }) => d.recipient)).toEqual(["unit-head:u-1"]);

    // Someone else's notice: 404 in the API's error shape, and nothing changes.
    for (const [key, notice] of [
      [keys.leader7, level2],
      [keys.headOfU1, level2],
      [keys.leader9, level1],
      [keys.headOfU2, level1],
      [keys.clerkOfU1, level1],
    ] as const) {
      const refused = await api.call("POST", `/v1/notifications/${notice.id}/ack`, { key });
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    }
    const untouched = await api.database.prisma.notice.findMany({ where: { acknowledgedAt: { not: null } } });
    expect(untouched.filter((notice) => notice.proposalId === proposalId)).toEqual([]);

    const byLeader = await api.call("POST", `/v1/notifications/${level2.id}/ack`, { key: keys.leader9 });
    expect(byLeader.status).toBe(200);
    expect(byLeader.body).toMatchObject({ id: level2.id, acknowledgedBy: "leader:leader-9" });
    const byHead = await api.call("POST", `/v1/notifications/${level1.id}/ack`, { key: keys.headOfU1 });
    expect(byHead.status).toBe(200);
    expect(byHead.body).toMatchObject({ id: level1.id, acknowledgedBy: "unit:wang" });
    expect(await ring("escalate", 3)).toBe("suppressed");
  });
});
