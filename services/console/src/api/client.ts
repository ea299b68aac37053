import type { paths } from "@huiyin/client/types";
import createClient, { type Middleware } from "openapi-fetch";

/**
 * The typed API client: paths, parameters and answers come from the generated types of the api's OpenAPI document
 * (src/generated/api.d.ts), so a call the API does not have does not compile. The session cookie goes along by
 * itself (same origin); every state-changing request carries the session's CSRF token.
 */
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !["GET", "HEAD", "OPTIONS"].includes(request.method)) {
      request.headers.set("X-CSRF-Token", csrfToken);
    }
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: "same-origin" });
api.use(csrf);

/** The error shape of every refusal (services/api/src/http/errors.ts). */
export interface ApiError {
  error: { code: string; message: string; details?: unknown };
}

export function isApiError(value: unknown): value is ApiError {
  return typeof value === "object" && value !== null && "error" in value && typeof value.error === "object";
}

/** The code of a refusal: a workflow rule's code when the API wrapped it as FORBIDDEN with `details.reason`. */
export function codeOf(error: ApiError): string {
  const details = error.error.details as { reason?: unknown } | undefined;
  return typeof details?.reason === "string" ? details.reason : error.error.code;
}

/** Raw JSON calls for what the generated types may not have yet; same cookie and CSRF header. */
export async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (csrfToken && method !== "GET") headers["x-csrf-token"] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: "same-origin",
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, data: (text ? JSON.parse(text) : undefined) as T };
}

/**
 * A file sent as the request's body (the imports take CSV or .xlsx bytes, typed by Content-Type), with the session's
 * CSRF token like every change; the answer as JSON.
 */
export async function upload<T>(path: string, file: Blob, contentType: string): Promise<{ status: number; data: T }> {
  const headers: Record<string, string> = { accept: "application/json", "content-type": contentType };
  if (csrfToken) headers["x-csrf-token"] = csrfToken;
  const response = await fetch(path, { method: "POST", headers, credentials: "same-origin", body: file });
  const text = await response.text();
  return { status: response.status, data: (text ? JSON.parse(text) : undefined) as T };
}
