import { jobId, queues } from "@huiyin/queue";
import { UnrecoverableError, Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, staff, startHarness, ticketInput, until } from "../test/harness.ts";
import { applyEvent } from "./apply.ts";
import { createProposal } from "./create.ts";
import { reviveFailedEvents } from "./failed-events.ts";
import { startEngineWorkers } from "./workers.ts";

/**
 * A queued event whose job BullMQ failed for good (here: as its stalled check does) is not lost: it comes back
 * as a new job and is applied once; one that is already in the history stays where it is.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

async function failAsStalled(expectedJobId: string): Promise<void> {
  const taker = new Worker(queues.events, null, { connection: h.workerConnection, prefix: h.redis.prefix });
  try {
    const token = "starved-worker";
    const taken = await taker.getNextJob(token);
    expect(taken?.id).toBe(expectedJobId);
    await taken?.moveToFailed(new UnrecoverableError("job stalled more than allowable limit"), token);
    // What BullMQ's stalled check leaves on a job it fails: its stall count past the limit.
    await h.workerConnection.hset(h.deps.queues.events.toKey(expectedJobId), "stc", "6");
  } finally {
    await taker.close();
  }
}

describe("a queued event whose job BullMQ gave up on", () => {
  it("comes back as a new job and is applied once; one already applied is left alone", async () => {
    const queue = h.deps.queues.events;
    const { proposal } = await createProposal(h.deps, { input: ticketInput(), actor: staff });
    const lost = { outboxId: "990001", proposalId: proposal.id, event: { type: "submit", actor: staff } };
    const lostId = jobId("proposal.event", lost.outboxId);
    await queue.add("proposal.event", lost, { jobId: lostId, attempts: 10 });
    await failAsStalled(lostId);

    // An event that did apply (its key is in the history) before its job was failed the same way.
    const { proposal: other } = await createProposal(h.deps, { input: ticketInput(), actor: staff });
    await applyEvent(h.deps, {
      proposalId: other.id,
      event: { type: "submit" },
      actor: staff,
      idempotencyKey: "outbox.990002",
    });
    const appliedId = jobId("proposal.event", "990002");
    await queue.add(
      "proposal.event",
      { outboxId: "990002", proposalId: other.id, event: { type: "submit", actor: staff } },
      { jobId: appliedId, attempts: 10 },
    );
    await failAsStalled(appliedId);

    expect(await reviveFailedEvents(h.deps)).toBe(1);
    expect(await queue.getJobState(lostId)).toBe("waiting");
    expect(await h.workerConnection.hget(queue.toKey(lostId), "stc")).toBeNull();
    expect(await queue.getJobState(appliedId)).toBe("failed");

    const workers = await startEngineWorkers(h.deps, {
      connection: h.workerConnection,
      prefix: h.redis.prefix,
      relayPollMs: 200,
    });
    try {
      await until(
        async () =>
          (await h.db.prisma.proposalEvent.count({
            where: { proposalId: proposal.id, idempotencyKey: "outbox.990001" },
          })) === 1,
        10_000,
        "the lost submit applied",
      );
    } finally {
      await workers.close();
    }
    const row = await h.db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(row.states).not.toEqual(["draft"]);
    expect(
      await h.db.prisma.proposalEvent.count({ where: { proposalId: other.id, idempotencyKey: "outbox.990002" } }),
    ).toBe(1);
  });
});
