/**
 * The effects the proposal machine declares, as the engine reads them from the actions that XState's pure
 * `transition()` returns. The machine performs none of them; the engine turns each into rows (deadlines,
 * alarms, notices) and outbox messages inside the transaction that applies the event.
 */
export interface DeadlineOpen {
  type: "deadline.open";
  deadlineId: string;
  kind: string;
  dueAt: string;
  unitId?: string;
  reminders: { at: string; offset?: unknown }[];
  escalations: { level: number; at: string; recipientRole: string }[];
}

export interface DeadlineClose {
  type: "deadline.close";
  deadlineId: string;
}

export interface Notify {
  type: "notify";
  /** What the notice is about, e.g. `reminder`, `escalation`, `rejected`, `assigned`. */
  kind: string;
  params: Record<string, unknown>;
}

export interface WebhookEmit {
  type: "webhook.emit";
  params: Record<string, unknown>;
}

export type Effect = DeadlineOpen | DeadlineClose | Notify | WebhookEmit;

interface ActionLike {
  type: string;
  params?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Picks the declared effects out of a transition's actions, in order. Other actions (XState's own, or
 * ones without IO meaning) are not effects. A malformed effect is a bug in the machine: fail loudly
 * rather than persist a state whose deadlines were silently lost.
 */
export function effectsOf(actions: readonly ActionLike[]): Effect[] {
  const effects: Effect[] = [];
  for (const action of actions) {
    const params = isRecord(action.params) ? action.params : {};
    switch (action.type) {
      case "deadline.open": {
        const { deadlineId, kind, dueAt } = params;
        if (typeof deadlineId !== "string" || typeof kind !== "string" || typeof dueAt !== "string") {
          throw new Error(`deadline.open without deadlineId/kind/dueAt: ${JSON.stringify(params)}`);
        }
        effects.push({
          type: "deadline.open",
          deadlineId,
          kind,
          dueAt,
          ...(typeof params.unitId === "string" ? { unitId: params.unitId } : {}),
          reminders: Array.isArray(params.reminders) ? (params.reminders as DeadlineOpen["reminders"]) : [],
          escalations: Array.isArray(params.escalations) ? (params.escalations as DeadlineOpen["escalations"]) : [],
        });
        break;
      }
      case "deadline.close": {
        if (typeof params.deadlineId !== "string") throw new Error("deadline.close without deadlineId");
        effects.push({ type: "deadline.close", deadlineId: params.deadlineId });
        break;
      }
      case "notify":
        // The proposal machine calls it `topic`; `kind` is accepted too.
        effects.push({ type: "notify", kind: String(params.topic ?? params.kind ?? "notice"), params });
        break;
      case "webhook.emit":
        effects.push({ type: "webhook.emit", params });
        break;
      default:
        break;
    }
  }
  return effects;
}
