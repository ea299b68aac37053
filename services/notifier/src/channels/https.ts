import { request } from "node:https";
import type { LookupFunction } from "node:net";
import { type DestinationPolicy, vetDestination } from "@huiyin/engine";
import type { SendResult } from "./adapter.ts";

/** How the adapters reach the outside: the outbound policy, and the CAs a test (or an intranet) trusts. */
export interface HttpsSettings {
  /** The webhook outbound policy (WEBHOOK_ALLOWED_DESTINATIONS): loopback and private addresses only by its holes. */
  policy: DestinationPolicy;
  /** CA certificates to trust instead of the system's (PEM); for a receiver with a self-signed certificate. */
  ca?: string | Buffer | undefined;
  timeoutMs?: number;
}

export interface JsonAnswer {
  status: number;
  /** The answer's body parsed as JSON; undefined when it is not JSON. */
  json: unknown;
}

/** The most of an answer read: robots and gateways answer with a few hundred bytes of JSON. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs a JSON body (a value, or its text when the caller signs it) over HTTPS to a destination the outbound policy admits, on a connection pinned to the address
 * that was vetted (no second DNS answer to rebind), with TLS verified against the system's CAs or `settings.ca`.
 * `http:` is refused: the URL of a robot carries its key, and a message names proposals. No redirect is followed.
 * Returns the answer, or a `SendResult` saying why nothing was sent or nothing came back.
 */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  settings: HttpsSettings,
): Promise<JsonAnswer | Exclude<SendResult, { status: "delivered" }>> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: "permanent", reason: "not a URL" };
  }
  if (parsed.protocol !== "https:") return { status: "permanent", reason: "not an https URL" };
  const vetted = await vetDestination(url, settings.policy);
  if (!vetted.ok) {
    return vetted.reason === "unresolved"
      ? { status: "retryable", reason: "the destination's name does not resolve" }
      : { status: "permanent", reason: "the outbound policy refuses the destination" };
  }
  const payload = typeof body === "string" ? body : JSON.stringify(body);
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: vetted.address, family: vetted.family }]);
    else callback(null, vetted.address, vetted.family);
  };
  try {
    return await new Promise<JsonAnswer>((resolve, reject) => {
      const outgoing = request(
        parsed,
        {
          method: "POST",
          headers: {
            "content-type": "application/json; charset=utf-8",
            "content-length": String(Buffer.byteLength(payload)),
            ...headers,
          },
          agent: false,
          lookup,
          ...(settings.ca ? { ca: settings.ca } : {}),
          signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
        },
        (answer) => {
          const chunks: Buffer[] = [];
          let size = 0;
          answer.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
          });
          answer.on("error", reject);
          answer.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
            resolve({ status: answer.statusCode ?? 0, json });
          });
        },
      );
      outgoing.on("error", reject);
      outgoing.end(payload);
    });
  } catch (error) {
    // The error's text names the host at most (never the path and query, where robots keep their key).
    const code = (error as { code?: unknown }).code;
    return { status: "retryable", reason: `no answer (${typeof code === "string" ? code : (error as Error).name})` };
  }
}

/** An HTTP status as a result: 2xx delivered, 408/429/5xx worth a retry, any other refusal final. */
export function resultOfStatus(status: number): SendResult {
  if (status >= 200 && status < 300) return { status: "delivered" };
  if (status === 408 || status === 429 || status >= 500) return { status: "retryable", reason: `HTTP ${status}` };
  return { status: "permanent", reason: `HTTP ${status}` };
}

/** Whether `postJson` gave an answer rather than a failure. */
export function isAnswer(value: JsonAnswer | SendResult): value is JsonAnswer {
  return typeof value.status === "number";
}
