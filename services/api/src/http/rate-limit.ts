import type { Logger } from "@huiyin/logger";
import type { RedisConnection } from "@huiyin/queue";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/authenticate.ts";
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
  take(subject: string): Promise<RateDecision>;
}

/**
 * A token bucket per subject (here: per API key) in Redis, so that N api processes share one budget: `capacity`
 * requests at once, refilled at `capacity` per minute. One Lua script reads, refills and takes atomically, using
 * Redis's own clock (TIME), so the processes' clocks do not matter. The key expires once the bucket would be
 * full again, so idle keys cost nothing.
 */
export function redisRateLimiter(
  redis: RedisConnection,
  options: { perMinute: number; prefix: string; logger: Logger },
): RateLimiter {
  const capacity = options.perMinute;
  const perMs = options.perMinute / 60_000;
  return {
    async take(subject) {
      try {
        const [allowed, tokens] = (await redis.eval(
          TOKEN_BUCKET,
          1,
          `${options.prefix}:ratelimit:${subject}`,
          capacity,
          perMs,
        )) as [number, string];
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
    },
  };
}

const TOKEN_BUCKET = `
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * per_ms)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / per_ms) + 1000)
return {allowed, tostring(tokens)}
`;

/** 429 `RATE_LIMITED` with `Retry-After` once the caller's key has spent its budget; `RateLimit-Remaining` always. */
export function rateLimit(limiter: RateLimiter): RequestHandler {
  return async (_request, response, next) => {
    const caller = callerOf(response);
    const decision = await limiter.take(caller.keyId);
    response.setHeader("RateLimit-Remaining", String(decision.remaining));
    if (!decision.allowed) {
      throw new HttpError(
        429,
        "RATE_LIMITED",
        `Too many requests with this API key; retry in ${decision.retryAfterSeconds} s.`,
        { retryAfterSeconds: decision.retryAfterSeconds },
        { "Retry-After": String(decision.retryAfterSeconds) },
      );
    }
    next();
  };
}
