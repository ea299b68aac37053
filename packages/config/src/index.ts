export {
  type AttachmentStoreConfig,
  attachmentStoreConfig,
  type Config,
  ConfigError,
  configSchema,
  parseConfig,
  parseLocalConfig,
  requireEncryptionKeys,
} from "./config.ts";
export { type LocalConfig, localConfigSchema } from "./local.ts";
export { configVariables } from "./variables.ts";
