import { z } from "zod";
import { admin, anyObject, common, errors, type FeatureApi, instant, integer, json, ref } from "../http/openapi-kit.ts";

const counts = z.record(z.string(), integer);

/** The figures, and the proposal machine as data. */
export const statsApi: FeatureApi = {
  tags: [{ name: "stats", description: "Figures across proposals, and the workflow as data." }],
  responses: {
    Stats: z.strictObject({
      at: instant,
      proposals: z.strictObject({ total: integer, key: integer, byStage: counts }),
      overdueDeadlines: z.strictObject({ total: integer, byUnit: counts }),
      evaluations: z.strictObject({
        ratings: integer,
        byResult: counts,
        byUnit: z.record(
          z.string(),
          z.strictObject({ rated: integer, satisfied: integer, rate: z.number().min(0).max(1) }),
        ),
      }),
      replyClasses: counts,
    }),
    WorkflowDefinition: z.strictObject({ definition: anyObject, mermaid: z.string() }),
  },
  paths: {
    "/v1/stats": {
      get: {
        operationId: "getStats",
        tags: ["stats"],
        summary:
          "Proposals per stage, key proposals, overdue deadlines per unit, every proposer's rating, each unit's satisfaction, replies by final grade (admin, staff, leader).",
        responses: { "200": { description: "The figures.", ...json(ref("Stats")) }, ...errors(...admin) },
      },
    },
    "/v1/workflows/proposal": {
      get: {
        operationId: "getProposalWorkflow",
        tags: ["stats"],
        summary: "The proposal machine: states, events and effects as data, and a Mermaid diagram.",
        responses: {
          "200": { description: "The definition.", ...json(ref("WorkflowDefinition")) },
          ...errors(...common),
        },
      },
    },
  },
};
