import { type Actor, defaultPolicy, type Policy } from "@huiyin/domain";
import { proposalWorkflow } from "@huiyin/workflow-proposal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, until } from "../test/harness.ts";
import { applyEvent } from "./apply.ts";
import { createProposal } from "./create.ts";
import { startEngineWorkers } from "./workers.ts";

/**
 * The real proposal machine through the durable engine, against real PostgreSQL and Redis: a whole
 * lifecycle driven by events, and a proposal left alone whose deadlines play out in compressed time.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness(proposalWorkflow);
});

afterAll(async () => {
  await h.close();
});

const proposer = { role: "proposer", id: "member-1" } as const;
const staff = { role: "staff", id: "staff-1" } as const;
const unit = { role: "unit", id: "clerk-1", unitId: "civil-affairs" } as const;

function proposalInput(policy: Policy = defaultPolicy) {
  return {
    content: {
      title: "关于加强社区居家养老服务的建议",
      reasons: "老龄人口增加，社区养老服务供给不足。",
      suggestions: ["增设社区日间照料中心", "培育专业护理队伍"],
      category: "livelihood",
    },
    proposers: [{ id: proposer.id, name: "张委员" }],
    policy,
  };
}

describe("a proposal driven through its whole lifecycle", () => {
  it("goes from draft to closed.completed with a gapless history and no deadline left open", async () => {
    const { proposal } = await createProposal(h.deps, { input: proposalInput(), actor: proposer });
    expect(proposal).toMatchObject({ stage: "submit", states: ["submit.draft"], version: 1 });
    const send = (event: { type: string } & Record<string, unknown>, actor: Actor) =>
      applyEvent(h.deps, { proposalId: proposal.id, event, actor });

    await send({ type: "submit" }, proposer);
    await send({ type: "review.register", category: "livelihood" }, staff);
    await send({ type: "assign", mode: "sole", units: [{ unitId: "civil-affairs", role: "lead" }] }, staff);
    await send({ type: "unit.acknowledge" }, unit);
    await send(
      { type: "handle.contact", channel: "phone", contactedAt: new Date().toISOString(), summary: "电话沟通办理思路" },
      unit,
    );
    await send({ type: "supervise.record", mode: "online", note: "网上督办" }, staff);
    await send(
      { type: "handle.reply", classification: "A", text: "已增设三处日间照料中心。", signedOffBy: "局长 李某" },
      unit,
    );
    await send({ type: "supervise.acceptReply" }, staff);
    const last = await send({ type: "evaluate", result: "satisfied", comment: "满意" }, proposer);

    expect(last.outcome).toBe("applied");
    expect(last.proposal.stage).toBe("closed");
    expect(last.proposal.states).toEqual(["closed.completed"]);
    expect(last.proposal.unitIds).toEqual(["civil-affairs"]);

    const history = await h.db.prisma.proposalEvent.findMany({
      where: { proposalId: proposal.id },
      orderBy: { seq: "asc" },
    });
    expect(history.map((event) => event.type)).toEqual([
      "create",
      "submit",
      "review.register",
      "assign",
      "unit.acknowledge",
      "handle.contact",
      "supervise.record",
      "handle.reply",
      "supervise.acceptReply",
      "evaluate",
    ]);
    expect(history.map((event) => event.seq)).toEqual(history.map((_, index) => index + 1));
    // Each event's from-state is the previous event's to-state: the trail is a valid walk of the machine.
    for (let index = 1; index < history.length; index += 1) {
      expect(history[index]?.fromStates).toEqual(history[index - 1]?.toStates);
    }
    expect(await h.db.prisma.deadline.count({ where: { proposalId: proposal.id, status: "open" } })).toBe(0);
    expect(await h.db.prisma.alarm.count({ where: { proposalId: proposal.id, status: "pending" } })).toBe(0);
  });

  it("refuses an event from the wrong role with the machine's reason, and changes nothing", async () => {
    const { proposal } = await createProposal(h.deps, { input: proposalInput(), actor: proposer });
    await expect(
      applyEvent(h.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: staff }),
    ).rejects.toMatchObject({ code: "ROLE_NOT_ALLOWED" });
    const row = await h.db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(row.version).toBe(1);
  });

  it("checks a merge target in the database: only a registered proposal can take a merge", async () => {
    const submitted = async () => {
      const { proposal } = await createProposal(h.deps, { input: proposalInput(), actor: proposer });
      await applyEvent(h.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: proposer });
      return proposal.id;
    };
    const target = await submitted();
    const source = await submitted();
    await expect(
      applyEvent(h.deps, { proposalId: source, event: { type: "review.merge", intoId: target }, actor: staff }),
    ).rejects.toMatchObject({ code: "MERGE_TARGET_NOT_REGISTERED" });
    await applyEvent(h.deps, {
      proposalId: target,
      event: { type: "review.register", category: "livelihood" },
      actor: staff,
    });
    const merged = await applyEvent(h.deps, {
      proposalId: source,
      event: { type: "review.merge", intoId: target },
      actor: staff,
    });
    expect(merged.proposal.states).toEqual(["closed.merged"]);
  });
});

describe("a proposal left alone in review, in compressed time", () => {
  it("gets its review reminder and both escalation levels, in order, each once", async () => {
    // A day lasts 100 ms: the 10-working-day review limit and its +5-working-day escalation play out in seconds.
    const policy: Policy = { ...defaultPolicy, timeScale: 1 / 864_000 };
    const workers = await startEngineWorkers(h.deps, {
      connection: h.workerConnection,
      prefix: h.redis.prefix,
      relayPollMs: 100,
    });
    try {
      const hook = await h.db.prisma.webhookSubscription.create({
        data: {
          id: `wh_escalations${Date.now()}`,
          url: "http://127.0.0.1:9/unused",
          events: ["deadline.escalated"],
          secret: "whsec_test",
          ownerRole: "admin",
          ownerId: "admin",
        },
      });
      const { proposal } = await createProposal(h.deps, { input: proposalInput(policy), actor: proposer });
      await applyEvent(h.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: proposer });
      const deadline = await h.db.prisma.deadline.findFirstOrThrow({
        where: { proposalId: proposal.id, status: "open" },
      });
      const alarms = await h.db.prisma.alarm.findMany({
        where: { proposalId: proposal.id },
        orderBy: { fireAt: "asc" },
      });
      expect(deadline.kind).toBe("review");
      // One alarm per deadline at a time (issue 18): the first of the chain, each level arming the next as it rings.
      expect(alarms.map((alarm) => alarm.kind)).toEqual(["remind"]);

      await until(
        async () => (await h.db.prisma.alarm.count({ where: { proposalId: proposal.id, status: "pending" } })) === 0,
        20_000,
        "every review alarm fired",
      );
      const fired = await h.db.prisma.alarm.findMany({
        where: { proposalId: proposal.id },
        orderBy: { fireAt: "asc" },
      });
      expect(fired.map((alarm) => alarm.status)).toEqual(["fired", "fired", "fired", "fired"]);
      const notices = await h.db.prisma.notice.findMany({
        where: { proposalId: proposal.id },
        orderBy: { createdAt: "asc" },
      });
      const escalations = notices.filter((notice) => notice.level > 0 && notice.kind.includes("escalat"));
      expect(escalations.map((notice) => notice.level)).toEqual([1, 2]);
      expect(notices.length).toBeGreaterThanOrEqual(3);
      const timerEvents = await h.db.prisma.proposalEvent.count({
        where: { proposalId: proposal.id, type: { startsWith: "deadline." } },
      });
      expect(timerEvents).toBe(4);
      // Integrators subscribed to escalations hear of each level once, with the deadline and the recipient role.
      const hooks = await h.db.prisma.webhookDelivery.findMany({
        where: { subscriptionId: hook.id, proposalId: proposal.id },
        orderBy: { createdAt: "asc" },
      });
      expect(hooks.map((row) => (row.payload as { data: unknown }).data)).toEqual([
        expect.objectContaining({ deadlineId: deadline.deadlineId, deadlineKind: "review", level: 1 }),
        expect.objectContaining({ deadlineId: deadline.deadlineId, deadlineKind: "review", level: 2 }),
      ]);
    } finally {
      await workers.close();
    }
  });
});

describe("the webhook subscriptions an event's lock read brings along", () => {
  it("delivers to the committee's active subscriptions that want the topic, and a row without topics stops nothing", async () => {
    const stamp = Date.now();
    const subscription = (id: string, data: { events?: string[]; committeeId?: string; deletedAt?: Date }) =>
      h.db.prisma.webhookSubscription.create({
        data: {
          id: `wh_${id}${stamp}`,
          url: "http://127.0.0.1:9/unused",
          events: data.events ?? ["*"],
          secret: "whsec_test",
          ownerRole: "admin",
          ownerId: "admin",
          ...(data.committeeId ? { committeeId: data.committeeId } : {}),
          ...(data.deletedAt ? { deletedAt: data.deletedAt } : {}),
        },
      });
    const everything = await subscription("all", {});
    const closedOnly = await subscription("closed", { events: ["proposal.closed"] });
    const deleted = await subscription("deleted", { deletedAt: new Date() });
    const elsewhere = await subscription("elsewhere", { committeeId: `other-${stamp}` });
    // A row written around the API, its topics NULL: it wants nothing, and the committee's events go on.
    const noTopics = await subscription("notopics", {});
    await h.db.pool.query("UPDATE webhook_subscriptions SET events = NULL WHERE id = $1", [noTopics.id]);

    const { proposal } = await createProposal(h.deps, { input: proposalInput(), actor: proposer });
    const result = await applyEvent(h.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: proposer });
    expect(result.outcome).toBe("applied");
    const deliveries = await h.db.prisma.webhookDelivery.findMany({ where: { proposalId: proposal.id } });
    const heard = (id: string) => deliveries.filter((delivery) => delivery.subscriptionId === id).map((d) => d.topic);
    expect(heard(everything.id)).toContain("proposal.stage");
    for (const silent of [closedOnly, deleted, elsewhere, noTopics]) expect(heard(silent.id)).toEqual([]);
  });
});
