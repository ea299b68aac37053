/**
 * Why the engine refused to apply an event. Codes are stable: the API maps each to an HTTP status
 * (`PROPOSAL_NOT_FOUND` → 404, `VERSION_MISMATCH` → 412, refusals of the machine → 409 or 403).
 */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "EngineError";
  }
}
