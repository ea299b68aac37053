import { isDatabaseUnavailable } from "@huiyin/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, staff, startHarness, ticketInput } from "../test/harness.ts";
import { createAlarmBatcher, createRingingReader, handleAlarm } from "./alarms.ts";
import { applyChunk, applyEvent } from "./apply.ts";
import { createProposal } from "./create.ts";
import { EngineError } from "./errors.ts";
import { createGroupCommit } from "./group-commit.ts";

/**
 * Group commit (issue 18), against real PostgreSQL: several events in one transaction; one refused before it wrote
 * anything is refused alone, one that fails after undoes the chunk, and each event then goes again on its own, so it
 * undoes nothing of the others and each keeps its exactly-once guarantees.
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

/** A logger that keeps the messages of lines at info and warn. */
function keptLogger(messages: string[]) {
  const logger = {
    child: () => logger,
    debug: () => {},
    info: (_fields: unknown, message?: string) => message && messages.push(message),
    warn: (_fields: unknown, message?: string) => message && messages.push(message),
    error: () => {},
  } as unknown as typeof h.deps.logger;
  return logger;
}

const pendingAlarm = (proposalId: string) =>
  h.db.prisma.alarm.findFirstOrThrow({ where: { proposalId, status: "pending" } });

describe("a group commit of timer events", () => {
  it("commits the accepted events together and refuses the refused one alone", async () => {
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
    const logger = keptLogger(undone);
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

/** The transactions that wrote these proposals' events of this type: PostgreSQL's `xmin`, one per transaction. */
async function transactionsOf(ids: string[], type: string): Promise<Map<string, string>> {
  const { rows } = await h.db.pool.query<{ proposal_id: string; xmin: string }>(
    "SELECT proposal_id, xmin::text FROM proposal_events WHERE proposal_id = ANY($1) AND type = $2",
    [ids, type],
  );
  return new Map(rows.map((row) => [row.proposal_id, row.xmin]));
}

describe("a group commit of events sent at once (createGroupCommit)", () => {
  async function drafts(count: number): Promise<string[]> {
    const created = await Promise.all(
      Array.from({ length: count }, () => createProposal(h.deps, { input: ticketInput(), actor: staff })),
    );
    return created.map(({ proposal }) => proposal.id);
  }

  it("lets the first event go alone and gathers those that come while it runs into one transaction", async () => {
    const ids = await drafts(5);
    const deps = { ...h.deps, groupCommit: createGroupCommit({ inFlight: 1 }) };
    const results = await Promise.all(
      ids.map((proposalId) => applyEvent(deps, { proposalId, event: { type: "submit" }, actor: staff })),
    );
    expect(results.map((result) => result.outcome)).toEqual(ids.map(() => "applied"));
    const transactions = await transactionsOf(ids, "submit");
    expect(transactions.size).toBe(5);
    const [first, ...rest] = ids.map((id) => transactions.get(id));
    expect(new Set(rest).size).toBe(1);
    expect(rest[0]).not.toBe(first);
  });

  type Facts = NonNullable<typeof h.deps.facts>;

  /**
   * Submits four drafts at once through a group commit of one transaction at a time, with `facts`: the first goes
   * alone, the other three (the second of them submitted already, so refused) together.
   */
  async function submitFour(facts: Facts) {
    const ids = await drafts(4);
    const [busy, one, refused, two] = ids as [string, string, string, string];
    await applyEvent(h.deps, { proposalId: refused, event: { type: "submit" }, actor: staff });
    const messages: string[] = [];
    const deps = { ...h.deps, logger: keptLogger(messages), groupCommit: createGroupCommit({ inFlight: 1 }), facts };
    const send = (proposalId: string) => applyEvent(deps, { proposalId, event: { type: "submit" }, actor: staff });
    const results = await Promise.allSettled([send(busy), send(one), send(refused), send(two)]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect(results[2]?.status === "rejected" ? results[2].reason : undefined).toBeInstanceOf(EngineError);
    const undone = messages.filter((message) => message.includes("group commit undone")).length;
    return { busy, one, refused, two, undone };
  }

  it("refuses an event its state does not accept alone: the others commit together, nothing is undone", async () => {
    // Facts that only read (as the session of a submission is looked up) leave a refusal alone.
    const { one, two, undone } = await submitFour(async (client) => {
      await client.query("SELECT 1");
      return {};
    });
    expect(undone).toBe(0);
    const transactions = await transactionsOf([one, two], "submit");
    expect(transactions.get(one)).toBeDefined();
    expect(transactions.get(one)).toBe(transactions.get(two));
  });

  it("undoes the chunk when a refused event's facts wrote; each event then goes alone, the facts' write given back", async () => {
    await h.db.pool.query("CREATE TABLE IF NOT EXISTS facts_probe (proposal_id text NOT NULL)");
    // Facts that write, as a number taken at registration does.
    const { busy, one, refused, two, undone } = await submitFour(async (client, request) => {
      await client.query("INSERT INTO facts_probe (proposal_id) VALUES ($1)", [request.proposalId]);
      return {};
    });
    expect(undone).toBe(1);
    const { rows } = await h.db.pool.query<{ proposal_id: string }>(
      "SELECT proposal_id FROM facts_probe WHERE proposal_id = ANY($1) ORDER BY proposal_id",
      [[busy, one, refused, two]],
    );
    expect(rows.map((row) => row.proposal_id)).toEqual([busy, one, two].sort());
    const transactions = await transactionsOf([one, two], "submit");
    expect(transactions.size).toBe(2);
    expect(transactions.get(one)).not.toBe(transactions.get(two));
  });

  /** Holds a proposal's row lock on a connection of its own until `release`. */
  async function holdLock(proposalId: string) {
    const holder = await h.db.pool.connect();
    await holder.query("BEGIN");
    await holder.query("SELECT 1 FROM proposals WHERE id = $1 FOR UPDATE", [proposalId]);
    return async () => {
      await holder.query("ROLLBACK");
      holder.release();
    };
  }

  it("keeps an event whose proposal is in a running transaction out of a chunk: the others do not wait on its lock", async () => {
    const [held, other] = await drafts(2);
    const release = await holdLock(held as string);
    const deps = { ...h.deps, groupCommit: createGroupCommit({ inFlight: 2 }) };
    const poke = (proposalId: string | undefined, key: string) =>
      applyEvent(deps, {
        proposalId: proposalId as string,
        event: { type: "poke" },
        actor: staff,
        idempotencyKey: key,
      });
    const first = poke(held, "held-1");
    const second = poke(held, "held-2");
    // The second lane is free, and `other`'s event takes it alone: without the busy check it would have gone in a
    // chunk with `held`'s second event, behind the lock.
    await expect(poke(other, "other-1")).resolves.toMatchObject({ outcome: "applied" });
    await release();
    await expect(Promise.all([first, second])).resolves.toMatchObject([{ outcome: "applied" }, { outcome: "applied" }]);
    const keys = await h.db.prisma.proposalEvent.findMany({
      where: { proposalId: held as string, type: "poke" },
      orderBy: { seq: "asc" },
      select: { idempotencyKey: true },
    });
    expect(keys.map((event) => event.idempotencyKey)).toEqual(["held-1", "held-2"]);
  });

  it("refuses an event that waited longer than maxWaitMs as the database being unavailable, and applies nothing", async () => {
    const [held, other] = await drafts(2);
    const release = await holdLock(held as string);
    const deps = { ...h.deps, groupCommit: createGroupCommit({ inFlight: 1, maxWaitMs: 200 }) };
    const blocked = applyEvent(deps, { proposalId: held as string, event: { type: "submit" }, actor: staff });
    const waited = applyEvent(deps, { proposalId: other as string, event: { type: "submit" }, actor: staff });
    const error = await waited.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(isDatabaseUnavailable(error)).toBe(true);
    await release();
    await expect(blocked).resolves.toMatchObject({ outcome: "applied" });
    expect(await h.db.prisma.proposalEvent.count({ where: { proposalId: other as string, type: "submit" } })).toBe(0);
  });

  it("does not apply a chunk again when its COMMIT's answer is lost: each caller gets the error, each event applied once", async () => {
    const [busy, one, two] = await drafts(3);
    // A pool whose COMMIT commits, then reports the connection lost (the answer that never came back).
    const pool = new Proxy(h.db.pool, {
      get(target, key) {
        const value = Reflect.get(target, key, target);
        if (key !== "connect") return typeof value === "function" ? value.bind(target) : value;
        return async () => {
          const client = await target.connect();
          return new Proxy(client, {
            get(inner, name) {
              const member = Reflect.get(inner, name, inner);
              if (name !== "query") return typeof member === "function" ? member.bind(inner) : member;
              return async (...args: unknown[]) => {
                const result = await (inner.query as (...rest: unknown[]) => Promise<unknown>).apply(inner, args);
                if (args[0] === "COMMIT") throw new Error("Connection terminated unexpectedly");
                return result;
              };
            },
          });
        };
      },
    });
    const messages: string[] = [];
    const deps = {
      ...h.deps,
      db: { ...h.db, pool },
      logger: keptLogger(messages),
      groupCommit: createGroupCommit({ inFlight: 1 }),
    };
    // Pokes without a key: applied again, each would be a second poke.
    const send = (proposalId: string | undefined) =>
      applyEvent(deps, { proposalId: proposalId as string, event: { type: "poke" }, actor: staff });
    const results = await Promise.allSettled([send(busy), send(one), send(two)]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(messages.filter((message) => message.includes("nothing applied again"))).toHaveLength(1);
    for (const id of [busy, one, two]) {
      expect(await h.db.prisma.proposalEvent.count({ where: { proposalId: id as string, type: "poke" } })).toBe(1);
    }
  });
});
