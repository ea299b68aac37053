export {
  DIGEST_DUE_WITHIN_MS,
  type DigestContent,
  type DigestDeadline,
  type DigestEscalation,
  type DigestEscalationItem,
  type DigestInput,
  type DigestItem,
  type DigestProposal,
  type PlannedDigest,
  planDigests,
} from "./digest.ts";
export { renderDigest } from "./digest-template.ts";
export {
  addDays,
  cronPatternOf,
  type DigestSlot,
  type DigestTime,
  type LocalDate,
  latestSlot,
  localDateIn,
  nextSlot,
  parseDigestTime,
  slotOn,
} from "./digest-time.ts";
export {
  CHANNELS,
  type Channel,
  channelsFor,
  DELIVERY_CHANNELS,
  type Directory,
  type DirectoryUnit,
  defaultChannels,
  LANGUAGES,
  type Language,
  languageOf,
  type Person,
  type RoleAssignment,
} from "./directory.ts";
export { type InvitationFacts, renderInvitation } from "./invitation-template.ts";
export { ackLink, invitationLink, proposalLink, verifyAckSignature } from "./links.ts";
export { DIGEST_KIND, NOTICE_KIND_RULES, type NoticeKindRule, noticeKindOf } from "./notice-kinds.ts";
export {
  committeeRolesReadBy,
  inboxLabelsOf,
  labelOf,
  RECIPIENT_RULES,
  type RecipientRef,
  type RecipientRule,
  type Resolution,
  type ResolutionContext,
  type ResolvedRecipient,
  recipientRefsOf,
  resolveRecipients,
  rolesResolvedBy,
  unitHeadLabels,
} from "./recipients.ts";
export { deadlineName, formatLateness, type NoticeFacts, type RenderedMessage, renderNotice } from "./templates.ts";
