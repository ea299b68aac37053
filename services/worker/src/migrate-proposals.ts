/**
 * `pnpm migrate:proposals --plan plan.json [--dry-run]`: moves running proposals to the current machine version
 * and/or new rules, as a migration plan says (README, "Moving running proposals to new rules").
 *
 * A dry run lists, per proposal, the state mapping and the deadlines that would move, and changes nothing. A run
 * migrates through the engine, one transaction per proposal; killed midway, the same command continues where it
 * stopped (the progress is in PostgreSQL), and a proposal already migrated under the plan is never migrated again.
 * Reads DATABASE_URL (and the rest of the worker's configuration) from the environment.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseConfig } from "@huiyin/config";
import { createDatabase } from "@huiyin/db";
import { migrationPlanSchema } from "@huiyin/domain";
import {
  EngineError,
  MIGRATION_ACTOR,
  type Migrator,
  migrationItems,
  migrationProgress,
  runMigration,
  startMigrationRun,
  systemClock,
  type Workflow,
} from "@huiyin/engine";
import { createLogger } from "@huiyin/logger";
import { planProblems, proposalMigrator, proposalWorkflow } from "@huiyin/workflow-proposal";

const workflow = proposalWorkflow satisfies Required<Workflow>;

const USAGE = `usage: pnpm migrate:proposals --plan <file.json> [--dry-run] [--by <who>] [--max-per-second <n>]
                                [--concurrency <n>] [--quiet]
       pnpm migrate:proposals --status <run id>`;

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        plan: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        by: { type: "string" },
        "max-per-second": { type: "string" },
        concurrency: { type: "string" },
        status: { type: "string" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    return fail(2, `${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
})();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const positive = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail(2, `--${name} must be a positive integer`);
  return n;
};
const maxPerSecond = positive("max-per-second", values["max-per-second"]);
const concurrency = positive("concurrency", values.concurrency);

const config = parseConfig(process.env);
// Log lines go to stderr: stdout is the report.
const logger = createLogger({
  service: "migrate-proposals",
  level: config.LOG_LEVEL,
  format: "json",
  destination: process.stderr,
});
const db = createDatabase(config.DATABASE_URL, { maxConnections: (concurrency ?? 4) + 2 });
const print = (line: string) => process.stdout.write(`${line}\n`);

try {
  if (values.status) {
    const progress = await migrationProgress(db, values.status);
    if (!progress) fail(1, `no migration run ${values.status}`);
    print(JSON.stringify(progress));
  } else {
    if (!values.plan) fail(2, USAGE);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(values.plan, "utf8"));
    } catch (error) {
      fail(2, `cannot read the plan ${values.plan}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = migrationPlanSchema.safeParse(raw);
    if (!parsed.success) {
      const where = (path: PropertyKey[]) => (path.length > 0 ? ` ${path.join(".")}` : "");
      fail(2, parsed.error.issues.map((issue) => `plan${where(issue.path)}: ${issue.message}`).join("\n"));
    }
    const plan = parsed.data;
    const problems = planProblems(plan);
    if (problems.length > 0) fail(2, problems.map((problem) => `plan: ${problem}`).join("\n"));

    const dryRun = values["dry-run"];
    const actor = values.by ? { role: "admin" as const, id: values.by } : MIGRATION_ACTOR;
    const { id, resumed } = await startMigrationRun(db, {
      planId: plan.id,
      plan,
      dryRun,
      startedBy: `${actor.role}:${actor.id}`,
    });
    // Printed first, so that whoever started it knows which run to ask about, even if this process dies.
    print(`run ${id} of plan ${plan.id}${dryRun ? " (dry run)" : ""}${resumed ? ": continuing" : ""}`);
    const migrator = proposalMigrator(plan) satisfies Migrator;
    const stop = new AbortController();
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
    await runMigration({ db, logger, clock: systemClock, workflow }, migrator, id, {
      actor,
      signal: stop.signal,
      ...(concurrency ? { concurrency } : {}),
      ...(maxPerSecond ? { maxPerSecond } : {}),
    });
    if (!values.quiet) await printItems(id, dryRun);
    print(JSON.stringify(await migrationProgress(db, id)));
  }
} catch (error) {
  // A refusal of the engine (an unfinished run of another version of the plan, an unknown run) is the operator's
  // to act on: its code and sentence, not a stack trace.
  if (error instanceof EngineError) fail(2, `${error.code}: ${error.message}`);
  throw error;
} finally {
  await db.close();
}

/** One line per proposal that moves or cannot: the dry run's answer, and a run's report. */
async function printItems(runId: string, dryRun: boolean) {
  for (const outcome of [dryRun ? "would-migrate" : "migrated", "unmappable"]) {
    let after: string | undefined;
    for (;;) {
      const items = await migrationItems(db, runId, { outcome, limit: 500, ...(after ? { after } : {}) });
      for (const item of items) print(describeItem(item.proposalId, item.outcome, item.report));
      if (items.length < 500) break;
      after = items[items.length - 1]?.proposalId;
    }
  }
}

function describeItem(proposalId: string, outcome: string, report: unknown): string {
  const r = report as {
    reason?: string;
    message?: string;
    fromStates?: string[];
    toStates?: string[];
    fromVersion?: string;
    toVersion?: string;
    fromPolicy?: string;
    toPolicy?: string;
    deadlines?: { deadlineId: string; kind: string; action: string; oldDueAt: string; newDueAt?: string }[];
  };
  if (outcome === "unmappable") return `${proposalId}  unmappable  ${r.reason}: ${r.message}`;
  const deadlines = (r.deadlines ?? []).map((d) =>
    d.action === "reschedule" ? `${d.kind} ${d.oldDueAt} → ${d.newDueAt}` : `${d.kind} ${d.action} (${d.oldDueAt})`,
  );
  return [
    `${proposalId}  ${outcome}`,
    `${r.fromStates?.join(",")} → ${r.toStates?.join(",")}`,
    `v${r.fromVersion} → v${r.toVersion}`,
    `policy ${r.fromPolicy} → ${r.toPolicy}`,
    ...deadlines,
  ].join("  ");
}
