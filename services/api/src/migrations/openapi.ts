import { MIGRATION_OUTCOMES } from "@huiyin/engine";
import { z } from "zod";
import {
  admin,
  anyObject,
  errors,
  type FeatureApi,
  instant,
  integer,
  json,
  nullableInstant,
  nullableString,
  page,
  pathParameter,
  queryParameters,
  ref,
} from "../http/openapi-kit.ts";
import { migrationItemsQuerySchema } from "./routes.ts";

const MigrationRun = z.strictObject({
  id: z.string(),
  planId: z.string(),
  plan: anyObject,
  dryRun: z.boolean(),
  status: z.enum(["running", "done"]),
  startedBy: z.string(),
  startedAt: instant,
  finishedAt: nullableInstant,
  counts: z.record(z.string(), integer),
});

const MigrationItem = z.strictObject({
  proposalId: z.string(),
  outcome: z.enum(MIGRATION_OUTCOMES),
  reason: nullableString,
  report: anyObject,
  at: instant,
});

const id = pathParameter("id", "The run's id (`mig_…`), as `pnpm migrate:proposals` prints it.");

/** Runs of migration plans: progress and per-proposal report (admin). */
export const migrationsApi: FeatureApi = {
  tags: [
    {
      name: "migrations",
      description:
        "Running proposals moved to a new machine version or new rules (started with `pnpm migrate:proposals`): progress and report (admin).",
    },
  ],
  responses: { MigrationRun, MigrationItemPage: page(MigrationItem) },
  paths: {
    "/v1/migrations/{id}": {
      get: {
        operationId: "getMigrationRun",
        tags: ["migrations"],
        summary:
          "A run of a migration plan (admin): the plan, dry run or not, who started it, running or done, and how many proposals per outcome (migrated, would-migrate, unchanged, already-migrated, unmappable, not-running).",
        parameters: [id],
        responses: { "200": { description: "The run.", ...json(ref("MigrationRun")) }, ...errors(...admin, 404) },
      },
    },
    "/v1/migrations/{id}/items": {
      get: {
        operationId: "listMigrationItems",
        tags: ["migrations"],
        summary:
          "The report of a run, one item per proposal in id order (admin): its outcome, the unmappable reason, and what moved (states, version, policy, each deadline's old and new due time).",
        parameters: [id, ...queryParameters(migrationItemsQuerySchema)],
        responses: {
          "200": { description: "A page: items and nextCursor.", ...json(ref("MigrationItemPage")) },
          ...errors(...admin, 404),
        },
      },
    },
  },
};
