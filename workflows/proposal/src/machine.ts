import type { DeadlineKind, ProposalEvent } from "@huiyin/domain";
import { and, enqueueActions, type ParameterizedObject, setup } from "xstate";
import { needsConsultation } from "./after-reply.ts";
import { Change, type Outcome } from "./change.ts";
import type { ClosureReason, ProposalContext, ProposalInput } from "./context.ts";
import { PROPOSAL_MACHINE_VERSION } from "./context.ts";
import type {
  DeadlineCloseParams,
  DeadlineOpenParams,
  Effect,
  EventSendParams,
  NotifyParams,
  WebhookParams,
} from "./effects.ts";
import { ruleRefusal } from "./rules.ts";
import { DATA_STEPS, evaluationPending, STEPS, type StepName, wantsRehandle } from "./steps.ts";

/** The top-level states: the stage a proposal is in (提 · 立 · 交 · 办 · 督 · 评 · 办结). */
export const STAGES = ["submit", "review", "assign", "handle", "supervise", "evaluate", "closed"] as const;
export type Stage = (typeof STAGES)[number];

type StageDeadline = "review" | "resubmission" | "objection" | "evaluation";

/** Documentation carried by every state node, exported with the definition and rendered in the README. */
export interface StateMeta {
  summary: string;
  /** The deadlines that may be open while the proposal is in this state. */
  deadlines?: DeadlineKind[];
}

const apply = (name: StepName) => ({ type: "apply", params: { step: name } }) as const;
const opensDeadline = (kind: StageDeadline) => ({ type: "openStageDeadline", params: { kind } }) as const;
const closesDeadlines = (kinds: DeadlineKind[]) => ({ type: "closeDeadlines", params: { kinds } }) as const;
const enterStage = (stage: Stage) => ({ type: "enterStage", params: { stage } }) as const;
const close = (reason: ClosureReason) => ({ type: "close", params: { reason } }) as const;
const dueIs = (kind: DeadlineKind) => and(["permitted", { type: "dueIs", params: { kind } }]);

/** A record-only transition: the event is accepted when the rules allow it and the state does not change. */
const record = (name: StepName) => ({ guard: "permitted", actions: apply(name) }) as const;

const noEffect = <P>(_: unknown, _params: P) => {};

// The effect-enqueuing actions are typed outside `setup` with `Effect` as the actions they may enqueue: inside
// `setup` their types would depend on the machine's own action map, which TypeScript cannot infer circularly.
type Enqueuing<P> = ReturnType<
  typeof enqueueActions<ProposalContext, ProposalEvent, P, ProposalEvent, never, Effect, never>
>;

function enqueuing<P extends ParameterizedObject["params"]>(
  run: (context: ProposalContext, event: ProposalEvent, params: P) => Outcome,
): Enqueuing<P> {
  return enqueueActions<ProposalContext, ProposalEvent, P, ProposalEvent, never, Effect, never>(
    ({ context, event, enqueue }, params) => {
      const out = run(context, event, params);
      if (out.context !== context) enqueue.assign(() => out.context);
      for (const effect of out.effects) enqueue(effect);
    },
  );
}

/** Runs a step: assigns its new context and enqueues the effects it declares. */
const applyStep = enqueuing<{ step: StepName }>((context, event, { step }) => STEPS[step](context, event as never));
const openStageDeadlineAction = enqueuing<{ kind: StageDeadline }>((context, event, { kind }) =>
  DATA_STEPS.openStageDeadline(context, event, kind),
);
const closeStageDeadlines = enqueuing<{ kinds: DeadlineKind[] }>((context, _event, { kinds }) =>
  new Change(context).closeDeadlines("left", { kinds }).done(),
);
const enterStageAction = enqueuing<{ stage: Stage }>((context, _event, { stage }) =>
  new Change(context).webhook({ topic: "proposal.stage", stage }).done(),
);
const closeAction = enqueuing<{ reason: ClosureReason }>((context, event, { reason }) =>
  DATA_STEPS.close(context, event, reason),
);

/**
 * The proposal lifecycle as a pure statechart. No IO, no timers: time enters as `deadline.*` events and every
 * effect (deadlines, notices, webhooks) is a declared action for the engine to carry out.
 */
export const proposalMachine = setup({
  types: {
    context: {} as ProposalContext,
    events: {} as ProposalEvent,
    input: {} as ProposalInput,
  },
  guards: {
    /** The rules table (roles, parties, windows, caps, stale timers) allows the event. */
    permitted: ({ context, event }) => ruleRefusal(context, event) === undefined,
    dueIs: ({ context, event }, params: { kind: DeadlineKind }) =>
      "deadlineId" in event &&
      context.deadlines.some((d) => d.deadlineId === event.deadlineId && d.kind === params.kind),
    separate: ({ context }) => context.assignment?.mode === "separate",
    /** The sender is a unit added after handling started (`joined`): it alone may still object then. */
    joinedUnit: ({ context, event }) => (context.assignment?.joined ?? []).some((j) => j.unitId === event.actor.unitId),
    /** This acknowledgement is the last one outstanding. */
    lastAcknowledgement: ({ context, event }) =>
      (context.assignment?.units ?? []).every(
        (u) => u.unitId === event.actor.unitId || context.assignment?.acknowledged.includes(u.unitId),
      ),
    /** With this reply every part has replied. */
    completesReplies: ({ context, event }) =>
      context.parts.every((p) => p.unitId === event.actor.unitId || p.status === "replied" || p.status === "accepted"),
    /** With this acceptance every part's reply is accepted. */
    completesAcceptance: ({ context, event }) =>
      event.type === "supervise.acceptReply" &&
      context.parts.every(
        (p) => p.status === "accepted" || (p.status === "replied" && (event.unitId ?? p.unitId) === p.unitId),
      ),
    /** The rating, or the window's close, decides an unsatisfied result that is to be handled again. */
    wantsRehandle: ({ context, event }) => wantsRehandle(context, event),
    /** A joint proposal's rating while other proposers are still to rate: recorded, the window stays open. */
    evaluationPending: ({ context, event }) => evaluationPending(context, event),
    /** A B reply (正在解决/列入计划) is accepted, so the proposal is tracked before it closes. */
    hasBReply: ({ context }) => context.parts.some((p) => p.reply?.classification === "B"),
    /** The deciding "unsatisfied" is not handled again and reaches the policy's count: consult before closing. */
    needsConsultation: ({ context, event }) => needsConsultation(context, event),
    /** Staff close the last tracking still open. */
    endsTracking: ({ context, event }) =>
      event.type === "tracking.close" &&
      context.parts.every((p) => p.tracking !== "open" || event.unitId === undefined || p.unitId === event.unitId),
    /** Separate handling after a unit was removed: every part left has replied, so staff check them. */
    allReplied: ({ context }) =>
      context.parts.length > 0 && context.parts.every((p) => p.status === "replied" || p.status === "accepted"),
    /** ... and staff had accepted each of them already. */
    allAccepted: ({ context }) => context.parts.length > 0 && context.parts.every((p) => p.status === "accepted"),
    /** This report resolves the last tracked matter. */
    resolvesTracking: ({ context, event }) =>
      event.type === "followup.report" &&
      event.resolved &&
      context.parts.every((p) => p.tracking !== "open" || p.unitId === event.actor.unitId),
  },
  actions: {
    "deadline.open": noEffect<DeadlineOpenParams>,
    "deadline.close": noEffect<DeadlineCloseParams>,
    notify: noEffect<NotifyParams>,
    "webhook.emit": noEffect<WebhookParams>,
    "event.send": noEffect<EventSendParams>,
    apply: applyStep,
    openStageDeadline: openStageDeadlineAction,
    closeDeadlines: closeStageDeadlines,
    enterStage: enterStageAction,
    close: closeAction,
  },
}).createMachine({
  id: "proposal",
  context: ({ input }) => ({
    machineVersion: PROPOSAL_MACHINE_VERSION,
    id: input.id,
    content: input.content,
    proposers: input.proposers,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
    policy: input.policy,
    ...(input.origin ? { origin: input.origin } : {}),
    submissions: 0,
    assignments: 0,
    objections: [],
    parts: [],
    coOpinions: [],
    deadlines: [],
    deadlineSeq: 0,
    supervision: [],
    rehandles: 0,
    evaluations: [],
    followUps: [],
  }),
  initial: "submit",
  // Timers for any open deadline. States that react to a due time (lapse, no evaluation, window closed)
  // handle `deadline.due` themselves first; everywhere else it is recorded and its owners told.
  on: {
    "deadline.remind": record("remind"),
    "deadline.due": record("markDue"),
    "deadline.escalate": record("escalate"),
    "deadlines.recomputed": record("recomputeDeadlines"),
    // The proposers of a proposal merged into this one are linked to it, whatever stage it is in.
    "merge.link": record("linkMerged"),
  },
  states: {
    submit: {
      meta: { summary: "提: the proposer writes and submits" },
      entry: enterStage("submit"),
      initial: "draft",
      states: {
        draft: {
          meta: { summary: "Draft: editable; submission checks completeness and one matter per proposal (一事一案)" },
          on: {
            submit: { guard: "permitted", target: "#proposal.review", actions: apply("submit") },
            withdraw: { guard: "permitted", target: "#proposal.closed.withdrawn", actions: apply("withdraw") },
          },
        },
        revising: {
          meta: {
            summary: "Returned for revision (退回修改): the proposer resubmits or lets it lapse",
            deadlines: ["resubmission"],
          },
          entry: opensDeadline("resubmission"),
          exit: closesDeadlines(["resubmission"]),
          on: {
            resubmit: { guard: "permitted", target: "#proposal.review", actions: apply("resubmit") },
            withdraw: { guard: "permitted", target: "#proposal.closed.withdrawn", actions: apply("withdraw") },
            "deadline.due": { guard: dueIs("resubmission"), target: "#proposal.closed.lapsed" },
          },
        },
      },
    },
    review: {
      meta: { summary: "立: committee staff review against the registration criteria" },
      entry: enterStage("review"),
      initial: "reviewing",
      states: {
        reviewing: {
          meta: { summary: "Awaiting the staff review", deadlines: ["review"] },
          entry: opensDeadline("review"),
          exit: closesDeadlines(["review"]),
          on: {
            "review.register": { guard: "permitted", target: "#proposal.assign", actions: apply("register") },
            "review.reject": { guard: "permitted", target: "#proposal.closed.rejected", actions: apply("reject") },
            "review.convert": { guard: "permitted", target: "#proposal.closed.converted", actions: apply("convert") },
            "review.merge": { guard: "permitted", target: "#proposal.closed.merged", actions: apply("merge") },
            "review.return": {
              guard: "permitted",
              target: "#proposal.submit.revising",
              actions: apply("returnForRevision"),
            },
            withdraw: { guard: "permitted", target: "#proposal.closed.withdrawn", actions: apply("withdraw") },
          },
        },
      },
    },
    assign: {
      meta: { summary: "交办: staff assign handling units" },
      entry: enterStage("assign"),
      initial: "unassigned",
      on: { "key.designate": record("designateKey") },
      states: {
        unassigned: {
          meta: { summary: "Registered (立案), awaiting assignment" },
          on: { assign: { guard: "permitted", target: "confirming", actions: apply("assign") } },
        },
        confirming: {
          meta: { summary: "Units acknowledge or object within the objection window", deadlines: ["objection"] },
          entry: opensDeadline("objection"),
          exit: closesDeadlines(["objection"]),
          on: {
            "unit.acknowledge": [
              {
                guard: and(["permitted", "lastAcknowledgement", "separate"]),
                target: "#proposal.handle.separately",
                actions: [apply("acknowledge"), apply("startHandling")],
              },
              {
                guard: and(["permitted", "lastAcknowledgement"]),
                target: "#proposal.handle.contacting",
                actions: [apply("acknowledge"), apply("startHandling")],
              },
              record("acknowledge"),
            ],
            "unit.object": { guard: "permitted", target: "objected", actions: apply("object") },
            "deadline.due": [
              {
                guard: and([dueIs("objection"), "separate"]),
                target: "#proposal.handle.separately",
                actions: [apply("closeObjectionWindow"), apply("startHandling")],
              },
              {
                guard: dueIs("objection"),
                target: "#proposal.handle.contacting",
                actions: [apply("closeObjectionWindow"), apply("startHandling")],
              },
            ],
          },
        },
        objected: {
          meta: { summary: "A unit objected (not its remit): staff reassign" },
          on: { assign: { guard: "permitted", target: "confirming", actions: apply("assign") } },
        },
      },
    },
    handle: {
      meta: { summary: "办: units contact the proposer, handle and reply in writing" },
      entry: enterStage("handle"),
      // Every way in names its sub-state; the initial one is there for the diagram and direct targeting.
      initial: "contacting",
      exit: closesDeadlines(["firstContact", "coOpinion", "reply", "rehandle"]),
      on: {
        "handle.contact": record("contact"),
        "handle.coOpinion": record("coOpinion"),
        "handle.requestExtension": record("requestExtension"),
        "extension.approve": record("approveExtension"),
        "extension.deny": record("denyExtension"),
        "handle.reply": [
          { guard: and(["permitted", "completesReplies"]), target: "#proposal.supervise", actions: apply("reply") },
          record("reply"),
        ],
        // Separate handling: staff may check each part's reply as it comes in.
        "supervise.acceptReply": record("acceptReply"),
        "supervise.returnReply": record("returnReply"),
        // Staff regrade an accepted reply wherever one exists: a separate part during handling, the check, evaluation.
        "supervise.reclassify": record("reclassify"),
        "supervise.record": record("recordSupervision"),
        "key.designate": record("designateKey"),
        // Staff change the handling units after handling started (reassign, add, remove), with a reason.
        "handle.reassign": record("reassign"),
        // A unit added by that may object within its own window (the rules judge it); staff then reassign.
        "unit.object": { guard: and(["permitted", "joinedUnit"]), actions: apply("object") },
      },
      states: {
        contacting: {
          meta: {
            summary: "Before first contact with the proposer (办前沟通)",
            deadlines: ["firstContact", "coOpinion", "reply"],
          },
          on: { "handle.contact": { guard: "permitted", target: "handling", actions: apply("contact") } },
        },
        handling: {
          meta: {
            summary: "Handling after first contact; co-units send opinions; extensions",
            deadlines: ["coOpinion", "reply", "rehandle"],
          },
        },
        rehandling: {
          meta: { summary: "Handling again after an unsatisfied evaluation (重新办理)", deadlines: ["rehandle"] },
        },
        separately: {
          meta: {
            summary: "Separate handling (分办): each unit's part runs in parallel with its own deadlines and reply",
            deadlines: ["firstContact", "reply", "rehandle", "check"],
          },
          // Only a unit removed while the others had replied gets here with nothing left to handle.
          always: [
            { guard: "allAccepted", target: "#proposal.evaluate" },
            { guard: "allReplied", target: "#proposal.supervise" },
          ],
        },
      },
    },
    supervise: {
      meta: { summary: "督: staff check every reply; supervision is recorded" },
      entry: enterStage("supervise"),
      initial: "checking",
      on: {
        "supervise.record": record("recordSupervision"),
        "supervise.reclassify": record("reclassify"),
        "key.designate": record("designateKey"),
      },
      states: {
        checking: {
          meta: { summary: "Staff check the reply: complete, answers each suggestion, on time", deadlines: ["check"] },
          on: {
            "supervise.acceptReply": [
              {
                guard: and(["permitted", "completesAcceptance"]),
                target: "#proposal.evaluate",
                actions: apply("acceptReply"),
              },
              record("acceptReply"),
            ],
            "supervise.returnReply": [
              {
                guard: and(["permitted", "separate"]),
                target: "#proposal.handle.separately",
                actions: apply("returnReply"),
              },
              { guard: "permitted", target: "#proposal.handle.handling", actions: apply("returnReply") },
            ],
          },
        },
      },
    },
    evaluate: {
      meta: { summary: "评: the proposer evaluates the reply; B replies are tracked" },
      entry: enterStage("evaluate"),
      initial: "awaiting",
      on: { "key.designate": record("designateKey"), "supervise.reclassify": record("reclassify") },
      states: {
        awaiting: {
          meta: { summary: "Awaiting the proposer's evaluation (满意度测评)", deadlines: ["evaluation"] },
          entry: opensDeadline("evaluation"),
          exit: closesDeadlines(["evaluation"]),
          on: {
            evaluate: [
              { guard: and(["permitted", "evaluationPending"]), actions: apply("evaluate") },
              {
                guard: and(["permitted", "wantsRehandle", "separate"]),
                target: "#proposal.handle.separately",
                actions: apply("evaluate"),
              },
              {
                guard: and(["permitted", "wantsRehandle"]),
                target: "#proposal.handle.rehandling",
                actions: apply("evaluate"),
              },
              { guard: and(["permitted", "needsConsultation"]), target: "consulting", actions: apply("evaluate") },
              { guard: and(["permitted", "hasBReply"]), target: "tracking", actions: apply("evaluate") },
              { guard: "permitted", target: "#proposal.closed.completed", actions: apply("evaluate") },
            ],
            // The window closes: the ratings given so far decide (or "no answer"), with the same consequences.
            "deadline.due": [
              {
                guard: and([dueIs("evaluation"), "wantsRehandle", "separate"]),
                target: "#proposal.handle.separately",
                actions: apply("closeEvaluation"),
              },
              {
                guard: and([dueIs("evaluation"), "wantsRehandle"]),
                target: "#proposal.handle.rehandling",
                actions: apply("closeEvaluation"),
              },
              {
                guard: and([dueIs("evaluation"), "needsConsultation"]),
                target: "consulting",
                actions: apply("closeEvaluation"),
              },
              { guard: and([dueIs("evaluation"), "hasBReply"]), target: "tracking", actions: apply("closeEvaluation") },
              { guard: dueIs("evaluation"), target: "#proposal.closed.completed", actions: apply("closeEvaluation") },
            ],
          },
        },
        consulting: {
          meta: {
            summary: "A repeated unsatisfied result: a face-to-face consultation (面对面协商) is held before closing",
            deadlines: ["consultation"],
          },
          entry: apply("requireConsultation"),
          on: {
            "consultation.arrange": record("arrangeConsultation"),
            "consultation.record": [
              { guard: and(["permitted", "hasBReply"]), target: "tracking", actions: apply("recordConsultation") },
              { guard: "permitted", target: "#proposal.closed.completed", actions: apply("recordConsultation") },
            ],
            "supervise.record": record("recordSupervision"),
          },
        },
        tracking: {
          meta: {
            summary: "B reply tracked (跟踪落实) until the unit reports it solved or staff close it",
            deadlines: ["followUp"],
          },
          entry: apply("startTracking"),
          on: {
            "tracking.close": [
              {
                guard: and(["permitted", "endsTracking"]),
                target: "#proposal.closed.completed",
                actions: apply("closeTracking"),
              },
              record("closeTracking"),
            ],
            "followup.report": [
              {
                guard: and(["permitted", "resolvesTracking"]),
                target: "#proposal.closed.completed",
                actions: apply("reportFollowUp"),
              },
              record("reportFollowUp"),
            ],
            "supervise.record": record("recordSupervision"),
          },
        },
      },
    },
    closed: {
      meta: {
        summary: "办结 or ended early; the reason is the sub-state. A follow-up review (回头看) may look back later",
        deadlines: ["lookbackReport"],
      },
      entry: enterStage("closed"),
      initial: "completed",
      // The rules admit a follow-up review of a completed proposal with an A or B reply only.
      on: {
        "lookback.open": record("openLookback"),
        "lookback.record": record("recordLookback"),
        "lookback.report": record("reportLookback"),
      },
      states: {
        withdrawn: {
          type: "final",
          meta: { summary: "Withdrawn by the proposer before registration" },
          entry: close("withdrawn"),
        },
        rejected: {
          type: "final",
          meta: { summary: "Not registered (不予立案), reason sent to the proposer" },
          entry: close("rejected"),
        },
        converted: {
          type: "final",
          meta: { summary: "Converted to an opinion, public-sentiment report or letter" },
          entry: close("converted"),
        },
        merged: {
          type: "final",
          meta: { summary: "Merged into a registered proposal (并案)" },
          entry: close("merged"),
        },
        lapsed: { type: "final", meta: { summary: "Not resubmitted in time after a return" }, entry: close("lapsed") },
        completed: {
          type: "final",
          meta: { summary: "Handled, evaluated and closed (办结)" },
          entry: close("completed"),
        },
      },
    },
  },
});

export type ProposalMachine = typeof proposalMachine;
