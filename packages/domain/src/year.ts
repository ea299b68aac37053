import { z } from "zod";

/**
 * Who a proposal comes from (提案者): a member (委员), several members jointly (联名), a party group or people's
 * organisation (党派团体), a sector group (界别), a special committee (专委会), or a collective proposal (集体提案
 * of another body of the committee). Statistics break down by it.
 */
export const PROPOSER_TYPES = [
  "member",
  "joint",
  "party-group",
  "sector-group",
  "special-committee",
  "collective",
] as const;
export type ProposerType = (typeof PROPOSER_TYPES)[number];

/**
 * Where a proposal came in: during the plenary session (大会期间), between sessions (闭会期间), or from a clue of
 * the public platform (提案线索 / 微提案) that a member or body took up.
 */
export const SOURCE_CHANNELS = ["plenary", "interim", "public-platform"] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

export const originSchema = z.strictObject({
  proposerType: z.enum(PROPOSER_TYPES),
  /** Absent: plenary or interim, by the session's dates at submission. */
  channel: z.enum(SOURCE_CHANNELS).optional(),
});
export type ProposalOrigin = z.infer<typeof originSchema>;

/**
 * The committee session (届次, e.g. 十四届三次会议) a proposal belongs to — the session whose span holds its
 * submission — and whether it was submitted during the plenary (大会期间) or between sessions (闭会期间). The
 * machine does no IO: the engine's caller looks it up and stamps it on `submit` and `review.register`.
 */
export interface SessionFacts {
  session?: { id: string; plenary: boolean };
}

/** The proposal's number (提案号), given once at registration: per session, gapless, formatted by its pattern. */
export interface ProposalNumber {
  sessionId: string;
  value: number;
  /** As the session's pattern writes it, e.g. 第0123号. */
  label: string;
}

export interface NumberFacts extends SessionFacts {
  number?: ProposalNumber;
}

/** The names of the facts the caller stamps on events, stripped before an event body is validated. */
export const EVENT_FACT_KEYS = ["intoRegistered", "session", "number"] as const;

/**
 * A session's number pattern: the text with `{n}` (the number as it is) or `{n:W}` (zero-padded to W digits)
 * where the number goes, e.g. `第{n:4}号` → 第0123号, `{n}` → 123. Exactly one placeholder.
 */
export const numberPatternSchema = z
  .string()
  .min(1)
  .max(50)
  .refine((pattern) => (pattern.match(/\{n(?::\d)?\}/g) ?? []).length === 1, "one placeholder {n} or {n:W} (W 1-9)");

export function formatNumber(pattern: string, value: number): string {
  return pattern.replace(/\{n(?::(\d))?\}/, (_whole, width: string | undefined) =>
    String(value).padStart(width ? Number(width) : 0, "0"),
  );
}
