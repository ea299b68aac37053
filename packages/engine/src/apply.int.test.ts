import { jobId } from "@huiyin/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, staff, startHarness, ticketInput } from "../test/harness.ts";
import { applyEvent } from "./apply.ts";
import { createProposal } from "./create.ts";
import { EngineError } from "./errors.ts";
import { createGroupCommit } from "./group-commit.ts";
import { relayBatch } from "./relay.ts";
import { readProposalRow } from "./sql.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

async function newTicket() {
  const { proposal } = await createProposal(h.deps, { input: ticketInput(), actor: staff });
  return proposal;
}

describe("applying events", () => {
  it("writes the snapshot, the history, the deadline, its alarms and the outbox in one go", async () => {
    const ticket = await newTicket();
    expect(ticket).toMatchObject({ version: 1, stage: "draft", states: ["draft"] });
    const result = await applyEvent(h.deps, { proposalId: ticket.id, event: { type: "submit" }, actor: staff });
    expect(result).toMatchObject({ outcome: "applied", seq: 2, proposal: { version: 2, states: ["waiting"] } });

    const history = await h.db.prisma.proposalEvent.findMany({
      where: { proposalId: ticket.id },
      orderBy: { seq: "asc" },
    });
    expect(history.map((event) => [event.seq, event.type, event.fromStates, event.toStates])).toEqual([
      [1, "create", [], ["draft"]],
      [2, "submit", ["draft"], ["waiting"]],
    ]);
    const deadline = await h.db.prisma.deadline.findFirstOrThrow({ where: { proposalId: ticket.id } });
    expect(deadline).toMatchObject({ kind: "reply", status: "open" });
    // One alarm per deadline at a time (issue 18): the first of its chain; each level arms the next as it rings.
    const alarms = await h.db.prisma.alarm.findMany({ where: { proposalId: ticket.id }, orderBy: { fireAt: "asc" } });
    expect(alarms.map((alarm) => [alarm.kind, alarm.level, alarm.status])).toEqual([["remind", 1, "pending"]]);
    const outbox = await h.db.prisma.outboxMessage.findMany({ where: { proposalId: ticket.id } });
    expect(outbox.map((message) => message.jobId)).toEqual([jobId("deadline.alarm", alarms[0]?.id ?? "")]);
  });

  it("relays the outbox to BullMQ exactly once, even when relayed twice", async () => {
    const ticket = await newTicket();
    await applyEvent(h.deps, { proposalId: ticket.id, event: { type: "submit" }, actor: staff });
    expect(await relayBatch(h.deps)).toBeGreaterThanOrEqual(1);
    // A relay that crashed before marking its rows would send them again: the job ids make that a no-op.
    await h.db.prisma.outboxMessage.updateMany({ where: { proposalId: ticket.id }, data: { sentAt: null } });
    expect(await relayBatch(h.deps)).toBe(1);
    const delayed = await h.deps.queues.alarms.getDelayed();
    expect(delayed.filter((job) => job.data.proposalId === ticket.id)).toHaveLength(1);
    expect(await h.db.prisma.outboxMessage.count({ where: { sentAt: null } })).toBe(0);
  });

  it("closing a deadline cancels its alarms in the database and in Redis", async () => {
    const ticket = await newTicket();
    await applyEvent(h.deps, { proposalId: ticket.id, event: { type: "submit" }, actor: staff });
    await relayBatch(h.deps);
    await applyEvent(h.deps, { proposalId: ticket.id, event: { type: "reply" }, actor: staff });
    await relayBatch(h.deps);
    const alarms = await h.db.prisma.alarm.findMany({ where: { proposalId: ticket.id } });
    expect(alarms.every((alarm) => alarm.status === "cancelled")).toBe(true);
    const delayed = await h.deps.queues.alarms.getDelayed();
    expect(delayed.filter((job) => job.data.proposalId === ticket.id)).toHaveLength(0);
    expect((await h.db.prisma.deadline.findFirstOrThrow({ where: { proposalId: ticket.id } })).status).toBe("closed");
  });

  it("applies a repeated idempotency key once and returns the first result", async () => {
    const ticket = await newTicket();
    const first = await applyEvent(h.deps, {
      proposalId: ticket.id,
      event: { type: "poke" },
      actor: staff,
      idempotencyKey: "k1",
    });
    const again = await applyEvent(h.deps, {
      proposalId: ticket.id,
      event: { type: "poke" },
      actor: staff,
      idempotencyKey: "k1",
    });
    expect(first.outcome).toBe("applied");
    expect(again).toMatchObject({ outcome: "duplicate", seq: 2 });
    expect(await h.db.prisma.proposalEvent.count({ where: { proposalId: ticket.id } })).toBe(2);
    expect(again.proposal.context.pokes).toBe(1);
  });

  it("refuses an event the state does not accept, and changes nothing", async () => {
    const ticket = await newTicket();
    const error = await applyEvent(h.deps, { proposalId: ticket.id, event: { type: "reply" }, actor: staff }).catch(
      (caught) => caught,
    );
    expect(error).toBeInstanceOf(EngineError);
    expect(error.code).toBe("EVENT_NOT_ALLOWED");
    const row = await h.db.prisma.proposal.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row.version).toBe(1);
    expect(await h.db.prisma.proposalEvent.count({ where: { proposalId: ticket.id } })).toBe(1);
  });

  it("refuses a stale If-Match version", async () => {
    const ticket = await newTicket();
    await applyEvent(h.deps, { proposalId: ticket.id, event: { type: "poke" }, actor: staff, expectedVersion: 1 });
    const error = await applyEvent(h.deps, {
      proposalId: ticket.id,
      event: { type: "poke" },
      actor: staff,
      expectedVersion: 1,
    }).catch((caught) => caught);
    expect(error).toMatchObject({ code: "VERSION_MISMATCH", details: { currentVersion: 2 } });
  });

  it("answers PROPOSAL_NOT_FOUND for an unknown id", async () => {
    await expect(
      applyEvent(h.deps, { proposalId: "p_missing", event: { type: "poke" }, actor: staff }),
    ).rejects.toMatchObject({
      code: "PROPOSAL_NOT_FOUND",
    });
  });

  it("answers PROPOSAL_NOT_FOUND for a proposal its admits test refuses, repeats included, and writes nothing", async () => {
    const ticket = await newTicket();
    const send = (committeeId: string, idempotencyKey: string) =>
      applyEvent(h.deps, {
        proposalId: ticket.id,
        event: { type: "poke" },
        actor: staff,
        admits: (proposal) => proposal.committeeId === committeeId,
        idempotencyKey,
      });
    await expect(send("elsewhere", "c1")).rejects.toMatchObject({ code: "PROPOSAL_NOT_FOUND" });
    expect(await send("default", "c1")).toMatchObject({ outcome: "applied", seq: 2 });
    // The key's first result exists now: a repeat from another committee still finds no proposal.
    await expect(send("elsewhere", "c1")).rejects.toMatchObject({ code: "PROPOSAL_NOT_FOUND" });
    expect(await h.db.prisma.proposalEvent.count({ where: { proposalId: ticket.id } })).toBe(2);
    expect((await h.db.prisma.proposal.findUniqueOrThrow({ where: { id: ticket.id } })).version).toBe(2);
  });

  it("with committeeId, finds no proposal of another committee, and does not wait for its lock", async () => {
    const ticket = await newTicket();
    const holder = await h.db.pool.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT 1 FROM proposals WHERE id = $1 FOR UPDATE", [ticket.id]);
      const elsewhere = applyEvent(h.deps, {
        proposalId: ticket.id,
        event: { type: "poke" },
        actor: staff,
        committeeId: "elsewhere",
      }).catch((error: unknown) => error);
      const waited = new Promise((resolve) => setTimeout(() => resolve("waited for the lock"), 3_000));
      expect(await Promise.race([elsewhere, waited])).toMatchObject({ code: "PROPOSAL_NOT_FOUND" });
    } finally {
      await holder.query("ROLLBACK");
      holder.release();
    }
    expect(
      await applyEvent(h.deps, {
        proposalId: ticket.id,
        event: { type: "poke" },
        actor: staff,
        committeeId: "default",
      }),
    ).toMatchObject({ outcome: "applied" });
  });

  it("readProposalRow gives a proposal's row as Prisma's findUnique gives it", async () => {
    const ticket = await newTicket();
    await applyEvent(h.deps, { proposalId: ticket.id, event: { type: "submit" }, actor: staff });
    const prisma = await h.db.prisma.proposal.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(await readProposalRow(h.db.pool, ticket.id)).toEqual(prisma);
    expect(await readProposalRow(h.db.pool, "p_missing")).toBeUndefined();
  });

  it("drops a stale timer event and records it, changing nothing else", async () => {
    const ticket = await newTicket();
    await applyEvent(h.deps, { proposalId: ticket.id, event: { type: "submit" }, actor: staff });
    await applyEvent(h.deps, { proposalId: ticket.id, event: { type: "reply" }, actor: staff });
    const before = await h.db.prisma.proposal.findUniqueOrThrow({ where: { id: ticket.id } });
    const result = await applyEvent(h.deps, {
      proposalId: ticket.id,
      event: { type: "deadline.escalate", deadlineId: "reply-1", level: 1 },
      actor: { role: "system", id: "timer" },
    });
    expect(result).toMatchObject({ outcome: "stale", reason: "STALE_DEADLINE" });
    const after = await h.db.prisma.proposal.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(after.version).toBe(before.version);
    expect(after.snapshot).toEqual(before.snapshot);
    expect(await h.db.prisma.notice.count({ where: { proposalId: ticket.id } })).toBe(0);
    expect(await h.db.prisma.droppedEvent.count({ where: { proposalId: ticket.id, reason: "STALE_DEADLINE" } })).toBe(
      1,
    );
  });

  it.each([
    ["each in a transaction of its own", () => h.deps],
    [
      "through a group commit (one proposal's events in one chunk, one after the other)",
      () => ({
        ...h.deps,
        groupCommit: createGroupCommit({ inFlight: 2, maxChunk: 8 }),
      }),
    ],
  ])("50 concurrent senders on one proposal, %s: no update lost, the history a gapless sequence", async (_, depsOf) => {
    const ticket = await newTicket();
    const deps = depsOf();
    const senders = Array.from({ length: 50 }, (_, index) =>
      applyEvent(deps, { proposalId: ticket.id, event: { type: "poke" }, actor: { role: "staff", id: `s${index}` } }),
    );
    const results = await Promise.all(senders);
    expect(results.every((result) => result.outcome === "applied")).toBe(true);
    const row = await h.db.prisma.proposal.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row.version).toBe(51);
    expect((row.snapshot as { context: { pokes: number } }).context.pokes).toBe(50);
    const seqs = (
      await h.db.prisma.proposalEvent.findMany({ where: { proposalId: ticket.id }, orderBy: { seq: "asc" } })
    ).map((event) => event.seq);
    expect(seqs).toEqual(Array.from({ length: 51 }, (_, index) => index + 1));
    expect(new Set(results.map((result) => (result.outcome === "applied" ? result.seq : 0))).size).toBe(50);
  });

  it("an externalId makes creating idempotent", async () => {
    const first = await createProposal(h.deps, { input: ticketInput(), actor: staff, externalId: "oa-2026-0001" });
    const again = await createProposal(h.deps, {
      input: ticketInput({ title: "another" }),
      actor: staff,
      externalId: "oa-2026-0001",
    });
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, proposal: { id: first.proposal.id, title: first.proposal.title } });
  });
});
