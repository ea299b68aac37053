import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, staff, startHarness, ticketInput, until } from "../test/harness.ts";
import { applyEvent } from "./apply.ts";
import { createProposal } from "./create.ts";
import { pruneOutbox, relayBatch, startRelay } from "./relay.ts";

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
    // Both proposals' enqueues (added in bulk) and the cancel that follows them go in one batch: one alarm job per
    // deadline at a time (issue 18), so one enqueue each and one cancel.
    expect(await relayBatch(h.deps)).toBe(3);
    expect(await delayedOf(opened)).toHaveLength(1);
    expect(await delayedOf(closed)).toHaveLength(0);
  });

  it("lets the commits that follow a notification gather into one batch (gatherMs)", async () => {
    await relayBatch(h.deps);
    // Polling an hour apart: only the notifications move this relay. Three proposals committed one after the other
    // within the window are claimed by one batch: their rows share the claiming transaction's sent_at.
    const relay = await startRelay(h.deps, { pollMs: 3_600_000, gatherMs: 1_500 });
    try {
      const ids = [await submitted(), await submitted(), await submitted()];
      const sent = async () =>
        (
          await h.db.pool.query<{ sent_at: Date | null }>("SELECT sent_at FROM outbox WHERE proposal_id = ANY($1)", [
            ids,
          ])
        ).rows;
      await until(async () => (await sent()).every((row) => row.sent_at !== null), 10_000, "the rows relayed");
      const rows = await sent();
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(new Set(rows.map((row) => row.sent_at?.toISOString())).size).toBe(1);
    } finally {
      await relay.stop();
    }
  });

  it("prunes sent rows past the retention, never unsent ones", async () => {
    const sent = await submitted();
    await relayBatch(h.deps);
    const unsent = await submitted();
    const count = (proposalId: string) => h.db.prisma.outboxMessage.count({ where: { proposalId } });

    // One outbox row per submitted proposal: its deadline's first alarm (issue 18).
    expect(await pruneOutbox(h.deps)).toBe(0);
    expect(await count(sent)).toBe(1);
    expect(await pruneOutbox(h.deps, 0)).toBeGreaterThanOrEqual(1);
    expect(await count(sent)).toBe(0);
    expect(await count(unsent)).toBe(1);
    expect(await h.db.prisma.outboxMessage.count({ where: { sentAt: null } })).toBe(1);
  });

  it("listens again after the server ended its LISTEN session (a restart), and relays on the next notification", async () => {
    await relayBatch(h.deps);
    // Polling an hour apart: only a notification can make this relay move within the test.
    const relay = await startRelay(h.deps, { pollMs: 3_600_000 });
    const listeners = async () =>
      (
        await h.db.pool.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND query = 'LISTEN huiyin_outbox' AND pid <> pg_backend_pid()`,
        )
      ).rows.map((row) => row.pid);
    try {
      await until(async () => (await listeners()).length === 1, 5_000, "the relay listens");
      const [first] = await listeners();
      await h.db.pool.query("SELECT pg_terminate_backend($1)", [first]);
      await until(
        async () => {
          const now = await listeners();
          return now.length === 1 && now[0] !== first;
        },
        10_000,
        "the relay listens again",
      );
      const id = await submitted();
      await until(
        async () => (await h.db.prisma.outboxMessage.count({ where: { proposalId: id, sentAt: null } })) === 0,
        10_000,
        "the new outbox rows relayed",
      );
    } finally {
      await relay.stop();
    }
  });
});
