/**
 * A failure the user can fix, with a message that says how. The start command prints it alone, without
 * a stack trace.
 */
export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SetupError";
  }
}

/** Turns the most common start failure, a port in use, into a message that says what to do. */
export function explainStartFailure(error: unknown, port: number, what: string, log: string): Error {
  if (/address already in use/i.test(log)) {
    return new SetupError(
      `${what} cannot listen on 127.0.0.1:${port}: the port is in use. Free it or set another port.`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SetupError(`${what} did not start: ${message}\n--- last lines of its log ---\n${log.slice(-2_000)}`);
}
