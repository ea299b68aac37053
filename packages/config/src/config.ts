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
  /** How long a process may drain in-flight work on SIGTERM/SIGINT before it exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});

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
