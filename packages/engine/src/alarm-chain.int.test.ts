import { jobId } from "@huiyin/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, staff, startHarness, ticketInput } from "../test/harness.ts";
import { handleAlarm } from "./alarms.ts";
import { applyEvent } from "./apply.ts";
import { createProposal } from "./create.ts";
import { json } from "./sql.ts";
import { alarmsOf } from "./write-effects.ts";

/**
 * One alarm per deadline at a time (issue 18), against real PostgreSQL: a deadline opens with the first alarm of
 * its chain (row and outbox message), and each alarm that rings arms the next level in the transaction that
 * applies it; closing the deadline cancels the one that is pending. Deadlines planned before the chain (every level's
 * row written at once) still ring each level once.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

async function submitted(): Promise<string> {
  const { proposal } = await createProposal(h.deps, { input: ticketInput(), actor: staff });
  await applyEvent(h.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: staff });
  return proposal.id;
}

const alarmsOfProposal = async (proposalId: string) =>
  (await h.db.prisma.alarm.findMany({ where: { proposalId }, orderBy: { fireAt: "asc" } })).map((alarm) => [
    alarm.kind,
    alarm.level,
    alarm.status,
  ]);

const alarmMessages = async (proposalId: string) =>
  (
    await h.db.prisma.outboxMessage.findMany({
      where: { proposalId, jobName: "deadline.alarm" },
      orderBy: { id: "asc" },
    })
  ).map((message) => [message.action, message.jobId, message.runAt?.toISOString() ?? null]);

/** Rings the one pending alarm of the proposal, as the alarm worker does when its job comes due. */
async function ringPending(proposalId: string) {
  const alarm = await h.db.prisma.alarm.findFirstOrThrow({ where: { proposalId, status: "pending" } });
  return { alarm, outcome: await handleAlarm(h.deps, { alarmId: alarm.id, proposalId, deadlineId: alarm.deadlineId }) };
}

describe("a deadline's alarm chain", () => {
  it("each level arms the next as it rings, once, with its job at its own fire time", async () => {
    const proposalId = await submitted();
    const deadline = await h.db.prisma.deadline.findFirstOrThrow({ where: { proposalId } });
    const plan = alarmsOf(proposalId, deadline.definition as Parameters<typeof alarmsOf>[1]);
    expect(plan.map((alarm) => [alarm.kind, alarm.level])).toEqual([
      ["remind", 1],
      ["due", 0],
      ["escalate", 1],
      ["escalate", 2],
    ]);
    expect(await alarmsOfProposal(proposalId)).toEqual([["remind", 1, "pending"]]);

    const first = await ringPending(proposalId);
    expect(first.outcome).toBe("applied");
    expect(await alarmsOfProposal(proposalId)).toEqual([
      ["remind", 1, "fired"],
      ["due", 0, "pending"],
    ]);
    // A second delivery of the same job applies nothing and arms nothing more.
    expect(await handleAlarm(h.deps, { alarmId: first.alarm.id, proposalId, deadlineId: first.alarm.deadlineId })).toBe(
      "already-handled",
    );
    expect(await alarmsOfProposal(proposalId)).toHaveLength(2);

    for (const expected of ["due", "escalate", "escalate"]) {
      const { alarm, outcome } = await ringPending(proposalId);
      expect([alarm.kind, outcome]).toEqual([expected, "applied"]);
    }
    expect(await h.db.prisma.alarm.count({ where: { proposalId, status: "pending" } })).toBe(0);
    expect(await alarmsOfProposal(proposalId)).toEqual(plan.map((alarm) => [alarm.kind, alarm.level, "fired"]));
    // One enqueue per level, each at its planned time, and one history entry per level.
    expect(await alarmMessages(proposalId)).toEqual(
      plan.map((alarm) => ["enqueue", jobId("deadline.alarm", alarm.id), alarm.fire_at]),
    );
    const timerKeys = await h.db.prisma.proposalEvent.findMany({
      where: { proposalId, type: { startsWith: "deadline." } },
      orderBy: { seq: "asc" },
    });
    expect(timerKeys.map((event) => event.idempotencyKey)).toEqual(plan.map((alarm) => `alarm.${alarm.id}`));
  });

  it("closing the deadline cancels its one pending alarm, and nothing is armed after it", async () => {
    const proposalId = await submitted();
    expect((await ringPending(proposalId)).outcome).toBe("applied");
    const pending = await h.db.prisma.alarm.findFirstOrThrow({ where: { proposalId, status: "pending" } });
    await applyEvent(h.deps, { proposalId, event: { type: "reply" }, actor: staff });
    expect(await alarmsOfProposal(proposalId)).toEqual([
      ["remind", 1, "fired"],
      ["due", 0, "cancelled"],
    ]);
    const messages = await alarmMessages(proposalId);
    expect(messages.filter(([action]) => action === "cancel")).toEqual([
      ["cancel", jobId("deadline.alarm", pending.id), null],
    ]);
    // Its job, should it still run, finds the alarm cancelled: no event, no next level.
    expect(await handleAlarm(h.deps, { alarmId: pending.id, proposalId, deadlineId: pending.deadlineId })).toBe(
      "already-handled",
    );
    expect(await h.db.prisma.alarm.count({ where: { proposalId } })).toBe(2);
  });

  it("a deadline planned with every level at once (before the chain) rings each level once, in order", async () => {
    const proposalId = await submitted();
    const deadline = await h.db.prisma.deadline.findFirstOrThrow({ where: { proposalId } });
    const plan = alarmsOf(proposalId, deadline.definition as Parameters<typeof alarmsOf>[1]);
    // What the engine wrote before issue 18: every level pending, each with its job.
    await h.db.pool.query(
      `INSERT INTO alarms (id, proposal_id, deadline_id, kind, level, fire_at, status)
       SELECT id, proposal_id, deadline_id, kind, level, fire_at, 'pending'
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, proposal_id text, deadline_id text, kind text, level int,
              fire_at timestamptz)
       ON CONFLICT (id) DO NOTHING`,
      [json(plan)],
    );
    const messagesBefore = await alarmMessages(proposalId);
    const ring = (index: number) => {
      const alarm = plan[index];
      if (!alarm) throw new Error(`no alarm ${index}`);
      return handleAlarm(h.deps, { alarmId: alarm.id, proposalId, deadlineId: alarm.deadline_id });
    };
    // A later level waits for the earlier one still pending.
    expect(await ring(1)).toBe("wait");
    for (const index of plan.keys()) expect(await ring(index)).toBe("applied");
    expect(await alarmsOfProposal(proposalId)).toEqual(plan.map((alarm) => [alarm.kind, alarm.level, "fired"]));
    // Their jobs exist already: ringing armed no second row and wrote no message.
    expect(await alarmMessages(proposalId)).toEqual(messagesBefore);
  });
});
