import { type ProposalEvent, type Refusal, refusal } from "@huiyin/domain";
import type { Lookback, ProposalContext } from "./context.ts";
import { decisionOn } from "./evaluation.ts";

/**
 * The rules of what comes around and after the reply that need more than a line in the rules table: the co-units'
 * opinions the lead unit waits for, the consultation after a repeated "unsatisfied", and the follow-up review
 * (回头看) of a closed proposal. Pure: read by the rules table (rules.ts), the guards and the steps alike.
 */

/**
 * Under lead + co handling with `leadWaitsForCoOpinions`, why the lead may not reply yet: a co-unit that has sent
 * no opinion while its opinion deadline runs. A deadline that has passed (or was closed when handling restarted)
 * no longer holds the lead back; the late co-unit may still send its opinion until the lead replies.
 */
export function coOpinionsPending(ctx: ProposalContext, at: string | undefined): Refusal | undefined {
  const a = ctx.assignment;
  if (!ctx.policy.leadWaitsForCoOpinions || a?.mode !== "lead-co") return undefined;
  const waiting = a.units.filter((u) => {
    if (u.role !== "co" || ctx.coOpinions.some((o) => o.unitId === u.unitId)) return false;
    const d = ctx.deadlines.find((x) => x.kind === "coOpinion" && x.unitId === u.unitId);
    return d !== undefined && !d.overdue && (at === undefined || Date.parse(at) < Date.parse(d.dueAt));
  });
  if (waiting.length === 0) return undefined;
  const ids = waiting.map((u) => u.unitId).join(", ");
  return refusal("CO_OPINIONS_PENDING", `the lead unit replies once the co-units have sent their opinions: ${ids}`);
}

/** How many "unsatisfied" results the evaluation windows have decided so far. */
export const unsatisfiedResults = (ctx: ProposalContext): number =>
  (ctx.evaluationOutcomes ?? []).filter((o) => o.result === "unsatisfied").length;

/**
 * Whether the event decides the evaluation window with an "unsatisfied" result that is not handled again and
 * reaches the policy's count (`consultationAfterUnsatisfied`): a face-to-face consultation comes before closing.
 */
export function needsConsultation(ctx: ProposalContext, event: ProposalEvent): boolean {
  const after = ctx.policy.consultationAfterUnsatisfied ?? 0;
  if (after <= 0) return false;
  const decision = decisionOn(ctx, event as never);
  if (!decision || decision.rehandle || decision.result !== "unsatisfied") return false;
  return unsatisfiedResults(ctx) + 1 >= after;
}

/** The follow-up review under way: the latest one. */
export const currentLookback = (ctx: ProposalContext): Lookback | undefined => ctx.lookbacks?.at(-1);

/** A report a follow-up review asked of `unitId` and has not received. */
export const pendingReport = (ctx: ProposalContext, unitId: string | undefined) =>
  currentLookback(ctx)?.requests.find((r) => r.unitId === unitId && r.report === undefined);

/**
 * Why a follow-up review step may not happen: only a completed proposal with an A or B reply has promises to
 * review; a review is opened before anything is recorded; a unit answers only a report asked of it, and is asked
 * one at a time.
 */
export function lookbackProblem(
  ctx: ProposalContext,
  step: "open" | "record" | "request" | "report",
  unitId?: string,
): Refusal | undefined {
  if (ctx.closure?.reason !== "completed" || !ctx.parts.some((p) => p.reply && p.reply.classification !== "C")) {
    return refusal("LOOKBACK_NOT_APPLICABLE", "a follow-up review looks at a closed proposal's A and B replies");
  }
  const current = currentLookback(ctx);
  switch (step) {
    case "open":
      return current?.requests.some((r) => r.report === undefined)
        ? refusal("LOOKBACK_REPORT_PENDING", "the current follow-up review awaits a unit's report")
        : undefined;
    case "record":
      return current ? undefined : refusal("NO_OPEN_LOOKBACK", "open a follow-up review (lookback.open) first");
    case "request":
      return pendingReport(ctx, unitId)
        ? refusal("LOOKBACK_REPORT_PENDING", `a report from ${unitId} is already awaited`)
        : undefined;
    case "report":
      return pendingReport(ctx, unitId)
        ? undefined
        : refusal("NO_REPORT_REQUESTED", "no follow-up review awaits a report from this unit");
  }
}
