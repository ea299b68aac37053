/**
 * Stable reason codes for a refused event. Clients and the HTTP API match on these strings, so a code is never
 * renamed or reused; add new ones at the end. Retired, never to be reused: `ONE_MATTER_VIOLATION` (a title that
 * reads like several matters is now a warning for staff at review, `contentWarnings`; a long title is
 * `TITLE_TOO_LONG`).
 */
export const REFUSAL_CODES = [
  "INVALID_EVENT",
  "EVENT_NOT_ALLOWED",
  "ROLE_NOT_ALLOWED",
  "NOT_A_PARTY",
  "NOT_A_CO_UNIT",
  "CONTENT_INCOMPLETE",
  "MERGE_INTO_SELF",
  "MERGE_TARGET_NOT_REGISTERED",
  "ASSIGNMENT_INVALID",
  "ALREADY_ACKNOWLEDGED",
  "OBJECTION_WINDOW_CLOSED",
  "ALREADY_OBJECTED",
  "CONTACT_REQUIRED",
  "ALREADY_REPLIED",
  "CO_OPINION_ALREADY_GIVEN",
  "EXTENSION_PENDING",
  "EXTENSION_NOT_APPLICABLE",
  "EXTENSION_NOT_LATER",
  "EXTENSION_CAP_EXCEEDED",
  "NO_PENDING_EXTENSION",
  "NO_REPLY_TO_CHECK",
  "UNKNOWN_UNIT",
  "REHANDLE_LIMIT_REACHED",
  "NOT_TRACKED",
  "STALE_DEADLINE",
  "TITLE_TOO_LONG",
  "ALREADY_EVALUATED",
  "NO_ACCEPTED_REPLY",
  "SAME_CLASSIFICATION",
  "CORRECTIONS_CHANGED",
  "CALENDAR_MISMATCH",
  "CO_OPINIONS_PENDING",
  "LOOKBACK_NOT_APPLICABLE",
  "NO_OPEN_LOOKBACK",
  "LOOKBACK_REPORT_PENDING",
  "NO_REPORT_REQUESTED",
  "DUE_DATE_PASSED",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** Why an event was refused: a stable `code` to branch on and a `message` for people. */
export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
}

export function refusal(code: RefusalCode, message: string): Refusal {
  return { code, message };
}
