import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, staff, startHarness, ticketInput } from "../test/harness.ts";
import { applyEvent } from "./apply.ts";
import { createProposal } from "./create.ts";
import { type Migrator, migrationProgress, runMigration, startMigrationRun } from "./migrate.ts";

/**
 * The engine's side of a migration, on the small ticket machine (the engine knows no workflow): a dry run writes
 * only its report; two runners of one run at once migrate each instance exactly once; the deadline a migration
 * supersedes is closed with its alarms cancelled, its successor opened with new alarms, in the same transaction.
 */
let h: Harness;

interface TicketSnapshot {
  value: unknown;
  context: { deadlineSeq: number; openDeadline: string | null; proposerId: string };
}

/** Moves every waiting ticket's reply deadline one day later; a draft cannot be mapped. */
const laterReplies: Migrator = {
  planId: "later-replies",
  doneStages: ["done"],
  assess(instance, at) {
    const snapshot = instance.snapshot as TicketSnapshot;
    if (snapshot.value !== "waiting") {
      return { outcome: "unmappable", reason: "STATE_NOT_MAPPED", message: `no mapping for ${String(snapshot.value)}` };
    }
    const old = snapshot.context.openDeadline ?? "";
    const seq = snapshot.context.deadlineSeq + 1;
    const dueAt = new Date(at.getTime() + 86_400_000).toISOString();
    const next = { ...snapshot, context: { ...snapshot.context, deadlineSeq: seq, openDeadline: `reply-${seq}` } };
    return {
      outcome: "migrate",
      snapshot: next,
      effects: [
        { type: "deadline.close", params: { deadlineId: old, kind: "reply", reason: "superseded" } },
        {
          type: "deadline.open",
          params: {
            deadlineId: `reply-${seq}`,
            kind: "reply",
            dueAt,
            reminders: [],
            escalations: [],
            owners: [{ role: "proposer", id: snapshot.context.proposerId }],
          },
        },
      ],
      report: { from: old, to: `reply-${seq}`, dueAt },
    };
  },
};

const waiting: string[] = [];
const drafts: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  for (let index = 0; index < 40; index += 1) {
    const { proposal } = await createProposal(h.deps, { input: ticketInput(), actor: staff });
    if (index % 4 === 0) {
      drafts.push(proposal.id);
      continue;
    }
    await applyEvent(h.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: staff });
    if (index % 4 === 1 && index < 10) {
      // Done tickets are not running: never selected.
      await applyEvent(h.deps, { proposalId: proposal.id, event: { type: "reply" }, actor: staff });
      continue;
    }
    waiting.push(proposal.id);
  }
});

afterAll(async () => {
  await h.close();
});

const migratedEntries = () => h.db.prisma.proposalEvent.count({ where: { type: "migrated" } });

describe("migrating running instances through the engine", () => {
  it("a dry run reports what would move and changes nothing", async () => {
    const versions = await h.db.prisma.proposal.aggregate({ _sum: { version: true } });
    const { id } = await startMigrationRun(h.db, { planId: "later-replies", plan: {}, dryRun: true, startedBy: "t:t" });
    await runMigration(h.deps, laterReplies, id, { batchSize: 7 });
    expect((await migrationProgress(h.db, id))?.counts).toEqual({
      "would-migrate": waiting.length,
      unmappable: drafts.length,
    });
    expect(await h.db.prisma.proposal.aggregate({ _sum: { version: true } })).toEqual(versions);
    expect(await migratedEntries()).toBe(0);
  });

  it("an instance whose assessment throws is reported, and the run goes on", async () => {
    const broken = drafts[1] ?? "";
    const throwing: Migrator = {
      ...laterReplies,
      planId: "throwing",
      assess(instance, at) {
        if (instance.id === broken) throw new Error("cannot read this snapshot");
        return laterReplies.assess(instance, at);
      },
    };
    const { id } = await startMigrationRun(h.db, { planId: "throwing", plan: {}, dryRun: true, startedBy: "t:t" });
    await runMigration(h.deps, throwing, id);
    expect((await migrationProgress(h.db, id))?.counts).toEqual({
      "would-migrate": waiting.length,
      unmappable: drafts.length,
    });
    const item = await h.db.prisma.migrationItem.findUniqueOrThrow({
      where: { runId_proposalId: { runId: id, proposalId: broken } },
    });
    expect(item).toMatchObject({ reason: "ASSESSMENT_FAILED", report: { message: "cannot read this snapshot" } });
  });

  it("two runners of one run migrate each instance once, deadlines and alarms in the same transaction", async () => {
    const { id } = await startMigrationRun(h.db, {
      planId: "later-replies",
      plan: {},
      dryRun: false,
      startedBy: "t:t",
    });
    // Started again (say after a crash) while the first one still runs: the same run, continued.
    expect(
      await startMigrationRun(h.db, { planId: "later-replies", plan: {}, dryRun: false, startedBy: "t:t" }),
    ).toEqual({ id, resumed: true });
    await Promise.all([
      runMigration(h.deps, laterReplies, id, { batchSize: 5, concurrency: 3 }),
      runMigration(h.deps, laterReplies, id, { batchSize: 5, concurrency: 3 }),
    ]);
    const progress = await migrationProgress(h.db, id);
    expect(progress?.status).toBe("done");
    // Whichever runner came second to an instance found it migrated already and recorded nothing of its own.
    expect(progress?.counts).toEqual({ migrated: waiting.length, unmappable: drafts.length });
    expect(await migratedEntries()).toBe(waiting.length);
    const entries = await h.db.prisma.proposalEvent.groupBy({
      by: ["proposalId"],
      where: { type: "migrated" },
      _count: { _all: true },
    });
    expect(entries.every((entry) => entry._count._all === 1)).toBe(true);

    const sample = waiting[3] ?? "";
    const deadlines = await h.db.prisma.deadline.findMany({
      where: { proposalId: sample },
      orderBy: { deadlineId: "asc" },
    });
    expect(deadlines.map((d) => [d.deadlineId, d.status])).toEqual([
      ["reply-1", "closed"],
      ["reply-2", "open"],
    ]);
    const alarms = await h.db.prisma.alarm.findMany({ where: { proposalId: sample } });
    expect(alarms.filter((a) => a.deadlineId === "reply-1").every((a) => a.status === "cancelled")).toBe(true);
    expect(alarms.filter((a) => a.deadlineId === "reply-2").map((a) => [a.kind, a.status])).toEqual([
      ["due", "pending"],
    ]);
    // The relay then removes the old alarms' jobs and adds the new one.
    const outbox = await h.db.prisma.outboxMessage.findMany({
      where: { proposalId: sample, jobName: "deadline.alarm" },
    });
    const jobsOf = (action: string, deadlineId: string) =>
      outbox.filter((row) => row.action === action && row.jobId.includes(`.${deadlineId}.`)).length;
    // One alarm per deadline at a time (issue 18): one job enqueued for reply-1 and cancelled, one for reply-2.
    expect([jobsOf("enqueue", "reply-1"), jobsOf("cancel", "reply-1"), jobsOf("enqueue", "reply-2")]).toEqual([
      1, 1, 1,
    ]);
    const row = await h.db.prisma.proposal.findUniqueOrThrow({ where: { id: sample } });
    expect(row.machineVersion).toBe("ticket-1");
    expect((row.snapshot as unknown as TicketSnapshot).context.openDeadline).toBe("reply-2");

    // Unmappable drafts: untouched.
    const draftRows = await h.db.prisma.proposal.findMany({ where: { id: { in: drafts } } });
    expect(draftRows.every((draft) => draft.version === 1)).toBe(true);
  });
});
