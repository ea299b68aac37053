import { z } from "zod";
import { errors, type FeatureApi, json, ref } from "../../http/openapi-kit.ts";

const nextParameter = {
  name: "next",
  in: "query",
  required: false,
  description:
    "The console page to land on after signing in, as a console path (`/proposals/p-1`); `/work` when absent.",
  schema: { type: "string" },
};

/** Sign-in with the committee's identity platform (OpenID Connect), when configured. */
export const oidcApi: FeatureApi = {
  tags: [],
  requests: {},
  responses: {
    OidcSignIn: z.strictObject({
      name: z.string().describe("The identity platform's name, for the sign-in button."),
      startUrl: z.string().describe("Where the browser goes to sign in (add ?next=<console path>)."),
    }),
  },
  paths: {
    "/v1/session/oidc": {
      get: {
        operationId: "getOidcSignIn",
        tags: ["people"],
        summary: "Whether people may sign in with the identity platform (OIDC): its name, or 404 OIDC_DISABLED.",
        security: [],
        responses: {
          "200": { description: "OIDC sign-in is on.", ...json(ref("OidcSignIn")) },
          ...errors(400, 429, "OIDC_DISABLED"),
        },
      },
    },
    "/v1/session/oidc/start": {
      get: {
        operationId: "startOidcSignIn",
        tags: ["people"],
        summary:
          "A browser's way to the identity platform: 303 to its authorization URL (code flow, PKCE, state, nonce), with a sealed, httpOnly cookie of the attempt.",
        security: [],
        parameters: [nextParameter],
        responses: {
          "303": { description: "To the identity platform." },
          ...errors(400, 429, "OIDC_DISABLED", "OIDC_NEXT_REFUSED", "OIDC_UNAVAILABLE"),
        },
      },
    },
    "/v1/session/oidc/callback": {
      get: {
        operationId: "finishOidcSignIn",
        tags: ["people"],
        summary:
          "Back from the identity platform: checks the answer against the attempt's cookie, signs the person in (the huiyin_session cookie, as POST /v1/session) and answers 303 to the console page asked for. A browser (Accept: text/html) that cannot be signed in is sent to the sign-in page with ?error=<code>.",
        security: [],
        responses: {
          "303": {
            description:
              "Signed in: to the console page; or, for a browser, to the sign-in page with the error's code.",
          },
          ...errors(400, 429, "OIDC_DISABLED", "OIDC_FLOW_INVALID", "OIDC_SIGN_IN_FAILED", "OIDC_UNAVAILABLE"),
        },
      },
    },
  },
};
