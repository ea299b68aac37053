/**
 * What pino-http writes about a request. Its default serializer logs the URL with its query string, the parsed
 * query and every header; pino-http binds that to every line a request logs (`request.log`), not only to
 * "request completed". The acknowledge link's only credential is its `sig` query parameter (valid 30 days), and
 * headers carry API keys and cookies, so each request line is reduced here to what operators need and holds no
 * credential: the URL with credential-like query values replaced, and an allowlist of headers.
 */

/** Query parameters whose values are credentials: the ack link's `sig`, and the usual names of tokens and keys. */
const CREDENTIAL_PARAMETER =
  /^(sig|signature|token|access_token|key|api_key|apikey|secret|password|code)$|token|secret/i;

/** Headers that say what a request was without authorising it. Anything else (authorization, cookie, …) is left out. */
const LOGGED_HEADERS = [
  "host",
  "user-agent",
  "accept",
  "content-type",
  "content-length",
  "content-encoding",
  "if-match",
  "idempotency-key",
  "x-request-id",
  "x-forwarded-for",
];

export const REDACTED = "[redacted]";

/** `url` with the values of credential-like query parameters replaced; the path and other parameters kept. */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const mark = url.indexOf("?");
  if (mark === -1) return redactPath(url);
  const query = url
    .slice(mark + 1)
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      const rawName = equals === -1 ? pair : pair.slice(0, equals);
      return CREDENTIAL_PARAMETER.test(safeDecode(rawName)) ? `${rawName}=${REDACTED}` : pair;
    })
    .join("&");
  return `${redactPath(url.slice(0, mark))}?${query}`;
}

/** A path whose segment is a credential, the invitation token of `/v1/invitations/<token>`, with it replaced. */
export function redactPath(path: string): string {
  return path.replace(/\/invitations\/[^/?#]+/g, `/invitations/${REDACTED}`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return text;
  }
}

interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
  remotePort?: number;
}

/**
 * pino-http's `req` serializer (wrapped: it receives pino's standard serialization). No `query` or `params`
 * (the URL has them), no header outside `LOGGED_HEADERS`, the URL and a referer through `redactUrl`.
 */
export function requestForLog(request: SerializedRequest): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  for (const name of LOGGED_HEADERS) {
    const value = request.headers?.[name];
    if (value !== undefined) headers[name] = value;
  }
  const referer = request.headers?.referer;
  if (typeof referer === "string") headers.referer = redactUrl(referer);
  return {
    id: request.id,
    method: request.method,
    url: redactUrl(request.url),
    headers,
    remoteAddress: request.remoteAddress,
    remotePort: request.remotePort,
  };
}

/**
 * pino-http's `res` serializer: the status and the response headers but `Set-Cookie`, which carries the session
 * token of a sign-in (pino-http logs every response header by default).
 */
export function responseForLog(response: { statusCode?: number; headers?: Record<string, unknown> }) {
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    if (name.toLowerCase() !== "set-cookie") headers[name] = value;
  }
  return { statusCode: response.statusCode, headers };
}
