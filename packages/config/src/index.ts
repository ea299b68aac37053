export { type Config, ConfigError, configSchema, parseConfig } from "./config.ts";
export { configVariables } from "./variables.ts";
