import { type Actor, defaultPolicy } from "@huiyin/domain";
import { proposalWorkflow } from "@huiyin/workflow-proposal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, until } from "../test/harness.ts";
import { handleAlarm } from "./alarms.ts";
import { applyEvent } from "./apply.ts";
import { createProposal } from "./create.ts";
import { ESCALATION_ACKNOWLEDGED } from "./escalation-hold.ts";

/**
 * Acknowledging an escalation stops its deadline's chain (issue 6), against real PostgreSQL: the alarms of a
 * reply deadline are rung by hand in their order (no clock involved), the level-1 notice is acknowledged or
 * not, and level 2 (and 3) go out or are suppressed, with the proposal's history telling what happened.
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

/** A proposal handled by one unit that never replies: its reply deadline is open, nothing has rung yet. */
async function unanswered(): Promise<{ proposalId: string; deadlineId: string }> {
  const { proposal } = await createProposal(h.deps, {
    input: {
      content: {
        title: "关于加强社区居家养老服务的建议",
        reasons: "供给不足。",
        suggestions: ["增设日间照料中心"],
        category: "livelihood",
      },
      proposers: [{ id: proposer.id }],
      policy: defaultPolicy,
    },
    actor: proposer,
  });
  const send = (event: { type: string } & Record<string, unknown>, actor: Actor) =>
    applyEvent(h.deps, { proposalId: proposal.id, event, actor });
  await send({ type: "submit" }, proposer);
  await send({ type: "review.register", category: "livelihood" }, staff);
  await send({ type: "assign", mode: "sole", units: [{ unitId: "civil-affairs", role: "lead" }] }, staff);
  await send({ type: "unit.acknowledge" }, unit);
  const deadline = await h.db.prisma.deadline.findFirstOrThrow({ where: { proposalId: proposal.id, kind: "reply" } });
  return { proposalId: proposal.id, deadlineId: deadline.deadlineId };
}

type Target = { proposalId: string; deadlineId: string };

/** Rings one alarm of the reply deadline, as the alarm worker does when its job comes due. */
async function ring(target: Target, kind: string, level: number) {
  const alarm = await h.db.prisma.alarm.findFirstOrThrow({ where: { ...target, kind, level } });
  return handleAlarm(h.deps, { alarmId: alarm.id, ...target }, `job-${alarm.id}`);
}

/** Rings the reminders, the due moment and escalation level 1: the deadline is overdue and the head notified. */
async function ringThroughLevel1(target: Target): Promise<string> {
  expect(await ring(target, "remind", 1)).toBe("applied");
  expect(await ring(target, "remind", 2)).toBe("applied");
  expect(await ring(target, "due", 0)).toBe("applied");
  expect(await ring(target, "escalate", 1)).toBe("applied");
  const level1 = await h.db.prisma.notice.findFirstOrThrow({
    where: { ...target, kind: "deadline.escalation", level: 1 },
  });
  return level1.id;
}

const escalationLevels = async (target: Target) =>
  (
    await h.db.prisma.notice.findMany({
      where: { ...target, kind: "deadline.escalation" },
      orderBy: { level: "asc" },
    })
  ).map((notice) => notice.level);

const acknowledge = (noticeId: string) =>
  h.db.prisma.notice.updateMany({
    where: { id: noticeId, acknowledgedAt: null },
    data: { acknowledgedAt: new Date(), acknowledgedBy: "person:wang" },
  });

async function replyDeadlineOf(proposalId: string) {
  const row = await h.db.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } });
  const context = (
    row.snapshot as { context: { deadlines: { kind: string; overdue: boolean; escalatedLevel: number }[] } }
  ).context;
  return context.deadlines.find((deadline) => deadline.kind === "reply");
}

describe("an acknowledged escalation", () => {
  it("stops the next levels: no notice, the alarm suppressed, recorded; the deadline stays open and overdue", async () => {
    const target = await unanswered();
    const level1 = await ringThroughLevel1(target);
    await acknowledge(level1);

    expect(await ring(target, "escalate", 2)).toBe("suppressed");
    // Level 2 never went out, so the acknowledgement of level 1 holds level 3 as well.
    expect(await ring(target, "escalate", 3)).toBe("suppressed");
    // A second delivery of the same job finds the alarm settled.
    expect(await ring(target, "escalate", 2)).toBe("already-handled");

    expect(await escalationLevels(target)).toEqual([1]);
    const alarms = await h.db.prisma.alarm.findMany({
      where: { ...target, kind: "escalate" },
      orderBy: { level: "asc" },
    });
    expect(alarms.map((alarm) => [alarm.level, alarm.status])).toEqual([
      [1, "fired"],
      [2, "suppressed"],
      [3, "suppressed"],
    ]);
    expect(alarms.every((alarm) => alarm.firedAt !== null)).toBe(true);
    const dropped = await h.db.prisma.droppedEvent.findMany({
      where: { proposalId: target.proposalId },
      orderBy: { id: "asc" },
    });
    expect(dropped.map((row) => [row.type, row.reason, (row.payload as { level: number }).level])).toEqual([
      ["deadline.escalate", ESCALATION_ACKNOWLEDGED, 2],
      ["deadline.escalate", ESCALATION_ACKNOWLEDGED, 3],
    ]);
    expect(dropped[0]?.payload).toMatchObject({
      deadlineId: target.deadlineId,
      acknowledgedNoticeId: level1,
      acknowledgedLevel: 1,
      acknowledgedBy: "person:wang",
    });
    // The history says what happened: escalated to level 1, and no further.
    const escalations = await h.db.prisma.proposalEvent.findMany({
      where: { proposalId: target.proposalId, type: "deadline.escalate" },
    });
    expect(escalations.map((event) => (event.payload as { level: number }).level)).toEqual([1]);
    // Acknowledging is not replying: the deadline is still open and overdue.
    expect(await replyDeadlineOf(target.proposalId)).toMatchObject({ overdue: true, escalatedLevel: 1 });
    expect(await h.db.prisma.deadline.findFirstOrThrow({ where: target })).toMatchObject({ status: "open" });
    // No job was scheduled for a level-2 notice.
    const outbox = await h.db.prisma.outboxMessage.findMany({
      where: { proposalId: target.proposalId, jobName: "notice.deliver" },
    });
    const notices = await h.db.prisma.notice.findMany({ where: { proposalId: target.proposalId } });
    expect(outbox).toHaveLength(notices.length);
  });

  it("acknowledged at level 2 lets level 2 stand and stops level 3", async () => {
    const target = await unanswered();
    await ringThroughLevel1(target);
    expect(await ring(target, "escalate", 2)).toBe("applied");
    const level2 = await h.db.prisma.notice.findFirstOrThrow({
      where: { ...target, kind: "deadline.escalation", level: 2 },
    });
    await acknowledge(level2.id);
    expect(await ring(target, "escalate", 3)).toBe("suppressed");
    expect(await escalationLevels(target)).toEqual([1, 2]);
  });
});

describe("an escalation nobody acknowledges", () => {
  it("goes to every next level, each exactly once", async () => {
    const target = await unanswered();
    await ringThroughLevel1(target);
    expect(await ring(target, "escalate", 2)).toBe("applied");
    expect(await ring(target, "escalate", 2)).toBe("already-handled");
    expect(await ring(target, "escalate", 3)).toBe("applied");
    expect(await escalationLevels(target)).toEqual([1, 2, 3]);
    expect(await h.db.prisma.droppedEvent.count({ where: { proposalId: target.proposalId } })).toBe(0);
    expect(await replyDeadlineOf(target.proposalId)).toMatchObject({ overdue: true, escalatedLevel: 3 });
  });
});

describe("an acknowledgement racing the alarm", () => {
  it("being written while level 2 rings: the alarm waits for it, then sees it and suppresses", async () => {
    const target = await unanswered();
    const level1 = await ringThroughLevel1(target);
    let commit: () => void = () => {};
    const committed = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let written: () => void = () => {};
    const rowHeld = new Promise<void>((resolve) => {
      written = resolve;
    });
    // The acknowledgement's UPDATE holds the notice row, uncommitted, until the alarm is seen waiting for it.
    const ack = h.db.prisma.$transaction(
      async (tx) => {
        await tx.notice.updateMany({
          where: { id: level1, acknowledgedAt: null },
          data: { acknowledgedAt: new Date(), acknowledgedBy: "person:wang" },
        });
        written();
        await committed;
      },
      { timeout: 30_000 },
    );
    await rowHeld;
    const ringing = ring(target, "escalate", 2);
    await until(
      async () =>
        (
          await h.db.prisma.$queryRaw<{ pid: number }[]>`
            SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
        ).length > 0,
      10_000,
      "the alarm waits for the notice row",
    );
    commit();
    await ack;
    expect(await ringing).toBe("suppressed");
    expect(await escalationLevels(target)).toEqual([1]);
  });
});
