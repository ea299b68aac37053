import type { Database } from "@huiyin/db";
import type { Policy } from "@huiyin/domain";
import {
  type Actor,
  applyEvent,
  createProposal,
  creatorOf,
  type EngineDeps,
  EngineError,
  type Workflow,
} from "@huiyin/engine";
import { initialTransition } from "xstate";
import type { ProposalImport } from "./proposal-rows.ts";
import type { RowError } from "./row-errors.ts";

/**
 * Who imported proposals are created by: one creator per committee and source (`public-platform`,
 * `previous-system`, …), so the source's own id is the natural key of each proposal (`proposals.external_id`,
 * unique per creator): a file imported twice, by anyone, finds its proposals and creates nothing new. The role is
 * `integrator`, the role of another system creating proposals for its proposers; the person who imported the file
 * is in the audit trail and the request's log line.
 */
export function importCreator(committeeId: string, source: string): Actor {
  return { role: "integrator", id: `import.${committeeId}.${source}` };
}

/** `proposals.created_by` of the creator's proposals: `role:id`, as the engine's creation writes it. */

/** The machine's input for an imported proposal, as `POST /v1/proposals` builds it. */
export function machineInputOf(row: ProposalImport, policy: Policy): Record<string, unknown> {
  return {
    content: { title: row.title, reasons: row.reasons, suggestions: row.suggestions, category: row.category },
    proposers: row.proposers,
    policy,
    origin: { proposerType: row.proposerType, ...(row.channel ? { channel: row.channel } : {}) },
  };
}

/** Submitted by the lead proposer, as a create with `submit: true` on a member's behalf is. */
const submitterOf = (row: ProposalImport): Actor => ({ role: "proposer", id: row.proposers[0]?.id ?? "" });

/**
 * The machine's verdict on each row before anything is written: an imported proposal is created and submitted,
 * so a row the machine would refuse to submit (incomplete: no reasons, no suggestion) is a bad row of the file.
 * Pure: the machine's initial state and its `check`, as `POST /v1/proposals` asks them ahead of a submit.
 */
export function machineErrors(
  workflow: Workflow,
  rows: readonly ProposalImport[],
  policy: Policy,
  now: Date,
): RowError[] {
  const errors: RowError[] = [];
  for (const row of rows) {
    let snapshot: ReturnType<typeof initialTransition>[0];
    try {
      [snapshot] = initialTransition(workflow.machine, {
        ...machineInputOf(row, policy),
        id: "p_precheck",
        createdAt: now.toISOString(),
      });
    } catch (error) {
      errors.push({
        line: row.line,
        code: "INVALID_VALUE",
        reason: error instanceof Error ? error.message : String(error),
      });
      continue;
    }
    const refusal = workflow.check(snapshot, { type: "submit", actor: submitterOf(row), at: now.toISOString() });
    if (refusal) errors.push({ line: row.line, code: refusal.code, reason: refusal.message });
  }
  return errors;
}

/** Of `externalIds`, those the creator's proposals already have (an earlier import of the same source). */
export async function existingKeys(
  database: Database,
  creator: Actor,
  committeeId: string,
  externalIds: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < externalIds.length; start += 1000) {
    const rows = await database.prisma.proposal.findMany({
      where: { createdBy: creatorOf(creator, committeeId), externalId: { in: externalIds.slice(start, start + 1000) } },
      select: { externalId: true },
    });
    for (const row of rows) if (row.externalId) found.add(row.externalId);
  }
  return found;
}

/**
 * Creates and submits one imported proposal through the engine, as `POST /v1/proposals` with `submit: true` does:
 * the same history, deadlines and facts (session, plenary) as a proposal made through the API. Idempotent: the
 * creator's external id finds a proposal made by an earlier run, and its submit is keyed (`create:submit`), so a
 * run that died between the two submits it now and one that submitted it changes nothing. Returns whether the
 * proposal is new.
 */
export async function importOne(
  engine: EngineDeps,
  creator: Actor,
  committeeId: string,
  row: ProposalImport,
  policy: Policy,
  requestId: string,
): Promise<boolean> {
  const created = await createProposal(engine, {
    committeeId,
    input: machineInputOf(row, policy),
    actor: creator,
    externalId: row.externalId,
    requestId,
  });
  if (created.created || created.proposal.version === 1) {
    await applyEvent(engine, {
      proposalId: created.proposal.id,
      event: { type: "submit" },
      actor: submitterOf(row),
      requestId,
      idempotencyKey: "create:submit",
      expectedVersion: 1,
    }).catch((error: unknown) => {
      // Another run submitted it meanwhile: done.
      if (!created.created && error instanceof EngineError && error.code === "VERSION_MISMATCH") return null;
      throw error;
    });
  }
  return created.created;
}
