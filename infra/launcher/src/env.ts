import { randomBytes } from "node:crypto";
import path from "node:path";
import type { LocalConfig } from "@huiyin/config";
import { localSecret } from "@huiyin/infra-local";
import type { ServiceSpec } from "./services.ts";

export interface ServiceEnvOptions {
  /** The start command's own environment, passed on to every service. */
  env: NodeJS.ProcessEnv;
  config: LocalConfig;
  databaseUrl: string;
  redisUrl: string;
  /** `<data dir>/secrets`: where the generated secrets are kept (owner-only). */
  secretsDir: string;
}

/** The file of the generated acknowledge-link secret, under the secrets folder. */
export const LINK_SECRET_FILE = "notify-link-secret";

/** The file of the generated key that seals webhook secrets (SECRETS_ENCRYPTION_KEYS), under the secrets folder. */
export const ENCRYPTION_KEYS_FILE = "secrets-encryption-keys";

/** Where the api writes the admin key it generates (without HUIYIN_ADMIN_KEY). */
export function adminKeyFileOf(config: LocalConfig, secretsDir: string): string {
  return config.HUIYIN_ADMIN_KEY_FILE ?? path.join(secretsDir, "admin-api-key");
}

/**
 * The environment of each service `npm start` runs. The api and the notifier must share NOTIFY_LINK_SECRET (the
 * notifier signs the acknowledge links of its e-mails, the api verifies them): without one set, the start command
 * generates it once into `<secrets>/notify-link-secret` (mode 0600) and reuses it on every start, so links in
 * e-mails already sent keep working. A NOTIFY_LINK_SECRET that is set wins. Likewise the api (which seals webhook
 * secrets) and the worker (which opens them to sign), and the notifier (which opens the robots' URLs) share
 * SECRETS_ENCRYPTION_KEYS, generated once into
 * `<secrets>/secrets-encryption-keys` when unset: losing it would make every stored webhook secret unreadable.
 */
export function serviceSpecs(options: ServiceEnvOptions): ServiceSpec[] {
  const { config, secretsDir } = options;
  const common = {
    ...options.env,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    LOG_FORMAT: "json",
    // The links in invitations and e-mails point where this start serves, also on another PORT, unless set.
    PUBLIC_BASE_URL: options.env.PUBLIC_BASE_URL || `http://127.0.0.1:${config.PORT}`,
  };
  const linkSecret = config.NOTIFY_LINK_SECRET ?? localSecret(secretsDir, LINK_SECRET_FILE);
  const adminKeyFile = adminKeyFileOf(config, secretsDir);
  const encryptionKeys =
    config.SECRETS_ENCRYPTION_KEYS ??
    localSecret(secretsDir, ENCRYPTION_KEYS_FILE, () => `local1:${randomBytes(32).toString("base64")}`);
  return [
    // Without HUIYIN_ADMIN_KEY the api generates the first admin key into this file (owner-only).
    {
      name: "api",
      env: {
        ...common,
        PORT: String(config.PORT),
        HUIYIN_ADMIN_KEY_FILE: adminKeyFile,
        NOTIFY_LINK_SECRET: linkSecret,
        SECRETS_ENCRYPTION_KEYS: encryptionKeys,
        // Attachments' bytes beside the embedded databases (secretsDir is `<data dir>/secrets`), unless set.
        ATTACHMENT_DIR: options.env.ATTACHMENT_DIR || path.join(path.dirname(secretsDir), "attachments"),
      },
    },
    {
      name: "worker",
      env: { ...common, HEALTH_PORT: String(config.WORKER_HEALTH_PORT), SECRETS_ENCRYPTION_KEYS: encryptionKeys },
    },
    {
      name: "notifier",
      // The notifier opens the sealed URLs and secrets of the notification robots (issue 17) with the same keys.
      env: {
        ...common,
        HEALTH_PORT: String(config.NOTIFIER_HEALTH_PORT),
        NOTIFY_LINK_SECRET: linkSecret,
        SECRETS_ENCRYPTION_KEYS: encryptionKeys,
      },
    },
  ];
}
