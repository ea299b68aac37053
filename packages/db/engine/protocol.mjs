// What the Prisma CLI reads from a `schema-engine` process besides JSON-RPC results: JSON log lines on
// stderr, and errors in the shape of the native engine's JSON-RPC errors.

/** The target the CLI looks for when it picks the error line out of stderr. */
const LOG_TARGET = "schema_engine::logger";

/**
 * Writes one log line the way the native engine does (tracing's JSON format). The CLI collects the
 * messages of these lines, and reports the fields of the last ERROR line if the engine exits.
 * @param {"INFO" | "WARN" | "ERROR" | "DEBUG"} level
 * @param {Record<string, unknown> & { message: string }} fields
 */
export function log(level, fields) {
  process.stderr.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: LOG_TARGET })}\n`,
  );
}

/**
 * The Prisma code and message the native engine gives for the connection failures `pg` reports, so that
 * the CLI's own handling works (P1003 → it creates the database). Undefined for other errors.
 * @param {any} error thrown by `pg`
 * @param {string} url the database it was connecting to
 * @returns {{ code: string, message: string } | undefined}
 */
export function knownPgError(error, url) {
  const parsed = new URL(url);
  const at = `\`${parsed.hostname}:${parsed.port || 5432}\``;
  const db = `\`${decodeURIComponent(parsed.pathname.slice(1)) || "postgres"}\``;
  switch (error?.code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
      return { code: "P1001", message: `Can't reach database server at ${at}` };
    case "ETIMEDOUT":
      return { code: "P1002", message: `The database server at ${at} was reached but timed out.` };
    case "28P01":
      return {
        code: "P1000",
        message: `Authentication failed against database server at ${at}: the credentials for \`${decodeURIComponent(parsed.username)}\` are not valid.`,
      };
    case "3D000":
      return { code: "P1003", message: `Database ${db} does not exist on the database server at ${at}.` };
    case "42P04":
      return { code: "P1009", message: `Database ${db} already exists on the database server at ${at}` };
    case "28000":
      return { code: "P1010", message: `User was denied access on the database ${db}` };
    default:
      return undefined;
  }
}

/**
 * What the wasm engine threw, as the native engine would report it.
 * @param {any} error
 * @param {{ consumeError(id: number): { error: unknown } | undefined }} registry the adapter factory's
 *   registry of JS errors: the engine only says "External error id#N" for an error our adapter code threw
 * @returns {{ code?: string, message: string, meta?: unknown, isPanic: boolean, backtrace?: string }}
 */
export function describeError(error, registry) {
  // A Rust panic inside wasm surfaces as a WebAssembly RuntimeError ("unreachable").
  if (error instanceof WebAssembly.RuntimeError) {
    return { message: String(error.message), isPanic: true, backtrace: error.stack };
  }
  const message = String(error instanceof Error ? error.message : error).replace(
    /External error id#(\d+)/g,
    (text, id) => {
      const original = registry.consumeError(Number(id))?.error;
      return original instanceof Error ? original.message : text;
    },
  );
  // User-facing errors of the engine carry a Prisma code (P3005, P3018, …) and meta, like the native engine's.
  if (typeof error?.code === "string" && /^P\d{4}$/.test(error.code)) {
    return { code: error.code, message, meta: error.meta, isPanic: false };
  }
  return { message, isPanic: false };
}

/**
 * The `error` member of a JSON-RPC response, shaped like the native engine's so that the CLI shows the
 * code and message (and treats panics as panics).
 * @param {ReturnType<typeof describeError>} described
 */
export function rpcError(described) {
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: {
      is_panic: described.isPanic,
      message: described.message,
      ...(described.code ? { error_code: described.code, meta: described.meta ?? {} } : {}),
      ...(described.backtrace ? { backtrace: described.backtrace } : {}),
    },
  };
}
