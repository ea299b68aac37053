import { z } from "zod";
import { type LocalConfig, localConfigSchema } from "./local.ts";

/**
 * The whole configuration of huiyin's processes, read from environment variables.
 *
 * This module is the only place that knows variable names; `main()` of each service calls
 * `parseConfig(process.env)` once and passes the typed result down. Nothing reads `process.env` at import time.
 */

const logLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/** `redis://`, `rediss://` URL, or for a cluster a comma-separated list of seed node URLs. */
const redisUrls = z
  .string()
  .min(1)
  .transform((value) =>
    value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ protocol: /^rediss?$/ })).min(1));

const port = z.coerce.number().int().min(0).max(65_535);

export const configSchema = z.object({
  /** PostgreSQL connection URL. The start command provides the embedded one when unset. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  /** Redis URL (or comma-separated seed URLs with REDIS_MODE=cluster). */
  REDIS_URL: redisUrls,
  /** `standalone` (one server, or a managed Redis/Valkey) or `cluster` (Redis Cluster). */
  REDIS_MODE: z.enum(["standalone", "cluster"]).default("standalone"),
  /**
   * Prefix of every BullMQ key. The braces are a Redis Cluster hash tag: all of a queue's keys must live in
   * one slot, or BullMQ's Lua scripts fail with CROSSSLOT.
   */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[^:\s]+$/, "must not contain ':' or spaces")
    .default("{huiyin}"),
  /** Address the HTTP API listens on. Loopback by default; set 0.0.0.0 in a container. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Port of the HTTP API. */
  PORT: port.default(3000),
  /** Port of the health endpoints of a worker or notifier process (0 = any free port). */
  HEALTH_PORT: port.default(0),
  /** pino level. */
  LOG_LEVEL: logLevel.default("info"),
  /** `json` for machines, `pretty` for people, `auto` = pretty when stdout is a terminal. */
  LOG_FORMAT: z.enum(["auto", "json", "pretty"]).default("auto"),
  /** Jobs a worker process runs at once per queue. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(10),
  /**
   * How long a running job's lock lasts, and how often stalled jobs are looked for: together they bound
   * how soon a job whose worker died (kill -9, a lost machine) runs again elsewhere.
   */
  JOB_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
  JOB_STALLED_CHECK_MS: z.coerce.number().int().min(500).default(30_000),
  /**
   * How often a worker and a notifier re-create, from the database, any job missing from Redis (a pending alarm,
   * a webhook delivery, a notice, an e-mail) and repair the jobs BullMQ gave up on (also done at start).
   */
  RECONCILE_EVERY_MS: z.coerce.number().int().min(1_000).default(60_000),
  /**
   * How often a worker and a notifier read the Redis epoch key, to see within seconds that Redis lost its data
   * (FLUSHALL, a restart without persistence, a failover to an empty replica) and rebuild every job at once.
   */
  REDIS_CHECK_EVERY_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
  /** How long a process may drain in-flight work on SIGTERM/SIGINT before it exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * The first admin key of the HTTP API (at least 32 characters; keep it in a secret store). When set, the api
   * registers it at start (only its SHA-256 is stored). When unset, see HUIYIN_ADMIN_KEY_FILE.
   */
  HUIYIN_ADMIN_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  /**
   * Where the api keeps the admin key it generated when HUIYIN_ADMIN_KEY is unset: written once, owner-only
   * (0600), read back on later starts. `npm start` sets it to `<data dir>/secrets/admin-api-key`.
   */
  HUIYIN_ADMIN_KEY_FILE: z.string().min(1).optional(),
  /** Largest JSON request body the HTTP API accepts, in bytes; larger ones get 413. */
  API_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(100_000),
  /** Requests per minute one API key may make (a token bucket: short bursts up to this size). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /**
   * The SMTP server the notifier sends e-mail through (`smtp://user:pass@host:587`, `smtps://…:465`). Unset: the
   * e-mail channel is off (the notifier says so at start) and notices reach the in-app inbox only.
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The From of the notifier's e-mails, e.g. `政协提案委员会 <tian@example.gov.cn>`. */
  NOTIFY_FROM: z.string().min(3).default("huiyin <huiyin@localhost>"),
  /** Where people open huiyin: the base of the links in messages (proposal, acknowledge). */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:3000"),
  /**
   * The key that signs the acknowledge links in e-mails (HMAC-SHA256; at least 32 characters). Unset: e-mails
   * carry no acknowledge link, only the link to the proposal.
   */
  NOTIFY_LINK_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** How many times one e-mail is tried before its delivery is `dead` (a 5xx answer is final at once). */
  NOTIFY_EMAIL_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** The first retry delay of an e-mail; each further retry waits twice as long (exponential backoff). */
  NOTIFY_EMAIL_BACKOFF_MS: z.coerce.number().int().min(10).default(30_000),
  /**
   * When the notifier sends the daily digest (what is overdue, due within 7 days, escalated) to unit heads and
   * leaders: `HH:MM`, 24-hour, in DIGEST_TIME_ZONE. Unset or `off`: no digest (and a schedule left from an earlier
   * start is removed).
   */
  DIGEST_TIME: z
    .string()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, "must be HH:MM (24-hour) or off")
    .optional()
    .transform((value) => (value === "off" ? undefined : value)),
  /** The IANA time zone of DIGEST_TIME and of the digest's dates (the day a digest is for). */
  DIGEST_TIME_ZONE: z
    .string()
    .refine(isTimeZone, "must be an IANA time zone such as Asia/Shanghai")
    .default("Asia/Shanghai"),
});

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export type Config = z.infer<typeof configSchema>;

/** A configuration that cannot be used, with one line per bad variable. */
export class ConfigError extends Error {
  readonly issues: readonly string[];
  constructor(issues: readonly string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "ConfigError";
    this.issues = issues;
  }
}

/**
 * Parses and validates the environment. Empty strings count as unset, so that `FOO=` in a shell or an
 * `.env` file falls back to the default instead of failing validation.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  return parseWith(configSchema, env);
}

/** Settings of the start command; see `localConfigSchema`. */
export function parseLocalConfig(env: Readonly<Record<string, string | undefined>>): LocalConfig {
  return parseWith(localConfigSchema, env);
}

function parseWith<Schema extends z.ZodType>(
  schema: Schema,
  env: Readonly<Record<string, string | undefined>>,
): z.output<Schema> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`));
  }
  return result.data;
}
