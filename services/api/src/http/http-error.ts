/**
 * Every error the API answers has one shape:
 * `{ "error": { "code": "STABLE_CODE", "message": "human sentence", "details": ... } }`.
 * Codes are a contract with integrators: add new ones, never rename.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}
