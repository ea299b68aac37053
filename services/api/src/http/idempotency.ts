import { createHash } from "node:crypto";
import { type Database, isDatabaseUnavailable, type Prisma } from "@huiyin/db";
import type { Request, Response } from "express";
import type { Caller } from "../auth/keys.ts";
import { HttpError } from "./errors.ts";

/** What a handler answers when it succeeds; failures are thrown (HttpError) and never stored. */
export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A reservation older than this belongs to a request that died mid-way; another attempt may take it over. */
const ABANDONED_MS = 60_000;
const IN_PROGRESS = 0;

/**
 * Runs `handle` at most once per `Idempotency-Key` and API key. The first request reserves the key (a row with
 * status 0, inserted with ON CONFLICT DO NOTHING, so of two concurrent first requests exactly one runs); its
 * successful answer is stored and every repeat gets that answer again (`Idempotent-Replayed: true`) and changes
 * nothing. A refused request stores nothing, so it can be retried with the same key after fixing it. The same
 * key with another method, path or body is a client bug: 422 `IDEMPOTENCY_KEY_REUSED`.
 */
export async function respondOnce(
  database: Database,
  caller: Caller,
  request: Request,
  response: Response,
  handle: (key: string | undefined) => Promise<Answer>,
): Promise<void> {
  const key = request.headers["idempotency-key"];
  if (key === undefined) return send(response, await handle(undefined));
  if (typeof key !== "string" || !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new HttpError(400, "INVALID_IDEMPOTENCY_KEY", "Idempotency-Key must be 1 to 200 visible ASCII characters.");
  }
  const identity = { apiKeyId: caller.keyId, key };
  const request_ = {
    method: request.method,
    path: request.originalUrl.split("?")[0] ?? request.originalUrl,
    bodyHash: createHash("sha256")
      .update(JSON.stringify(request.body ?? null))
      .digest("hex"),
  };
  const requests = database.prisma.idempotentRequest;
  await requests.deleteMany({
    where: { ...identity, status: IN_PROGRESS, createdAt: { lt: new Date(Date.now() - ABANDONED_MS) } },
  });
  const reserved = await requests.createMany({
    data: [{ ...identity, ...request_, status: IN_PROGRESS, response: {} }],
    skipDuplicates: true,
  });
  if (reserved.count === 0) {
    const first = await requests.findUnique({ where: { apiKeyId_key: identity } });
    if (!first) throw new HttpError(409, "IDEMPOTENCY_IN_PROGRESS", "Retry: a request with this key just ended.");
    if (first.method !== request_.method || first.path !== request_.path || first.bodyHash !== request_.bodyHash) {
      throw new HttpError(
        422,
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was used for a different request; use a new key for a new request.",
      );
    }
    if (first.status === IN_PROGRESS) {
      throw new HttpError(409, "IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still running.", {
        retryAfterSeconds: 1,
      });
    }
    request.log.info({ idempotencyKey: key }, "idempotent repeat: the first answer replayed");
    const stored = first.response as { body: unknown; headers?: Record<string, string> };
    return send(response, {
      status: first.status,
      body: stored.body,
      headers: { ...stored.headers, "Idempotent-Replayed": "true" },
    });
  }
  let answer: Answer;
  try {
    answer = await handle(key);
  } catch (error) {
    // Refused or failed: free the key for a retry. When the database went away mid-request the delete fails
    // too; it is tried again until the database is back, so the client's retry with the same key is not told
    // IDEMPOTENCY_IN_PROGRESS until the reservation is abandoned (a minute).
    await persist(() => requests.deleteMany({ where: { ...identity, status: IN_PROGRESS } }), request);
    throw error;
  }
  const stored = {
    status: answer.status,
    response: { body: answer.body, headers: answer.headers ?? {} } as Prisma.InputJsonValue,
  };
  try {
    await requests.update({ where: { apiKeyId_key: identity }, data: stored });
  } catch (error) {
    // The work is committed but its answer is not stored: store it as soon as the database is back, so the
    // retry (the client got a 503) replays this answer rather than running the request a second time.
    if (isDatabaseUnavailable(error)) {
      await persist(() => requests.updateMany({ where: { ...identity, status: IN_PROGRESS }, data: stored }), request);
    }
    throw error;
  }
  send(response, answer);
}

/** How often a write lost to a database outage is tried again, and for how long (then the reservation is abandoned). */
const PERSIST_EVERY_MS = 1_000;

/**
 * Runs `write` (awaited: a refused request's key is free when the client hears back) and, while the database is
 * unavailable, again every second in the background, for up to ABANDONED_MS. Never throws.
 */
async function persist(write: () => Promise<unknown>, request: Request): Promise<void> {
  const until = Date.now() + ABANDONED_MS;
  const attempt = async (): Promise<void> => {
    try {
      await write();
    } catch (error) {
      if (isDatabaseUnavailable(error) && Date.now() < until) {
        setTimeout(() => void attempt(), PERSIST_EVERY_MS).unref();
      } else {
        request.log?.warn({ err: error }, "could not settle an Idempotency-Key reservation; it lapses in a minute");
      }
    }
  };
  await attempt();
}

function send(response: Response, answer: Answer): void {
  for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
  response.status(answer.status).json(answer.body);
}
