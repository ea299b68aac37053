import { type Effect, isEffectType } from "@huiyin/domain";

/**
 * The effects the machine declares and the engine carries out. They are XState actions with these types and
 * JSON-serialisable `params`; the machine's own implementations do nothing, so `transition()` returns them for
 * the engine to write to its outbox. Their shapes are the domain's (`@huiyin/domain` effects.ts), the one
 * definition the engine parses them with.
 */
export {
  type DeadlineCloseParams,
  type DeadlineOpenParams,
  EFFECT_TYPES,
  type Effect,
  type EffectType,
  type EventSendParams,
  type NotifyParams,
  type Recipient,
  type WebhookParams,
} from "@huiyin/domain";

/**
 * The effects among the actions `transition()` / `initialTransition()` return, as plain `{ type, params }`
 * objects ready for an outbox row (XState's executable actions also carry `exec` and `info`, which are not data).
 */
export function toEffects(actions: readonly { type: string; params?: unknown }[]): Effect[] {
  return actions.filter((a) => isEffectType(a.type)).map((a) => ({ type: a.type, params: a.params }) as Effect);
}
