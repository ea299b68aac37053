import { z } from "zod";

/**
 * Settings of the operators' command line (`huiyin`, infra/cli): which api it talks to and with which admin key.
 * The key comes from HUIYIN_ADMIN_KEY, or else the file HUIYIN_ADMIN_KEY_FILE names (the one the api generates).
 */
export const cliConfigSchema = z.object({
  /** The api the command line calls (its base URL, without /v1). */
  HUIYIN_API_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:3000"),
  HUIYIN_ADMIN_KEY: z.string().min(1).optional(),
  HUIYIN_ADMIN_KEY_FILE: z.string().min(1).default(".huiyin/secrets/admin-api-key"),
});

export type CliConfig = z.infer<typeof cliConfigSchema>;
