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
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: LOG_TARGET })}\n`);
}

/**
 * Prisma error codes for the connection failures adapter-pg reports (driver adapter error kinds), with
 * the native engine's wording, so that the CLI's handling of e.g. P1003 (create the database) works.
 * @type {Record<string, (e: any) => { code: string, message: string }>}
 */
const DRIVER_ERRORS = {
  DatabaseNotReachable: (e) => ({
    code: "P1001",
    message: `Can't reach database server at \`${e.host ?? "?"}:${e.port ?? "?"}\``,
  }),
  AuthenticationFailed: (e) => ({
    code: "P1000",
    message: `Authentication failed against database server, the provided database credentials for \`${e.user ?? "?"}\` are not valid.`,
  }),
  DatabaseDoesNotExist: (e) => ({ code: "P1003", message: `Database \`${e.db ?? "?"}\` does not exist` }),
  DatabaseAccessDenied: (e) => ({ code: "P1010", message: `User was denied access on the database \`${e.db ?? "?"}\`` }),
  DatabaseAlreadyExists: (e) => ({ code: "P1009", message: `Database \`${e.db ?? "?"}\` already exists` }),
  TlsConnectionError: (e) => ({ code: "P1011", message: `Error opening a TLS connection: ${e.reason ?? ""}` }),
  SocketTimeout: () => ({ code: "P1002", message: "The database server was reached but timed out." }),
};

/**
 * A `pg` error (from our own connections) as a driver adapter error kind, for `DRIVER_ERRORS`.
 * @param {any} error
 * @param {string} url
 */
export function pgErrorKind(error, url) {
  const { hostname, port } = new URL(url);
  const db = decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
  switch (error?.code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
      return { kind: "DatabaseNotReachable", host: hostname, port: port || 5432 };
    case "ETIMEDOUT":
      return { kind: "SocketTimeout" };
    case "3D000":
      return { kind: "DatabaseDoesNotExist", db };
    case "28P01":
      return { kind: "AuthenticationFailed", user: decodeURIComponent(new URL(url).username) };
    case "28000":
      return { kind: "DatabaseAccessDenied", db };
    case "42P04":
      return { kind: "DatabaseAlreadyExists", db };
    default:
      return undefined;
  }
}

/**
 * A user-facing error: a Prisma code when one is known, and a message.
 * @param {any} error anything the wasm engine, the adapter or pg threw
 * @param {{ consumeError(id: number): { error: unknown } | undefined } | undefined} registry
 *   the adapter factory's registry of JS errors, which the engine refers to by id
 * @returns {{ code?: string, message: string, meta?: unknown, isPanic: boolean, backtrace?: string }}
 */
export function describeError(error, registry) {
  // Errors of the engine itself carry a Prisma code (P3005, P3006, …) and meta, like the native engine's.
  if (error && typeof error === "object" && typeof error.code === "string" && /^P\d{4}$/.test(error.code)) {
    return { code: error.code, message: String(error.message), meta: error.meta, isPanic: false };
  }
  // A driver adapter error kind, thrown as such or wrapped by the engine.
  const kind = error?.cause?.kind ?? error?.kind;
  if (kind === "GenericJs" && registry) {
    const original = registry.consumeError(error.cause?.id ?? error.id);
    if (original) return describeError(original.error, undefined);
  }
  if (kind && DRIVER_ERRORS[kind]) return { ...DRIVER_ERRORS[kind](error.cause ?? error), isPanic: false };
  // A Rust panic inside wasm surfaces as a WebAssembly RuntimeError ("unreachable").
  if (error instanceof WebAssembly.RuntimeError) {
    return { message: String(error.message), isPanic: true, backtrace: error.stack };
  }
  return { message: error instanceof Error ? error.message : String(error), isPanic: false };
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
