import type { Database, Proposal } from "@huiyin/db";
import { type Actor, TIMER_EVENT_TYPES } from "@huiyin/domain";
import type { Logger } from "@huiyin/logger";
import type pg from "pg";
import type { AnyMachineSnapshot } from "xstate";
import type { Clock } from "./clock.ts";
import { effectsOf } from "./effects.ts";
import { EngineError } from "./errors.ts";
import { machineStep } from "./machine-step.ts";
import type { EngineObserver } from "./observer.ts";
import { persistedSnapshot } from "./persisted.ts";
import { type ProposalRecord, toRecord } from "./records.ts";
import {
  describedColumns,
  dropStale,
  findRepeat,
  inTransaction,
  isUniqueViolation,
  json,
  lockProposalWithSubscriptions,
  type ProposalRow,
  proposalOf,
  readProposal,
  readProposalRow,
  run,
  type Transaction,
  writeTransition,
  yearColumns,
} from "./sql.ts";
import type { CommitteeSubscription } from "./webhook-deliveries.ts";
import type { Workflow } from "./workflow.ts";
import { type AlarmRow, effectRows } from "./write-effects.ts";

/** Gathers a process's concurrent events into shared transactions (`createGroupCommit` in group-commit.ts). */
export interface GroupCommit {
  apply(deps: EngineDeps, input: ApplyInput): Promise<ApplyResult>;
}

export interface EngineDeps {
  db: Database;
  logger: Logger;
  clock: Clock;
  workflow: Workflow;
  /** Told about each event applied (or not) and each alarm acted on: the metrics. */
  observer?: EngineObserver;
  /** Facts from outside the instance that the composition root owns (see `EventFacts`). */
  facts?: EventFacts | undefined;
  /**
   * Concurrent `applyEvent` calls of this process gathered into shared transactions under load (`createGroupCommit`);
   * without it each event is a transaction of its own.
   */
  groupCommit?: GroupCommit | undefined;
}

/**
 * Facts from outside the instance that the composition root owns — a committee's sessions, its number counters —
 * asked inside the event's transaction with the proposal locked, after the workflow's own `prepare`. What it
 * returns is added to the event the machine judges and recorded with the event in the history; what it writes
 * through `client` commits or rolls back with the event (a number taken for an event the machine then refuses is
 * given back). The engine knows nothing of what the facts mean.
 */
export type EventFacts = (
  client: pg.ClientBase,
  request: {
    proposalId: string;
    event: { type: string } & Record<string, unknown>;
    /** The instance's persisted context, before the event. */
    context: Record<string, unknown>;
    at: Date;
  },
) => Promise<Record<string, unknown>>;

export interface ApplyInput {
  proposalId: string;
  /** `{ type, ...payload }` from the domain vocabulary, already validated against its schema. */
  event: { type: string } & Record<string, unknown>;
  actor: Actor;
  /** A repeat with the same key applies nothing and returns the first result. */
  idempotencyKey?: string;
  /** `If-Match`: apply only if the proposal is still at this version. */
  expectedVersion?: number;
  /**
   * Apply only to a proposal this test admits, asked of the row the lock read (before a repeat's first result is
   * answered): one it refuses is `PROPOSAL_NOT_FOUND`, as if it did not exist. The caller's visibility rule, checked
   * on the row the engine reads anyway instead of by a statement of its own (issue 18). Synchronous, pure.
   */
  admits?: (proposal: Proposal) => boolean;
  /**
   * Find only a proposal of this committee: one of another is `PROPOSAL_NOT_FOUND` without being locked (in the lock
   * read's SQL), so a caller cannot hold up, or time, another committee's proposals by sending to their ids.
   */
  committeeId?: string;
  requestId?: string;
  /** The BullMQ job that carried the event, for the logs. */
  jobId?: string;
  /** Set when a deadline alarm caused the event: the alarm is marked fired (or stale) in the same transaction. */
  alarmId?: string;
  /**
   * The next alarm of that alarm's deadline (`nextAlarmOf`): armed (its row and its job's outbox message) in the same
   * transaction when the alarm rings, fired, stale or held, unless the transition closes the deadline.
   */
  armNext?: AlarmRow;
  /**
   * Asked inside the transaction, with the proposal locked, once the machine has accepted a timer event: a hold
   * drops the event as a stale one is dropped (recorded with its reason, the alarm marked `alarmStatus`). For
   * edge rules the pure machine cannot see, such as an acknowledged escalation.
   */
  hold?: (client: pg.ClientBase) => Promise<TimerHold | undefined>;
}

/** A `hold`'s answer when it keeps a timer event from being applied: recorded, not applied. */
export interface TimerHold {
  /** The dropped event's reason, and the outcome's. */
  reason: string;
  /** What the alarm that rang becomes (instead of `fired`). */
  alarmStatus: string;
  /** Logged, and kept with the dropped event's payload. */
  details: Record<string, unknown>;
}

export type ApplyResult =
  | { outcome: "applied"; proposal: ProposalRecord; seq: number }
  | { outcome: "duplicate"; proposal: ProposalRecord; seq: number }
  | { outcome: "stale"; proposal: ProposalRecord; reason: string };

const TIMER_EVENTS: ReadonlySet<string> = new Set(TIMER_EVENT_TYPES);

/**
 * Applies one event to one proposal, exactly once.
 *
 * Everything happens in one transaction: the proposal row is locked (`FOR UPDATE`), so concurrent events
 * on the same proposal queue up behind each other instead of racing (optimistic retries under heavy
 * contention waste work and can starve a sender; the row lock gives the same no-lost-update guarantee
 * with none of that, and other proposals are not blocked). The snapshot, the history row, deadlines,
 * alarms, notices and outbox messages are written together, or not at all.
 */
export function applyEvent(deps: EngineDeps, input: ApplyInput): Promise<ApplyResult> {
  return deps.groupCommit ? deps.groupCommit.apply(deps, input) : applyAlone(deps, input);
}

/** `applyEvent` in a transaction of its own, whatever `deps.groupCommit` says. */
export async function applyAlone(deps: EngineDeps, input: ApplyInput, logger = deps.logger): Promise<ApplyResult> {
  const log = eventLogger(logger, input);
  const started = performance.now();
  const observe = (outcome: string) =>
    deps.observer?.transition(input.event.type, outcome, (performance.now() - started) / 1000);
  try {
    const result = await inTransaction(deps.db.pool, (client, transaction) =>
      applyInTransaction(client, deps, input, log, { wrote: false }, transaction.commitWith),
    );
    observe(result.outcome);
    return result;
  } catch (error) {
    // Two first-time requests with one idempotency key: the loser hits the unique index; it is a repeat.
    if (input.idempotencyKey && isUniqueViolation(error)) {
      const first = await findByKey(deps.db.pool, input.proposalId, input.idempotencyKey);
      if (first) {
        observe(first.outcome);
        return first;
      }
    }
    observe(error instanceof EngineError ? "refused" : "error");
    throw error;
  }
}

/**
 * Applies several events in ONE transaction (a group commit: one COMMIT, one WAL flush for all). Every event gets
 * exactly what `applyEvent` would give it: the same lock, idempotency key, checks and write; their results count
 * only once the transaction has committed. The proposals are locked in their order (the locks of two chunks running
 * at once are taken in one order, so they cannot deadlock each other); the events of different proposals run side by
 * side on the pipelined connection, their statements sent as each is ready, so a chunk of 50 waits for answers a
 * few times, not 100 (issue 18).
 *
 * Optimistic: no SAVEPOINT per event (savepoints nest, so the events running side by side could not each have one;
 * and they cost two round trips per event). An event refused before it wrote anything (an unknown proposal, a stale
 * `If-Match`, an event its state does not accept) is refused alone: its statements only read, the transaction is
 * whole, the others go on. Anything else an event throws (a refusal after the facts took a number, a repeat racing
 * the first delivery, the database failing) undoes the chunk, and each event is applied again on its own through
 * `applyAlone`, whose outcome each caller gets: one event failing still undoes nothing of the others. A chunk that
 * fails at its COMMIT (or gets no connection) is not applied again: it may have committed, and each caller gets the
 * error. `logs`, when given, are the callers' loggers, one per input.
 */
export async function applyChunk(
  deps: EngineDeps,
  inputs: readonly ApplyInput[],
  logs?: readonly Logger[],
): Promise<PromiseSettledResult<ApplyResult>[]> {
  const order = inputs.map((input, index) => ({ input, index })).sort((a, b) => compare(a.input, b.input));
  const loggerOf = (index: number) => logs?.[index] ?? deps.logger;
  const started = performance.now();
  let settled: PromiseSettledResult<ApplyResult>[];
  /** Rolled back because an event failed: nothing of the chunk committed, its events can go again alone. */
  let undone = false;
  try {
    settled = await inTransaction(deps.db.pool, async (client) => {
      const results: PromiseSettledResult<ApplyResult>[] = new Array(inputs.length);
      // The events of one proposal one after the other (each sees the one before); those of different proposals side
      // by side on the pipelined connection, so that a chunk waits for its statements' answers once, not once per
      // statement: each proposal's first statement, its lock read, is sent at once and in proposal order.
      const groups = new Map<string, typeof order>();
      for (const item of order) {
        const group = groups.get(item.input.proposalId);
        if (group) group.push(item);
        else groups.set(item.input.proposalId, [item]);
      }
      // The first failure in time (a later one is often its echo: "current transaction is aborted"); once there is
      // one, no group starts another event, as the chunk will be undone and its events applied one by one.
      let failure: { error: unknown } | undefined;
      await Promise.all(
        [...groups.values()].map(async (group) => {
          for (const { input, index } of group) {
            if (failure) return;
            const progress = { wrote: false };
            try {
              const value = await applyInTransaction(
                client,
                deps,
                input,
                eventLogger(loggerOf(index), input),
                progress,
              );
              results[index] = { status: "fulfilled", value };
            } catch (error) {
              if (error instanceof EngineError && !progress.wrote)
                results[index] = { status: "rejected", reason: error };
              else failure ??= { error };
            }
          }
        }),
      );
      // Thrown only once every group has stopped: a ROLLBACK sent while one still ran would leave its next statement
      // outside the transaction.
      if (failure) {
        undone = true;
        throw failure.error;
      }
      return results;
    });
  } catch (error) {
    if (!undone) {
      // No connection, or the COMMIT failed: whether it committed is not known (its answer may be what was lost), and
      // applying the events again could apply them twice. Each caller gets the error, as a lone event whose COMMIT
      // failed does; a repeat with its idempotency key finds out.
      deps.logger.warn({ err: error, events: inputs.length }, "group commit failed at its end: nothing applied again");
      return inputs.map(() => ({ status: "rejected", reason: error }));
    }
    const level = error instanceof EngineError || isUniqueViolation(error) ? "info" : "warn";
    deps.logger[level]({ err: error, events: inputs.length }, "group commit undone: each event applied on its own");
    return Promise.allSettled(inputs.map((input, index) => applyAlone(deps, input, loggerOf(index))));
  }
  const seconds = (performance.now() - started) / 1000;
  for (const [index, result] of settled.entries()) {
    const outcome = result.status === "fulfilled" ? result.value.outcome : "refused";
    deps.observer?.transition(inputs[index]?.event.type ?? "", outcome, seconds);
  }
  return settled;
}

/**
 * The connection as the facts get it: a statement of theirs that is not a plain SELECT (a number taken: `UPDATE …`)
 * sets `progress.wrote`, so that a refusal after it undoes the group commit's chunk (and gives the number back), while
 * a refusal after facts that only read is refused alone.
 */
function writesNoted(client: pg.PoolClient, progress: { wrote: boolean }): pg.PoolClient {
  return new Proxy(client, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (key !== "query") return typeof value === "function" ? value.bind(target) : value;
      return (config: string | { text?: string }, ...rest: unknown[]) => {
        const text = typeof config === "string" ? config : config?.text;
        if (!/^\s*select\b/i.test(text ?? "")) progress.wrote = true;
        return (target.query as (...args: unknown[]) => unknown).call(target, config, ...rest);
      };
    },
  });
}

/** A logger that names the event in every line it writes. */
function eventLogger(logger: Logger, input: ApplyInput): Logger {
  return logger.child({
    proposalId: input.proposalId,
    eventType: input.event.type,
    ...(input.requestId ? { requestId: input.requestId } : {}),
    ...(input.jobId ? { jobId: input.jobId } : {}),
  });
}

const compare = (a: ApplyInput, b: ApplyInput): number =>
  a.proposalId < b.proposalId ? -1 : a.proposalId > b.proposalId ? 1 : 0;

/**
 * One event inside the caller's transaction. `finish`, when given, sends the event's last statement with the COMMIT
 * behind it (`Transaction.commitWith`); a group commit gives none and commits once for the chunk. `progress.wrote`
 * is set before the first statement that may write (one of the facts' that is not a SELECT, a hold, the write): until
 * then a refusal has changed nothing, and a group commit refuses that event alone.
 */
async function applyInTransaction(
  client: pg.PoolClient,
  deps: EngineDeps,
  input: ApplyInput,
  log: Logger,
  progress: { wrote: boolean },
  finish: Transaction["commitWith"] = (statement, values) => run(client, statement, values),
): Promise<ApplyResult> {
  // The lock read and the idempotency key's lookup go out together (pipelined: one round trip); the lookup runs
  // after the lock is taken, so a first request committing meanwhile is seen.
  const [{ rows: locked }, repeat] = await Promise.all([
    run<ProposalRow & { webhook_subscriptions: CommitteeSubscription[] }>(client, lockProposalWithSubscriptions, [
      input.proposalId,
      input.committeeId ?? null,
    ]),
    input.idempotencyKey ? run<{ seq: number }>(client, findRepeat, [input.proposalId, input.idempotencyKey]) : null,
  ]);
  // A proposal the caller's test refuses is as unknown as one that does not exist.
  const notFound = () => new EngineError("PROPOSAL_NOT_FOUND", `No proposal ${input.proposalId}.`);
  const found = locked[0];
  if (!found) throw notFound();
  const row = proposalOf(found);
  if (input.admits && !input.admits(row)) throw notFound();

  const first = repeat?.rows[0];
  if (first) {
    log.info({ idempotencyKey: input.idempotencyKey }, "repeated event: nothing applied");
    return { outcome: "duplicate", proposal: toRecord(row), seq: first.seq };
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) {
    throw new EngineError(
      "VERSION_MISMATCH",
      `The proposal is at version ${row.version}, not ${input.expectedVersion}.`,
      { currentVersion: row.version },
    );
  }

  const at = deps.clock.now();
  const prepared = deps.workflow.prepare
    ? await deps.workflow.prepare(input.event, async (id) => {
        const { rows } = await run<ProposalRow>(client, readProposal, [id]);
        const other = rows[0];
        const context = (other?.snapshot as { context?: Record<string, unknown> } | undefined)?.context;
        return other && context ? { context, stage: other.stage } : null;
      })
    : input.event;
  const context = (row.snapshot as { context?: Record<string, unknown> } | null)?.context ?? {};
  const facts =
    deps.facts && !TIMER_EVENTS.has(input.event.type)
      ? await deps.facts(writesNoted(client, progress), { proposalId: row.id, event: input.event, context, at })
      : {};
  const event = { ...prepared, ...facts, actor: input.actor, at: at.toISOString() };
  const { machine } = deps.workflow;
  const snapshot = machine.resolveState(
    row.snapshot as unknown as Parameters<typeof machine.resolveState>[0],
  ) as AnyMachineSnapshot;
  const refusal = deps.workflow.check(snapshot, event);
  const isTimer = TIMER_EVENTS.has(input.event.type);
  if (refusal && !isTimer) {
    throw new EngineError(refusal.code, refusal.message, {
      state: row.states,
      stage: row.stage,
    });
  }
  // A timer event that came too late (the proposal moved on before the alarm rang), or one held back by a rule
  // the machine cannot see: record it and mark its alarm, change nothing else.
  if (isTimer) progress.wrote = true;
  const held = refusal
    ? { reason: refusal.code, alarmStatus: "stale", details: {} }
    : isTimer && input.hold
      ? await input.hold(client)
      : undefined;
  if (held) {
    await finish(dropStale, [
      row.id,
      input.event.type,
      json({ ...input.event, ...held.details }),
      held.reason,
      input.alarmId ?? null,
      at,
      held.alarmStatus,
      json(input.armNext ? [input.armNext] : []),
    ]);
    log.info({ reason: held.reason, ...held.details }, refusal ? "stale timer event dropped" : "timer event held");
    return { outcome: "stale", proposal: toRecord(row), reason: held.reason };
  }

  const [next, actions] = machineStep(machine, snapshot, event);
  const seq = row.version + 1;
  const described = deps.workflow.describe(next);
  const { type: _type, ...body } = input.event;
  const payload = { ...body, ...facts };
  const effects = await effectRows(client, {
    proposalId: row.id,
    seq,
    at,
    effects: effectsOf(actions),
    subscriptions: found.webhook_subscriptions,
  });
  // The lock makes the version condition always true; it stays as a guard against a future path without it. With no
  // row moved the statement writes none of its rows, but its COMMIT, sent with it, would keep what the facts wrote
  // before it (a number taken): unreachable while the lock holds, and to be rethought with any path without it.
  const persisted = persistedSnapshot(machine, next);
  progress.wrote = true;
  const { rows: written } = await finish<ProposalRow>(writeTransition, [
    row.id,
    row.version,
    json(persisted),
    ...describedColumns(described),
    input.event.type,
    json(input.actor),
    json(payload),
    row.states,
    input.idempotencyKey ?? null,
    input.requestId ?? null,
    at,
    ...effects,
    input.alarmId ?? null,
    yearColumns(described),
    json(input.armNext ? [input.armNext] : []),
  ]);
  const after = written[0];
  if (!after) throw new EngineError("VERSION_CONFLICT", "The proposal changed during the update.");
  log.info({ seq, from: row.states, to: described.states }, "event applied");
  return { outcome: "applied", proposal: toRecord(proposalOf(after, persisted)), seq };
}

/** The first result of an idempotency key, if it was used on this proposal already (a race's loser asks). */
async function findByKey(pool: pg.Pool, proposalId: string, idempotencyKey: string): Promise<ApplyResult | undefined> {
  const { rows } = await run<{ seq: number }>(pool, findRepeat, [proposalId, idempotencyKey]);
  const event = rows[0];
  if (!event) return undefined;
  const current = await readProposalRow(pool, proposalId);
  if (!current) return undefined;
  return { outcome: "duplicate", proposal: toRecord(current), seq: event.seq };
}
