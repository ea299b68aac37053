import { z } from "zod";
import { common, errors, type FeatureApi, integer, json, nullableInstant, ref } from "../http/openapi-kit.ts";
import { ALL_WORK_KINDS } from "./my-work.ts";

const workKind = z.enum(ALL_WORK_KINDS);

const WorkItem = z.strictObject({
  kind: workKind,
  proposalId: z.string(),
  title: z.string(),
  stage: z.string(),
  event: z.string().nullable(),
  noticeId: z.string().nullable(),
  deadlineKind: z.string().nullable(),
  dueAt: nullableInstant,
  overdue: z.boolean(),
  workingDaysLeft: integer.nullable(),
  level: integer,
  delegatorId: z
    .string()
    .nullable()
    .describe("The person whose role this duty is, under a delegation to the caller; null: the caller's own."),
});

/** `GET /v1/my-work`: the caller's work queue. */
export const workApi: FeatureApi = {
  tags: [{ name: "work", description: "What waits for the caller's action (the console's My work)." }],
  responses: {
    WorkItem,
    MyWork: z.strictObject({ items: z.array(WorkItem), counts: z.partialRecord(workKind, integer), total: integer }),
  },
  paths: {
    "/v1/my-work": {
      get: {
        operationId: "getMyWork",
        tags: ["work"],
        summary:
          "What waits for the caller's action, most urgent first (overdue, then due soonest in working days), with counts per kind: for staff the reviews, assignments and reply checks; for a unit its confirmations, contacts and replies, and the reports follow-up reviews (回头看) asked of it; for a proposer submissions and ratings; for a leader or a unit head the unacknowledged escalations.",
        description:
          "`items` holds the 50 most urgent duties; `counts` and `total` count all of them, so a caller sees how much lies beyond the page and narrows with the console's proposal list.",
        responses: { "200": { description: "The work queue.", ...json(ref("MyWork")) }, ...errors(...common) },
      },
    },
  },
};
