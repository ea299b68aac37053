import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A minimal OpenID Connect provider on 127.0.0.1 for the sign-in tests: discovery, an authorization endpoint that
 * signs in whoever the test names (`signInAs`) without a login form, a token endpoint that checks the client's
 * secret, the code's redirect URI and the PKCE verifier, and RS256 ID tokens under a key of its own (JWKS). Just
 * what the authorization code flow needs, so the tests need no outside identity provider (and no browser).
 */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next authorization signs in: the claims of their ID token (besides iss, aud, exp, iat, nonce). */
  signInAs(claims: Record<string, unknown>): void;
  /** Make the next ID token carry another nonce than the one asked for (a replayed or forged token). */
  forgeNextNonce(): void;
  /** The token requests answered so far. */
  tokenRequests(): number;
  close(): Promise<void>;
}

interface Grant {
  claims: Record<string, unknown>;
  nonce: string | undefined;
  challenge: string;
  redirectUri: string;
}

export async function startTestProvider(): Promise<TestProvider> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomBytes(8).toString("hex");
  const clientId = "huiyin-console";
  const clientSecret = randomBytes(24).toString("base64url");
  const codes = new Map<string, Grant>();
  let nextClaims: Record<string, unknown> = { sub: "nobody" };
  let forgeNonce = false;
  let tokenRequests = 0;
  let issuer = "";

  const idToken = (claims: Record<string, unknown>): string => {
    const now = Math.floor(Date.now() / 1000);
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const input = `${part({ alg: "RS256", typ: "JWT", kid })}.${part({ ...claims, iss: issuer, aud: clientId, iat: now, exp: now + 300 })}`;
    return `${input}.${sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", issuer);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    };
    if (url.pathname === "/.well-known/openid-configuration") {
      return send(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic"],
      });
    }
    if (url.pathname === "/jwks") {
      return send(200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] });
    }
    if (url.pathname === "/authorize") {
      const query = url.searchParams;
      const redirectUri = query.get("redirect_uri") ?? "";
      if (query.get("client_id") !== clientId || query.get("code_challenge_method") !== "S256") {
        return send(400, { error: "invalid_request" });
      }
      const code = randomBytes(16).toString("base64url");
      codes.set(code, {
        claims: nextClaims,
        nonce: forgeNonce ? "forged-nonce" : (query.get("nonce") ?? undefined),
        challenge: query.get("code_challenge") ?? "",
        redirectUri,
      });
      forgeNonce = false;
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      back.searchParams.set("state", query.get("state") ?? "");
      response.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (url.pathname === "/token" && request.method === "POST") {
      tokenRequests += 1;
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const basic = Buffer.from((request.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
      const [id = "", secret = ""] = basic.split(":").map(decodeURIComponent);
      if (id !== clientId || secret !== clientSecret) return send(401, { error: "invalid_client" });
      const code = form.get("code") ?? "";
      const grant = codes.get(code);
      codes.delete(code);
      const verifier = form.get("code_verifier") ?? "";
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      if (
        !grant ||
        form.get("grant_type") !== "authorization_code" ||
        form.get("redirect_uri") !== grant.redirectUri ||
        challenge !== grant.challenge
      ) {
        return send(400, { error: "invalid_grant" });
      }
      return send(200, {
        access_token: randomBytes(16).toString("base64url"),
        token_type: "Bearer",
        expires_in: 300,
        id_token: idToken({ ...grant.claims, ...(grant.nonce ? { nonce: grant.nonce } : {}) }),
      });
    }
    send(404, { error: "not_found" });
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(claims) {
      nextClaims = claims;
    },
    forgeNextNonce() {
      forgeNonce = true;
    },
    tokenRequests: () => tokenRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
