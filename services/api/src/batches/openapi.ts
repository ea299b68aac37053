import { z } from "zod";
import {
  admin,
  anyObject,
  common,
  errors,
  type FeatureApi,
  idempotencyKey,
  instant,
  integer,
  json,
  nullableInstant,
  page,
  pathParameter,
  queryParameters,
  ref,
} from "../http/openapi-kit.ts";
import { BATCH_OUTCOMES, batchListQuerySchema, createBatchSchema } from "./schemas.ts";

const BatchItem = z.strictObject({
  proposalId: z.string(),
  outcome: z.enum(BATCH_OUTCOMES),
  code: z
    .string()
    .optional()
    .describe("Why it was refused or not found: the code a single event would answer (a 403's details.reason)."),
  message: z.string().optional(),
  version: integer.optional().describe("The proposal's version after the event (applied)."),
});

const Batch = z.strictObject({
  id: z.string(),
  status: z.enum(["running", "done", "failed"]),
  total: integer,
  counts: z.strictObject({ applied: integer, refused: integer, notFound: integer }),
  items: z.array(BatchItem).describe("The items decided so far, in the order of proposalIds."),
  event: anyObject,
  createdBy: z.string(),
  createdAt: instant,
  finishedAt: nullableInstant,
});

const batchId = pathParameter("id");

/** Bulk work: one event applied to many proposals (a 交办会's registrations and assignments). */
export const batchesApi: FeatureApi = {
  tags: [{ name: "batches", description: "Bulk work: one event applied to many proposals, item by item." }],
  requests: { CreateBatch: createBatchSchema },
  responses: { Batch, BatchPage: page(Batch) },
  paths: {
    "/v1/batches": {
      post: {
        operationId: "createBatch",
        tags: ["batches"],
        summary:
          "Apply one event to many proposals: each in its own transaction, as POST /v1/proposals/{id}/events would (If-Match per item in ifMatch); per-item results.",
        parameters: [idempotencyKey],
        requestBody: { required: true, ...json(ref("CreateBatch")) },
        responses: {
          "200": { description: "The batch, done: every item's outcome.", ...json(ref("Batch")) },
          ...errors(...admin, 422, "INVALID_IDEMPOTENCY_KEY", "IDEMPOTENCY_IN_PROGRESS", "IDEMPOTENCY_KEY_REUSED"),
        },
      },
      get: {
        operationId: "listBatches",
        tags: ["batches"],
        summary: "The batches the caller sent (staff and admins: all), newest first, running ones included.",
        parameters: queryParameters(batchListQuerySchema),
        responses: {
          "200": { description: "A page: items and nextCursor.", ...json(ref("BatchPage")) },
          ...errors(...common),
        },
      },
    },
    "/v1/batches/{id}": {
      get: {
        operationId: "getBatch",
        tags: ["batches"],
        summary: "One batch: its progress while running, its per-item results once done.",
        parameters: [batchId],
        responses: {
          "200": { description: "The batch.", ...json(ref("Batch")) },
          ...errors(...common, 404),
        },
      },
    },
  },
};
