import { EngineError } from "@huiyin/engine";
import { machineRefusal, refuse } from "../http/error-codes.ts";
import type { HttpError } from "../http/errors.ts";

/** Machine refusals that are about who sends the event, not about the state: 403. */
export const WHO: ReadonlySet<string> = new Set(["ROLE_NOT_ALLOWED", "NOT_A_PARTY", "NOT_A_CO_UNIT"]);

/** What the caller may do now, attached to refusals so that a client can correct itself. */
export interface RefusalContext {
  stage: string;
  states: readonly string[];
  allowedEvents: readonly string[];
}

/**
 * The one mapping from engine and machine codes to HTTP: unknown proposal 404, stale If-Match 412, a refusal
 * about who sends the event 403 `FORBIDDEN` (the machine's code in `details.reason`), a payload the machine finds
 * invalid 422, and every other refusal, which depends on the state, 409 with the machine's own stable code
 * (`EVENT_NOT_ALLOWED`, `CONTACT_REQUIRED`, `CONTENT_INCOMPLETE`, …) and the state and allowed events in details.
 */
export function httpErrorOf(error: EngineError, context: RefusalContext | undefined): HttpError {
  const here = context
    ? { stage: context.stage, state: context.states, allowedEvents: context.allowedEvents }
    : (error.details ?? {});
  switch (error.code) {
    case "PROPOSAL_NOT_FOUND":
      return refuse("NOT_FOUND", error.message);
    case "VERSION_MISMATCH":
      return refuse("VERSION_MISMATCH", error.message, error.details);
    case "VERSION_CONFLICT":
      return refuse("VERSION_CONFLICT", error.message);
    case "INVALID_EVENT":
    case "INVALID_INPUT":
      return refuse(error.code, error.message);
    default:
      if (WHO.has(error.code)) return refuse("FORBIDDEN", error.message, { reason: error.code, ...here });
      return machineRefusal(error.code, error.message, here);
  }
}

export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError;
}
