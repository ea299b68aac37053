import { type Effect, effectSchema, isEffectType } from "@huiyin/domain";

/**
 * The effects a workflow declares, as the engine reads them from the actions that XState's pure `transition()`
 * returns. The machine performs none of them; the engine turns each into rows (deadlines, alarms, notices) and
 * outbox messages inside the transaction that applies the event. Their shape is the domain's one definition
 * (`@huiyin/domain` effects.ts), which the proposal workflow declares them with: no second, looser reading here.
 */
export type { Effect };

interface ActionLike {
  type: string;
  params?: unknown;
}

/**
 * Picks the declared effects out of a transition's actions, in order, each checked against the domain's schema.
 * Other actions (XState's own, or ones without IO meaning) are not effects. A malformed effect is a bug in the
 * machine: fail loudly (the transaction rolls back) rather than persist a state whose deadlines or notices were
 * silently lost or mislabelled.
 */
export function effectsOf(actions: readonly ActionLike[]): Effect[] {
  return actions.flatMap((action): Effect[] => {
    if (!isEffectType(action.type)) return [];
    const parsed = effectSchema.safeParse({ type: action.type, params: action.params });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      throw new Error(`malformed ${action.type} effect (${problems}): ${JSON.stringify(action.params)}`);
    }
    return [parsed.data];
  });
}
