import { type DeadlineKind, type DeadlineRule, deadlineRuleOf, type Policy, replyRuleOf } from "@huiyin/domain";
import type { ProposalContext } from "./context.ts";

/**
 * The rule a deadline of this proposal is counted by: a reply by the duration of its kind of proposal (plenary or
 * interim, `replyDurations`), every other kind by the policy's rule (or the default of a kind added after the
 * policy was snapshotted). One function for opening a deadline, recomputing it on a new calendar and migrating it
 * to new rules, so that the three cannot count differently.
 */
export function deadlineRuleFor(
  ctx: Pick<ProposalContext, "session">,
  policy: Policy,
  kind: DeadlineKind,
): DeadlineRule {
  return kind === "reply" ? replyRuleOf(policy, ctx.session?.plenary === true) : deadlineRuleOf(policy, kind);
}
