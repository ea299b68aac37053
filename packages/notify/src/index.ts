export {
  CHANNELS,
  type Channel,
  channelsFor,
  type Directory,
  type DirectoryUnit,
  defaultChannels,
  LANGUAGES,
  type Language,
  labelOf,
  languageOf,
  type Person,
  type RecipientRef,
  type Resolution,
  type ResolutionContext,
  type ResolvedRecipient,
  type RoleAssignment,
  resolveRecipients,
} from "./directory.ts";
export { ackLink, proposalLink, verifyAckSignature } from "./links.ts";
export { formatLateness, type NoticeFacts, type RenderedMessage, renderNotice } from "./templates.ts";
