import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, staff, startHarness, ticketInput } from "../test/harness.ts";
import { applyEvent } from "./apply.ts";
import { createProposal } from "./create.ts";
import { pruneOutbox, relayBatch } from "./relay.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

async function submitted() {
  const { proposal } = await createProposal(h.deps, { input: ticketInput(), actor: staff });
  await applyEvent(h.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: staff });
  return proposal.id;
}

const delayedOf = async (proposalId: string) =>
  (await h.deps.queues.alarms.getDelayed()).filter((job) => job.data.proposalId === proposalId);

describe("the outbox relay", () => {
  it("keeps the order of a batch: alarms scheduled and cancelled before one relay end up removed", async () => {
    const opened = await submitted();
    const closed = await submitted();
    await applyEvent(h.deps, { proposalId: closed, event: { type: "reply" }, actor: staff });
    // Both proposals' enqueues (added in bulk) and the cancels that follow them go in one batch.
    expect(await relayBatch(h.deps)).toBe(12);
    expect(await delayedOf(opened)).toHaveLength(4);
    expect(await delayedOf(closed)).toHaveLength(0);
  });

  it("prunes sent rows past the retention, never unsent ones", async () => {
    const sent = await submitted();
    await relayBatch(h.deps);
    const unsent = await submitted();
    const count = (proposalId: string) => h.db.prisma.outboxMessage.count({ where: { proposalId } });

    expect(await pruneOutbox(h.deps)).toBe(0);
    expect(await count(sent)).toBe(4);
    expect(await pruneOutbox(h.deps, 0)).toBeGreaterThanOrEqual(4);
    expect(await count(sent)).toBe(0);
    expect(await count(unsent)).toBe(4);
    expect(await h.db.prisma.outboxMessage.count({ where: { sentAt: null } })).toBe(4);
  });
});
