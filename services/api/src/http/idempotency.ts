import { createHash, randomUUID } from "node:crypto";
import { type Database, isDatabaseUnavailable, type Prisma } from "@huiyin/db";
import { type Keyring, openSecret, SecretBoxError, sealSecret } from "@huiyin/engine";
import type { Request, Response } from "express";
import { refuse } from "./error-codes.ts";

/** What a handler answers when it succeeds; failures are thrown (HttpError) and never stored. */
export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /**
   * Top-level fields of `body` that hold a secret (a webhook's signing secret): the stored answer keeps them sealed
   * with the store's keyring, bound to the key's row, and a replay opens them, so the same caller gets the same
   * answer while the table holds no secret in clear.
   */
  secretFields?: readonly string[];
}

/**
 * How long the first request of a key holds it without proof of life, and how often its process renews that.
 * A process that dies (kill -9, a crash) stops renewing, and a retry takes the key over once the lease has run
 * out: within seconds. A request that is slow but alive keeps renewing and is never taken over (unless its
 * process cannot reach the database for a whole lease, when it could not finish its work either).
 */
export interface IdempotencyLease {
  leaseMs: number;
  renewEveryMs: number;
}

export const DEFAULT_LEASE: IdempotencyLease = { leaseMs: 5_000, renewEveryMs: 1_000 };

/** Where the keys are kept, and how they are held while their first request runs. */
export interface IdempotencyStore {
  database: Database;
  /** `DEFAULT_LEASE` when absent. */
  lease?: IdempotencyLease | undefined;
  /** Seals the answers' `secretFields` at rest (SECRETS_ENCRYPTION_KEYS); needed where a handler answers any. */
  keyring?: Keyring | undefined;
}

/** What the table keeps of an answer. */
interface StoredAnswer {
  body: unknown;
  headers?: Record<string, string>;
  /** The body's fields that are sealed (see `Answer.secretFields`). */
  sealed?: string[];
}

/** What a sealed field is bound to: this key's row and field, so that it opens nowhere else. */
const sealBinding = (identity: { apiKeyId: string; key: string }, field: string) =>
  `idempotency:${identity.apiKeyId}:${identity.key}:${field}`;

function sealAnswer(
  answer: Answer,
  keyring: Keyring | undefined,
  identity: { apiKeyId: string; key: string },
): StoredAnswer {
  const stored: StoredAnswer = { body: answer.body, headers: answer.headers ?? {} };
  const fields = answer.secretFields ?? [];
  if (fields.length === 0) return stored;
  // A handler that answers a secret runs only where a keyring was passed: storing it in clear is never the fallback.
  if (!keyring) throw new Error("an answer with secret fields needs the idempotency store's keyring");
  const body = { ...(answer.body as Record<string, unknown>) };
  for (const field of fields) {
    if (typeof body[field] === "string") body[field] = sealSecret(keyring, body[field], sealBinding(identity, field));
  }
  return { ...stored, body, sealed: [...fields] };
}

/** The first answer as it was sent; refused when a field was sealed with a key the keyring no longer holds. */
function openAnswer(
  stored: StoredAnswer,
  keyring: Keyring | undefined,
  identity: { apiKeyId: string; key: string },
): unknown {
  if (!stored.sealed?.length) return stored.body;
  const body = { ...(stored.body as Record<string, unknown>) };
  try {
    for (const field of stored.sealed) {
      if (typeof body[field] === "string")
        body[field] = openSecret(keyring ?? [], body[field], sealBinding(identity, field));
    }
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    throw refuse(
      "IDEMPOTENT_ANSWER_SEALED",
      "The first answer to this Idempotency-Key held a secret sealed with an encryption key this deployment no longer has; what it created exists (list it), and a new secret can be issued for it.",
    );
  }
  return body;
}

const IN_PROGRESS = 0;

/**
 * Runs `handle` at most once per `Idempotency-Key` and API key. The first request reserves the key (a row with
 * status 0 and a lease, inserted with ON CONFLICT, so of two concurrent first requests exactly one runs); its
 * successful answer is stored and every repeat gets that answer again (`Idempotent-Replayed: true`) and changes
 * nothing. A refused request stores nothing, so it can be retried with the same key after fixing it. A repeat
 * while the first runs is 409 `IDEMPOTENCY_IN_PROGRESS`; once the first's lease has run out (its process died),
 * a repeat takes the key over and runs. The same key with another method, path or body is a client bug: 422
 * `IDEMPOTENCY_KEY_REUSED`.
 */
/** Whose keys an Idempotency-Key lives among: the API key behind the request (auth's `Caller` is one). */
export interface KeyHolder {
  readonly keyId: string;
}

export async function respondOnce(
  store: IdempotencyStore,
  caller: KeyHolder,
  request: Request,
  response: Response,
  handle: (key: string | undefined) => Promise<Answer>,
): Promise<void> {
  const { database, lease = DEFAULT_LEASE, keyring } = store;
  const key = request.headers["idempotency-key"];
  if (key === undefined) return send(response, await handle(undefined));
  if (typeof key !== "string" || !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw refuse("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key must be 1 to 200 visible ASCII characters.");
  }
  const identity = { apiKeyId: caller.keyId, key };
  const request_ = {
    method: request.method,
    path: request.originalUrl.split("?")[0] ?? request.originalUrl,
    // The body is at most MAX_BODY_DEPTH deep here (input-guard), so stringifying it cannot overflow the stack.
    bodyHash: createHash("sha256")
      .update(JSON.stringify(request.body ?? null))
      // The person an integrator key acts for is part of the request: the same key and body for another person is
      // another request (422), not a replay of the first person's answer. Absent, the hash is as it always was.
      .update(typeof request.headers["x-on-behalf-of"] === "string" ? `\n${request.headers["x-on-behalf-of"]}` : "")
      .digest("hex"),
  };
  const owner = randomUUID();
  // Reserve, or take over a reservation whose lease ran out (the database's clock decides, the same for every
  // api process). A row reserved before leases existed (lease_until null) is abandoned 60 s after it was made.
  const reserved = await database.prisma.$queryRaw<{ owner: string }[]>`
    INSERT INTO idempotent_requests (api_key_id, key, method, path, body_hash, status, response, created_at,
      lease_until, owner)
    VALUES (${identity.apiKeyId}, ${key}, ${request_.method}, ${request_.path}, ${request_.bodyHash}, ${IN_PROGRESS},
      '{}'::jsonb, now(), now() + ${lease.leaseMs}::integer * interval '1 millisecond', ${owner})
    ON CONFLICT (api_key_id, key) DO UPDATE SET method = EXCLUDED.method, path = EXCLUDED.path,
      body_hash = EXCLUDED.body_hash, created_at = EXCLUDED.created_at, lease_until = EXCLUDED.lease_until,
      owner = EXCLUDED.owner
    WHERE idempotent_requests.status = ${IN_PROGRESS}
      AND coalesce(idempotent_requests.lease_until, idempotent_requests.created_at + interval '60 seconds') < now()
    RETURNING owner`;
  const requests = database.prisma.idempotentRequest;
  if (reserved.length === 0) {
    const first = await requests.findUnique({ where: { apiKeyId_key: identity } });
    if (!first) throw refuse("IDEMPOTENCY_IN_PROGRESS", "Retry: a request with this key just ended.");
    if (first.method !== request_.method || first.path !== request_.path || first.bodyHash !== request_.bodyHash) {
      throw refuse(
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was used for a different request; use a new key for a new request.",
      );
    }
    if (first.status === IN_PROGRESS) {
      throw refuse("IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still running.", {
        retryAfterSeconds: 1,
      });
    }
    request.log.info({ idempotencyKey: key }, "idempotent repeat: the first answer replayed");
    const stored = first.response as unknown as StoredAnswer;
    return send(response, {
      status: first.status,
      body: openAnswer(stored, keyring, identity),
      headers: { ...stored.headers, "Idempotent-Replayed": "true" },
    });
  }
  const held = { ...identity, owner, status: IN_PROGRESS };
  const renewal = keepLease(database, held, lease, request);
  let answer: Answer;
  try {
    answer = await handle(key);
  } catch (error) {
    await renewal.stop();
    // Refused or failed: free the key for a retry. When the database went away mid-request the delete fails too;
    // it is tried again until the database is back (the lease would free the key in seconds anyway).
    await persist(() => requests.deleteMany({ where: held }), request);
    throw error;
  }
  await renewal.stop();
  const stored = {
    status: answer.status,
    response: sealAnswer(answer, keyring, identity) as unknown as Prisma.InputJsonValue,
    leaseUntil: null,
  };
  let count: number;
  try {
    ({ count } = await requests.updateMany({ where: held, data: stored }));
  } catch (error) {
    // The work is committed but its answer is not stored: store it as soon as the database is back, so that the
    // retry (the client got a 503) replays this answer rather than running the request a second time.
    if (isDatabaseUnavailable(error)) {
      await persist(() => requests.updateMany({ where: held, data: stored }), request);
    }
    throw error;
  }
  if (count === 0) {
    // Only when this process could not renew for a whole lease: another request took the key over.
    request.log.warn({ idempotencyKey: key }, "idempotency lease lost before the answer was stored");
  }
  send(response, answer);
}

/** Renews the lease every `renewEveryMs` until stopped; one renewal at a time, however slow the database. */
function keepLease(
  database: Database,
  held: { apiKeyId: string; key: string; owner: string; status: number },
  lease: IdempotencyLease,
  request: Request,
): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const renew = async () => {
    const count = await database.prisma.$executeRaw`
      UPDATE idempotent_requests SET lease_until = now() + ${lease.leaseMs}::integer * interval '1 millisecond'
      WHERE api_key_id = ${held.apiKeyId} AND key = ${held.key} AND owner = ${held.owner} AND status = ${held.status}`;
    if (count === 0) request.log.warn({ idempotencyKey: held.key }, "idempotency lease lost while running");
  };
  const schedule = () => {
    timer = setTimeout(() => {
      running = renew()
        .catch((error: unknown) => request.log.warn({ err: error }, "idempotency lease not renewed"))
        .finally(() => {
          if (!stopped) schedule();
        });
    }, lease.renewEveryMs);
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

function send(response: Response, answer: Answer): void {
  for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
  response.status(answer.status).json(answer.body);
}

/** How often a write lost to a database outage is tried again, and for how long. */
const PERSIST_EVERY_MS = 1_000;
const PERSIST_FOR_MS = 60_000;

/**
 * Runs `write` (awaited: a refused request's key is free when the client hears back) and, while the database is
 * unavailable, again every second in the background, for up to a minute. Never throws.
 */
async function persist(write: () => Promise<unknown>, request: Request): Promise<void> {
  const until = Date.now() + PERSIST_FOR_MS;
  const attempt = async (): Promise<void> => {
    try {
      await write();
    } catch (error) {
      if (isDatabaseUnavailable(error) && Date.now() < until) {
        setTimeout(() => void attempt(), PERSIST_EVERY_MS).unref();
      } else {
        request.log?.warn({ err: error }, "could not settle an Idempotency-Key reservation; its lease lets it go");
      }
    }
  };
  await attempt();
}
