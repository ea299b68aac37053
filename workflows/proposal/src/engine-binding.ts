import { type Actor, type CalendarAdditions, type ProposalEvent, statePaths } from "@huiyin/domain";
import type { AnyMachineSnapshot } from "xstate";
import { PROPOSAL_MACHINE_VERSION, type ProposalContext } from "./context.ts";
import { proposalMachine } from "./machine.ts";
import { allowedEvents, checkEvent, type ProposalSnapshot, stageOf } from "./queries.ts";
import { plannedCorrections } from "./recompute.ts";

/** An event as the engine hands it over: a `type` and the body's fields, not yet narrowed to the vocabulary. */
type LooseEvent = { type: string } & Record<string, unknown>;

const asProposal = (snapshot: AnyMachineSnapshot) => snapshot as unknown as ProposalSnapshot;

/**
 * The proposal machine (提·立·办·督·评) as the engine runs it: the binding to the engine's `Workflow` port.
 *
 * It lives here, beside the machine, so that the engine knows no workflow (a dependency rule forbids
 * packages/engine to import workflows/*). It meets the port structurally — the machines may import only xstate
 * and the domain, never the engine — and the composition roots that hand it to the engine (services/worker and
 * services/api `main.ts`) are where the compiler checks that it fits the port, every optional member included.
 *
 * Facts the pure machine cannot look up — whether the proposal a merge points at is registered — are added to
 * the event by `prepare`, from the database, before the machine judges it.
 */
export const proposalWorkflow = {
  machine: proposalMachine,
  version: PROPOSAL_MACHINE_VERSION,
  escalationNoticeKind: "deadline.escalation",
  check(snapshot: AnyMachineSnapshot, event: LooseEvent): { code: string; message: string } | null {
    const result = checkEvent(asProposal(snapshot), event as unknown as ProposalEvent);
    return result.ok ? null : { code: result.code, message: result.message };
  },
  describe(snapshot: AnyMachineSnapshot) {
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
      sessionId: context.session?.id ?? null,
      plenary: context.session?.plenary ?? null,
      number: context.number?.value ?? null,
      numberLabel: context.number?.label ?? null,
      proposerType: context.origin?.proposerType ?? null,
      // Given at creation, or else where the submission fell: the plenary or between sessions.
      sourceChannel:
        context.origin?.channel ?? (context.session ? (context.session.plenary ? "plenary" : "interim") : null),
    };
  },
  allowedEvents(snapshot: AnyMachineSnapshot, actor: Actor): string[] {
    return allowedEvents(asProposal(snapshot), actor);
  },
  calendar: {
    calendarIdPath: ["context", "policy", "calendarId"],
    versionPath: ["context", "policy", "calendarAdditions", "version"],
    finalStages: ["closed"],
    recompute(snapshot: AnyMachineSnapshot, additions: CalendarAdditions, at: string) {
      const corrections = plannedCorrections(asProposal(snapshot).context as ProposalContext, additions, at);
      return { event: { type: "deadlines.recomputed", calendar: additions, corrections }, corrections };
    },
  },
  async prepare(
    event: LooseEvent,
    load: (proposalId: string) => Promise<{ context: Record<string, unknown>; stage: string } | null>,
  ): Promise<LooseEvent> {
    if (event.type !== "review.merge" || typeof event.intoId !== "string") return event;
    const target = await load(event.intoId);
    const review = (target?.context as Partial<ProposalContext> | undefined)?.review;
    return { ...event, intoRegistered: review?.outcome === "registered" };
  },
};
