import { configSchema } from "./config.ts";

/** The documented variables, for the README table and `--help` output; derived so it cannot drift. */
export const configVariables: readonly string[] = Object.keys(configSchema.shape);
