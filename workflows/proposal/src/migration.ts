import {
  calendarOf,
  type DeadlineKind,
  type DeadlineOpenParams,
  defaultPolicy,
  type MigrationPlan,
  type Policy,
  parsePolicyOverride,
  scheduleDeadline,
  statePaths,
} from "@huiyin/domain";
import type { AnyMachineSnapshot } from "xstate";
import { type OpenDeadline, PROPOSAL_MACHINE_VERSION, type ProposalContext } from "./context.ts";
import { deadlineRuleFor } from "./deadline-rule.ts";
import { allStates } from "./definition.ts";
import type { Effect } from "./effects.ts";
import { proposalMachine } from "./machine.ts";

/**
 * Moving a running proposal to the current machine version and/or new rules, as a plan (data) says: which state
 * each active state becomes (element mapping, as in Camunda 8), and which policy applies from now on. Pure: it
 * reads a persisted snapshot and returns the new one with the effects that carry the change out (superseded
 * deadlines closed, their successors opened with new alarms); the engine writes them in one transaction.
 *
 * The rules of the move, so that nothing is sent twice and nothing is silently lost:
 * - An open deadline already past due is kept as it is: its reminders and escalations went out under the rules it
 *   started with, and rescheduling it would send them again. The report lists it (`keep`, `overdue`).
 * - An open deadline not yet due is recomputed from its origin (assignment for first contact, co-opinion and reply;
 *   its opening otherwise) under the new policy; an explicit due date (an assignment's own date, an approved
 *   extension) stays, its reminders and escalations follow the new rules. When anything differs, the deadline is
 *   superseded by a new one (a new id, so its alarms are new jobs and the old ones are cancelled).
 * - A proposal mapped to another state loses the deadlines the target state cannot have (`meta.deadlines` of the
 *   machine); no deadline is opened by a mapping (entry actions do not run, as in Camunda's migration).
 * - A proposal the plan cannot map is left where it is, with a stable reason.
 */

/** Why a proposal cannot be migrated under a plan: stable codes, reported per proposal. */
export const UNMAPPABLE_REASONS = [
  "VERSION_NOT_IN_PLAN",
  "POLICY_NOT_IN_PLAN",
  "STATE_NOT_MAPPED",
  "CONTEXT_INCOMPATIBLE",
  "POLICY_INVALID",
  "SNAPSHOT_UNREADABLE",
] as const;
export type UnmappableReason = (typeof UNMAPPABLE_REASONS)[number];

/** What happens to one open deadline. */
export interface DeadlineChange {
  deadlineId: string;
  kind: DeadlineKind;
  unitId?: string;
  action: "reschedule" | "close" | "keep";
  /** `overdue`: kept because it is past due; `left-state`: closed because the target state cannot have it. */
  reason?: "overdue" | "left-state";
  oldDueAt: string;
  newDueAt?: string;
  /** The deadline that supersedes it. */
  newDeadlineId?: string;
}

/** What a migration does to one proposal: the history entry's payload and the dry run's line. */
export interface MigrationReport {
  planId: string;
  fromVersion: string;
  toVersion: string;
  fromPolicy: string;
  toPolicy: string;
  fromStates: string[];
  toStates: string[];
  /** Every open deadline that changes, and the ones kept because they are overdue. */
  deadlines: DeadlineChange[];
}

export type ProposalMigration =
  | { outcome: "migrate"; snapshot: unknown; effects: Effect[]; report: MigrationReport }
  | { outcome: "unchanged"; report: MigrationReport }
  | { outcome: "unmappable"; reason: UnmappableReason; message: string };

interface PersistedSnapshot {
  value?: unknown;
  context?: ProposalContext;
}

/** The leaf states of the current machine that a mapping may target (final states are not: closing has effects). */
const STATE_DEFINITIONS = allStates();
const TARGETS = new Set(STATE_DEFINITIONS.filter((s) => s.type === "atomic").map((s) => s.path));
const DEADLINES_OF = new Map(STATE_DEFINITIONS.map((s) => [s.path, s.deadlines]));

/** States whose meaning presumes an assignment (and its parts): a proposal without one cannot be mapped into them. */
const NEEDS_ASSIGNMENT = /^(assign\.(confirming|objected)|handle\.|supervise\.|evaluate\.)/;

/** Problems of a plan as a whole (an unknown target, a policy that does not validate): refused before any run. */
export function planProblems(plan: MigrationPlan): string[] {
  const problems: string[] = [];
  for (const { source, target } of plan.mappings) {
    if (!TARGETS.has(target)) {
      problems.push(
        `mapping ${source} → ${target}: ${target} is not a non-final leaf state of the proposal machine ${PROPOSAL_MACHINE_VERSION}`,
      );
    }
  }
  if (plan.policy) {
    try {
      // A calendar the deployment does not have would fail every rescheduling: refused with the plan.
      calendarOf(parsePolicyOverride(plan.policy, defaultPolicy));
    } catch (error) {
      problems.push(`policy: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}

/** A dotted path as an XState state value (`handle.contacting` → `{ handle: "contacting" }`), merged into `into`. */
function addPath(into: Record<string, unknown>, path: string): Record<string, unknown> {
  const [head = "", ...rest] = path.split(".");
  if (rest.length === 0) return { ...into, [head]: {} };
  const inner = into[head];
  if (rest.length === 1 && (inner === undefined || typeof inner === "string")) return { ...into, [head]: rest[0] };
  const nested = typeof inner === "object" && inner !== null ? (inner as Record<string, unknown>) : {};
  return { ...into, [head]: addPath(nested, rest.join(".")) };
}

const stateValueOf = (paths: string[]): unknown => {
  const [only] = paths;
  if (paths.length === 1 && only !== undefined && !only.includes(".")) return only;
  return paths.reduce<Record<string, unknown>>((value, path) => addPath(value, path), {});
};

/** The deadline kinds a configuration of states may have open: what its leaves and their ancestors declare. */
function allowedKinds(paths: string[]): Set<string> {
  const kinds = new Set<string>();
  for (const path of paths) {
    const parts = path.split(".");
    for (let depth = 1; depth <= parts.length; depth += 1) {
      for (const kind of DEADLINES_OF.get(parts.slice(0, depth).join(".")) ?? []) kinds.add(kind);
    }
  }
  return kinds;
}

/** Where a deadline of `kind` starts counting: the handling deadlines from the assignment, the others when opened. */
function originOf(ctx: ProposalContext, d: OpenDeadline): string {
  const fromAssignment = d.kind === "firstContact" || d.kind === "coOpinion" || d.kind === "reply";
  return fromAssignment && ctx.assignment ? ctx.assignment.assignedAt : d.openedAt;
}

/** A reply deadline whose due date a person chose (the assignment's own date, an approved extension). */
function explicitDue(ctx: ProposalContext, d: OpenDeadline): boolean {
  if (d.kind !== "reply") return false;
  const part = ctx.parts.find((p) => p.unitId === d.unitId);
  return ctx.assignment?.replyDueDate !== undefined || (part?.extensions ?? 0) > 0;
}

/** `instant` in policy time again: the inverse of `scaleInstant` towards `origin`. */
function unscale(origin: string, instant: string, timeScale: number): string {
  const o = Date.parse(origin);
  return new Date(o + Math.round((Date.parse(instant) - o) / timeScale)).toISOString();
}

/** Field by field: a snapshot read back from `jsonb` has its keys in another order than the one it was written in. */
const sameSchedule = (a: Pick<DeadlineOpenParams, "dueAt" | "reminders" | "escalations">, b: typeof a) =>
  Date.parse(a.dueAt) === Date.parse(b.dueAt) &&
  a.reminders.map((r) => Date.parse(r.at)).join() === b.reminders.map((r) => Date.parse(r.at)).join() &&
  a.escalations.map((e) => `${e.level}/${Date.parse(e.at)}/${e.recipientRole}`).join() ===
    b.escalations.map((e) => `${e.level}/${Date.parse(e.at)}/${e.recipientRole}`).join();

/** JSON with its keys sorted, to compare a policy read back from `jsonb` with one built here. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== "object" || value === null) return value;
  const keys = Object.keys(value).sort();
  return Object.fromEntries(keys.map((key) => [key, sorted((value as Record<string, unknown>)[key])]));
}

/**
 * What migrating one proposal under `plan` at `at` would do. `rowVersion` is the machine version the row records,
 * for snapshots older than the context's own `machineVersion` field.
 */
export function planProposalMigration(
  plan: MigrationPlan,
  persisted: unknown,
  at: Date,
  rowVersion?: string,
  newPolicy: (override: NonNullable<MigrationPlan["policy"]>, base: Policy) => Policy = parsePolicyOverride,
): ProposalMigration {
  const snapshot = persisted as PersistedSnapshot | null;
  const ctx = snapshot?.context;
  if (!snapshot || !ctx || typeof ctx !== "object" || !ctx.policy || snapshot.value === undefined) {
    return { outcome: "unmappable", reason: "SNAPSHOT_UNREADABLE", message: "the snapshot has no state or context" };
  }
  const fromVersion = ctx.machineVersion ?? rowVersion ?? "unknown";
  if (plan.fromVersions && !plan.fromVersions.includes(fromVersion)) {
    return {
      outcome: "unmappable",
      reason: "VERSION_NOT_IN_PLAN",
      message: `machine version ${fromVersion} is not among ${plan.fromVersions.join(", ")}`,
    };
  }
  if (plan.fromPolicies && !plan.fromPolicies.includes(ctx.policy.id)) {
    return {
      outcome: "unmappable",
      reason: "POLICY_NOT_IN_PLAN",
      message: `policy ${ctx.policy.id} is not among ${plan.fromPolicies.join(", ")}`,
    };
  }

  const fromStates = statePaths(snapshot.value);
  const toStates: string[] = [];
  for (const source of fromStates) {
    const target =
      plan.mappings.find((m) => m.source === source)?.target ??
      (plan.keepUnmappedStates && TARGETS.has(source) ? source : undefined);
    if (target === undefined) {
      return { outcome: "unmappable", reason: "STATE_NOT_MAPPED", message: `the plan maps no state ${source}` };
    }
    toStates.push(target);
  }
  if (toStates.some((s) => NEEDS_ASSIGNMENT.test(s)) && (!ctx.assignment || ctx.parts.length === 0)) {
    return {
      outcome: "unmappable",
      reason: "CONTEXT_INCOMPATIBLE",
      message: `${toStates.join(", ")} presumes an assignment, and the proposal has none`,
    };
  }

  let policy: Policy = ctx.policy;
  if (plan.policy) {
    try {
      policy = newPolicy(plan.policy, ctx.policy);
      calendarOf(policy);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        outcome: "unmappable",
        reason: "POLICY_INVALID",
        message: `the new policy does not validate: ${message}`,
      };
    }
  }

  const moved = JSON.stringify(fromStates) !== JSON.stringify(toStates);
  const policyChanged = JSON.stringify(sorted(policy)) !== JSON.stringify(sorted(ctx.policy));
  const effects: Effect[] = [];
  const changes: DeadlineChange[] = [];
  let next: ProposalContext = { ...ctx, machineVersion: PROPOSAL_MACHINE_VERSION, policy };
  const allowed = allowedKinds(toStates);
  const now = at.toISOString();

  for (const d of ctx.deadlines) {
    const ref = { deadlineId: d.deadlineId, kind: d.kind, ...(d.unitId === undefined ? {} : { unitId: d.unitId }) };
    if (moved && !allowed.has(d.kind)) {
      effects.push({ type: "deadline.close", params: { ...ref, reason: "left" } });
      next = { ...next, deadlines: next.deadlines.filter((x) => x.deadlineId !== d.deadlineId) };
      changes.push({ ...ref, action: "close", reason: "left-state", oldDueAt: d.dueAt });
      continue;
    }
    if (!policyChanged) continue;
    if (Date.parse(d.dueAt) <= at.getTime()) {
      changes.push({ ...ref, action: "keep", reason: "overdue", oldDueAt: d.dueAt });
      continue;
    }
    const origin = originOf(ctx, d);
    const schedule = scheduleDeadline(deadlineRuleFor(ctx, policy, d.kind), origin, policy, {
      ...(explicitDue(ctx, d) ? { dueAt: unscale(origin, d.dueAt, ctx.policy.timeScale) } : {}),
      notBefore: now,
    });
    const before = { ...d, reminders: d.reminders.filter((r) => Date.parse(r.at) > at.getTime()) };
    if (sameSchedule(before, schedule)) continue;

    const seq = next.deadlineSeq + 1;
    const params: DeadlineOpenParams = { ...ref, deadlineId: `dl${seq}-${d.kind}`, ...schedule, owners: d.owners };
    effects.push({ type: "deadline.close", params: { ...ref, reason: "superseded" } });
    effects.push({ type: "deadline.open", params });
    // The successor keeps `openedAt`: the obligation began then, and a later migration counts from it again.
    const successor: OpenDeadline = { ...params, openedAt: d.openedAt, overdue: false, escalatedLevel: 0 };
    next = {
      ...next,
      deadlineSeq: seq,
      deadlines: next.deadlines.map((x) => (x.deadlineId === d.deadlineId ? successor : x)),
      parts: next.parts.map((p) =>
        (d.kind === "reply" || d.kind === "rehandle") && p.unitId === d.unitId && p.dueAt === d.dueAt
          ? { ...p, dueAt: schedule.dueAt }
          : p,
      ),
      ...(d.kind === "objection" && next.assignment
        ? { assignment: { ...next.assignment, objectionDueAt: schedule.dueAt } }
        : {}),
    };
    changes.push({
      ...ref,
      action: "reschedule",
      oldDueAt: d.dueAt,
      newDueAt: schedule.dueAt,
      newDeadlineId: params.deadlineId,
    });
  }

  const report: MigrationReport = {
    planId: plan.id,
    fromVersion,
    toVersion: PROPOSAL_MACHINE_VERSION,
    fromPolicy: ctx.policy.id,
    toPolicy: policy.id,
    fromStates,
    toStates,
    deadlines: changes,
  };
  const versionChanged = fromVersion !== PROPOSAL_MACHINE_VERSION;
  if (!moved && !policyChanged && !versionChanged && effects.length === 0) return { outcome: "unchanged", report };
  const resolved = proposalMachine.resolveState({ value: stateValueOf(toStates), context: next } as never);
  return {
    outcome: "migrate",
    snapshot: proposalMachine.getPersistedSnapshot(resolved as AnyMachineSnapshot),
    effects,
    report,
  };
}

/**
 * The plan bound to the engine's `Migrator` port (packages/engine `migrate.ts`), met structurally like
 * `proposalWorkflow`: the engine selects the running proposals (every stage but `closed`), locks each, asks
 * `assess`, and writes what it answers.
 */
export function proposalMigrator(plan: MigrationPlan) {
  // Thousands of proposals share a handful of policies: the override is validated once per distinct policy.
  const policies = new Map<string, Policy>();
  const newPolicy = (override: NonNullable<MigrationPlan["policy"]>, base: Policy): Policy => {
    const key = JSON.stringify(sorted(base));
    const known = policies.get(key);
    if (known) return known;
    const merged = parsePolicyOverride(override, base);
    policies.set(key, merged);
    return merged;
  };
  return {
    planId: plan.id,
    doneStages: ["closed"],
    assess(instance: { snapshot: unknown; machineVersion: string }, at: Date): ProposalMigration {
      return planProposalMigration(plan, instance.snapshot, at, instance.machineVersion, newPolicy);
    },
  };
}
