import { z } from "zod";
import {
  admin,
  anyObject,
  common,
  errors,
  type FeatureApi,
  instant,
  integer,
  json,
  queryParameters,
  ref,
} from "../http/openapi-kit.ts";
import { statsQuerySchema } from "./routes.ts";

const counts = z.record(z.string(), integer);
/** A share (0..1), null when there is nothing to divide by. */
const rate = z.number().min(0).max(1).nullable();

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
      rates: z.strictObject({
        byUnit: z.record(
          z.string(),
          z.strictObject({
            assigned: integer.describe("Proposals assigned to the unit (its last assignment)."),
            replied: integer,
            repliedOnTime: integer.describe("First reply by the reply deadline in force then (extensions included)."),
            replyRate: rate.describe("办复率: replied / assigned."),
            onTimeRate: rate.describe("按期办复率: repliedOnTime / assigned."),
            satisfactionRate: rate.describe("满意率: satisfied and basically satisfied among the ratings of its part."),
          }),
        ),
      }),
    }),
    WorkflowDefinition: z.strictObject({ definition: anyObject, mermaid: z.string() }),
  },
  paths: {
    "/v1/stats": {
      get: {
        operationId: "getStats",
        tags: ["stats"],
        summary:
          "Proposals per stage, key proposals, overdue deadlines per unit, every proposer's rating, each unit's satisfaction, replies by final grade, each unit's reply rates (办复率, 按期办复率, 满意率); over one session with ?session= (admin, staff, leader).",
        parameters: queryParameters(statsQuerySchema),
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
