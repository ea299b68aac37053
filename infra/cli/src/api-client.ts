import { readFileSync } from "node:fs";
import type { CliConfig } from "@huiyin/config";

/** A refusal or failure to tell the operator: its message is printed, the command exits with `exitCode`. */
export class CliError extends Error {
  readonly exitCode: number;
  readonly details: unknown;
  constructor(message: string, exitCode = 1, details?: unknown) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
    this.details = details;
  }
}

export interface ApiClient {
  /** The answer of a 2xx request; a CliError with the API's error code and message otherwise. */
  request(
    method: string,
    path: string,
    options?: { body?: unknown; raw?: Uint8Array; contentType?: string },
  ): Promise<Response>;
}

/**
 * Calls the api with the admin key: HUIYIN_ADMIN_KEY, or else the file HUIYIN_ADMIN_KEY_FILE (the one the api
 * generates under `npm start`). The key goes in the Authorization header only, never into output.
 */
export function apiClient(config: CliConfig): ApiClient {
  const base = config.HUIYIN_API_URL.replace(/\/+$/, "");
  let key: string | undefined = config.HUIYIN_ADMIN_KEY;
  const adminKey = (): string => {
    if (key) return key;
    try {
      key = readFileSync(config.HUIYIN_ADMIN_KEY_FILE, "utf8").trim();
    } catch {
      throw new CliError(
        `No admin key: set HUIYIN_ADMIN_KEY, or HUIYIN_ADMIN_KEY_FILE to the file holding it (${config.HUIYIN_ADMIN_KEY_FILE} is not readable).`,
        2,
      );
    }
    return key;
  };
  return {
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${adminKey()}` };
      let body: string | Uint8Array | undefined;
      if (options.raw) {
        body = options.raw;
        headers["content-type"] = options.contentType ?? "application/octet-stream";
      } else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers["content-type"] = "application/json";
      }
      let response: Response;
      try {
        response = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
      } catch (error) {
        throw new CliError(`Cannot reach the api at ${base} (HUIYIN_API_URL): ${(error as Error).message}`, 2);
      }
      if (response.ok) return response;
      const text = await response.text();
      let error: { code?: string; message?: string; details?: unknown } | undefined;
      try {
        error = (JSON.parse(text) as { error?: typeof error }).error;
      } catch {
        error = undefined;
      }
      throw new CliError(
        `${method} ${path}: ${response.status} ${error?.code ?? response.statusText}${error?.message ? `: ${error.message}` : ""}`,
        1,
        error?.details,
      );
    },
  };
}
