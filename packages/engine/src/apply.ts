import type { Database, Prisma } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import { type AnyMachineSnapshot, transition } from "xstate";
import type { Clock } from "./clock.ts";
import { effectsOf } from "./effects.ts";
import { EngineError } from "./errors.ts";
import { type ProposalRecord, toRecord } from "./records.ts";
import type { Actor, Workflow } from "./workflow.ts";
import { writeEffects } from "./write-effects.ts";

export interface EngineDeps {
  db: Database;
  logger: Logger;
  clock: Clock;
  workflow: Workflow;
}

export interface ApplyInput {
  proposalId: string;
  /** `{ type, ...payload }` from the domain vocabulary, already validated against its schema. */
  event: { type: string } & Record<string, unknown>;
  actor: Actor;
  /** A repeat with the same key applies nothing and returns the first result. */
  idempotencyKey?: string;
  /** `If-Match`: apply only if the proposal is still at this version. */
  expectedVersion?: number;
  requestId?: string;
  /** The BullMQ job that carried the event, for the logs. */
  jobId?: string;
  /** Set when a deadline alarm caused the event: the alarm is marked fired (or stale) in the same transaction. */
  alarmId?: string;
}

export type ApplyResult =
  | { outcome: "applied"; proposal: ProposalRecord; seq: number }
  | { outcome: "duplicate"; proposal: ProposalRecord; seq: number }
  | { outcome: "stale"; proposal: ProposalRecord; reason: string };

const TIMER_EVENTS = new Set(["deadline.remind", "deadline.due", "deadline.escalate"]);

/**
 * Applies one event to one proposal, exactly once.
 *
 * Everything happens in one transaction: the proposal row is locked (`FOR UPDATE`), so concurrent events
 * on the same proposal queue up behind each other instead of racing (optimistic retries under heavy
 * contention waste work and can starve a sender; the row lock gives the same no-lost-update guarantee
 * with none of that, and other proposals are not blocked). The snapshot, the history row, deadlines,
 * alarms, notices and outbox messages are written together, or not at all.
 */
export async function applyEvent(deps: EngineDeps, input: ApplyInput): Promise<ApplyResult> {
  const log = deps.logger.child({
    proposalId: input.proposalId,
    eventType: input.event.type,
    ...(input.requestId ? { requestId: input.requestId } : {}),
    ...(input.jobId ? { jobId: input.jobId } : {}),
  });
  try {
    return await deps.db.prisma.$transaction((tx) => applyInTransaction(tx, deps, input, log), {
      maxWait: 10_000,
      timeout: 15_000,
    });
  } catch (error) {
    // Two first-time requests with one idempotency key: the loser hits the unique index; it is a repeat.
    if (input.idempotencyKey && isUniqueViolation(error)) {
      const first = await findByKey(deps.db.prisma, input.proposalId, input.idempotencyKey);
      if (first) return first;
    }
    throw error;
  }
}

async function applyInTransaction(
  tx: Prisma.TransactionClient,
  deps: EngineDeps,
  input: ApplyInput,
  log: Logger,
): Promise<ApplyResult> {
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM proposals WHERE id = ${input.proposalId} FOR UPDATE`;
  if (locked.length === 0) throw new EngineError("PROPOSAL_NOT_FOUND", `No proposal ${input.proposalId}.`);
  const row = await tx.proposal.findUniqueOrThrow({ where: { id: input.proposalId } });

  if (input.idempotencyKey) {
    const first = await findByKey(tx, input.proposalId, input.idempotencyKey);
    if (first) {
      log.info({ idempotencyKey: input.idempotencyKey }, "repeated event: nothing applied");
      return first;
    }
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
        const other = await tx.proposal.findUnique({ where: { id }, select: { snapshot: true, stage: true } });
        const context = (other?.snapshot as { context?: Record<string, unknown> } | undefined)?.context;
        return other && context ? { context, stage: other.stage } : null;
      })
    : input.event;
  const event = { ...prepared, actor: input.actor, at: at.toISOString() };
  const { machine } = deps.workflow;
  const snapshot = machine.resolveState(
    row.snapshot as unknown as Parameters<typeof machine.resolveState>[0],
  ) as AnyMachineSnapshot;
  const refusal = deps.workflow.check(snapshot, event);
  if (refusal) {
    if (TIMER_EVENTS.has(input.event.type)) {
      // The proposal moved on before the alarm rang: record it, change nothing else.
      await tx.droppedEvent.create({
        data: {
          proposalId: row.id,
          type: input.event.type,
          payload: input.event as Prisma.InputJsonValue,
          reason: refusal.code,
        },
      });
      if (input.alarmId) {
        await tx.alarm.updateMany({
          where: { id: input.alarmId, status: "pending" },
          data: { status: "stale", firedAt: at },
        });
      }
      log.info({ reason: refusal.code }, "stale timer event dropped");
      return { outcome: "stale", proposal: toRecord(row), reason: refusal.code };
    }
    throw new EngineError(refusal.code, refusal.message, {
      state: row.states,
      stage: row.stage,
    });
  }

  const [next, actions] = transition(machine, snapshot, event);
  const seq = row.version + 1;
  const described = deps.workflow.describe(next);
  const persisted = machine.getPersistedSnapshot(next) as unknown as Prisma.InputJsonValue;

  // The lock makes this condition always true; it stays as a guard against a future path without it.
  const updated = await tx.proposal.updateMany({
    where: { id: row.id, version: row.version },
    data: { snapshot: persisted, version: seq, ...described },
  });
  if (updated.count !== 1) throw new EngineError("VERSION_CONFLICT", "The proposal changed during the update.");

  const { type: _type, ...payload } = input.event;
  await tx.proposalEvent.create({
    data: {
      proposalId: row.id,
      seq,
      type: input.event.type,
      actor: input.actor as unknown as Prisma.InputJsonValue,
      payload: payload as Prisma.InputJsonValue,
      fromStates: row.states,
      toStates: described.states,
      machineVersion: row.machineVersion,
      idempotencyKey: input.idempotencyKey ?? null,
      requestId: input.requestId ?? null,
      at,
    },
  });
  await writeEffects(tx, { proposalId: row.id, seq, at, effects: effectsOf(actions) });
  if (input.alarmId) {
    await tx.alarm.updateMany({
      where: { id: input.alarmId, status: "pending" },
      data: { status: "fired", firedAt: at },
    });
  }
  // Wake the outbox relays now rather than at their next poll; NOTIFY is delivered at commit.
  await tx.$executeRaw`SELECT pg_notify('huiyin_outbox', ${row.id})`;
  log.info(
    {
      seq,
      from: row.states,
      to: described.states,
    },
    "event applied",
  );
  const after = await tx.proposal.findUniqueOrThrow({ where: { id: row.id } });
  return { outcome: "applied", proposal: toRecord(after), seq };
}

async function findByKey(
  client: Prisma.TransactionClient,
  proposalId: string,
  idempotencyKey: string,
): Promise<ApplyResult | undefined> {
  const event = await client.proposalEvent.findUnique({
    where: { proposalId_idempotencyKey: { proposalId, idempotencyKey } },
  });
  if (!event) return undefined;
  const proposal = await client.proposal.findUniqueOrThrow({ where: { id: proposalId } });
  return { outcome: "duplicate", proposal: toRecord(proposal), seq: event.seq };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
