import { proposalEventSchema } from "@huiyin/domain";
import { z } from "zod";

/** The most proposals one batch may name: a 交办会's few hundred, with room. */
export const MAX_BATCH_ITEMS = 500;

const proposalId = z.string().trim().min(1).max(100);

/**
 * `POST /v1/batches`: one event (the body of `POST /v1/proposals/:id/events`) for every proposal named, each with
 * an optional If-Match. A proposal named twice is refused as a whole (which of the two answers would count?).
 */
export const createBatchSchema = z
  .strictObject({
    event: proposalEventSchema,
    proposalIds: z
      .array(proposalId)
      .min(1)
      .max(MAX_BATCH_ITEMS)
      .refine((ids) => new Set(ids).size === ids.length, "each proposal at most once"),
    ifMatch: z.record(proposalId, z.int().min(1).max(999_999_999)).optional(),
  })
  .refine((body) => Object.keys(body.ifMatch ?? {}).every((id) => body.proposalIds.includes(id)), {
    message: "ifMatch names only proposals of proposalIds",
    path: ["ifMatch"],
  });
export type CreateBatchBody = z.output<typeof createBatchSchema>;

/** `GET /v1/batches`: newest first, `cursor` = the last id seen. */
export const batchListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** `nextCursor` of the previous page: a batch's id (`b_` and base-36 time and hex random), nothing else. */
  cursor: z
    .string()
    .regex(/^b_[0-9a-z]{1,60}$/, "not a cursor this API gave out (nextCursor of an earlier page)")
    .optional(),
});

/** What happened to one proposal of a batch. */
export const BATCH_OUTCOMES = ["applied", "refused", "not_found"] as const;
export type BatchOutcome = (typeof BATCH_OUTCOMES)[number];
