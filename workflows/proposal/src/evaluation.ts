import type { EvaluationResult, ProposalEventOf } from "@huiyin/domain";
import { raters } from "./change.ts";
import type { Evaluation, EvaluationOutcome, ProposalContext, UnitResult } from "./context.ts";

/**
 * Who rates and what the ratings decide (满意度测评 of a joint proposal, 联名). Every proposer rates once per
 * evaluation window; the proposal's result is decided when all have rated or the window closes, by the policy's
 * `evaluationResult` rule: the lowest rating given (default) or the lead proposer's alone. A proposal with one
 * proposer is decided by that one rating, at once, as before.
 */

const RANK: Record<EvaluationResult, number> = { unsatisfied: 0, "basically-satisfied": 1, satisfied: 2 };

export const evaluationRule = (ctx: ProposalContext) => ctx.policy.evaluationResult ?? "lowest";

/** The ratings of the current window: those given since the last re-handling. */
export function currentRatings(ctx: ProposalContext): Evaluation[] {
  return ctx.evaluations.filter((e) => e.proposerId !== undefined && (e.round ?? 0) === ctx.rehandles);
}

/** The units a rating addresses: every assigned unit (lead, co, separate). */
export const ratedUnits = (ctx: ProposalContext): string[] => (ctx.assignment?.units ?? []).map((u) => u.unitId);

/** The record of an `evaluate` event: per-unit results given, or the overall result for every unit. */
export function ratingOf(ctx: ProposalContext, e: ProposalEventOf<"evaluate">): Evaluation {
  const units: UnitResult[] = e.units ?? ratedUnits(ctx).map((unitId) => ({ unitId, result: e.result }));
  return {
    proposerId: e.actor.id,
    result: e.result,
    comment: e.comment,
    at: e.at,
    round: ctx.rehandles,
    units,
    ...(e.rehandle === undefined ? {} : { rehandle: e.rehandle }),
    ...(e.unitIds === undefined ? {} : { unitIds: e.unitIds }),
  };
}

export interface Decision {
  result: EvaluationResult | "no-answer";
  rehandle: boolean;
  /** The parts to handle again when `rehandle`. */
  unitIds: string[];
}

/**
 * What `ratings` decide: `undefined` while proposers are still to rate and the window is open (`windowClosed`
 * false). An unsatisfied result re-handles unless every deciding rating declined it or the limit is reached.
 */
export function decide(
  ctx: ProposalContext,
  ratings: readonly Evaluation[],
  windowClosed: boolean,
): Decision | undefined {
  // Every proposer, those of proposals merged into this one included (并案: they rate it too).
  const everyoneRated = raters(ctx).every((id) => ratings.some((r) => r.proposerId === id));
  if (!everyoneRated && !windowClosed) return undefined;
  const given = ratings.filter((r): r is Evaluation & { result: EvaluationResult } => r.result !== "no-answer");
  const deciding =
    evaluationRule(ctx) === "lead"
      ? given.filter((r) => r.proposerId === ctx.proposers[0]?.id)
      : given.filter((r) => RANK[r.result] === Math.min(...given.map((g) => RANK[g.result])));
  const first = deciding[0];
  if (!first) return { result: "no-answer", rehandle: false, unitIds: [] };
  const rehandle =
    first.result === "unsatisfied" &&
    deciding.some((r) => r.rehandle !== false) &&
    ctx.rehandles < ctx.policy.rehandleLimit;
  const parts = ctx.parts.map((p) => p.unitId);
  const wanted = new Set(
    deciding.flatMap((r) => {
      if (r.unitIds) return r.unitIds;
      const low = (r.units ?? []).filter((u) => u.result === "unsatisfied" && parts.includes(u.unitId));
      // A co-unit's part is handled through the lead unit; nothing unit-specific means every part.
      return low.length > 0 ? low.map((u) => u.unitId) : parts;
    }),
  );
  return { result: first.result, rehandle, unitIds: parts.filter((u) => wanted.has(u)) };
}

/** The decision with the incoming rating, or at the closing of the window when `event` is its due time. */
export function decisionOn(
  ctx: ProposalContext,
  event: { type: string } & Partial<ProposalEventOf<"evaluate">>,
): Decision | undefined {
  if (event.type === "evaluate") {
    return decide(ctx, [...currentRatings(ctx), ratingOf(ctx, event as ProposalEventOf<"evaluate">)], false);
  }
  return decide(ctx, currentRatings(ctx), true);
}

export const outcomeOf = (ctx: ProposalContext, d: Decision, at: string): EvaluationOutcome => ({
  result: d.result,
  rule: evaluationRule(ctx),
  round: ctx.rehandles,
  at,
});
