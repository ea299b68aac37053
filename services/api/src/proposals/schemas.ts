import { PROPOSER_TYPES, proposerSchema, SOURCE_CHANNELS } from "@huiyin/domain";
import { z } from "zod";
import { figureFilterSchema } from "./figure-filters.ts";

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * `POST /v1/proposals`. A draft may be incomplete (the machine checks completeness and 一事一案 on submit), so
 * only the title is required of the text; `submit: true` submits at once.
 */
export const createProposalSchema = z.strictObject({
  title: text(500),
  reasons: z.string().max(50_000).default(""),
  suggestions: z.array(z.string().max(10_000)).max(100).default([]),
  category: z.string().max(100).default(""),
  /** Lead proposer first (联名: the lead acts for all). */
  proposers: z.array(proposerSchema).min(1).max(100),
  /** The integrator's own id for the proposal: a repeat with it returns the first proposal. */
  externalId: text(200).optional(),
  submit: z.boolean().optional(),
  /** Who it comes from (提案者类型); absent: `member`, or `joint` with several proposers. */
  proposerType: z.enum(PROPOSER_TYPES).optional(),
  /** Where it came in; absent: `plenary` or `interim` by the session's dates at submission. */
  channel: z.enum(SOURCE_CHANNELS).optional(),
});
export type CreateProposalBody = z.output<typeof createProposalSchema>;

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const flag = z.enum(["true", "false"]).transform((value) => value === "true");

/** `GET /v1/proposals`: filters (all optional, combined with AND), order by id (= creation), cursor pagination. */
export const listQuerySchema = z.strictObject({
  stage: text(50).optional(),
  /** One active state, as a dotted path: `handle.contacting`. */
  state: text(200).optional(),
  unit: text(200).optional(),
  leader: text(200).optional(),
  proposer: text(200).optional(),
  category: text(100).optional(),
  key: flag.optional(),
  /** Has an open deadline that is past due. */
  overdue: flag.optional(),
  /** Search in the number label and title (case-insensitive substring, through a trigram index; Chinese too). */
  q: text(200).optional(),
  createdFrom: instant.optional(),
  createdTo: instant.optional(),
  updatedFrom: instant.optional(),
  updatedTo: instant.optional(),
  /** A proposal number: its digits (`123`, in any session unless `session` says which) or its label (`第0123号`). */
  number: text(50).optional(),
  session: text(100).optional(),
  /** Submitted during the plenary (true) or between sessions (false). */
  plenary: flag.optional(),
  proposerType: z.enum(PROPOSER_TYPES).optional(),
  channel: z.enum(SOURCE_CHANNELS).optional(),
  /** The filters behind the statistics' figures (figure-filters.ts). */
  ...figureFilterSchema,
  order: z.enum(["asc", "desc"]).default("desc"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** `nextCursor` of the previous page: a proposal's id (`p_` and base-36 time and random), nothing else. */
  cursor: z
    .string()
    .regex(/^p_[0-9a-z]{1,60}$/, "not a cursor this API gave out (nextCursor of an earlier page)")
    .optional(),
});
export type ListQuery = z.output<typeof listQuerySchema>;

/** `GET /v1/proposals/:id/history`: oldest first, `after` = the last `seq` seen. */
export const historyQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `If-Match: 3`, `"3"` or `W/"3"` → 3; undefined without the header; null when it is not a version. */
export function parseIfMatch(header: string | undefined): number | undefined | null {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  return match?.[1] === undefined ? null : Number(match[1]);
}
