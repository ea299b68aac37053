import { createHash } from "node:crypto";
import type { Logger } from "@huiyin/logger";
import type { RedisConnection } from "@huiyin/queue";
import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import { addressBucket } from "./client-address.ts";
import { refuse } from "./error-codes.ts";
import { HttpError } from "./errors.ts";

export interface RateDecision {
  allowed: boolean;
  /** Whole requests left in the bucket after this one. */
  remaining: number;
  /** When refused: seconds until one request is allowed again. */
  retryAfterSeconds: number;
}

/** Decides whether one more request of `subject` may pass now. */
export interface RateLimiter {
  /** Takes one request from the bucket of `subject`, if there is one left. */
  take(subject: string): Promise<RateDecision>;
  /** Whether `subject` has a request left, without taking it (for budgets spent only by failures). */
  check(subject: string): Promise<RateDecision>;
}

/**
 * A token bucket per subject (an API key, a client address, the failed authentications of an address) in Redis,
 * so that N api processes share one budget: `capacity` requests at once, refilled at `capacity` per minute. One Lua script reads, refills and takes atomically, using
 * Redis's own clock (TIME), so the processes' clocks do not matter. The key expires once the bucket would be
 * full again, so idle keys cost nothing.
 */
export function redisRateLimiter(
  redis: RedisConnection,
  /** `name` keeps buckets of different budgets apart (`key`, `address`, …); the subject names the bucket. */
  options: { perMinute: number; prefix: string; logger: Logger; name?: string },
): RateLimiter {
  const capacity = options.perMinute;
  const perMs = options.perMinute / 60_000;
  const keyOf = (subject: string) =>
    options.name ? `${options.prefix}:ratelimit:${options.name}:${subject}` : `${options.prefix}:ratelimit:${subject}`;
  async function decide(subject: string, cost: 0 | 1): Promise<RateDecision> {
    try {
      const [allowed, tokens] = (await runScript(redis, keyOf(subject), capacity, perMs, cost)) as [number, string];
      const left = Number(tokens);
      return {
        allowed: allowed === 1,
        remaining: Math.floor(left),
        retryAfterSeconds: allowed === 1 ? 0 : Math.max(1, Math.ceil((1 - left) / perMs / 1000)),
      };
    } catch (error) {
      // Redis away: serve rather than refuse everyone; /readyz reports Redis, and the database is the truth.
      options.logger.warn({ err: error }, "rate limiter unavailable; request let through");
      return { allowed: true, remaining: capacity, retryAfterSeconds: 0 };
    }
  }
  return { take: (subject) => decide(subject, 1), check: (subject) => decide(subject, 0) };
}

const TOKEN_BUCKET = `
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * per_ms)
if cost == 0 then
  if tokens >= 1 then return {1, tostring(tokens)} end
  return {0, tostring(tokens)}
end
local allowed = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / per_ms) + 1000)
return {allowed, tostring(tokens)}
`;

/** The script's SHA1, as Redis names a script it has cached. */
const TOKEN_BUCKET_SHA = createHash("sha1").update(TOKEN_BUCKET).digest("hex");

/**
 * The token bucket by its SHA1 (`EVALSHA`): every request runs it up to three times (the address budget, the failed
 * authentications, the key), and `EVAL` sent and hashed its whole text each time (issue 18). Redis forgets its
 * scripts on a restart or `SCRIPT FLUSH`: then one `EVAL` caches it again.
 */
async function runScript(redis: RedisConnection, key: string, ...args: number[]): Promise<unknown> {
  try {
    return await redis.evalsha(TOKEN_BUCKET_SHA, 1, key, ...args);
  } catch (error) {
    if (!String((error as Error | undefined)?.message).startsWith("NOSCRIPT")) throw error;
    return redis.eval(TOKEN_BUCKET, 1, key, ...args);
  }
}

/**
 * 429 `RATE_LIMITED` with `Retry-After` once the caller's key has spent its budget; `RateLimit-Remaining` always.
 * `keyIdOf` names the authenticated key (auth's `callerOf`): `http/` knows no feature, the app wires them.
 */
export function rateLimit(limiter: RateLimiter, keyIdOf: (response: Response) => string): RequestHandler {
  return async (_request, response, next) => {
    const decision = await limiter.take(keyIdOf(response));
    response.setHeader("RateLimit-Remaining", String(decision.remaining));
    if (!decision.allowed) {
      throw refuse(
        "RATE_LIMITED",
        `Too many requests with this API key; retry in ${decision.retryAfterSeconds} s.`,
        { retryAfterSeconds: decision.retryAfterSeconds },
        { "Retry-After": String(decision.retryAfterSeconds) },
      );
    }
    next();
  };
}

function limited(decision: RateDecision, message: string): HttpError {
  return refuse(
    "RATE_LIMITED",
    `${message}; retry in ${decision.retryAfterSeconds} s.`,
    { retryAfterSeconds: decision.retryAfterSeconds },
    { "Retry-After": String(decision.retryAfterSeconds) },
  );
}

/** The bucket of the request's client: `req.ip` (X-Forwarded-For only behind a trusted proxy, see TRUST_PROXY). */
const bucketOf = (request: Request) => addressBucket(request.ip ?? request.socket.remoteAddress ?? "unknown");

/**
 * 429 `RATE_LIMITED` once the client's address has spent its budget. It runs before anything else under /v1
 * (authentication, the acknowledge-link pages), so a request with a missing or unknown key, or a forged link,
 * costs one Redis call and no database lookup once its address is over budget.
 */
export function rateLimitByAddress(limiter: RateLimiter): RequestHandler {
  return async (request, _response, next) => {
    const decision = await limiter.take(bucketOf(request));
    if (!decision.allowed) throw limited(decision, "Too many requests from this address");
    next();
  };
}

/**
 * A budget of failed authentications per address, stricter than the request budget: guessing keys is what it
 * stops. `before` refuses (429) an address whose failures are spent, before the key is looked up; `counting`,
 * placed right after `authenticate`, takes one from that budget for each 401 and passes the error on.
 */
export function limitFailedAuthentication(limiter: RateLimiter): {
  before: RequestHandler;
  counting: ErrorRequestHandler;
} {
  return {
    before: async (request, _response, next) => {
      const decision = await limiter.check(bucketOf(request));
      if (!decision.allowed) throw limited(decision, "Too many failed authentications from this address");
      next();
    },
    counting: async (error, request, _response, next) => {
      if (error instanceof HttpError && error.status === 401) await limiter.take(bucketOf(request));
      next(error);
    },
  };
}
