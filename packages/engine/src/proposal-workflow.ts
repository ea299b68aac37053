import type { Actor, ProposalEvent } from "@huiyin/domain";
import {
  allowedEvents,
  checkEvent,
  PROPOSAL_MACHINE_VERSION,
  type ProposalContext,
  type ProposalSnapshot,
  proposalMachine,
  stageOf,
} from "@huiyin/workflow-proposal";
import { statePaths, type Workflow } from "./workflow.ts";

const asProposal = (snapshot: unknown) => snapshot as ProposalSnapshot;

/**
 * The proposal machine (提·立·办·督·评) as the engine runs it. Facts the pure machine cannot look up —
 * whether the proposal a merge points at is registered — are added to the event by `prepare`, from the
 * database, before the machine judges it.
 */
export const proposalWorkflow: Workflow = {
  machine: proposalMachine,
  version: PROPOSAL_MACHINE_VERSION,
  escalationNoticeKind: "deadline.escalation",
  check(snapshot, event) {
    const result = checkEvent(asProposal(snapshot), event as unknown as ProposalEvent);
    return result.ok ? null : { code: result.code, message: result.message };
  },
  describe(snapshot) {
    const context = asProposal(snapshot).context as ProposalContext;
    return {
      stage: stageOf(asProposal(snapshot)),
      states: statePaths(snapshot.value),
      title: context.content.title,
      category: context.content.category || null,
      proposerId: context.proposers[0]?.id ?? "",
      unitIds: context.assignment?.units.map((unit) => unit.unitId) ?? [],
      leaderId: context.key?.leaderId ?? null,
      isKey: context.key !== undefined,
    };
  },
  allowedEvents(snapshot, actor) {
    return allowedEvents(asProposal(snapshot), actor as Actor);
  },
  async prepare(event, load) {
    if (event.type !== "review.merge" || typeof event.intoId !== "string") return event;
    const target = await load(event.intoId);
    const review = (target?.context as Partial<ProposalContext> | undefined)?.review;
    return { ...event, intoRegistered: review?.outcome === "registered" };
  },
};
