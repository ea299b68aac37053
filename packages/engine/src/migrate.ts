import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@huiyin/db";
import type { Actor } from "@huiyin/domain";
import type pg from "pg";
import type { AnyMachineSnapshot } from "xstate";
import type { EngineDeps } from "./apply.ts";
import { effectsOf } from "./effects.ts";
import { EngineError } from "./errors.ts";
import { persistedSnapshot } from "./persisted.ts";
import {
  describedColumns,
  findRepeat,
  inTransaction,
  json,
  lockProposal,
  migratedAlready,
  migrationCandidates,
  type ProposalRow,
  readForDryRun,
  run,
  writeMigration,
  writeMigrationItems,
} from "./sql.ts";
import { effectRows } from "./write-effects.ts";

/**
 * Running instances moved to a new machine version or new rules, through the engine: the engine's side of a
 * migration plan. Generic, like the `Workflow` port: the workflow's binding of a plan (workflows/proposal
 * `proposalMigrator`) says, for one persisted snapshot, what it becomes and which effects carry that out; the engine
 * selects the running instances, locks each, and writes the new snapshot, a `migrated` history entry, the effects
 * (deadlines and alarms) and the run's progress in one transaction.
 *
 * - Once per plan: the history entry's idempotency key is `migration.<plan id>`; an instance that has it is
 *   reported `already-migrated`, in this run or any later one.
 * - Resumable: the run's progress is its `migration_items` rows, written in the transaction of each instance; a run
 *   killed midway (kill -9) is continued by starting it again, which takes the running instances without an item.
 * - What cannot be mapped is left untouched and reported with the workflow's reason.
 */
export interface Migrator {
  planId: string;
  /** Stages of instances that have finished (never selected: only running instances are migrated). */
  doneStages: readonly string[];
  /** Pure: what the instance becomes, or why it cannot. */
  assess(instance: { id: string; machineVersion: string; snapshot: unknown }, at: Date): MigrationAssessment;
}

export type MigrationAssessment =
  | { outcome: "migrate"; snapshot: unknown; effects: readonly { type: string; params?: unknown }[]; report: object }
  | { outcome: "unchanged"; report: object }
  | { outcome: "unmappable"; reason: string; message: string };

/** What a run recorded for one instance. */
export const MIGRATION_OUTCOMES = [
  "migrated",
  "would-migrate",
  "unchanged",
  "already-migrated",
  "unmappable",
  "not-running",
] as const;
export type MigrationOutcome = (typeof MIGRATION_OUTCOMES)[number];

/** The actor of a `migrated` history entry when no person is named (the command line without `--by`). */
export const MIGRATION_ACTOR = { role: "system", id: "migration" } as const satisfies Actor;

export const migrationKey = (planId: string) => `migration.${planId}`;

/** JSON with its keys sorted: a plan read back from `jsonb` (which orders keys its own way) has the same print. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return Object.fromEntries(
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonical(v)]),
  );
}

const fingerprint = (plan: unknown) =>
  createHash("sha256")
    .update(JSON.stringify(canonical(plan)))
    .digest("hex");

export interface StartRunInput {
  planId: string;
  /** The plan as given: kept with the run, so that a resumed run goes on under exactly the same plan. */
  plan: unknown;
  dryRun: boolean;
  /** `<role>:<actor id>`. */
  startedBy: string;
}

/**
 * Starts a run of a plan, or finds the unfinished one of the same plan (same id, same content, same kind) and
 * continues it: starting again after a crash resumes. An unfinished run of the same plan id with a different
 * content is refused (`MIGRATION_PLAN_CONFLICT`): two versions of a plan would migrate instances differently
 * under one key.
 */
export async function startMigrationRun(db: Database, input: StartRunInput): Promise<{ id: string; resumed: boolean }> {
  const unfinished = await db.prisma.migrationRun.findMany({
    where: { planId: input.planId, status: "running", dryRun: input.dryRun },
    orderBy: { startedAt: "asc" },
  });
  for (const existing of unfinished) {
    if (fingerprint(existing.plan) === fingerprint(input.plan)) return { id: existing.id, resumed: true };
  }
  if (!input.dryRun && unfinished.length > 0) {
    throw new EngineError(
      "MIGRATION_PLAN_CONFLICT",
      `Run ${unfinished[0]?.id} of plan ${input.planId} is unfinished with a different plan; finish it or use a new plan id.`,
    );
  }
  const id = `mig_${Date.now().toString(36)}${randomBytes(5).toString("hex")}`;
  await db.prisma.migrationRun.create({
    data: {
      id,
      planId: input.planId,
      plan: input.plan as object,
      dryRun: input.dryRun,
      status: "running",
      startedBy: input.startedBy,
    },
  });
  return { id, resumed: false };
}

export interface RunOptions {
  /** Instances read per query. */
  batchSize?: number;
  /** Instances migrated at once (each in its own transaction). */
  concurrency?: number;
  /** Spares a live system: at most this many instances per second (absent: as fast as it goes). */
  maxPerSecond?: number;
  /** Who the `migrated` history entries name. */
  actor?: Actor;
  /** Called after each batch with the counts so far. */
  onProgress?: (counts: Record<string, number>) => void;
  /** Stops between instances (a shutdown): the run stays `running`, and starting it again continues it. */
  signal?: AbortSignal;
}

export type MigrationDeps = Pick<EngineDeps, "db" | "logger" | "clock" | "workflow">;

/**
 * Runs (or continues) run `runId` to its end: every running instance without an item gets one. A dry run writes
 * only items (`would-migrate` with the report of what would change); a real run migrates. Returns the counts of
 * this call's items by outcome; `migrationProgress` gives the whole run's.
 */
export async function runMigration(
  deps: MigrationDeps,
  migrator: Migrator,
  runId: string,
  options: RunOptions = {},
): Promise<Record<string, number>> {
  const found = await deps.db.prisma.migrationRun.findUnique({ where: { id: runId } });
  if (!found) throw new EngineError("MIGRATION_NOT_FOUND", `No migration run ${runId}.`);
  if (found.planId !== migrator.planId) {
    throw new EngineError(
      "MIGRATION_PLAN_CONFLICT",
      `Run ${runId} is of plan ${found.planId}, not ${migrator.planId}.`,
    );
  }
  const log = deps.logger.child({ migrationRunId: runId, planId: migrator.planId, dryRun: found.dryRun });
  const batchSize = options.batchSize ?? 200;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const actor = options.actor ?? MIGRATION_ACTOR;
  const key = migrationKey(migrator.planId);
  const counts: Record<string, number> = {};
  const count = (outcome: string, n = 1) => {
    counts[outcome] = (counts[outcome] ?? 0) + n;
  };
  const started = Date.now();
  let done = 0;
  let cursor = "";
  for (;;) {
    if (options.signal?.aborted) {
      log.info({ ...counts }, "migration run stopped: start it again to continue");
      return counts;
    }
    const { rows } = await run<{ id: string }>(deps.db.pool, migrationCandidates, [
      runId,
      [...migrator.doneStages],
      cursor,
      batchSize,
    ]);
    if (rows.length === 0) break;
    const ids = rows.map((row) => row.id);
    cursor = ids[ids.length - 1] ?? cursor;
    if (found.dryRun) {
      for (const outcome of await assessBatch(deps, migrator, runId, ids)) count(outcome);
      done += ids.length;
    } else {
      // Instances a run of this plan migrated already (a resumed or repeated run) are reported in one statement;
      // the others are locked one by one, which checks again.
      const { rows: repeats } = await run<{ proposal_id: string }>(deps.db.pool, migratedAlready, [ids, key]);
      const repeated = new Set(repeats.map((row) => row.proposal_id));
      if (repeated.size > 0) {
        await writeItems(
          deps.db.pool,
          runId,
          [...repeated].map((id) => ({ proposal_id: id, outcome: "already-migrated", reason: null, report: {} })),
        );
        count("already-migrated", repeated.size);
      }
      const rest = ids.filter((id) => !repeated.has(id));
      done += repeated.size;
      for (let index = 0; index < rest.length && !options.signal?.aborted; index += concurrency) {
        const chunk = rest.slice(index, index + concurrency);
        const outcomes = await Promise.all(chunk.map((id) => migrateOne(deps, migrator, runId, id, actor)));
        for (const outcome of outcomes) count(outcome);
        done += chunk.length;
        if (options.maxPerSecond) {
          const ahead = (done / options.maxPerSecond) * 1_000 - (Date.now() - started);
          if (ahead > 0) await new Promise((resolve) => setTimeout(resolve, ahead));
        }
      }
    }
    options.onProgress?.({ ...counts });
    log.info({ ...counts }, "migration progress");
  }
  await deps.db.prisma.migrationRun.update({
    where: { id: runId },
    data: { status: "done", finishedAt: deps.clock.now() },
  });
  log.info({ ...counts }, "migration run finished");
  return counts;
}

interface Item {
  proposal_id: string;
  outcome: MigrationOutcome;
  reason: string | null;
  report: unknown;
}

const writeItems = (client: pg.ClientBase | pg.Pool, runId: string, items: Item[]) =>
  run(client, writeMigrationItems, [runId, json(items)]);

/** A dry run's batch: what each instance would become, read without locks, written as items in one statement. */
async function assessBatch(
  deps: MigrationDeps,
  migrator: Migrator,
  runId: string,
  ids: string[],
): Promise<MigrationOutcome[]> {
  const at = deps.clock.now();
  const { rows } = await run<ProposalRow & { migrated: boolean }>(deps.db.pool, readForDryRun, [
    ids,
    migrationKey(migrator.planId),
  ]);
  const items = rows.map(
    (row): Item =>
      row.migrated
        ? { proposal_id: row.id, outcome: "already-migrated", reason: null, report: {} }
        : itemOf(row.id, safely(deps, migrator, row, at), "would-migrate"),
  );
  await writeItems(deps.db.pool, runId, items);
  return items.map((item) => item.outcome);
}

/**
 * The workflow's answer, or `ASSESSMENT_FAILED` when it throws (a snapshot it cannot read, a bug): that instance is
 * reported and left alone, rather than stopping the run at the same instance on every restart.
 */
function safely(deps: MigrationDeps, migrator: Migrator, row: ProposalRow, at: Date): MigrationAssessment {
  try {
    const assessment = migrator.assess(instanceOf(row), at);
    if (assessment.outcome !== "migrate") return assessment;
    // What the engine will do with the answer, checked before anything is written: the effects' shapes, the state.
    const effects = effectsOf(assessment.effects);
    const { machine } = deps.workflow;
    const next = machine.resolveState(
      assessment.snapshot as Parameters<typeof machine.resolveState>[0],
    ) as AnyMachineSnapshot;
    deps.workflow.describe(next);
    return { ...assessment, effects, snapshot: persistedSnapshot(machine, next) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.logger.error({ err: error, proposalId: row.id, planId: migrator.planId }, "migration assessment failed");
    return { outcome: "unmappable", reason: "ASSESSMENT_FAILED", message };
  }
}

const instanceOf = (row: ProposalRow) => ({ id: row.id, machineVersion: row.machine_version, snapshot: row.snapshot });

function itemOf(id: string, assessment: MigrationAssessment, migrate: MigrationOutcome): Item {
  if (assessment.outcome === "unmappable") {
    return {
      proposal_id: id,
      outcome: "unmappable",
      reason: assessment.reason,
      report: { reason: assessment.reason, message: assessment.message },
    };
  }
  return {
    proposal_id: id,
    outcome: assessment.outcome === "migrate" ? migrate : "unchanged",
    reason: null,
    report: assessment.report,
  };
}

/** One instance in one transaction: locked, judged, and either migrated or reported as it is. */
async function migrateOne(
  deps: MigrationDeps,
  migrator: Migrator,
  runId: string,
  proposalId: string,
  actor: Actor,
): Promise<MigrationOutcome> {
  const key = migrationKey(migrator.planId);
  return inTransaction(deps.db.pool, async (client) => {
    const { rows } = await run<ProposalRow>(client, lockProposal, [proposalId]);
    const row = rows[0];
    if (!row) return "not-running";
    const leave = async (item: Item) => {
      await writeItems(client, runId, [item]);
      return item.outcome;
    };
    // The stage was read before the lock: the instance may have finished meanwhile.
    if (migrator.doneStages.includes(row.stage)) {
      return leave({ proposal_id: proposalId, outcome: "not-running", reason: null, report: {} });
    }
    if ((await run(client, findRepeat, [proposalId, key])).rows.length > 0) {
      return leave({ proposal_id: proposalId, outcome: "already-migrated", reason: null, report: {} });
    }
    const at = deps.clock.now();
    const assessment = safely(deps, migrator, row, at);
    if (assessment.outcome !== "migrate") return leave(itemOf(proposalId, assessment, "migrated"));

    const { machine } = deps.workflow;
    const next = machine.resolveState(
      assessment.snapshot as Parameters<typeof machine.resolveState>[0],
    ) as AnyMachineSnapshot;
    const described = deps.workflow.describe(next);
    const seq = row.version + 1;
    const effects = await effectRows(client, { proposalId, seq, at, effects: effectsOf(assessment.effects) });
    const { rows: written } = await run<ProposalRow>(client, writeMigration, [
      proposalId,
      row.version,
      json(assessment.snapshot),
      ...describedColumns(described),
      deps.workflow.version,
      json(actor),
      json(assessment.report),
      row.states,
      key,
      at,
      ...effects,
      runId,
    ]);
    if (!written[0]) throw new EngineError("VERSION_CONFLICT", "The proposal changed during the migration.");
    deps.logger.info(
      { proposalId, seq, from: row.states, to: described.states, migrationRunId: runId },
      "proposal migrated",
    );
    return "migrated";
  });
}

export interface MigrationProgress {
  id: string;
  planId: string;
  plan: unknown;
  dryRun: boolean;
  status: string;
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
  /** Items by outcome. */
  counts: Record<string, number>;
}

/** A run and its counts by outcome, or `null` when there is no such run. */
export async function migrationProgress(db: Database, runId: string): Promise<MigrationProgress | null> {
  const found = await db.prisma.migrationRun.findUnique({ where: { id: runId } });
  if (!found) return null;
  const groups = await db.prisma.migrationItem.groupBy({
    by: ["outcome"],
    where: { runId },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(groups.map((group) => [group.outcome, group._count._all]));
  const { id, planId, plan, dryRun, status, startedBy, startedAt, finishedAt } = found;
  return { id, planId, plan, dryRun, status, startedBy, startedAt, finishedAt, counts };
}

/** A page of a run's items (the per-proposal report), in proposal id order after `after`. */
export async function migrationItems(
  db: Database,
  runId: string,
  page: { outcome?: string; after?: string; limit?: number } = {},
) {
  return db.prisma.migrationItem.findMany({
    where: {
      runId,
      ...(page.outcome ? { outcome: page.outcome } : {}),
      ...(page.after ? { proposalId: { gt: page.after } } : {}),
    },
    orderBy: { proposalId: "asc" },
    take: page.limit ?? 100,
  });
}
