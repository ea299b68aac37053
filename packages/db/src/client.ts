import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export interface Database {
  prisma: PrismaClient;
  /** The pool behind Prisma, for the few places that need plain SQL (readiness, advisory locks). */
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Connections in this process's pool. */
  maxConnections?: number;
}

/**
 * A Prisma client over a `pg` pool through Prisma 7's driver adapter: no Rust query engine, so nothing to
 * download or bundle. We own the pool (the adapter does not close a pool it was given), and close it last.
 */
export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle client that loses its server (a restart, a failover) emits here; without a listener that
  // would crash the process. The pool replaces the client on the next checkout.
  pool.on("error", () => {});
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
