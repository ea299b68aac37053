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
import { GROUP_BYS } from "./figures-query.ts";
import { statsQuerySchema } from "./routes.ts";

const counts = z.record(z.string(), integer);
/** A share (0..1), null when there is nothing to divide by. */
const rate = z.number().min(0).max(1).nullable();

/** A count, and the proposals behind it: the query string of GET /v1/proposals that lists them. */
const figure = z.strictObject({
  count: integer,
  list: z
    .string()
    .nullable()
    .describe(
      "Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader).",
    ),
});
const grades = z
  .strictObject({ A: figure, B: figure, C: figure })
  .describe("Replies per final grade (after regrades).");

/** One row of the statistics tables (the summary, or one unit, leader, category, ...). */
const FigureRow = z.strictObject({
  key: z.string().nullable().describe("The group's value (unit id, leader id, category, ...); null for the summary."),
  name: z
    .string()
    .nullable()
    .optional()
    .describe("Unit rows: the unit's name in the committee's directory (null when it has none there)."),
  submitted: figure.optional().describe("Proposals submitted (not in the unit table)."),
  registered: figure.optional().describe("Registered (立案)."),
  notRegistered: figure
    .extend({
      byGround: z
        .record(z.string(), figure)
        .describe("How they ended: rejected, converted, merged, withdrawn, lapsed."),
      rejectedByGround: z
        .record(z.string(), figure)
        .describe(
          "The rejections (不予立案) by the ground of the regulations' list that staff named (`review.reject`'s " +
            "`ground`): outside-remit, private-matter, litigation, state-secret, duplicate, no-suggestion, " +
            "several-matters, unverified-facts, advertising, other; `unspecified` when none was named.",
        ),
    })
    .optional()
    .describe("Ended without registration."),
  assigned: figure.describe("Assigned (unit table: the unit's own parts to answer, 承办; co-handling apart)."),
  coAssigned: figure.optional().describe("Unit table: co-handling (协办), which owes no reply of its own."),
  replied: figure.describe("Replied: every part's first reply sent (unit table: the unit's)."),
  repliedOnTime: figure.describe("Every first reply by the reply deadline in force then (extensions included)."),
  repliedLate: figure.describe("Replied, a first reply after its deadline."),
  grades,
  evaluations: z.strictObject({
    rated: figure.describe("Ratings given (each joint proposer's; unit table: ratings of the unit's part)."),
    satisfied: figure,
    basicallySatisfied: figure,
    unsatisfied: figure,
  }),
  rehandled: figure.describe("Handled again after an unsatisfied evaluation."),
  overdueNow: figure.describe("A reply deadline open and past due now."),
  overdueEver: figure.describe("A reply deadline past due while open, now or before it closed."),
  rates: z.strictObject({
    replyRate: rate.describe("办复率: replied / assigned."),
    onTimeRate: rate.describe("按期办复率: repliedOnTime / assigned."),
    satisfactionRate: rate.describe("满意率: (satisfied + basically satisfied) / rated."),
  }),
  workingDaysToReply: z.strictObject({
    replies: integer,
    average: z.number().nullable().describe("Mean working days from assignment to the first reply (one decimal)."),
    p90: integer.nullable().describe("90th percentile (nearest rank)."),
  }),
});

/** The figures, and the proposal machine as data. */
export const statsApi: FeatureApi = {
  tags: [{ name: "stats", description: "Figures across proposals, and the workflow as data." }],
  responses: {
    Stats: z.strictObject({
      at: instant,
      filters: z.strictObject({
        sessionId: z.string().nullable(),
        from: instant.nullable(),
        to: instant.nullable(),
        groupBy: z.enum(GROUP_BYS).nullable(),
      }),
      summary: FigureRow.describe("The session or date range as a whole (what the caller may see)."),
      rows: z.array(FigureRow).optional().describe("With groupBy: one row per group value, most assigned first."),
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
          "Statistics with rates over one session (sessionId) and/or the proposals submitted in [from, to): registered / not registered by ground, assigned, replied, on time (办复率, 按期办复率), A/B/C, evaluations (满意率), re-handled, overdue now and ever, working days to reply (average, p90); broken down with groupBy (unit, leader, category, proposerType, sourceChannel, session). Every count carries `list`, the GET /v1/proposals query of the proposals behind it. Also proposals per stage, key proposals, overdue deadlines per unit. Admin and staff: the committee; a leader: what it may see; a unit: its proposals and its own row.",
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
