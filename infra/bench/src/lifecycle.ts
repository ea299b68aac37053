import { defaultPolicy, type Policy } from "@huiyin/domain";
import { type Actor, applyEvent, createProposal, type EngineDeps } from "@huiyin/engine";

export const proposer = { role: "proposer", id: "member-1" } as const satisfies Actor;
export const staff = { role: "staff", id: "staff-1" } as const satisfies Actor;
export const unit = { role: "unit", id: "clerk-1", unitId: "civil-affairs" } as const satisfies Actor;

export function proposalInput(policy: Policy = defaultPolicy) {
  return {
    content: {
      title: "关于加强社区居家养老服务的建议",
      reasons: "老龄人口增加，社区养老服务供给不足。",
      suggestions: ["增设社区日间照料中心", "培育专业护理队伍"],
      category: "livelihood",
    },
    proposers: [{ id: proposer.id, name: "张委员" }],
    policy,
  };
}

type Step = { event: { type: string } & Record<string, unknown>; actor: Actor };

/** The events after `create` that take a proposal from draft to closed.completed (as in the lifecycle test). */
export function lifecycleSteps(): Step[] {
  return [
    { event: { type: "submit" }, actor: proposer },
    { event: { type: "review.register", category: "livelihood" }, actor: staff },
    { event: { type: "assign", mode: "sole", units: [{ unitId: "civil-affairs", role: "lead" }] }, actor: staff },
    { event: { type: "unit.acknowledge" }, actor: unit },
    {
      event: {
        type: "handle.contact",
        channel: "phone",
        contactedAt: new Date().toISOString(),
        summary: "电话沟通办理思路",
      },
      actor: unit,
    },
    { event: { type: "supervise.record", mode: "online", note: "网上督办" }, actor: staff },
    {
      event: { type: "handle.reply", classification: "A", text: "已增设三处日间照料中心。", signedOffBy: "局长 李某" },
      actor: unit,
    },
    { event: { type: "supervise.acceptReply" }, actor: staff },
    { event: { type: "evaluate", result: "satisfied", comment: "满意" }, actor: proposer },
  ];
}

/** Transitions one lifecycle commits: `create` plus every step. */
export const TRANSITIONS_PER_LIFECYCLE = 1 + lifecycleSteps().length;

/**
 * Creates one proposal and drives it to closed.completed, one event after the other as a client would.
 * Pushes the latency of every transition (create included) in ms onto `latencies`.
 */
export async function driveLifecycle(deps: EngineDeps, latencies: number[]): Promise<string> {
  let started = performance.now();
  const { proposal } = await createProposal(deps, { input: proposalInput(), actor: proposer });
  latencies.push(performance.now() - started);
  for (const step of lifecycleSteps()) {
    started = performance.now();
    const result = await applyEvent(deps, { proposalId: proposal.id, event: step.event, actor: step.actor });
    latencies.push(performance.now() - started);
    if (result.outcome !== "applied") throw new Error(`${step.event.type} was ${result.outcome}, not applied`);
  }
  return proposal.id;
}
