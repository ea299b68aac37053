export { type CliConfig, cliConfigSchema } from "./cli.ts";
export {
  type AttachmentStoreConfig,
  attachmentStoreConfig,
  type Config,
  ConfigError,
  configSchema,
  type OidcConfig,
  oidcConfig,
  parseCliConfig,
  parseConfig,
  parseLocalConfig,
  requireEncryptionKeys,
} from "./config.ts";
export { type LocalConfig, localConfigSchema } from "./local.ts";
export { configVariables, type ShownVariable, shownConfiguration, withoutPasswords } from "./variables.ts";
