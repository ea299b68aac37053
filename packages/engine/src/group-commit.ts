import { availableParallelism } from "node:os";
import { TRANSACTION_WAIT_MESSAGE } from "@huiyin/db";
import {
  type ApplyInput,
  type ApplyResult,
  applyAlone,
  applyChunk,
  type EngineDeps,
  type GroupCommit,
} from "./apply.ts";

export interface GroupCommitOptions {
  /** Events in one transaction at most. */
  maxChunk?: number;
  /** Transactions of this group commit running at once; events that come while all run wait for the next. */
  inFlight?: number;
  /**
   * Wait for the end of the event loop's turn before starting, so that what arrives in one turn goes together (the
   * alarm worker: BullMQ hands over a burst of due jobs in one turn). Without it an event goes at once when a
   * transaction may start, and waits only while `inFlight` run.
   */
  gatherTurn?: boolean;
  /**
   * How long an event may wait for a transaction before it is refused as the database being unavailable (503 and
   * Retry-After in the api), like the pool's wait for a connection; `Infinity` for callers bounded otherwise.
   */
  maxWaitMs?: number;
}

/**
 * Group commit: while `inFlight` transactions run, the events that come wait, and go together in the next one
 * (`applyChunk`, up to `maxChunk`: one BEGIN, one COMMIT and one WAL flush for all, their statements side by side on
 * one pipelined connection). Under no load nothing waits: an event that finds a transaction free goes at once, in a
 * transaction of its own (`applyAlone`). Each caller gets its own event's result, after the COMMIT, exactly as
 * `applyEvent` alone would give it: a refusal refuses that event only, and a chunk that fails is undone and its events
 * applied one by one. An event whose proposal is in one of the running transactions waits for it to end rather than
 * join a chunk that would wait on that lock with every other event in it; an event that waits `maxWaitMs` for a
 * transaction is refused as the database being unavailable, as one waiting for a connection of the pool is.
 *
 * Issue 18: with 8 and 32 clients calling the engine directly on 2 cores, committed transitions/s rose from ~450 to
 * ~630 and ~820 and PostgreSQL's CPU per transition halved (the commits, the wake-ups of the backends and the
 * round trips are shared). Only events on the same pool, workflow, clock and facts go together; each keeps its
 * caller's logger.
 */
export function createGroupCommit(options: GroupCommitOptions = {}): GroupCommit {
  const maxChunk = options.maxChunk ?? 16;
  const maxWaitMs = options.maxWaitMs ?? 5_000;
  // As many transactions at once as PostgreSQL has cores to run them (on this machine, by default): one chunk runs on
  // one backend, so fewer would leave cores idle, and more would gather less; and two connections of the pool left
  // for the process's other work.
  // Asked once: it is a system call (the process's CPU affinity), and `pump` runs for every event.
  const cores = Math.max(2, availableParallelism());
  const lanesOf = (deps: EngineDeps) =>
    options.inFlight ?? Math.max(1, Math.min(cores, (deps.db.pool.options.max ?? 10) - 2));
  interface Waiting {
    deps: EngineDeps;
    input: ApplyInput;
    resolve: (result: ApplyResult) => void;
    reject: (error: unknown) => void;
    timer?: NodeJS.Timeout;
    started?: boolean;
  }
  const waiting: Waiting[] = [];
  let running = 0;
  let scheduled = false;
  /**
   * Proposals in a running transaction: an event of one waits for it rather than queue behind its lock in a chunk (so
   * a proposal is never in two of them at once).
   */
  const busy = new Set<string>();
  const together = (a: EngineDeps, b: EngineDeps) =>
    a === b ||
    (a.db === b.db &&
      a.workflow === b.workflow &&
      a.clock === b.clock &&
      a.facts === b.facts &&
      a.observer === b.observer);
  const run = async (chunk: Waiting[]) => {
    const first = chunk[0] as Waiting;
    if (chunk.length === 1) {
      await applyAlone(first.deps, first.input).then(first.resolve, first.reject);
      return;
    }
    const results = await applyChunk(
      first.deps,
      chunk.map((item) => item.input),
      chunk.map((item) => item.deps.logger),
    );
    results.forEach((result, index) => {
      const item = chunk[index] as Waiting;
      if (result.status === "fulfilled") item.resolve(result.value);
      else item.reject(result.reason);
    });
  };
  const take = (): Waiting[] => {
    const chunk: Waiting[] = [];
    for (let index = 0; index < waiting.length && chunk.length < maxChunk; ) {
      const item = waiting[index] as Waiting;
      const first = chunk[0];
      if (busy.has(item.input.proposalId) || (first && !together(item.deps, first.deps))) index += 1;
      else chunk.push(...waiting.splice(index, 1));
    }
    return chunk;
  };
  const pump = () => {
    scheduled = false;
    while (waiting.length > 0 && running < lanesOf((waiting[0] as Waiting).deps)) {
      const chunk = take();
      if (chunk.length === 0) return;
      running += 1;
      const proposals = chunk.map((item) => item.input.proposalId);
      for (const item of chunk) {
        item.started = true;
        clearTimeout(item.timer);
      }
      for (const id of proposals) busy.add(id);
      run(chunk)
        .catch((error: unknown) => {
          for (const item of chunk) item.reject(error);
        })
        .finally(() => {
          running -= 1;
          for (const id of proposals) busy.delete(id);
          pump();
        });
    }
  };
  const giveUp = (item: Waiting) => {
    // Only ever armed for an event still waiting: starting it clears the timer.
    const index = waiting.indexOf(item);
    if (index === -1) return;
    waiting.splice(index, 1);
    item.reject(new Error(TRANSACTION_WAIT_MESSAGE));
  };
  return {
    apply: (deps, input) =>
      new Promise<ApplyResult>((resolve, reject) => {
        const item: Waiting = { deps, input, resolve, reject };
        waiting.push(item);
        if (!options.gatherTurn) pump();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(pump);
        }
        if (Number.isFinite(maxWaitMs) && !item.started) item.timer = setTimeout(giveUp, maxWaitMs, item);
      }),
  };
}
