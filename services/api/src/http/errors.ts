import { isDatabaseUnavailable } from "@huiyin/db";
import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import { ERRORS, refuse } from "./error-codes.ts";
import { HttpError } from "./http-error.ts";

export { HttpError };

export const notFound: RequestHandler = (request, _response, next) => {
  next(refuse("NOT_FOUND", `No route for ${request.method} ${request.path}.`));
};

interface LibraryError {
  type?: string;
  status?: number;
  expose?: boolean;
  message?: string;
}

/**
 * body-parser's errors carry a `type`; map the ones a client can cause to 4xx codes. A body that is not what its
 * Content-Encoding claims (gzip, deflate, br over plain bytes) fails in zlib with no `type`, only a 400; any other
 * error a library marks as the client's (a 4xx `status`) stays a 4xx too, never a 500.
 */
function fromLibrary(error: LibraryError, request: Request): HttpError | undefined {
  if (error instanceof URIError) return refuse("MALFORMED_URL", "The URL has a malformed percent-encoding.");
  switch (error.type) {
    case "entity.too.large":
      return refuse("PAYLOAD_TOO_LARGE", "The request body is larger than this endpoint accepts.");
    case "entity.parse.failed":
      return refuse("MALFORMED_JSON", "The request body is not valid JSON.");
    case "encoding.unsupported":
    case "charset.unsupported":
      return refuse("UNSUPPORTED_ENCODING", error.message ?? "Unsupported body encoding.");
  }
  const status = error.status ?? 0;
  if (status < 400 || status > 499) return undefined;
  const encoding = (request.headers["content-encoding"] ?? "identity").toLowerCase();
  if (encoding !== "identity") {
    return refuse("MALFORMED_BODY_ENCODING", "The request body is not what its Content-Encoding says.");
  }
  const message = error.expose && error.message ? error.message : "Bad request.";
  // The library's own 4xx status is kept (the catalogue documents BAD_REQUEST under 400, its usual one).
  const refused = refuse("BAD_REQUEST", message);
  return status === refused.status ? refused : new HttpError(status, refused.code, message);
}

/** Seconds a client should wait before retrying while PostgreSQL is away: a restart takes a few. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * PostgreSQL restarting, shutting down or unreachable: nothing the request did wrong. A transaction that lost its
 * connection is rolled back by the server; one that committed just before is recognised by the retry (the
 * engine's idempotency key for events, externalId for creates). So 503 with Retry-After tells the client to send
 * the same request again, which a 500 would not.
 */
function fromDatabaseOutage(error: unknown): HttpError | undefined {
  if (!isDatabaseUnavailable(error)) return undefined;
  return refuse(
    "DATABASE_UNAVAILABLE",
    "The database is unavailable for a moment (restarting or unreachable). Send the same request again after Retry-After seconds, with the same Idempotency-Key.",
    undefined,
    { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) },
  );
}

export const errorHandler: ErrorRequestHandler = (error, request, response, _next) => {
  const outage = error instanceof HttpError ? undefined : fromDatabaseOutage(error);
  if (outage) {
    // A warning in one line, without a stack: during an outage every request says the same, and the pool has
    // logged each broken connection already. Prisma's message ends with the reason, after the call site.
    const { code, message } = error as { code?: unknown; message?: unknown };
    const reason = String(message ?? error)
      .split("\n")
      .filter((line) => line.trim() !== "")
      .at(-1)
      ?.slice(0, 300);
    request.log?.warn({ code: outage.code, cause: { code, reason } }, "database unavailable; answered 503");
  }
  const known = error instanceof HttpError ? error : (outage ?? fromLibrary(error ?? {}, request));
  if (known) {
    if (!outage) request.log?.info({ code: known.code, status: known.status }, "request refused");
    for (const [name, value] of Object.entries(known.headers ?? {})) response.setHeader(name, value);
    response.status(known.status).json({
      error: {
        code: known.code,
        message: known.message,
        ...(known.details === undefined ? {} : { details: known.details }),
      },
    });
    return;
  }
  request.log?.error({ err: error }, "unhandled error");
  response
    .status(ERRORS.INTERNAL.status)
    .json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } });
};
