import { z } from "zod";
import {
  admin,
  common,
  errors,
  type FeatureApi,
  instant,
  json,
  nullableInstant,
  pathParameter,
  ref,
} from "../http/openapi-kit.ts";
import { acceptInvitationSchema } from "./invitations.ts";
import { KEY_ROLES } from "./keys.ts";
import { signInSchema } from "./sign-in.ts";

const Session = z.strictObject({
  person: z.strictObject({ id: z.string(), name: z.string(), language: z.string() }),
  roles: z
    .array(z.strictObject({ role: z.enum(KEY_ROLES), scope: z.string() }))
    .describe("The person's roles from the directory now; scope: the unit, leader or member id, or empty."),
  csrfToken: z.string().describe("Send it as X-CSRF-Token with every change made with this session."),
  delegated: z
    .array(
      z.strictObject({
        role: z.enum(KEY_ROLES),
        scope: z.string(),
        delegatorId: z.string(),
        delegatorName: z.string().nullable().describe("The delegator's name in the directory."),
        delegationId: z.string(),
      }),
    )
    .optional()
    .describe("GET only, when there are any: the roles held now under delegations to the person, with whose they are."),
});

const Account = z.strictObject({
  personId: z.string(),
  hasPassword: z.boolean(),
  passwordSetAt: nullableInstant,
  disabledAt: nullableInstant,
  lockedAt: nullableInstant,
  failedAttempts: z.int(),
});

const token = pathParameter("token", "The token of the invitation link (after `#`).");
const accountChange = (
  operationId: string,
  summary: string,
  refusals: ("LAST_ADMIN" | "CANNOT_DISABLE_SELF")[] = [],
) => ({
  post: {
    operationId,
    tags: ["people"],
    summary,
    parameters: [pathParameter("id")],
    responses: {
      "200": { description: "The account now.", ...json(ref("Account")) },
      ...errors(...admin, 404, ...refusals),
    },
  },
});

/** Signing in (sessions), invitations and people's accounts. */
export const peopleApi: FeatureApi = {
  tags: [
    {
      name: "people",
      description:
        "People of the directory sign in to the console: invitations, sessions (the huiyin_session cookie; changes need X-CSRF-Token), and their accounts (admin).",
    },
  ],
  requests: { SignIn: signInSchema, AcceptInvitation: acceptInvitationSchema },
  responses: {
    Session,
    Account,
    AccountList: z.strictObject({ items: z.array(Account) }),
    InvitationCreated: z.strictObject({
      link: z
        .string()
        .describe(
          "The link, this once: only a hash of its token is kept (and, while it is e-mailed, the token sealed).",
        ),
      expiresAt: instant,
      emailedTo: z
        .string()
        .nullable()
        .describe(
          "The address the invitation is e-mailed to (at least once, by the notifier); null when e-mail is off.",
        ),
    }),
    Invitation: z.strictObject({ person: z.strictObject({ name: z.string() }), expiresAt: instant }),
  },
  paths: {
    "/v1/session": {
      post: {
        operationId: "signIn",
        tags: ["people"],
        summary:
          "Sign in with the e-mail and password: sets the huiyin_session cookie (HttpOnly, SameSite=Lax). One answer for every failure.",
        security: [],
        requestBody: { required: true, ...json(ref("SignIn")) },
        responses: {
          "200": { description: "Signed in; the cookie is set.", ...json(ref("Session")) },
          ...errors(400, 413, 415, 422, 429, 503, "SIGN_IN_FAILED", "CSRF_REJECTED"),
        },
      },
      get: {
        operationId: "getSession",
        tags: ["people"],
        summary: "The signed-in person, their roles as they stand now, and the CSRF token.",
        responses: { "200": { description: "The session.", ...json(ref("Session")) }, ...errors(...common) },
      },
      delete: {
        operationId: "signOut",
        tags: ["people"],
        summary: "Sign out: the session ends on the server and the cookie is cleared.",
        responses: { "204": { description: "Signed out." }, ...errors(...common, 403) },
      },
    },
    "/v1/people/{id}/invitations": {
      post: {
        operationId: "invitePerson",
        tags: ["people"],
        summary:
          "Invite a person to set a password (admin): a single-use link, valid INVITATION_TTL_HOURS, answered to the admin and e-mailed to the person when SMTP is on. Their earlier invitations are withdrawn.",
        parameters: [pathParameter("id")],
        responses: {
          "201": { description: "The link.", ...json(ref("InvitationCreated")) },
          ...errors(...admin, 404, "PERSON_HAS_NO_EMAIL"),
        },
      },
    },
    "/v1/invitations/{token}": {
      get: {
        operationId: "getInvitation",
        tags: ["people"],
        summary: "Whom an invitation is for, and until when.",
        security: [],
        parameters: [token],
        responses: {
          "200": { description: "The invitation.", ...json(ref("Invitation")) },
          ...errors(400, 429, 503, "INVITATION_INVALID"),
        },
      },
      post: {
        operationId: "acceptInvitation",
        tags: ["people"],
        summary: "Set one's password with an invitation; the link is used up.",
        security: [],
        parameters: [token],
        requestBody: { required: true, ...json(ref("AcceptInvitation")) },
        responses: {
          "204": { description: "The password is set." },
          ...errors(400, 413, 415, 422, 429, 503, "INVITATION_INVALID", "PASSWORD_TOO_WEAK", "CSRF_REJECTED"),
        },
      },
    },
    "/v1/accounts": {
      get: {
        operationId: "listAccounts",
        tags: ["people"],
        summary:
          "Every account of the caller's committee (admin): password set, disabled, locked. A person without a row was never invited.",
        responses: { "200": { description: "The accounts.", ...json(ref("AccountList")) }, ...errors(...admin) },
      },
    },
    "/v1/people/{id}/account": {
      get: {
        operationId: "getAccount",
        tags: ["people"],
        summary: "A person's account (admin): password set, disabled, locked; never the hash.",
        parameters: [pathParameter("id")],
        responses: { "200": { description: "The account.", ...json(ref("Account")) }, ...errors(...admin, 404) },
      },
    },
    "/v1/people/{id}/unlock": accountChange("unlockAccount", "Lift a lockout after failed sign-ins (admin)."),
    "/v1/people/{id}/disable": accountChange(
      "disableAccount",
      "Disable a person's sign-in (admin); their sessions end at once. Not one's own, nor the last enabled admin's.",
      ["CANNOT_DISABLE_SELF", "LAST_ADMIN"],
    ),
    "/v1/people/{id}/enable": accountChange("enableAccount", "Enable a disabled person's sign-in again (admin)."),
  },
};
