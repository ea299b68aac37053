import { statePaths } from "@huiyin/domain";
import { type AnyMachineSnapshot, assign, setup } from "xstate";
import type { Workflow } from "../src/workflow.ts";

/**
 * A small machine for testing the engine's mechanics on their own: one deadline with a reminder, a due
 * moment and two escalation levels, notices on each, a counter for concurrency tests. It declares its
 * effects exactly the way the proposal machine does. Durations come from the input, in milliseconds.
 */
interface TicketInput {
  id: string;
  title: string;
  proposerId: string;
  replyMs: number;
  remindBeforeMs: number;
  escalateEveryMs: number;
}

interface TicketContext extends TicketInput {
  deadlineSeq: number;
  openDeadline: string | null;
  pokes: number;
}

type Meta = { actor: { role: string; id: string }; at: string };
type TimerType = "deadline.remind" | "deadline.due" | "deadline.escalate";
type TicketEvent =
  | ({ type: "submit" | "reply" | "poke" } & Meta)
  | ({ type: TimerType; deadlineId: string; level: number } & Meta);

const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const roleFor = (level: number) => (level === 1 ? ("unit-head" as const) : ("supervising-leader" as const));

export const ticketMachine = setup({
  types: { context: {} as TicketContext, events: {} as TicketEvent, input: {} as TicketInput },
  actions: {
    "deadline.open": (_, _params: Record<string, unknown>) => {},
    "deadline.close": (_, _params: { deadlineId: string }) => {},
    notify: (_, _params: Record<string, unknown>) => {},
  },
}).createMachine({
  id: "ticket",
  context: ({ input }) => ({ ...input, deadlineSeq: 0, openDeadline: null, pokes: 0 }),
  initial: "draft",
  on: { poke: { actions: assign({ pokes: ({ context }) => context.pokes + 1 }) } },
  states: {
    draft: { on: { submit: "waiting" } },
    waiting: {
      entry: [
        assign({
          deadlineSeq: ({ context }) => context.deadlineSeq + 1,
          openDeadline: ({ context }) => `reply-${context.deadlineSeq + 1}`,
        }),
        {
          type: "deadline.open",
          params: ({ context, event }) => {
            const due = plus(event.at, context.replyMs);
            return {
              deadlineId: context.openDeadline,
              kind: "reply",
              dueAt: due,
              // The offset is what the policy would have said; the engine schedules by `at` alone.
              reminders: [{ at: plus(due, -context.remindBeforeMs), offset: { days: 0 } }],
              escalations: [1, 2].map((level) => ({
                level,
                at: plus(due, level * context.escalateEveryMs),
                recipientRole: roleFor(level),
              })),
              owners: [{ role: "proposer", id: context.proposerId }],
            };
          },
        },
      ],
      exit: [
        {
          type: "deadline.close",
          params: ({ context }) => ({ deadlineId: context.openDeadline ?? "", kind: "reply", reason: "left" }),
        },
        assign({ openDeadline: null }),
      ],
      on: {
        reply: "done",
        "deadline.remind": {
          actions: {
            type: "notify",
            params: ({ context, event }) => ({
              topic: "deadline.reminder",
              recipients: [{ role: "proposer", id: context.proposerId }],
              deadlineId: event.deadlineId,
              level: event.level,
            }),
          },
        },
        "deadline.due": {
          actions: {
            type: "notify",
            params: ({ context, event }) => ({
              topic: "deadline.due",
              recipients: [{ role: "proposer", id: context.proposerId }],
              deadlineId: event.deadlineId,
              level: 0,
            }),
          },
        },
        "deadline.escalate": {
          actions: {
            type: "notify",
            params: ({ event }) => ({
              topic: "deadline.escalation",
              recipients: [{ role: roleFor(event.level) }],
              deadlineId: event.deadlineId,
              level: event.level,
            }),
          },
        },
      },
    },
    done: { type: "final" },
  },
});

const TIMERS = new Set(["deadline.remind", "deadline.due", "deadline.escalate"]);

export const ticketWorkflow: Workflow = {
  machine: ticketMachine,
  version: "ticket-1",
  check(snapshot: AnyMachineSnapshot, event) {
    if (TIMERS.has(event.type) && event.deadlineId !== (snapshot.context as TicketContext).openDeadline) {
      return { code: "STALE_DEADLINE", message: `Deadline ${String(event.deadlineId)} is not open.` };
    }
    if (!snapshot.can(event as TicketEvent)) {
      return {
        code: "EVENT_NOT_ALLOWED",
        message: `${event.type} is not accepted in ${JSON.stringify(snapshot.value)}.`,
      };
    }
    return null;
  },
  describe(snapshot) {
    const context = snapshot.context as TicketContext;
    const states = statePaths(snapshot.value);
    return {
      stage: states[0]?.split(".")[0] ?? "unknown",
      states,
      title: context.title,
      category: null,
      proposerId: context.proposerId,
      unitIds: [],
      leaderId: null,
      isKey: false,
    };
  },
  allowedEvents(snapshot) {
    const meta = { actor: { role: "staff", id: "x" }, at: new Date(0).toISOString() };
    return (["submit", "reply", "poke"] as const).filter((type) => snapshot.can({ type, ...meta }));
  },
};
