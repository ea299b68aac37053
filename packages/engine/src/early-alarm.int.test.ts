import { jobId, queues as queueNames } from "@huiyin/queue";
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, staff, startHarness, ticketInput, until } from "../test/harness.ts";
import { applyEvent } from "./apply.ts";
import { createProposal } from "./create.ts";
import type { EngineObserver } from "./observer.ts";
import { startEngineWorkers } from "./workers.ts";

/**
 * An alarm job run before its time — promoted by hand on a queue board, or delivered early because clocks disagree —
 * must not ring its deadline early: the worker checks the alarm's fire time in PostgreSQL and puts the job back into
 * the delayed set until then, without spending an attempt; at its time it rings, once.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

describe("an alarm job promoted before its time", () => {
  it("does not ring early: it waits again until the alarm's fire time, then rings once", async () => {
    const alarmsSeen: { kind: string; outcome: string; lateness: number }[] = [];
    const observer: EngineObserver = {
      transition() {},
      alarm: (kind, _level, outcome, lateness) => alarmsSeen.push({ kind, outcome, lateness }),
    };
    const workers = await startEngineWorkers(
      { ...h.deps, observer },
      { connection: h.workerConnection, prefix: h.redis.prefix, relayPollMs: 100 },
    );
    try {
      // The reminder is 3 s away; the due moment and escalations later still.
      const { proposal } = await createProposal(h.deps, {
        input: ticketInput({ replyMs: 6_000, remindBeforeMs: 3_000, escalateEveryMs: 60_000 }),
        actor: staff,
      });
      await applyEvent(h.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: staff });
      const reminder = await h.db.prisma.alarm.findFirstOrThrow({
        where: { proposalId: proposal.id, kind: "remind" },
      });
      const queue = h.deps.queues[queueNames.alarms];
      const id = jobId("deadline.alarm", reminder.id);
      let job: Job | undefined;
      await until(
        async () => {
          job = await queue.getJob(id);
          return (await job?.getState()) === "delayed";
        },
        5_000,
        "the reminder's job in the delayed set",
      );
      expect(job?.processedOn).toBeFalsy();
      const promotedAt = Date.now();
      await job?.promote();

      // The worker takes the promoted job (it is processed), finds the alarm's time ahead, and delays it again.
      let delayed: Job | undefined;
      await until(
        async () => {
          delayed = await queue.getJob(id);
          return (await delayed?.getState()) === "delayed" && (delayed?.processedOn ?? 0) >= promotedAt;
        },
        5_000,
        "the promoted job taken and back in the delayed set",
      );
      expect(delayed?.attemptsMade).toBe(0);
      expect((await h.db.prisma.alarm.findUniqueOrThrow({ where: { id: reminder.id } })).status).toBe("pending");
      expect(await h.db.prisma.notice.count({ where: { proposalId: proposal.id } })).toBe(0);

      // At its time it rings, once, not before.
      await until(
        async () => (await h.db.prisma.alarm.findUniqueOrThrow({ where: { id: reminder.id } })).status === "fired",
        10_000,
        "the reminder fired",
      );
      const fired = await h.db.prisma.alarm.findUniqueOrThrow({ where: { id: reminder.id } });
      expect(fired.firedAt?.getTime()).toBeGreaterThanOrEqual(reminder.fireAt.getTime());
      expect(await h.db.prisma.notice.count({ where: { proposalId: proposal.id } })).toBe(1);
      expect(alarmsSeen).toEqual([{ kind: "remind", outcome: "applied", lateness: expect.any(Number) }]);
      expect(alarmsSeen[0]?.lateness).toBeGreaterThanOrEqual(0);
    } finally {
      await workers.close();
    }
  });
});
