import createClient, { type Client } from "openapi-fetch";
import type { components, paths, webhooks } from "./generated/api.js";

export {
  DEFAULT_TOLERANCE_SECONDS,
  verifyWebhook,
  type WebhookPayload,
  WebhookVerificationError,
} from "./webhooks.ts";
export type { components, paths, webhooks };

export interface HuiyinClientOptions {
  /** Where the api answers, e.g. `https://huiyin.example.gov.cn` (the client adds `/v1/...`). */
  baseUrl: string;
  /** An API key (`hy_…`), sent as `Authorization: Bearer <key>`. */
  apiKey: string;
  /** Another fetch (a proxy's, a test's); the global one by default. */
  fetch?: typeof globalThis.fetch;
}

/**
 * The typed client of the huiyin API: `openapi-fetch` over the types generated from the api's OpenAPI document, so
 * each path, parameter, body and answer is checked by the compiler.
 *   const huiyin = createHuiyinClient({ baseUrl, apiKey });
 *   const { data, error } = await huiyin.GET("/v1/proposals/{id}", { params: { path: { id } } });
 */
export function createHuiyinClient(options: HuiyinClientOptions): Client<paths> {
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ""),
    headers: { authorization: `Bearer ${options.apiKey}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
