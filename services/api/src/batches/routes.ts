import { randomUUID } from "node:crypto";
import type { Batch, BatchItem, Database, Prisma } from "@huiyin/db";
import type { Clock, EventFacts, Workflow } from "@huiyin/engine";
import type { Logger } from "@huiyin/logger";
import { Router } from "express";
import { callerOf } from "../auth/authenticate.ts";
import type { Caller } from "../auth/keys.ts";
import { scopedToCommittee } from "../committees/scope.ts";
import { refuse } from "../http/error-codes.ts";
import { HttpError } from "../http/errors.ts";
import { type IdempotencyLease, respondOnce } from "../http/idempotency.ts";
import { parseBody, parseQuery } from "../http/validate.ts";
import { eventSender } from "../proposals/send-event.ts";
import { type BatchOutcome, batchListQuerySchema, createBatchSchema } from "./schemas.ts";

export interface BatchRoutesDeps {
  database: Database;
  workflow: Workflow;
  clock: Clock;
  idempotencyLease?: IdempotencyLease | undefined;
  /** The committee's sessions and numbers (`sessionFacts`), stamped in each item's transaction. */
  facts?: EventFacts | undefined;
  /** How many items of one batch are applied at the same time (each in its own transaction). */
  batchConcurrency?: number | undefined;
}

/** Few enough to leave the pool's connections to other requests, enough for a 交办会's 500 in seconds. */
const DEFAULT_CONCURRENCY = 4;

/** Who sent a batch, as events and rows elsewhere name their creator. */
const creatorOf = (caller: Caller) => `${caller.role}:${caller.actorId}`;

/**
 * Bulk work: `POST /v1/batches` applies one event to many proposals. Every item goes the way of
 * `POST /v1/proposals/:id/events` (`eventSender`): its own transaction, the caller's visibility (a proposal it
 * may not see is `not_found`, as a single event would be 404), the machine's rules, an optional If-Match. A
 * refused item changes nothing and the others go on.
 *
 * Idempotent as a whole and per item: with an `Idempotency-Key` a repeat replays the first answer
 * (`respondOnce`); and every item's event carries the key, scoped to the API key and the batch, into the engine's
 * per-proposal index, so a retry of a batch whose process died mid-way (the key's lease ran out) applies each
 * item at most once: the items applied before the crash answer `applied` again and change nothing.
 *
 * The batch is recorded before its first item runs and each item's result as it is decided, so that
 * `GET /v1/batches/:id` shows a long batch's progress (`status: "running"`).
 */
export function batchRoutes(deps: BatchRoutesDeps): Router {
  const router = Router();
  const { database } = deps;
  const idempotency = { database, lease: deps.idempotencyLease };
  const sender = eventSender(deps);
  const concurrency = deps.batchConcurrency ?? DEFAULT_CONCURRENCY;

  router.post("/batches", async (request, response) => {
    const caller = callerOf(response);
    await respondOnce(idempotency, caller, request, response, async (idempotencyKey) => {
      const body = parseBody(createBatchSchema, request.body);
      // A bad or timer event refuses the whole batch before anything is recorded.
      sender.parseEvent(body.event);
      const batch = await begin(caller, body, idempotencyKey, String(request.id));
      const decided = new Set(
        (await database.prisma.batchItem.findMany({ where: { batchId: batch.id }, select: { position: true } })).map(
          (item) => item.position,
        ),
      );
      const pending = body.proposalIds
        .map((id, position) => ({ id, position }))
        .filter((item) => !decided.has(item.position));
      const log = request.log.child({ batchId: batch.id });
      try {
        await inPool(pending, concurrency, async ({ id, position }) => {
          const result = await itemOf(id, caller, body, idempotencyKey, batch.id, String(request.id), log);
          await database.prisma.batchItem.create({ data: { batchId: batch.id, position, proposalId: id, ...result } });
        });
      } catch (error) {
        // A failure of the server (the database went away), not of an item: the batch says so, and a retry with
        // the same Idempotency-Key continues it (the items recorded stay, the others run once).
        await database.prisma.batch
          .update({ where: { id: batch.id }, data: { status: "failed", finishedAt: deps.clock.now() } })
          .catch(() => undefined);
        throw error;
      }
      const done = await database.prisma.batch.update({
        where: { id: batch.id },
        data: { status: "done", finishedAt: deps.clock.now() },
        include: { items: { orderBy: { position: "asc" } } },
      });
      log.info({ total: done.total }, "batch done");
      return { status: 200, body: batchView(done), headers: { Location: `/v1/batches/${done.id}` } };
    });
  });

  /** Records the batch, or finds the one a retry of the same Idempotency-Key continues. */
  async function begin(
    caller: Caller,
    body: ReturnType<typeof createBatchSchema.parse>,
    idempotencyKey: string | undefined,
    requestId: string,
  ): Promise<Batch> {
    const data = {
      committeeId: caller.committeeId,
      createdBy: creatorOf(caller),
      apiKeyId: caller.keyId,
      event: body.event as Prisma.InputJsonValue,
      proposalIds: body.proposalIds,
      ifMatch: (body.ifMatch ?? {}) as Prisma.InputJsonValue,
      status: "running",
      total: body.proposalIds.length,
      requestId,
    };
    if (!idempotencyKey) return database.prisma.batch.create({ data: { id: newBatchId(), ...data } });
    // respondOnce lets one request at a time hold the key, so this upsert has no concurrent twin; the body is the
    // same as the first's (respondOnce compared their hashes).
    return database.prisma.batch.upsert({
      where: { apiKeyId_idempotencyKey: { apiKeyId: caller.keyId, idempotencyKey } },
      create: { id: newBatchId(), idempotencyKey, ...data },
      update: { status: "running", finishedAt: null },
    });
  }

  /** One item: applied, refused with its code, or not found. A failure of the server is thrown. */
  async function itemOf(
    proposalId: string,
    caller: Caller,
    body: ReturnType<typeof createBatchSchema.parse>,
    idempotencyKey: string | undefined,
    batchId: string,
    requestId: string,
    logger: Logger,
  ): Promise<{ outcome: BatchOutcome; code?: string; message?: string; version?: number }> {
    try {
      const { row } = await sender.send({
        caller,
        proposalId,
        body: body.event,
        expectedVersion: body.ifMatch?.[proposalId],
        // Per item: scoped to the API key and this batch's key, so a retry of the batch applies no item twice.
        idempotencyKey: idempotencyKey ? `${caller.keyId}:batch:${idempotencyKey}` : undefined,
        requestId,
        logger: logger.child({ batchId }),
      });
      return { outcome: "applied", version: row.version };
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      if (error.status === 404) return { outcome: "not_found", code: error.code, message: error.message };
      // A rule of the machine that answers 403 names itself in details.reason (ROLE_NOT_ALLOWED, NOT_A_PARTY…).
      const reason = (error.details as { reason?: unknown } | undefined)?.reason;
      return {
        outcome: "refused",
        code: error.code === "FORBIDDEN" && typeof reason === "string" ? reason : error.code,
        message: error.message,
      };
    }
  }

  router.get("/batches/:id", async (request, response) => {
    const caller = callerOf(response);
    const batch = await database.prisma.batch.findFirst({
      where: { AND: [{ id: request.params.id }, batchesVisibleTo(caller)] },
      include: { items: { orderBy: { position: "asc" } } },
    });
    if (!batch) throw refuse("NOT_FOUND", `No batch ${request.params.id}.`);
    response.json(batchView(batch));
  });

  router.get("/batches", async (request, response) => {
    const caller = callerOf(response);
    const query = parseQuery(batchListQuerySchema, request.query);
    const rows = await database.prisma.batch.findMany({
      where: { AND: [batchesVisibleTo(caller), ...(query.cursor ? [{ id: { lt: query.cursor } }] : [])] },
      orderBy: { id: "desc" },
      take: query.limit + 1,
      include: { items: { orderBy: { position: "asc" } } },
    });
    const page = rows.slice(0, query.limit);
    response.json({
      items: page.map(batchView),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    });
  });

  return router;
}

/**
 * Staff and admins see every batch of their committee (they see its every proposal); anyone else the batches it
 * sent there.
 */
function batchesVisibleTo(caller: Caller): Prisma.BatchWhereInput {
  const mine = caller.role === "admin" || caller.role === "staff" ? {} : { createdBy: creatorOf(caller) };
  return { AND: [scopedToCommittee(caller), mine] };
}

/** Batch ids sort by creation, as proposal ids do: `b_` + time + random. */
function newBatchId(): string {
  return `b_${Date.now().toString(36).padStart(10, "0")}${randomUUID().replaceAll("-", "").slice(0, 10)}`;
}

/** The answer of `POST /v1/batches` and `GET /v1/batches/:id`: the items decided so far, in the batch's order. */
export function batchView(batch: Batch & { items: BatchItem[] }) {
  const count = (outcome: BatchOutcome) => batch.items.filter((item) => item.outcome === outcome).length;
  return {
    id: batch.id,
    status: batch.status,
    total: batch.total,
    counts: { applied: count("applied"), refused: count("refused"), notFound: count("not_found") },
    items: batch.items.map((item) => ({
      proposalId: item.proposalId,
      outcome: item.outcome,
      ...(item.code === null ? {} : { code: item.code }),
      ...(item.message === null ? {} : { message: item.message }),
      ...(item.version === null ? {} : { version: item.version }),
    })),
    event: batch.event,
    createdBy: batch.createdBy,
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
  };
}

/** Runs `work` over `items`, at most `limit` at a time; the first failure stops taking new items and is thrown. */
export async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failure = results.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
}
