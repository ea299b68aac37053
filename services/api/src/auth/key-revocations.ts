import type { Database, PoolClient } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import type { KeyCache } from "./key-cache.ts";

/**
 * The channel PostgreSQL publishes every change of an `api_keys` row on (the trigger of migration
 * 20261205080000_api_key_changes), with the key's id as payload: sent when the change commits, to every listener.
 */
export const KEY_CHANGES_CHANNEL = "huiyin_api_key_changed";

type Connection = PoolClient;

export interface KeyChangeListener {
  /** The listening session's backend pid while listening (for operators and tests), else undefined. */
  backendPid(): number | undefined;
  close(): Promise<void>;
}

/**
 * Keeps `cache` in step with the `api_keys` table: LISTEN on one connection of the pool (held for the process's
 * life), drop a key when its change is published. PostgreSQL NOTIFY rather than Redis pub/sub: the notification is
 * part of the revoking transaction (sent on commit, never for a rolled-back one, whoever wrote the row: the api,
 * the CLI, psql), and no second system has to be up for revocation to hold.
 *
 * The cache serves only while the listener is known to be up. A broken connection (an error, its end) or a
 * heartbeat unanswered within `heartbeatMs` suspends it (no caching, every request reads the key) until a new
 * connection listens again; it then starts empty, since what was published meanwhile is unknown.
 */
export function listenForKeyChanges(
  database: Database,
  cache: KeyCache,
  logger: Logger,
  options: { retryMs?: number; heartbeatMs?: number } = {},
): KeyChangeListener {
  const retryMs = options.retryMs ?? 1_000;
  const heartbeatMs = options.heartbeatMs ?? 1_000;
  let current: { connection: Connection; pid: number; lose(error: unknown): void } | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let pinging = false;

  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, retryMs);
    retry.unref();
  };

  async function connect(): Promise<void> {
    if (closed) return;
    let connection: Connection | undefined;
    let released = false;
    // Once per connection, whichever comes first (an error, its end, a missed heartbeat, close): stop serving,
    // destroy the connection (never back to the pool: it still listens), try again unless closing.
    const lose = (error: unknown) => {
      if (released) return;
      released = true;
      cache.suspend();
      if (current?.connection === connection) current = undefined;
      connection?.release(error instanceof Error ? error : new Error(String(error)));
      if (!closed) {
        logger.warn({ err: error }, "api-key change channel lost: keys are read for every request until it is back");
        schedule();
      }
    };
    try {
      connection = await database.pool.connect();
      connection.on("notification", (message) => {
        if (message.channel === KEY_CHANGES_CHANNEL && message.payload) cache.drop(message.payload);
      });
      connection.on("error", lose);
      connection.on("end", () => lose(new Error("the listening connection ended")));
      await connection.query(`LISTEN ${KEY_CHANGES_CHANNEL}`);
      const { rows } = await connection.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      if (released) return;
      if (closed) return lose(new Error("closed"));
      current = { connection, pid: rows[0]?.pid ?? 0, lose };
      pinging = false;
      cache.resume();
    } catch (error) {
      lose(error);
    }
  }

  // A connection can die silently (a dead peer sends nothing): a heartbeat not answered in time counts as lost.
  const heartbeat = setInterval(() => {
    const live = current;
    if (!live) return;
    if (pinging) return live.lose(new Error("the listening connection did not answer its heartbeat"));
    pinging = true;
    live.connection.query("SELECT 1").then(
      () => {
        pinging = false;
      },
      (error: unknown) => live.lose(error),
    );
  }, heartbeatMs);
  heartbeat.unref();

  void connect();
  return {
    backendPid: () => current?.pid,
    async close() {
      closed = true;
      clearInterval(heartbeat);
      if (retry) clearTimeout(retry);
      cache.suspend();
      current?.lose(new Error("closed"));
    },
  };
}
