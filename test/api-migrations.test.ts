import { type Actor, defaultPolicy, type MigrationPlan } from "@huiyin/domain";
import {
  applyEvent,
  createProposal,
  type EngineDeps,
  runMigration,
  startMigrationRun,
  systemClock,
} from "@huiyin/engine";
import { createLogger } from "@huiyin/logger";
import { proposalMigrator, proposalWorkflow } from "@huiyin/workflow-proposal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";
import { type Contract, openApiContract } from "./support/contract.ts";

/**
 * `GET /v1/migrations/:id` and `/items`: the progress and the report of a migration run (started by
 * `pnpm migrate:proposals`; here through the engine), for administrators only, as the OpenAPI document says.
 */
let api: ApiHarness;
let contract: Contract;
let engine: EngineDeps;
const proposer: Actor = { role: "proposer", id: "member-1" };
const staff: Actor = { role: "staff", id: "staff-1" };

async function proposal(events: (Record<string, unknown> & { type: string })[]): Promise<string> {
  const { proposal: created } = await createProposal(engine, {
    input: {
      content: {
        title: "关于治理城市内涝的建议",
        reasons: "雨季积水。",
        suggestions: ["改造管网"],
        category: "environment",
      },
      proposers: [{ id: proposer.id }],
      policy: defaultPolicy,
    },
    actor: proposer,
  });
  for (const event of events) {
    await applyEvent(engine, { proposalId: created.id, event, actor: event.type === "submit" ? proposer : staff });
  }
  return created.id;
}

beforeAll(async () => {
  api = await startApi();
  contract = await openApiContract(api);
  engine = {
    db: api.database,
    logger: createLogger({ service: "api-migrations-test", level: "silent", format: "json" }),
    clock: systemClock,
    workflow: proposalWorkflow,
  };
});

afterAll(async () => {
  await api.close();
});

describe("the migration runs over the API", () => {
  it("shows a run's progress and its per-proposal report to admins only", async () => {
    const registered = await proposal([{ type: "submit" }, { type: "review.register", category: "environment" }]);
    const confirming = await proposal([
      { type: "submit" },
      { type: "review.register", category: "environment" },
      { type: "assign", mode: "sole", units: [{ unitId: "u-water", role: "lead" }] },
    ]);
    const reviewing = await proposal([{ type: "submit" }]);
    const plan: MigrationPlan = {
      id: "objection-5-days",
      mappings: [
        { source: "assign.unassigned", target: "assign.unassigned" },
        { source: "assign.confirming", target: "assign.confirming" },
      ],
      policy: { id: "county-2027", deadlines: { objection: { duration: { days: 5 } } } },
    };
    const { id } = await startMigrationRun(api.database, {
      planId: plan.id,
      plan,
      dryRun: false,
      startedBy: "admin:admin-1",
    });
    await runMigration(engine, proposalMigrator(plan), id);

    const run = await api.call("GET", `/v1/migrations/${id}`);
    expect(run.status).toBe(200);
    contract.expectConforms("GET", "/v1/migrations/{id}", run);
    expect(run.body).toMatchObject({ id, planId: plan.id, dryRun: false, status: "done", startedBy: "admin:admin-1" });
    expect(run.body.counts).toEqual({ migrated: 2, unmappable: 1 });

    const first = await api.call("GET", `/v1/migrations/${id}/items?limit=2`);
    expect(first.status).toBe(200);
    contract.expectConforms("GET", "/v1/migrations/{id}/items", first);
    const second = await api.call("GET", `/v1/migrations/${id}/items?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.nextCursor).toBeNull();
    const items = [...first.body.items, ...second.body.items];
    expect(items.map((item) => item.proposalId)).toEqual([registered, confirming, reviewing].sort());
    const moved = items.find((item) => item.proposalId === confirming);
    expect(moved).toMatchObject({ outcome: "migrated", reason: null, report: { toPolicy: "county-2027" } });
    expect(moved.report.deadlines).toEqual([expect.objectContaining({ kind: "objection", action: "reschedule" })]);
    const unmappable = await api.call("GET", `/v1/migrations/${id}/items?outcome=unmappable`);
    expect(unmappable.body.items).toEqual([
      expect.objectContaining({ proposalId: reviewing, outcome: "unmappable", reason: "STATE_NOT_MAPPED" }),
    ]);

    const staffKey = await api.issueKey("staff", "staff-1");
    const refused = await api.call("GET", `/v1/migrations/${id}`, { key: staffKey });
    expect(refused.status).toBe(403);
    const missing = await api.call("GET", "/v1/migrations/mig_nothing");
    expect(missing.status).toBe(404);
    contract.expectConforms("GET", "/v1/migrations/{id}", missing);
    const bad = await api.call("GET", `/v1/migrations/${id}/items?outcome=moved`);
    expect(bad.status).toBe(400);
    contract.expectConforms("GET", "/v1/migrations/{id}/items", bad);
  });
});
