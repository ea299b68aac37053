import { isIP } from "node:net";
import { NOTICE_KINDS } from "@huiyin/domain";
import { z } from "zod";
import { type CliConfig, cliConfigSchema } from "./cli.ts";
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

/** Express's names for address ranges (`trust proxy`). */
const PROXY_RANGES = ["loopback", "linklocal", "uniquelocal"];

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.includes(entry)) return true;
  const [address = "", bits, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * Which proxies in front of the API may say who the client is (X-Forwarded-For): `false` (none: the socket's
 * address is the client), a hop count, or the proxies' addresses, CIDR ranges and Express's range names.
 */
const trustProxySchema = z
  .string()
  .trim()
  .refine((value) => value !== "true", "true would let any client choose its address; name the proxies or hops")
  .refine(
    (value) =>
      ["false", "off"].includes(value) ||
      /^\d{1,2}$/.test(value) ||
      value.split(",").every((entry) => isProxyAddress(entry.trim())),
    "must be false, a hop count, or a comma-separated list of addresses, CIDR ranges, loopback, linklocal, uniquelocal",
  )
  .transform((value): false | number | string[] => {
    if (value === "false" || value === "off") return false;
    if (/^\d+$/.test(value)) return Number(value) === 0 ? false : Number(value);
    return value.split(",").map((entry) => entry.trim());
  });

const hostName = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/**
 * One entry of WEBHOOK_ALLOWED_DESTINATIONS: a CIDR (`10.20.0.0/16`, `fd00:1::/64`, a bare IP is a /32 or /128),
 * or a host:port (`127.0.0.1:8080`, `[::1]:8080`, `oa.intranet:8443`).
 */
function destinationEntry(
  text: string,
): { cidr: { address: string; prefix: number } } | { hostPort: { host: string; port: number } } | null {
  const cidr = /^([^/]+)\/(\d{1,3})$/.exec(text);
  if (cidr) {
    const [, address = "", prefix = ""] = cidr;
    const family = isIP(address);
    const bits = Number(prefix);
    return family !== 0 && bits <= (family === 4 ? 32 : 128) ? { cidr: { address, prefix: bits } } : null;
  }
  if (isIP(text)) return { cidr: { address: text, prefix: isIP(text) === 4 ? 32 : 128 } };
  const hostPort = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text);
  if (!hostPort) return null;
  const [, v6, name = "", portText = ""] = hostPort;
  const host = (v6 ?? name).toLowerCase().replace(/\.$/, "");
  const number = Number(portText);
  if (number < 1 || number > 65_535) return null;
  if (v6 !== undefined ? isIP(v6) !== 6 : !(isIP(host) === 4 || hostName.test(host))) return null;
  return { hostPort: { host, port: number } };
}

const allowedDestinations = z.string().transform((value, context) => {
  const list = {
    cidrs: [] as { address: string; prefix: number }[],
    hostPorts: [] as { host: string; port: number }[],
  };
  for (const text of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const entry = destinationEntry(text);
    if (!entry) context.addIssue({ code: "custom", message: `"${text}" is neither a CIDR nor a host:port` });
    else if ("cidr" in entry) list.cidrs.push(entry.cidr);
    else list.hostPorts.push(entry.hostPort);
  }
  return list;
});

/** `kid:base64key` entries: a name (written into what it seals) and a 256-bit key. */
/** A comma-separated list of notice kinds (`deadline.escalation,deadline.due`); empty: none. */
const noticeKinds = z.string().transform((value, context) => {
  const kinds = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const unknown = kinds.filter((kind) => !(NOTICE_KINDS as readonly string[]).includes(kind));
  if (unknown.length > 0) {
    context.addIssue({ code: "custom", message: `unknown notice kind(s): ${unknown.join(", ")}` });
    return z.NEVER;
  }
  return [...new Set(kinds)];
});

const encryptionKeys = z.string().transform((value, context) => {
  const keys: { id: string; key: Buffer }[] = [];
  const entries = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  for (const [index, text] of entries.entries()) {
    const [id = "", encoded = "", ...rest] = text.split(":");
    const key = Buffer.from(encoded, "base64");
    // Never echo key material into an error (it goes to logs): name the entry by its id only when it has one
    // (an entry without `<id>:` may be a bare key), else by its position.
    const named = text.includes(":") && /^[A-Za-z0-9_-]{1,32}$/.test(id);
    const which = named ? `"${id}"` : `number ${index + 1}`;
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id) || rest.length > 0 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded))
      context.addIssue({ code: "custom", message: `key ${which} is not <id>:<base64 of 32 bytes>` });
    else if (key.length !== 32) context.addIssue({ code: "custom", message: `key ${which} is not 32 bytes` });
    else if (keys.some((known) => known.id === id)) context.addIssue({ code: "custom", message: `key ${which} twice` });
    else keys.push({ id, key });
  }
  if (keys.length === 0) context.addIssue({ code: "custom", message: "no key" });
  return keys;
});

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
  /** Deadline alarms a worker process rings at once (applied in group commits: bigger commits, not more connections). */
  ALARM_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(50),
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
  /**
   * A folder of official calendar years, one JSON file per year (`calendarId`, `year`, `source`, `holidays`): the
   * api loads each at start when it differs from what the committee has (README, "Loading next year's calendar").
   */
  CALENDAR_DIR: z.string().min(1).optional(),
  /**
   * A JSON file of the committee's policy (an override of the default policy): the api keeps it as a new policy
   * version at start when it differs from the last version (README, "A committee's policy").
   */
  POLICY_FILE: z.string().min(1).optional(),
  /** Largest JSON request body the HTTP API accepts, in bytes; larger ones get 413. */
  API_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(100_000),
  /** Requests per minute one API key may make (a token bucket: short bursts up to this size). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /**
   * Requests per minute from one client address (an IPv6 /64), counted before the key is looked up: it bounds
   * what missing and unknown keys and the acknowledge-link pages cost. Behind a proxy, see TRUST_PROXY.
   */
  API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().positive().default(1200),
  /**
   * Seconds a verified API key is kept in each api process (0: read for every request). A revocation still
   * applies at the next request: PostgreSQL publishes it to every process (services/api/src/auth/key-cache.ts).
   */
  API_KEY_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  /** Failed authentications (401) per minute from one address; beyond, 429 before any key is looked up. */
  API_AUTH_FAILURES_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** A console session ends after this many minutes without a request (idle expiry). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  /** A console session ends this many minutes after sign-in, however active (absolute expiry). */
  SESSION_ABSOLUTE_MINUTES: z.coerce.number().int().min(1).max(43_200).default(720),
  /** Consecutive failed sign-ins that lock a person's account until an admin unlocks it. */
  SIGN_IN_LOCKOUT_FAILURES: z.coerce.number().int().min(3).max(100).default(10),
  /** How long an invitation link (to set one's password) stays valid. */
  INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(72),
  /**
   * The proxies whose X-Forwarded-For names the client (for the per-address budget and the logs). Unset: none,
   * the socket's address is the client's, and a client cannot choose its bucket by sending the header.
   */
  TRUST_PROXY: trustProxySchema.default(false),
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
  // --- notification channels (issue 17): begin ---
  /**
   * The SMS gateway the notifier POSTs text messages to (a JSON body, signed with NOTIFY_SMS_API_KEY): https only.
   * Unset: no SMS.
   */
  NOTIFY_SMS_URL: z.url({ protocol: /^https$/, message: "must be an https:// URL" }).optional(),
  /** The SMS gateway's API key: sent in `X-Api-Key` and signing each request (HMAC-SHA256). */
  NOTIFY_SMS_API_KEY: z.string().min(16, "must be at least 16 characters").optional(),
  /** The notice kinds sent by SMS to the people they name who have a phone number. */
  NOTIFY_SMS_KINDS: noticeKinds.default(["deadline.escalation"]),
  /** The notice kinds posted to the group robots (企业微信/政务微信, 钉钉) of the units, leaders and office they name. */
  NOTIFY_ROBOT_KINDS: noticeKinds.default(["deadline.escalation", "deadline.due"]),
  /** How many times one SMS or robot message is tried before its delivery is `dead`. */
  NOTIFY_CHANNEL_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** The first retry delay of an SMS or robot message; each further retry waits twice as long. */
  NOTIFY_CHANNEL_BACKOFF_MS: z.coerce.number().int().min(10).default(30_000),
  // --- notification channels (issue 17): end ---
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
  /**
   * Holes in the webhook outbound policy, which otherwise refuses every loopback, private, link-local, multicast
   * and reserved address: comma-separated CIDRs (`10.20.0.0/16`) and host:port pairs (`oa.intranet:8443`,
   * `127.0.0.1:9000`), for an intranet system that must receive webhooks. Empty: public addresses only.
   */
  WEBHOOK_ALLOWED_DESTINATIONS: allowedDestinations.default({ cidrs: [], hostPorts: [] }),
  /**
   * The keys that seal secrets at rest (webhook signing secrets, AES-256-GCM): comma-separated `<id>:<base64 of 32
   * random bytes>`; the first seals, all open. Required by the api and the worker; `npm start` generates one into
   * `.huiyin/secrets/secrets-encryption-keys`. Rotate by putting a new key first and restarting.
   */
  SECRETS_ENCRYPTION_KEYS: encryptionKeys.optional(),
  /**
   * Whether the queue board (`/admin/queues`, admins only) may change queues: retry, promote, clean, pause, add.
   * `false` (the default): it only shows them. A promoted alarm still rings at its time, not before.
   */
  QUEUE_BOARD_WRITE: z
    .enum(["true", "false"], { message: "must be true or false" })
    .default("false")
    .transform((value) => value === "true"),
  /** The largest attachment (a reply letter, a photo) the api accepts, in bytes; larger ones get 413. */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_073_741_824)
    .default(20 * 1024 * 1024),
  /** Where attachments' bytes are kept: `directory` (ATTACHMENT_DIR) or `s3` (an S3-compatible bucket). */
  ATTACHMENT_STORE: z.enum(["directory", "s3"]).default("directory"),
  /** The directory store's folder. Unset: `.huiyin/attachments` of the working folder; `npm start` gives `<data dir>/attachments`. */
  ATTACHMENT_DIR: z.string().min(1).optional(),
  /** The S3-compatible service (path-style: `<endpoint>/<bucket>/<key>`), e.g. `https://s3.cn-north-1.amazonaws.com.cn` or a MinIO. */
  ATTACHMENT_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  ATTACHMENT_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name")
    .optional(),
  ATTACHMENT_S3_REGION: z.string().min(1).default("us-east-1"),
  ATTACHMENT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  /** Signs the requests (AWS Signature V4); never logged. */
  ATTACHMENT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /**
   * Sign-in with the committee's identity platform (OpenID Connect, authorization code flow with PKCE): the
   * issuer's URL, exactly as its discovery document names it. Unset: OIDC is off (its routes answer 404
   * `OIDC_DISABLED`, the sign-in page shows no button). `https://`, or `http://` on a loopback host only.
   */
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/ })
    .refine(httpsOrLoopback, "must be https:// (http:// only on a loopback host)")
    .optional(),
  /** The client id huiyin is registered under at the issuer. */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** The client's secret (client_secret_basic); unset: a public client (PKCE alone). Never logged. */
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The callback registered at the issuer; unset: PUBLIC_BASE_URL + `/v1/session/oidc/callback`. */
  OIDC_REDIRECT_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The claim of the ID token (or of the userinfo answer) that names the directory person. */
  OIDC_CLAIM: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,100}$/)
    .default("email"),
  /** How the claim names the person: `email` (the person's e-mail, any case) or `id` (the person's directory id). */
  OIDC_MATCH: z.enum(["email", "id"]).default("email"),
  /** The scopes asked for (space-separated; `openid` is needed). */
  OIDC_SCOPES: z
    .string()
    .regex(/(^| )openid( |$)/, "must include openid")
    .default("openid email profile"),
  /** The name of the identity platform, on the sign-in page's button. */
  OIDC_NAME: z.string().min(1).max(60).default("统一身份认证"),
});

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** An issuer over https, or over http on this machine (a local identity platform for trying it out). */
function httpsOrLoopback(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

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
 * SECRETS_ENCRYPTION_KEYS for a process that must seal or open secrets (the api, the worker): without it, a clear
 * start error rather than secrets stored in clear.
 */
export function requireEncryptionKeys(config: Config): NonNullable<Config["SECRETS_ENCRYPTION_KEYS"]> {
  if (config.SECRETS_ENCRYPTION_KEYS) return config.SECRETS_ENCRYPTION_KEYS;
  throw new ConfigError([
    "SECRETS_ENCRYPTION_KEYS: required: webhook secrets are stored sealed with it. Set `<id>:<base64 of 32 random bytes>` (e.g. `k1:` followed by the output of `openssl rand -base64 32`); `npm start` generates one.",
  ]);
}

/** Where the api keeps attachments' bytes, as `attachmentStoreConfig` reads it from the variables. */
export type AttachmentStoreConfig =
  | { kind: "directory"; directory: string }
  | { kind: "s3"; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

/** The attachment store the variables describe; for `s3`, a start error naming each variable that is missing. */
export function attachmentStoreConfig(config: Config): AttachmentStoreConfig {
  if (config.ATTACHMENT_STORE === "directory") {
    return { kind: "directory", directory: config.ATTACHMENT_DIR ?? ".huiyin/attachments" };
  }
  const { ATTACHMENT_S3_ENDPOINT: endpoint, ATTACHMENT_S3_BUCKET: bucket } = config;
  const { ATTACHMENT_S3_ACCESS_KEY_ID: accessKeyId, ATTACHMENT_S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
  if (endpoint && bucket && accessKeyId && secretAccessKey) {
    return { kind: "s3", endpoint, bucket, region: config.ATTACHMENT_S3_REGION, accessKeyId, secretAccessKey };
  }
  const required = {
    ATTACHMENT_S3_ENDPOINT: endpoint,
    ATTACHMENT_S3_BUCKET: bucket,
    ATTACHMENT_S3_ACCESS_KEY_ID: accessKeyId,
    ATTACHMENT_S3_SECRET_ACCESS_KEY: secretAccessKey,
  };
  throw new ConfigError(
    Object.entries(required)
      .filter(([, value]) => !value)
      .map(([name]) => `${name}: required with ATTACHMENT_STORE=s3`),
  );
}

/** The OIDC sign-in the variables describe (`oidcConfig`); undefined when OIDC_ISSUER is unset (off). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  redirectUrl: string;
  claim: string;
  match: "email" | "id";
  scopes: string;
  name: string;
}

/**
 * OIDC sign-in for the whole deployment (the person it names carries their committee): off without OIDC_ISSUER; a
 * start error when the issuer is set without its client id.
 */
export function oidcConfig(config: Config): OidcConfig | undefined {
  if (!config.OIDC_ISSUER) return undefined;
  if (!config.OIDC_CLIENT_ID) throw new ConfigError(["OIDC_CLIENT_ID: required with OIDC_ISSUER"]);
  return {
    issuer: config.OIDC_ISSUER,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    redirectUrl: config.OIDC_REDIRECT_URL ?? new URL("/v1/session/oidc/callback", config.PUBLIC_BASE_URL).toString(),
    claim: config.OIDC_CLAIM,
    match: config.OIDC_MATCH,
    scopes: config.OIDC_SCOPES,
    name: config.OIDC_NAME,
  };
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

/** Settings of the operators' command line; see `cliConfigSchema`. */
export function parseCliConfig(env: Readonly<Record<string, string | undefined>>): CliConfig {
  return parseWith(cliConfigSchema, env);
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
