/**
 * Whether an error means "the database is not there right now" (restarting, shutting down, unreachable, out of
 * connections) rather than "this query is wrong". Callers answer the first with 503 + Retry-After and retry
 * later; the second is a bug or a refusal.
 *
 * The same outage reaches us in several wrappings, all seen against a real PostgreSQL being restarted:
 * - `pg` itself: a socket error (`ECONNREFUSED`, `ECONNRESET`…; `ENOENT` from `connect` when the server's Unix
 *   socket is gone while it restarts), a server error with SQLSTATE class 08
 *   (connection exception), 57P01-57P03 (admin shutdown, crash shutdown, "the database system is shutting
 *   down / starting up") or 53300 (too many connections), or a plain Error ("Connection terminated
 *   unexpectedly", pg-pool's "timeout exceeded when trying to connect");
 * - Prisma over the driver adapter: P1001/P1002/P1008/P1017/P2024, or P2010/P2039 whose
 *   `meta.driverAdapterError.cause` holds the same SQLSTATE or a `kind` such as `DatabaseNotReachable`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null || seen.has(next)) continue;
    seen.add(next);
    const candidate = next as {
      code?: unknown;
      originalCode?: unknown;
      kind?: unknown;
      message?: unknown;
      syscall?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (matchesCode(candidate.code) || matchesCode(candidate.originalCode)) return true;
    // A Unix socket's file is missing while the server restarts: ENOENT, but only from connecting (any other
    // ENOENT, a missing file, is not the database's absence).
    if (candidate.code === "ENOENT" && candidate.syscall === "connect") return true;
    if (typeof candidate.message === "string" && candidate.message.startsWith("connect ENOENT ")) return true;
    if (typeof candidate.kind === "string" && UNAVAILABLE_KINDS.has(candidate.kind)) return true;
    if (typeof candidate.message === "string" && UNAVAILABLE_MESSAGES.some((text) => candidate.message === text))
      return true;
    queue.push(candidate.cause, candidate.meta?.driverAdapterError);
  }
  return false;
}

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH"]);
/** Prisma: can't reach / timed out / server closed the connection / pool timeout (P2024). */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections. */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** The driver adapter's names for socket-level failures. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/**
 * The refusal of an event that waited too long for one of the engine's group-commit transactions: unavailable, as a
 * wait for a connection of the pool is (503 and Retry-After in the api). Defined here, where it is recognised.
 */
export const TRANSACTION_WAIT_MESSAGE = "timeout exceeded when waiting for a transaction";

/** `pg` and `pg-pool` raise these as plain Errors, without a code. */
const UNAVAILABLE_MESSAGES = [
  "Connection terminated unexpectedly",
  "Connection terminated",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
  "Client was closed and is not queryable",
  TRANSACTION_WAIT_MESSAGE,
];

function matchesCode(code: unknown): boolean {
  if (typeof code !== "string") return false;
  // SQLSTATE class 08: connection_exception and its subclasses (08000, 08003, 08006, 08001, 08004…).
  return SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}
