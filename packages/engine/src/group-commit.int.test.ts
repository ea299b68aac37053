import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, staff, startHarness, ticketInput } from "../test/harness.ts";
import { createAlarmBatcher, createRingingReader, handleAlarm } from "./alarms.ts";
import { applyChunk, applyEvent } from "./apply.ts";
import { createProposal } from "./create.ts";
import { EngineError } from "./errors.ts";

/**
 * Group commit for timer events (issue 18), against real PostgreSQL: several events in one transaction; one that is
 * refused undoes the chunk, and each event then goes again on its own, so it undoes nothing of the others and each
 * keeps its exactly-once guarantees.
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

const pendingAlarm = (proposalId: string) =>
  h.db.prisma.alarm.findFirstOrThrow({ where: { proposalId, status: "pending" } });

describe("a group commit of timer events", () => {
  it("commits the accepted events together and undoes only the refused one", async () => {
    const [first, refused, last] = [await submitted(), await submitted(), await submitted()];
    const alarms = await Promise.all([first, last].map(pendingAlarm));
    const timer = (proposalId: string, alarm: (typeof alarms)[number]) => ({
      proposalId,
      event: { type: "deadline.remind", deadlineId: alarm.deadlineId, level: alarm.level },
      actor: { role: "system", id: "timer" } as const,
      idempotencyKey: `alarm.${alarm.id}`,
      alarmId: alarm.id,
    });
    const versionBefore = (await h.db.prisma.proposal.findUniqueOrThrow({ where: { id: refused } })).version;
    const [a, b, c, again] = await applyChunk(h.deps, [
      timer(first, alarms[0] as (typeof alarms)[number]),
      // An event its state does not accept: refused inside the chunk, after `first` was written in it.
      { proposalId: refused, event: { type: "submit" }, actor: staff },
      timer(last, alarms[1] as (typeof alarms)[number]),
      // The same alarm twice in one chunk: applied once.
      timer(first, alarms[0] as (typeof alarms)[number]),
    ]);
    expect(a).toMatchObject({ status: "fulfilled", value: { outcome: "applied" } });
    expect(b?.status).toBe("rejected");
    expect(b?.status === "rejected" ? b.reason : undefined).toBeInstanceOf(EngineError);
    expect(c).toMatchObject({ status: "fulfilled", value: { outcome: "applied" } });
    expect(again).toMatchObject({ status: "fulfilled", value: { outcome: "duplicate" } });

    for (const [proposalId, alarm] of [
      [first, alarms[0]],
      [last, alarms[1]],
    ] as const) {
      const history = await h.db.prisma.proposalEvent.count({
        where: { proposalId, idempotencyKey: `alarm.${alarm?.id}` },
      });
      expect(history).toBe(1);
      expect((await h.db.prisma.alarm.findUniqueOrThrow({ where: { id: alarm?.id ?? "" } })).status).toBe("fired");
    }
    expect((await h.db.prisma.proposal.findUniqueOrThrow({ where: { id: refused } })).version).toBe(versionBefore);
  });

  it("runs the events of several proposals side by side in one transaction, one proposal's in their order", async () => {
    const [one, two, three] = [await submitted(), await submitted(), await submitted()];
    const undone: string[] = [];
    const logger = {
      child: () => logger,
      debug: () => {},
      info: (_fields: unknown, message?: string) => message && undone.push(message),
      warn: (_fields: unknown, message?: string) => message && undone.push(message),
      error: () => {},
    } as unknown as typeof h.deps.logger;
    const poke = (proposalId: string, key: string) => ({
      proposalId,
      event: { type: "poke" },
      actor: staff,
      idempotencyKey: key,
    });
    // Two events of `two` in one chunk: the second must see the first (a second lock read sent before the first's
    // write would read the old version, fail its write and undo the chunk).
    const results = await applyChunk({ ...h.deps, logger }, [
      poke(three, "side-3"),
      poke(two, "side-2a"),
      poke(one, "side-1"),
      poke(two, "side-2b"),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    expect(undone.filter((message) => message.includes("group commit undone"))).toEqual([]);
    const rows = await h.db.prisma.proposal.findMany({ where: { id: { in: [one, two, three] } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const pokes = (id: string) => (byId.get(id)?.snapshot as { context: { pokes: number } } | undefined)?.context.pokes;
    expect([pokes(one), pokes(two), pokes(three)]).toEqual([1, 2, 1]);
    const seqs = await h.db.prisma.proposalEvent.findMany({
      where: { proposalId: two, type: "poke" },
      orderBy: { seq: "asc" },
      select: { idempotencyKey: true },
    });
    expect(seqs.map((event) => event.idempotencyKey)).toEqual(["side-2a", "side-2b"]);
    // One transaction: PostgreSQL's now() (the transaction's start) stamped every row it updated.
    expect(new Set(rows.map((row) => row.updatedAt.getTime())).size).toBe(1);
  });

  it("the worker's batcher: alarms ringing together each get their own outcome, applied once", async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => submitted()));
    const alarms = await Promise.all(ids.map(pendingAlarm));
    const apply = createAlarmBatcher({ maxChunk: 4 });
    const read = createRingingReader();
    const ring = (alarm: (typeof alarms)[number]) =>
      handleAlarm(
        h.deps,
        { alarmId: alarm.id, proposalId: alarm.proposalId, deadlineId: alarm.deadlineId },
        undefined,
        undefined,
        apply,
        read,
      );
    // Each rung twice at once (a job BullMQ delivered twice): one applied, the other finds it handled or a repeat.
    const outcomes = await Promise.all(alarms.flatMap((alarm) => [ring(alarm), ring(alarm)]));
    for (let index = 0; index < alarms.length; index += 1) {
      const pair = [outcomes[2 * index], outcomes[2 * index + 1]];
      expect(pair.filter((outcome) => outcome === "applied")).toHaveLength(1);
      expect(["already-handled", "duplicate"]).toContain(pair.find((outcome) => outcome !== "applied"));
    }
    const timerEvents = await h.db.prisma.proposalEvent.count({
      where: { proposalId: { in: ids }, type: "deadline.remind" },
    });
    expect(timerEvents).toBe(ids.length);
    expect(await h.db.prisma.alarm.count({ where: { proposalId: { in: ids }, status: "pending", kind: "due" } })).toBe(
      ids.length,
    );
  });

  it("the worker's reader: the alarms of jobs that start together are read in one statement", async () => {
    const ids = await Promise.all(Array.from({ length: 3 }, () => submitted()));
    const alarms = await Promise.all(ids.map(pendingAlarm));
    let statements = 0;
    const pool = new Proxy(h.db.pool, {
      get(target, key, receiver) {
        if (key !== "query") return Reflect.get(target, key, receiver);
        return (config: { name?: string }, ...rest: unknown[]) => {
          if (config?.name === "huiyin.ringingAlarms") statements += 1;
          return (target.query as (...args: unknown[]) => unknown).call(target, config, ...rest);
        };
      },
    });
    const deps = { ...h.deps, db: { ...h.db, pool } };
    const read = createRingingReader();
    const rows = await Promise.all([...alarms.map((alarm) => read(deps, alarm.id)), read(deps, "no-such-alarm")]);
    expect(statements).toBe(1);
    expect(rows.map((row) => row?.id)).toEqual([...alarms.map((alarm) => alarm.id), undefined]);
    expect(rows.slice(0, 3).map((row) => row?.status)).toEqual(["pending", "pending", "pending"]);
    // A read in a later turn of the event loop is a statement of its own.
    expect((await read(deps, alarms[0]?.id ?? ""))?.id).toBe(alarms[0]?.id);
    expect(statements).toBe(2);
  });
});
