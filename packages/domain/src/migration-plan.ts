import { z } from "zod";
import { policyOverrideSchema } from "./policy.ts";

/**
 * A plan that moves running instances to a new machine version and/or new rules: data, never code.
 *
 * Modelled on Camunda 8's process instance migration: every active state of an instance needs a mapping
 * instruction (`source` → `target`, dotted state paths) unless `keepUnmappedStates` lets a state that the current
 * machine still has stay where it is; an instance with an active state the plan does not map is left untouched
 * and reported. Nothing here branches on the version an instance started under (what Temporal's workflow
 * versioning forces): old snapshots stay readable by the current machine, and a plan says what changes.
 */
export const migrationPlanSchema = z.strictObject({
  /** The plan's identity: an instance is migrated at most once under one id, whatever runs are started. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, "1 to 100 letters, digits, '.', '_' or '-', starting alphanumeric"),
  description: z.string().max(2_000).optional(),
  /** Only instances whose snapshot records one of these machine versions; absent: any version. */
  fromVersions: z.array(z.string().min(1)).min(1).optional(),
  /** Only instances whose snapshotted policy has one of these ids; absent: any policy. */
  fromPolicies: z.array(z.string().min(1)).min(1).optional(),
  /** Element mapping: an active state (dotted path, e.g. `handle.contacting`) and the state it becomes. */
  mappings: z
    .array(z.strictObject({ source: z.string().min(1), target: z.string().min(1) }))
    .refine((list) => new Set(list.map((m) => m.source)).size === list.length, "a source state is mapped twice"),
  /** A state the plan does not map stays where it is, when the current machine still has it. Default false. */
  keepUnmappedStates: z.boolean().optional(),
  /**
   * The new rules, as an override of each instance's snapshotted policy (lists replace, as in
   * `parsePolicyOverride`); absent: the rules stay. Open deadlines not yet due are rescheduled under them.
   */
  policy: policyOverrideSchema.optional(),
});
export type MigrationPlan = z.infer<typeof migrationPlanSchema>;
