import { createHash } from "node:crypto";
import type { Logger } from "@huiyin/logger";
import { isCluster, type RedisConnection } from "@huiyin/queue";
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

/** One bucket of a limiter, as the token bucket script takes it. */
interface Bucket {
  key: string;
  capacity: number;
  perMs: number;
  /** 1 takes a request; 0 only reads whether one is left. */
  cost: 0 | 1;
}

/** What `takeAndRead` needs of a limiter made by `redisRateLimiter`: its connection and its buckets. */
interface RedisBuckets {
  redis: RedisConnection;
  logger: Logger;
  bucket(subject: string, cost: 0 | 1): Bucket;
}

/** The limiters `redisRateLimiter` made, with their buckets (so two of them can be asked in one round trip). */
const redisBuckets = new WeakMap<RateLimiter, RedisBuckets>();

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
  const buckets: RedisBuckets = {
    redis,
    logger: options.logger,
    bucket: (subject, cost) => ({ key: keyOf(subject), capacity, perMs, cost }),
  };
  const decide = async (subject: string, cost: 0 | 1) =>
    (await decideBuckets(redis, options.logger, [buckets.bucket(subject, cost)]))[0] as RateDecision;
  const limiter: RateLimiter = { take: (subject) => decide(subject, 1), check: (subject) => decide(subject, 0) };
  redisBuckets.set(limiter, buckets);
  return limiter;
}

/**
 * Takes one request from `taking`'s bucket of `subject` and reads `reading`'s (without taking), in one round trip
 * when both live in the same Redis and, in a cluster, in the same slot (the default prefix `{huiyin}` is one hash
 * tag); otherwise in two calls sent together. Answers the two decisions in that order.
 */
export async function takeAndRead(
  taking: RateLimiter,
  reading: RateLimiter,
  subject: string,
): Promise<[RateDecision, RateDecision]> {
  const [first, second] = [redisBuckets.get(taking), redisBuckets.get(reading)];
  if (first && second && first.redis === second.redis) {
    const buckets = [first.bucket(subject, 1), second.bucket(subject, 0)];
    if (!isCluster(first.redis) || hashTagOf(buckets[0]?.key ?? "") === hashTagOf(buckets[1]?.key ?? "")) {
      const [took, read] = await decideBuckets(first.redis, first.logger, buckets);
      return [took as RateDecision, read as RateDecision];
    }
  }
  return Promise.all([taking.take(subject), reading.check(subject)]);
}

/** The part of a key a Redis Cluster hashes: its first non-empty `{…}`, or the whole key. */
function hashTagOf(key: string): string {
  const open = key.indexOf("{");
  const close = open < 0 ? -1 : key.indexOf("}", open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

/** The token bucket script over `buckets`, one decision each, in one call. */
async function decideBuckets(redis: RedisConnection, logger: Logger, buckets: Bucket[]): Promise<RateDecision[]> {
  try {
    const args = buckets.flatMap((bucket) => [bucket.capacity, bucket.perMs, bucket.cost]);
    const answer = (await runScript(
      redis,
      buckets.map((bucket) => bucket.key),
      args,
    )) as (number | string)[];
    return buckets.map((bucket, index) => {
      const allowed = answer[2 * index] === 1;
      const left = Number(answer[2 * index + 1]);
      return {
        allowed,
        remaining: Math.floor(left),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - left) / bucket.perMs / 1000)),
      };
    });
  } catch (error) {
    // Redis away: serve rather than refuse everyone; /readyz reports Redis, and the database is the truth.
    logger.warn({ err: error }, "rate limiter unavailable; request let through");
    return buckets.map((bucket) => ({ allowed: true, remaining: bucket.capacity, retryAfterSeconds: 0 }));
  }
}

/** Each bucket `KEYS[i]` with its capacity, refill per ms and cost in `ARGV[3i-2..3i]`; answers allowed, tokens. */
const TOKEN_BUCKET = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local answer = {}
for i, key in ipairs(KEYS) do
  local capacity = tonumber(ARGV[3 * i - 2])
  local per_ms = tonumber(ARGV[3 * i - 1])
  local cost = tonumber(ARGV[3 * i])
  local state = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(state[1]) or capacity
  local at = tonumber(state[2]) or now
  tokens = math.min(capacity, tokens + math.max(0, now - at) * per_ms)
  local allowed = 0
  if cost == 0 then
    if tokens >= 1 then allowed = 1 end
  else
    if tokens >= cost then
      tokens = tokens - cost
      allowed = 1
    end
    redis.call('HSET', key, 'tokens', tostring(tokens), 'at', now)
    redis.call('PEXPIRE', key, math.ceil((capacity - tokens) / per_ms) + 1000)
  end
  answer[2 * i - 1] = allowed
  answer[2 * i] = tostring(tokens)
end
return answer
`;

/** The script's SHA1, as Redis names a script it has cached. */
const TOKEN_BUCKET_SHA = createHash("sha1").update(TOKEN_BUCKET).digest("hex");

/**
 * The token bucket by its SHA1 (`EVALSHA`): every request runs it (the address budget with the failed
 * authentications, then the key), and `EVAL` sent and hashed its whole text each time (issue 18). Redis forgets its
 * scripts on a restart or `SCRIPT FLUSH`: then one `EVAL` caches it again.
 */
async function runScript(redis: RedisConnection, keys: string[], args: number[]): Promise<unknown> {
  try {
    return await redis.evalsha(TOKEN_BUCKET_SHA, keys.length, ...keys, ...args);
  } catch (error) {
    if (!String((error as Error | undefined)?.message).startsWith("NOSCRIPT")) throw error;
    return redis.eval(TOKEN_BUCKET, keys.length, ...keys, ...args);
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

/** The failed-authentication budget read at the door (`rateLimitByAddress`), for `limitFailedAuthentication`. */
const failuresRead = new WeakMap<
  Response,
  { limiter: RateLimiter; subject: string; decision: RateDecision; readAt: number }
>();

/**
 * How old the door's read of the failures may be when authentication starts. Between them the body is read: a body
 * trickled in for a minute must not carry a read made before it past the failures spent meanwhile (N such requests
 * would each guess a key on one read). A read this fresh is as good as one made then: what spends the budget is a
 * 401, and concurrent guesses within milliseconds of each other pass a check made at any point before their lookups.
 */
const FRESH_READ_MS = 50;

/**
 * 429 `RATE_LIMITED` once the client's address has spent its budget. It runs before anything else under /v1
 * (authentication, the acknowledge-link pages), so a request with a missing or unknown key, or a forged link,
 * costs one Redis call and no database lookup once its address is over budget. Given the budget of failed
 * authentications, it reads that one in the same call (`takeAndRead`), for `limitFailedAuthentication` to judge
 * when the request reaches authentication: one round trip to Redis fewer per request (issue 18).
 */
export function rateLimitByAddress(limiter: RateLimiter, failures?: RateLimiter): RequestHandler {
  return async (request, response, next) => {
    const subject = bucketOf(request);
    if (!failures) {
      const decision = await limiter.take(subject);
      if (!decision.allowed) throw limited(decision, "Too many requests from this address");
      return next();
    }
    const [decision, failed] = await takeAndRead(limiter, failures, subject);
    if (!decision.allowed) throw limited(decision, "Too many requests from this address");
    failuresRead.set(response, { limiter: failures, subject, decision: failed, readAt: performance.now() });
    next();
  };
}

/**
 * A budget of failed authentications per address, stricter than the request budget: guessing keys is what it
 * stops. `before` refuses (429) an address whose failures are spent, before the key is looked up (as read at the
 * door when `rateLimitByAddress` was given this budget and its read is fresh, see `FRESH_READ_MS`); `counting`, placed right
 * after `authenticate`, takes one from that budget for each 401 and passes the error on.
 */
export function limitFailedAuthentication(limiter: RateLimiter): {
  before: RequestHandler;
  counting: ErrorRequestHandler;
} {
  return {
    before: async (request, response, next) => {
      const subject = bucketOf(request);
      const read = failuresRead.get(response);
      failuresRead.delete(response);
      const fresh =
        read?.limiter === limiter && read.subject === subject && performance.now() - read.readAt <= FRESH_READ_MS;
      const decision = fresh && read ? read.decision : await limiter.check(subject);
      if (!decision.allowed) throw limited(decision, "Too many failed authentications from this address");
      next();
    },
    counting: async (error, request, _response, next) => {
      if (error instanceof HttpError && error.status === 401) await limiter.take(bucketOf(request));
      next(error);
    },
  };
}
