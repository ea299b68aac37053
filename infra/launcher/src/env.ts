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

/** Where the api writes the admin key it generates (without HUIYIN_ADMIN_KEY). */
export function adminKeyFileOf(config: LocalConfig, secretsDir: string): string {
  return config.HUIYIN_ADMIN_KEY_FILE ?? path.join(secretsDir, "admin-api-key");
}

/**
 * The environment of each service `npm start` runs. The api and the notifier must share NOTIFY_LINK_SECRET (the
 * notifier signs the acknowledge links of its e-mails, the api verifies them): without one set, the start command
 * generates it once into `<secrets>/notify-link-secret` (mode 0600) and reuses it on every start, so links in
 * e-mails already sent keep working. A NOTIFY_LINK_SECRET that is set wins.
 */
export function serviceSpecs(options: ServiceEnvOptions): ServiceSpec[] {
  const { config, secretsDir } = options;
  const common = { ...options.env, DATABASE_URL: options.databaseUrl, REDIS_URL: options.redisUrl, LOG_FORMAT: "json" };
  const linkSecret = config.NOTIFY_LINK_SECRET ?? localSecret(secretsDir, LINK_SECRET_FILE);
  const adminKeyFile = adminKeyFileOf(config, secretsDir);
  return [
    // Without HUIYIN_ADMIN_KEY the api generates the first admin key into this file (owner-only).
    {
      name: "api",
      env: {
        ...common,
        PORT: String(config.PORT),
        HUIYIN_ADMIN_KEY_FILE: adminKeyFile,
        NOTIFY_LINK_SECRET: linkSecret,
      },
    },
    { name: "worker", env: { ...common, HEALTH_PORT: String(config.WORKER_HEALTH_PORT) } },
    {
      name: "notifier",
      env: { ...common, HEALTH_PORT: String(config.NOTIFIER_HEALTH_PORT), NOTIFY_LINK_SECRET: linkSecret },
    },
  ];
}
