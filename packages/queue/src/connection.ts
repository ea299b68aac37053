import { Cluster, Redis, type RedisOptions } from "ioredis";

export type RedisConnection = Redis | Cluster;

/**
 * - `worker`: BullMQ Workers and QueueEvents block on Redis and must retry forever while it is away
 *   (`maxRetriesPerRequest: null`; BullMQ throws without it).
 * - `producer`: code that adds jobs on a request path; it fails fast when Redis is down (no offline
 *   queue), so that an HTTP request answers 503 instead of hanging.
 */
export type RedisRole = "worker" | "producer";

export interface RedisConnectionSettings {
  /** One URL, or the seed nodes of a cluster. */
  urls: readonly string[];
  mode: "standalone" | "cluster";
  role: RedisRole;
  /** Shows in `CLIENT LIST`, so an operator can tell which process holds which connection. */
  name: string;
}

/** Reconnect with exponential backoff from 50 ms, capped at 5 s: ioredis retries forever by default. */
const retryStrategy = (times: number): number => Math.min(50 * 2 ** times, 5_000);

/**
 * Creates an ioredis connection with the settings of BullMQ's "going to production" guide. The caller owns
 * it (BullMQ does not close connections it was given) and must attach an `error` listener; this function
 * attaches one that forwards to `onError` so that an unreachable Redis never crashes the process.
 */
export function createRedisConnection(
  settings: RedisConnectionSettings,
  onError: (error: Error) => void,
): RedisConnection {
  const roleOptions: RedisOptions =
    settings.role === "worker"
      ? { maxRetriesPerRequest: null, enableOfflineQueue: true }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false };
  const options: RedisOptions = { ...roleOptions, retryStrategy, connectionName: settings.name };
  let connection: RedisConnection;
  if (settings.mode === "cluster") {
    const nodes = settings.urls.map(parseNode);
    const first = nodes[0];
    connection = new Cluster(
      nodes.map(({ host, port }) => ({ host, port })),
      {
        clusterRetryStrategy: retryStrategy,
        enableOfflineQueue: options.enableOfflineQueue ?? true,
        redisOptions: {
          ...options,
          ...(first?.password ? { password: first.password } : {}),
          ...(first?.tls ? { tls: {} } : {}),
        },
      },
    );
  } else {
    const [url] = settings.urls;
    if (!url) throw new Error("createRedisConnection: no Redis URL");
    connection = new Redis(url, options);
  }
  connection.on("error", onError);
  return connection;
}

function parseNode(url: string): { host: string; port: number; password?: string; tls: boolean } {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    tls: parsed.protocol === "rediss:",
  };
}

/** A Redis Cluster connection (commands such as INFO answer for one node only). */
export function isCluster(connection: RedisConnection): connection is Cluster {
  return connection instanceof Cluster;
}

/** For readiness probes: PING with a bound, so a hung Redis makes /readyz answer 503 rather than hang. */
export async function checkRedis(connection: RedisConnection, timeoutMs = 1_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer PING within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([connection.ping(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves once the connection is established. A `producer` connection refuses commands until then (it
 * has no offline queue), so code that must use it at once waits here first.
 */
export function whenReady(connection: RedisConnection, timeoutMs = 10_000): Promise<void> {
  if (connection.status === "ready") return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis not ready within ${timeoutMs} ms`)), timeoutMs);
    connection.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
