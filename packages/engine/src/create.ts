import type { Actor } from "@huiyin/domain";
import type { EngineDeps } from "./apply.ts";
import { effectsOf } from "./effects.ts";
import { EngineError } from "./errors.ts";
import { newProposalId } from "./ids.ts";
import { machineStart } from "./machine-step.ts";
import { persistedSnapshot } from "./persisted.ts";
import { type ProposalRecord, toRecord } from "./records.ts";
import { DEFAULT_COMMITTEE } from "./rules-store.ts";
import {
  describedColumns,
  inTransaction,
  isUniqueViolation,
  json,
  type ProposalRow,
  proposalOf,
  writeCreation,
  yearColumns,
} from "./sql.ts";
import { effectRows } from "./write-effects.ts";

export interface CreateInput {
  /** The machine's input (content, proposers, policy…); the engine adds `id` and `createdAt`. */
  input: Record<string, unknown>;
  actor: Actor;
  /**
   * The creator's own id for the proposal (an integrator's ticket number); unique per creating actor (`role:id`),
   * so a retried create finds the first one and another creator's ids are neither in the way nor revealed.
   */
  externalId?: string;
  requestId?: string;
  /** The committee the proposal belongs to (`DEFAULT_COMMITTEE` when absent: a deployment of one). */
  committeeId?: string;
}

/**
 * Creates a proposal: the machine's initial snapshot, its first history entry (`create`, seq 1) and the
 * effects of the initial state, in one transaction. With an `externalId`, a repeat returns the proposal
 * the first call created (`created: false`) instead of making a second one.
 */
export async function createProposal(
  deps: EngineDeps,
  input: CreateInput,
): Promise<{ proposal: ProposalRecord; created: boolean }> {
  const at = deps.clock.now();
  const byExternalId = input.externalId
    ? {
        createdBy_externalId: {
          createdBy: creatorOf(input.actor, input.committeeId),
          externalId: input.externalId,
        },
      }
    : undefined;
  if (byExternalId) {
    const existing = await deps.db.prisma.proposal.findUnique({ where: byExternalId });
    if (existing) return { proposal: toRecord(existing), created: false };
  }
  const id = newProposalId(at);
  const { machine } = deps.workflow;
  const machineInput = { ...input.input, id, createdAt: at.toISOString() };
  let snapshot: ReturnType<typeof machineStart>[0];
  let actions: ReturnType<typeof machineStart>[1];
  try {
    [snapshot, actions] = machineStart(machine, machineInput);
  } catch (error) {
    throw new EngineError("INVALID_INPUT", error instanceof Error ? error.message : String(error));
  }
  const described = deps.workflow.describe(snapshot);
  try {
    const row = await inTransaction(deps.db.pool, async (client, transaction) => {
      const effects = await effectRows(client, {
        proposalId: id,
        seq: 1,
        at,
        effects: effectsOf(actions),
        creator: input.actor,
        committeeId: input.committeeId ?? DEFAULT_COMMITTEE,
      });
      const persisted = persistedSnapshot(machine, snapshot);
      // The statement and COMMIT go out together, BEGIN before them unanswered: one round trip (with one more before
      // it when an effect emits a webhook and the committee's subscriptions are looked up).
      const { rows } = await transaction.commitWith<ProposalRow>(writeCreation, [
        id,
        input.externalId ?? null,
        deps.workflow.version,
        json(persisted),
        ...describedColumns(described),
        json(input.actor),
        json(input.input),
        input.requestId ?? null,
        at,
        ...effects,
        yearColumns(described),
        input.committeeId ?? DEFAULT_COMMITTEE,
      ]);
      return proposalOf(rows[0] as ProposalRow, persisted);
    });
    deps.logger.info({ proposalId: id, requestId: input.requestId, states: described.states }, "proposal created");
    return { proposal: toRecord(row), created: true };
  } catch (error) {
    // Two creates with one externalId raced: the second lost on the unique index and returns the first.
    if (byExternalId && isUniqueViolation(error)) {
      const existing = await deps.db.prisma.proposal.findUnique({ where: byExternalId });
      if (existing) return { proposal: toRecord(existing), created: false };
    }
    throw error;
  }
}

/**
 * The namespace of a creator's externalIds: as `writeCreation` fills `proposals.created_by` from the actor, within
 * its committee (`<committee>/role:id` outside the default one), so that two committees' creators of one id neither
 * collide nor see each other's ids.
 */
export function creatorOf(actor: Actor, committeeId = DEFAULT_COMMITTEE): string {
  const creator = `${actor.role}:${actor.id}`;
  return committeeId === DEFAULT_COMMITTEE ? creator : `${committeeId}/${creator}`;
}
