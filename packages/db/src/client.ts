import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";

/** A connection taken out of the pool (a LISTEN session holds one for its life). */
export type PoolClient = pg.PoolClient;

export interface Database {
  prisma: PrismaClient;
  /** The pool behind Prisma, for the few places that need plain SQL (readiness, advisory locks). */
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Connections in this process's pool. */
  maxConnections?: number;
  /**
   * How long a checkout may wait for a new connection before it fails (default 5 s). Without a bound, a request
   * made while the server is unreachable (not refusing: a dead host, a full SYN queue) would hang for minutes.
   */
  connectTimeoutMs?: number;
  /** Told about a connection that broke (a restart, a failover); the pool drops it and makes a new one. */
  onConnectionError?: (error: Error) => void;
}

/**
 * A Prisma client over a `pg` pool through Prisma 7's driver adapter: no Rust query engine, so nothing to
 * download or bundle. We own the pool (the adapter does not close a pool it was given), and close it last.
 */
export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    // Queries given to a connection go out without waiting for the answer of the one before (node-postgres's
    // pipelining; each query still has its own Sync, result and error). Awaited one by one they behave as before;
    // the engine sends BEGIN with its first statement and COMMIT with its last: two round trips per transition
    // instead of four (issue 18).
    pipeline: true,
  });
  const onError = options.onConnectionError ?? (() => {});
  // A client that loses its server (PostgreSQL restarting sends 57P01 "terminating connection due to
  // administrator command" to every session) emits 'error'; an EventEmitter with no listener for it throws,
  // and the process dies. pg-pool listens only while a client is idle in the pool: a checked-out one (a LISTEN
  // session, a transaction between two statements) has no listener. So every client gets its own, for its
  // whole life; the pool then drops a broken idle client itself, and a checked-out one when it is released
  // (it checks that the client is still queryable). The pool re-emits an idle client's error as its own:
  // already told through the client's listener, so nothing more to do there.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    client.on("error", onError);
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  let closing: Promise<void> | undefined;
  return {
    prisma,
    pool,
    close() {
      closing ??= prisma.$disconnect().then(() => pool.end());
      return closing;
    },
  };
}
