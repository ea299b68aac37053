import { HttpError } from "./http-error.ts";

interface ErrorEntry {
  readonly status: number;
  /** What the code tells a client, as the OpenAPI document's error descriptions say it. */
  readonly meaning: string;
  /** Answered by a few operations only: the document lists it where an operation names it, not under every
   * operation that answers its status. */
  readonly named?: true;
}

/**
 * Every stable error code the API answers, with its HTTP status and meaning: the one place a code is defined.
 * Throw sites name a code (`refuse`), the status comes from here, and the OpenAPI document's error descriptions
 * are generated from the meanings (`errors` in ./openapi-kit.ts). Codes are a contract with integrators:
 * add new ones, never rename. The machine's rule codes are not listed here: `machineRefusal` carries them through
 * (@huiyin/domain's REFUSAL_CODES documents them).
 */
export const ERRORS = {
  MALFORMED_JSON: { status: 400, meaning: "The body is not valid JSON." },
  INVALID_QUERY: {
    status: 400,
    meaning: "The query string is not valid (details.fields), or a cursor the API did not give out.",
  },
  INVALID_IF_MATCH: { status: 400, named: true, meaning: 'If-Match is not a proposal version (If-Match: "3").' },
  INVALID_IDEMPOTENCY_KEY: {
    status: 400,
    named: true,
    meaning: "Idempotency-Key is not 1 to 200 visible ASCII characters.",
  },
  MALFORMED_URL: { status: 400, meaning: "A URL whose percent-encoding is not UTF-8." },
  INVALID_CHARACTER: {
    status: 400,
    meaning: "A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body.",
  },
  BODY_TOO_DEEP: { status: 400, meaning: "A body nested deeper than 32 levels." },
  MALFORMED_BODY_ENCODING: { status: 400, meaning: "A body that is not what its Content-Encoding says." },
  BAD_REQUEST: {
    status: 400,
    meaning: "Any other malformed request (or the 4xx status the HTTP library chose for it).",
  },
  UNAUTHENTICATED: {
    status: 401,
    meaning: "No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate).",
  },
  SIGN_IN_FAILED: {
    status: 401,
    named: true,
    meaning:
      "Wrong login or password, or an account that cannot sign in (unknown, disabled, locked): one answer for all.",
  },
  OIDC_DISABLED: {
    status: 404,
    named: true,
    meaning: "Sign-in with an identity platform (OpenID Connect) is not configured here: OIDC_ISSUER is unset.",
  },
  OIDC_NEXT_REFUSED: {
    status: 400,
    named: true,
    meaning: "The page to land on after an OIDC sign-in (next) is not a path inside the console.",
  },
  OIDC_FLOW_INVALID: {
    status: 400,
    named: true,
    meaning:
      "An OIDC callback that does not belong to an attempt started in this browser (no or expired attempt, wrong state), or an answer of the platform that fails its checks (code, PKCE, nonce, ID token).",
  },
  OIDC_SIGN_IN_FAILED: {
    status: 401,
    named: true,
    meaning:
      "The identity platform named nobody who may sign in here (unknown, several people, no account, disabled, locked): one answer for all.",
  },
  OIDC_UNAVAILABLE: {
    status: 503,
    named: true,
    meaning: "The identity platform could not be reached, or its discovery failed; retry later.",
  },
  FORBIDDEN: {
    status: 403,
    meaning:
      "The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer.",
  },
  CSRF_REJECTED: {
    status: 403,
    meaning: "A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin).",
  },
  ACK_LINK_INVALID: { status: 403, named: true, meaning: "Not an acknowledge link huiyin signed, or links are off." },
  ON_BEHALF_NOT_INTEGRATOR: {
    status: 403,
    named: true,
    meaning: "X-On-Behalf-Of sent by a caller that is not an integrator key (another key's role, or a session).",
  },
  ON_BEHALF_UNKNOWN_PERSON: {
    status: 403,
    named: true,
    meaning: "X-On-Behalf-Of names no person of the key's committee (unknown, or of another committee).",
  },
  ON_BEHALF_PERSON_DISABLED: {
    status: 403,
    named: true,
    meaning: "X-On-Behalf-Of names a person whose account an admin disabled: nobody acts for them.",
  },
  ON_BEHALF_NOT_BOUND: {
    status: 403,
    named: true,
    meaning: "The integrator key is bound neither to the person of X-On-Behalf-Of nor to any role they hold.",
  },
  NOT_FOUND: { status: 404, meaning: "No such resource, or one the key may not see." },
  INVITATION_INVALID: {
    status: 404,
    named: true,
    meaning: "No such invitation: unknown, already used, or expired (one answer for all).",
  },
  EVENT_NOT_ALLOWED: {
    status: 409,
    named: true,
    meaning:
      "The event is not allowed in the current state (details: stage, state, allowedEvents); the machine's other rule codes answer the same way.",
  },
  VERSION_CONFLICT: {
    status: 409,
    named: true,
    meaning: "Another request changed the proposal at the same moment; send again.",
  },
  EXTERNAL_ID_TAKEN: { status: 409, named: true, meaning: "Another caller's proposal has this externalId." },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    named: true,
    meaning: "A request with this Idempotency-Key is still running (details.retryAfterSeconds).",
  },
  CANNOT_REVOKE_SELF: { status: 409, named: true, meaning: "An admin key cannot revoke itself." },
  PERSON_HAS_NO_EMAIL: {
    status: 409,
    named: true,
    meaning: "The person has no e-mail address, which is their login: add one in the directory first.",
  },
  PERSON_HEADS_UNIT: {
    status: 409,
    named: true,
    meaning: "The person heads a unit; give the unit another head first.",
  },
  ALREADY_DELIVERED: { status: 409, named: true, meaning: "The delivery was delivered; there is nothing to retry." },
  NOT_RETRYABLE: { status: 409, named: true, meaning: "Deliveries on this channel (the inbox) are not retried." },
  NOT_PUBLISHABLE: {
    status: 409,
    named: true,
    meaning: "Only a proposal whose reply staff accepted, being evaluated or closed, may be published (details.stage).",
  },
  SESSION_OVERLAPS: {
    status: 409,
    named: true,
    meaning: "Another session of the committee covers some of these days (details.sessionId).",
  },
  SAVED_FILTERS_FULL: {
    status: 409,
    named: true,
    meaning: "The caller has as many saved filters as one may keep (50): delete one first.",
  },
  SESSION_NAME_TAKEN: { status: 409, named: true, meaning: "The committee has a session of this name already." },
  ID_TAKEN: {
    status: 409,
    named: true,
    meaning: "The id is in use in this deployment (ids are unique across its committees); choose another.",
  },
  COMMITTEE_EXISTS: { status: 409, named: true, meaning: "A committee with this id exists already." },
  ACK_LINK_EXPIRED: { status: 410, named: true, meaning: "The acknowledge link has expired." },
  IDEMPOTENT_ANSWER_SEALED: {
    status: 410,
    named: true,
    meaning:
      "The first answer to this Idempotency-Key held a secret sealed with an encryption key the deployment has since dropped; what it created exists.",
  },
  VERSION_MISMATCH: { status: 412, named: true, meaning: "If-Match names an older version (details.currentVersion)." },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: "The body is larger than the limit." },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    named: true,
    meaning: "The file is larger than ATTACHMENT_MAX_BYTES (details.maxBytes); nothing was stored.",
  },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    named: true,
    meaning: "The file's Content-Type is not one huiyin keeps (details.allowed); nothing was stored.",
  },
  IMPORT_TOO_LARGE: {
    status: 413,
    named: true,
    meaning: "An imported file larger than the import's limit in bytes or rows; nothing was imported.",
  },
  IMPORT_UNSUPPORTED_TYPE: {
    status: 415,
    named: true,
    meaning: "An import whose Content-Type is neither text/csv nor the .xlsx type; nothing was imported.",
  },
  UNSUPPORTED_ENCODING: {
    status: 415,
    meaning:
      "A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset.",
  },
  VALIDATION_FAILED: { status: 422, meaning: "The body or a path segment is invalid (details.fields)." },
  INVALID_EVENT: { status: 422, named: true, meaning: "The machine finds the event's payload invalid." },
  INVALID_INPUT: { status: 422, named: true, meaning: "The proposal's content is invalid." },
  IDEMPOTENCY_KEY_REUSED: { status: 422, named: true, meaning: "An Idempotency-Key reused for another request." },
  WEBHOOK_URL_FORBIDDEN: {
    status: 422,
    named: true,
    meaning:
      "The webhook URL's host is, or resolves to, a loopback, private, link-local, multicast or reserved address (see the README, Webhooks).",
  },
  ATTACHMENT_CONTENT_MISMATCH: {
    status: 422,
    named: true,
    meaning:
      "The file's bytes are not what its Content-Type says, or none of the types huiyin keeps (details.declared, details.detected); nothing was stored.",
  },
  LAST_ADMIN: {
    status: 409,
    named: true,
    meaning:
      "The change would leave the committee with no enabled person holding the admin role (disabling, deleting or removing the role of its last admin); nothing changed.",
  },
  CANNOT_DISABLE_SELF: {
    status: 409,
    named: true,
    meaning: "A person signed in as admin disabling their own account; another admin does it. Nothing changed.",
  },
  UNIT_NOT_IN_DIRECTORY: {
    status: 422,
    named: true,
    meaning:
      "An assignment or reassignment names a handling unit the committee's directory does not have (details.fields); nothing changed. A committee with no units in its directory assigns any unit id.",
  },
  ATTACHMENT_NOT_USABLE: {
    status: 422,
    named: true,
    meaning:
      "An event's attachmentIds name a file that is not this proposal's or that the sender did not upload (details.fields); nothing changed.",
  },
  DELEGATION_INVALID: {
    status: 422,
    named: true,
    meaning:
      "A delegation that cannot be: to oneself, to a person not in the committee's directory, or a period that ends before it starts, is over or lasts more than a year (details.reason: SELF, UNKNOWN_DELEGATE, PERIOD).",
  },
  SUCCESSION_INVALID: {
    status: 422,
    named: true,
    meaning:
      "A handover to oneself or to a person not in the committee's directory, or to a disabled one (details.reason: SELF, UNKNOWN_SUCCESSOR, SUCCESSOR_DISABLED).",
  },
  REDACTION_NOT_FOUND: {
    status: 422,
    named: true,
    meaning: "A redaction's text does not occur in its field (details.fields names it); nothing was published.",
  },
  PASSWORD_TOO_WEAK: {
    status: 422,
    named: true,
    meaning: "The new password is too short, too repetitive or too well known (message says which).",
  },
  CALENDAR_INVALID: {
    status: 422,
    named: true,
    meaning:
      "A calendar year or list of local days off whose dates do not hold together (details.problems), or for a calendar huiyin does not know; nothing was loaded.",
  },
  POLICY_INVALID: {
    status: 422,
    named: true,
    meaning: "A policy that is not valid (details.fields lists every problem); no version was kept.",
  },
  IMPORT_INVALID: {
    status: 422,
    named: true,
    meaning:
      "An imported file with bad rows (details.errors: every problem with its line, column, code and reason); nothing was imported.",
  },
  IMPORT_UNREADABLE: {
    status: 422,
    named: true,
    meaning: "An imported file that is not a table of the type sent: not UTF-8 CSV, not an .xlsx workbook, or empty.",
  },
  RATE_LIMITED: {
    status: 429,
    meaning:
      "The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After).",
  },
  INTERNAL: { status: 500, meaning: "Something went wrong on the server's side." },
  DATABASE_UNAVAILABLE: {
    status: 503,
    meaning:
      "The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key).",
  },
  EMAIL_CHANNEL_OFF: {
    status: 503,
    named: true,
    meaning: "The e-mail channel is off (no SMTP_URL), for a dead e-mail's retry.",
  },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** The refusal `code` names, with the catalogue's status. */
export function refuse(
  code: ErrorCode,
  message: string,
  details?: unknown,
  headers?: Readonly<Record<string, string>>,
): HttpError {
  return new HttpError(ERRORS[code].status, code, message, details, headers);
}

/** The status the machine's state-dependent refusals answer with: the rule code itself is the error code. */
const MACHINE_REFUSAL = ERRORS.EVENT_NOT_ALLOWED.status;

/**
 * A refusal by the workflow's rules (EVENT_NOT_ALLOWED, CONTACT_REQUIRED, …, @huiyin/domain's REFUSAL_CODES):
 * 409 with the machine's own stable code, which this catalogue does not repeat.
 */
export function machineRefusal(code: string, message: string, details?: unknown): HttpError {
  return new HttpError(MACHINE_REFUSAL, code, message, details);
}
