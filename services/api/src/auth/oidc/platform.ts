import type { OidcConfig } from "@huiyin/config";
import * as client from "openid-client";
import type { Flow } from "./flow-cookie.ts";

/** The identity platform as the sign-in routes use it: where to send the person, and what their answer proves. */
export interface IdentityPlatform {
  /** The platform's authorization URL for one attempt (code flow, PKCE S256, state, nonce). */
  authorizationUrl(flow: Flow): Promise<URL>;
  /**
   * Redeems the code of the platform's answer (`callback`: the redirect URL with the answer's query) against the
   * flow: state, PKCE verifier, nonce, the ID token's signature, issuer, audience and expiry are all checked. The
   * claims of the ID token, completed by the userinfo endpoint when the ID token lacks `claim`.
   */
  claims(callback: URL, flow: Flow, claim: string): Promise<Record<string, unknown>>;
}

/** OIDC sign-in as the api runs it: the platform, how its claim names a person, and the button's label. */
export interface OidcSignIn {
  platform: IdentityPlatform;
  /** The redirect URL registered at the platform: the callback's own URL, with which the answer is checked. */
  redirectUrl: string;
  claim: string;
  match: "email" | "id";
  /** The platform's name, for the sign-in page's button. */
  name: string;
}

/** The platform refused the answer (bad code, state, nonce, token): the person's attempt fails, nothing is wrong here. */
export class PlatformRefusal extends Error {
  override name = "PlatformRefusal";
}

/** The platform could not be reached, or answered nonsense: a 503, the person may retry. */
export class PlatformUnavailable extends Error {
  override name = "PlatformUnavailable";
}

/**
 * The only origin huiyin talks to for sign-in: the configured issuer's. Discovery, keys, token and userinfo must all
 * be served there; a discovery document that points elsewhere (a hostile or misconfigured platform turning the api
 * into a proxy into the intranet) fails the attempt instead of being followed.
 */
export function issuerOnlyFetch(issuer: string, fetcher: typeof fetch = fetch): client.CustomFetch {
  const allowed = new URL(issuer).origin;
  return (url, options) => {
    if (new URL(url).origin !== allowed) {
      return Promise.reject(new PlatformUnavailable(`refused to fetch outside the issuer's origin (${allowed})`));
    }
    return fetcher(url, { ...options, redirect: "manual" } as RequestInit);
  };
}

/**
 * openid-client (panva, certified by the OpenID Foundation) over the configured issuer. Discovery happens at the
 * first sign-in, not at start (the api starts while the platform is down), and again after a failed one.
 */
export function openIdPlatform(options: OidcConfig): IdentityPlatform {
  let configuration: Promise<client.Configuration> | undefined;
  const fetcher = issuerOnlyFetch(options.issuer);
  const discovered = () => {
    configuration ??= client
      .discovery(
        new URL(options.issuer),
        options.clientId,
        options.clientSecret,
        options.clientSecret ? client.ClientSecretBasic(options.clientSecret) : client.None(),
        {
          // http:// is accepted for an issuer on this machine only (the configuration refuses it elsewhere).
          ...(new URL(options.issuer).protocol === "http:" ? { execute: [client.allowInsecureRequests] } : {}),
          [client.customFetch]: fetcher,
          timeout: 10,
        },
      )
      .then((found) => {
        found[client.customFetch] = fetcher;
        return found;
      })
      .catch((error: unknown) => {
        configuration = undefined;
        throw new PlatformUnavailable(`discovery of ${options.issuer} failed: ${describe(error)}`);
      });
    return configuration;
  };
  return {
    async authorizationUrl(flow) {
      const config = await discovered();
      return client.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUrl,
        scope: options.scopes,
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: "S256",
      });
    },
    async claims(callback, flow, claim) {
      const config = await discovered();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw classify(error);
      }
      const idClaims = tokens.claims();
      if (!idClaims) throw new PlatformRefusal("no ID token");
      if (idClaims[claim] !== undefined || !config.serverMetadata().userinfo_endpoint) return { ...idClaims };
      try {
        const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        return { ...info, ...idClaims };
      } catch (error) {
        throw classify(error);
      }
    },
  };
}

/**
 * An answer the platform gave about this attempt (an OAuth error, a token that fails its checks) is a refusal; no
 * answer (network, timeout, a status or body no platform should send, a fetch our origin rule refused) is trouble.
 */
function classify(error: unknown): Error {
  if (error instanceof PlatformUnavailable) return error;
  if (error instanceof Error && error.cause instanceof PlatformUnavailable) return error.cause;
  if (error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError) {
    return new PlatformRefusal(describe(error));
  }
  const trouble = new Set(["OAUTH_TIMEOUT", "OAUTH_RESPONSE_IS_NOT_CONFORM", "OAUTH_RESPONSE_IS_NOT_JSON"]);
  if (error instanceof client.ClientError && !trouble.has(error.code ?? "")) {
    return new PlatformRefusal(describe(error));
  }
  return new PlatformUnavailable(describe(error));
}

/** An error's name and message only: never a token, a code or the client secret. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** OIDC sign-in as the configuration (packages/config `oidcConfig`) describes it, over openid-client. */
export function oidcSignIn(options: OidcConfig): OidcSignIn {
  return {
    platform: openIdPlatform(options),
    redirectUrl: options.redirectUrl,
    claim: options.claim,
    match: options.match,
    name: options.name,
  };
}
