/**
 * The evaluation figures, from the proposals' contexts: every proposer's rating counts (联名: each co-proposer's
 * too), each handling unit's satisfaction rate is over the ratings of its own part, and reply grades are the final
 * ones (after any staff regrade). Pure, so the figures are tested without a database.
 */

interface RatingFacts {
  result: string;
  proposerId?: string;
  units?: { unitId: string; result: string }[];
}

/** What of a proposal's context the figures read; old snapshots may lack any of it. */
export interface RatedContext {
  evaluations?: RatingFacts[];
  parts?: { unitId: string; reply?: { classification: string } }[];
}

export interface EvaluationFigures {
  evaluations: {
    /** Ratings given, per result (every proposer's; "no answer" is not a rating). */
    ratings: number;
    byResult: Record<string, number>;
    /** Per unit: ratings of its part, satisfied + basically satisfied among them, and that share (0..1). */
    byUnit: Record<string, { rated: number; satisfied: number; rate: number }>;
  };
  /** Current replies per final grade (A/B/C). */
  replyClasses: Record<string, number>;
}

const SATISFIED = new Set(["satisfied", "basically-satisfied"]);

export function evaluationFigures(contexts: readonly RatedContext[]): EvaluationFigures {
  const byResult: Record<string, number> = {};
  const byUnit: Record<string, { rated: number; satisfied: number; rate: number }> = {};
  const replyClasses: Record<string, number> = {};
  let ratings = 0;
  for (const ctx of contexts) {
    for (const e of ctx.evaluations ?? []) {
      if (e.result === "no-answer") continue;
      ratings++;
      byResult[e.result] = (byResult[e.result] ?? 0) + 1;
      // A rating from before per-unit results applies to every handling part.
      const units = e.units ?? (ctx.parts ?? []).map((p) => ({ unitId: p.unitId, result: e.result }));
      for (const u of units) {
        const row = byUnit[u.unitId] ?? { rated: 0, satisfied: 0, rate: 0 };
        row.rated++;
        if (SATISFIED.has(u.result)) row.satisfied++;
        row.rate = row.satisfied / row.rated;
        byUnit[u.unitId] = row;
      }
    }
    for (const p of ctx.parts ?? []) {
      const grade = p.reply?.classification;
      if (grade) replyClasses[grade] = (replyClasses[grade] ?? 0) + 1;
    }
  }
  return { evaluations: { ratings, byResult, byUnit }, replyClasses };
}
