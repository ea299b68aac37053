import type { Database, Prisma, Proposal } from "@huiyin/db";
import type { Policy } from "@huiyin/domain";
import {
  type Actor,
  applyEvent,
  type Clock,
  createProposal,
  currentPolicy,
  type EngineDeps,
  EngineError,
  type EngineObserver,
  type EventFacts,
  type GroupCommit,
  type Workflow,
} from "@huiyin/engine";
import { acceptedReplies, disclose } from "@huiyin/workflow-proposal";
import { type Request, Router } from "express";
import { initialTransition } from "xstate";
import { callerOf } from "../auth/authenticate.ts";
import { type Caller, type Grant, grantsOf } from "../auth/keys.ts";
import { refuse } from "../http/error-codes.ts";
import { type IdempotencyLease, respondOnce } from "../http/idempotency.ts";
import { parseBody, parseQuery } from "../http/validate.ts";
import { refreshFigures } from "../stats/figures-store.ts";
import { actorOf, createRefusal, firstGrantSeeing, grantsSeeing, viewerOf, visibleWhere } from "./access.ts";
import { figureFiltersOf, usesFigureFilters } from "./figure-filters.ts";
import { listedItems } from "./listing.ts";
import { idsOf, namesOf } from "./names.ts";
import { httpErrorOf } from "./refusals.ts";
import {
  type CreateProposalBody,
  createProposalSchema,
  historyQuerySchema,
  type ListQuery,
  listQuerySchema,
  parseIfMatch,
} from "./schemas.ts";
import { SEARCH_CHUNK, SEARCH_CHUNKS_PER_PAGE, searchChunk } from "./search.ts";
import { eventSender } from "./send-event.ts";
import { proposalView, summaryOf } from "./view.ts";

/** The history entries whose names a proposal's page is given (its history page shows as many). */
const NAMED_HISTORY = 200;

export interface ProposalRoutesDeps {
  database: Database;
  /** The machine the engine runs: `proposalWorkflow` in production. */
  workflow: Workflow;
  clock: Clock;
  /** How an Idempotency-Key is held while its first request runs (`DEFAULT_LEASE` when absent). */
  idempotencyLease?: IdempotencyLease | undefined;
  /** Told about each event the engine applies (the metrics of /metrics); none when absent. */
  observer?: EngineObserver | undefined;
  /** The committee's sessions and numbers (`sessionFacts`), stamped in the event's transaction. */
  facts?: EventFacts | undefined;
  /** The process's group commit (`createGroupCommit`): events sent at once share transactions under load. */
  groupCommit?: GroupCommit | undefined;
}

/** The proposals routes under /v1: create, read, send events, history, list. */
export function proposalRoutes(deps: ProposalRoutesDeps): Router {
  const router = Router();
  const { database, workflow, clock } = deps;
  const idempotency = { database, lease: deps.idempotencyLease };
  const engine = (request: Request): EngineDeps => ({
    db: database,
    logger: request.log,
    clock,
    workflow,
    ...(deps.observer ? { observer: deps.observer } : {}),
    groupCommit: deps.groupCommit,
    facts: deps.facts,
  });

  const { findVisible, refused, send } = eventSender(deps);

  async function answer(row: Proposal, actor: Actor, status: number) {
    return {
      status,
      body: proposalView(workflow, row, actor, clock.now()),
      headers: { ETag: `"${row.version}"` },
    };
  }

  router.post("/proposals", async (request, response) => {
    const caller = callerOf(response);
    await respondOnce(idempotency, caller, request, response, async () => {
      const body = parseBody(createProposalSchema, request.body);
      const proposerIds = body.proposers.map((proposer) => proposer.id);
      // A person with several roles creates under the first that may (staff before their own proposer role).
      const grant = grantsOf(caller).find((candidate) => !createRefusal(candidate, proposerIds)) ?? caller;
      const refusal = createRefusal(grant, proposerIds);
      if (refusal) {
        const details = refusal.reason ? { reason: refusal.reason } : undefined;
        throw refuse("FORBIDDEN", refusal.message, details);
      }
      const actor = actorOf(grant);
      // The caller's committee: its current policy, and the proposal is registered as its own.
      const input = machineInput(body, await currentPolicy(database, caller.committeeId));
      // Submitting is done by the lead proposer: a proposer key for itself, anyone else on the lead's behalf.
      const submitter: Actor =
        grant.role === "proposer" ? actor : { role: "proposer", id: body.proposers[0]?.id ?? "" };
      if (body.submit) refuseSubmitAhead(workflow, input, submitter, clock.now());
      const created = await createProposal(engine(request), {
        input,
        actor,
        ...(body.externalId ? { externalId: body.externalId } : {}),
        requestId: String(request.id),
        committeeId: caller.committeeId,
      }).catch(rethrowEngine);
      let row = await database.prisma.proposal.findFirst({
        where: { AND: [{ id: created.proposal.id }, visibleWhere(caller)] },
      });
      if (!row) {
        throw refuse("EXTERNAL_ID_TAKEN", "Another caller's proposal has this externalId.");
      }
      // The submit of a create is keyed to the proposal ("create:submit"), at its first version: a repeat of the
      // create (same externalId) whose first request died between the create and the submit submits it now, and
      // one whose submit was applied replays it; a proposal that has moved on since is answered as it stands.
      if (body.submit && (created.created || row.version === 1)) {
        const submitted = await applyEvent(engine(request), {
          proposalId: row.id,
          event: { type: "submit" },
          actor: submitter,
          requestId: String(request.id),
          idempotencyKey: "create:submit",
          expectedVersion: 1,
        }).catch(async (error: unknown) => {
          if (!created.created && error instanceof EngineError && error.code === "VERSION_MISMATCH") return null;
          throw error instanceof EngineError ? await refused(error, created.proposal.id, actor) : error;
        });
        if (submitted) row = await database.prisma.proposal.findUniqueOrThrow({ where: { id: row.id } });
      }
      const result = await answer(row, actor, created.created ? 201 : 200);
      return { ...result, headers: { ...result.headers, Location: `/v1/proposals/${row.id}` } };
    });
  });

  router.get("/proposals/:id", async (request, response) => {
    const caller = callerOf(response);
    const row = await findVisible(request.params.id, caller);
    const grant = await firstGrantSeeing(database, row.id, caller);
    const { status, body, headers } = await answer(row, actorOf(grant), 200);
    response.status(status).set(headers).json(body);
  });

  router.post("/proposals/:id/events", async (request, response) => {
    const caller = callerOf(response);
    const id = request.params.id;
    const expectedVersion = parseIfMatch(request.headers["if-match"]);
    if (expectedVersion === null) {
      throw refuse("INVALID_IF_MATCH", 'If-Match must be a proposal version, e.g. If-Match: "3".');
    }
    await respondOnce(idempotency, caller, request, response, async (idempotencyKey) => {
      const { row } = await send({
        caller,
        proposalId: id,
        body: request.body,
        expectedVersion,
        // Scoped to the API key, so two callers cannot collide on a key in the engine's per-proposal index.
        idempotencyKey: idempotencyKey ? `${caller.keyId}:${idempotencyKey}` : undefined,
        requestId: String(request.id),
        logger: request.log,
      });
      // Answered as GET /v1/proposals/:id answers it: under the first of the caller's roles that sees it.
      const grant = await firstGrantSeeing(database, id, caller);
      return answer(row, actorOf(grant), 200);
    });
  });

  /** A page of the history as the grant's viewer may read it; `more`: whether a later page exists. */
  async function visibleHistory(row: Proposal, grant: Grant, after: number, limit: number) {
    const events = await database.prisma.proposalEvent.findMany({
      where: { proposalId: row.id, seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: limit + 1,
    });
    const page = events.slice(0, limit);
    // Whether a reply was accepted can be decided on a later page: read the replies' fate over the whole history.
    const replyFates = await database.prisma.proposalEvent.findMany({
      where: { proposalId: row.id, type: { in: ["handle.reply", "supervise.acceptReply", "supervise.returnReply"] } },
      select: { seq: true, type: true, actor: true, payload: true },
    });
    return {
      visible: disclose(viewerOf(grant, row), page, acceptedReplies(replyFates)),
      page,
      more: events.length > limit,
    };
  }

  router.get("/proposals/:id/history", async (request, response) => {
    const caller = callerOf(response);
    const row = await findVisible(request.params.id, caller);
    const [grant = caller] = await grantsSeeing(database, row.id, caller);
    const query = parseQuery(historyQuerySchema, request.query);
    const { visible, page, more } = await visibleHistory(row, grant, query.after, query.limit);
    response.json({
      items: visible.map((event) => ({
        seq: event.seq,
        type: event.type,
        actor: event.actor,
        payload: event.payload,
        payloadHidden: event.payloadHidden,
        fromStates: event.fromStates,
        toStates: event.toStates,
        at: event.at.toISOString(),
        requestId: event.requestId,
      })),
      nextCursor: more ? String(page.at(-1)?.seq) : null,
    });
  });

  // The names of the units and people the proposal's page shows (its units, proposers, leader, deadlines, and who
  // acted and whom the payloads name in the history the caller may read), from the caller's committee's directory:
  // people who may not read the directory read names, not ids, and only of what they may see.
  router.get("/proposals/:id/names", async (request, response) => {
    const caller = callerOf(response);
    const row = await findVisible(request.params.id, caller);
    const [grant = caller] = await grantsSeeing(database, row.id, caller);
    const [{ visible }, deadlines] = await Promise.all([
      visibleHistory(row, grant, 0, NAMED_HISTORY),
      database.prisma.deadline.findMany({ where: { proposalId: row.id }, select: { unitId: true } }),
    ]);
    const view = proposalView(workflow, row, actorOf(grant), clock.now());
    const ids = idsOf(row, deadlines, view.proposers as { id: string }[], visible);
    response.json(await namesOf(database, caller.committeeId, ids));
  });

  router.get("/proposals", async (request, response) => {
    const caller = callerOf(response);
    const query = parseQuery(listQuerySchema, request.query);
    const now = clock.now();
    if (query.q) {
      const found = await searchPage(caller, query, now);
      response.json({ ...found, items: await listedItems(database, caller.committeeId, found.items, now) });
      return;
    }
    // The figure filters read the derived statistics rows: bring them up to date with the history first.
    if (usesFigureFilters(query)) await refreshFigures(database.pool);
    const rows = await database.prisma.proposal.findMany({
      where: { AND: [visibleWhere(caller), ...filtersOf(query, now)] },
      orderBy: { id: query.order },
      take: query.limit + 1,
      omit: { snapshot: true },
    });
    const page = rows.slice(0, query.limit);
    response.json({
      // Names and the next deadline of the page's rows, in one query for the whole page.
      items: await listedItems(
        database,
        caller.committeeId,
        page.map((row) => summaryOf(row)),
        now,
      ),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    });
  });

  /**
   * A page of a search (`q`): candidates from the trigram index chunk by chunk in id order, each chunk narrowed by
   * the other filters and the caller's visibility, until the page is full. After SEARCH_CHUNKS_PER_PAGE chunks the
   * page is answered as it is, short, with the cursor where the search stopped: a rare search through a large
   * committee stays bounded in time, and the next page goes on from there.
   */
  async function searchPage(caller: Caller, query: ListQuery, now: Date) {
    const others = filtersOf({ ...query, q: undefined, cursor: undefined }, now);
    const items: Omit<Proposal, "snapshot">[] = [];
    let after = query.cursor;
    for (let chunk = 0; chunk < SEARCH_CHUNKS_PER_PAGE; chunk += 1) {
      const ids = await searchChunk(database, {
        committeeId: caller.committeeId,
        q: query.q ?? "",
        order: query.order,
        after,
        size: SEARCH_CHUNK,
      });
      if (ids.length === 0) return { items: items.map((row) => summaryOf(row)), nextCursor: null };
      const rows = await database.prisma.proposal.findMany({
        where: { AND: [visibleWhere(caller), { id: { in: ids } }, ...others] },
        orderBy: { id: query.order },
        omit: { snapshot: true },
      });
      for (const row of rows) {
        if (items.length === query.limit) {
          // Full, and more matched: the next page starts after the last item shown.
          return { items: items.map((item) => summaryOf(item)), nextCursor: items.at(-1)?.id ?? null };
        }
        items.push(row);
      }
      after = ids.at(-1);
      if (ids.length < SEARCH_CHUNK) return { items: items.map((row) => summaryOf(row)), nextCursor: null };
    }
    return { items: items.map((row) => summaryOf(row)), nextCursor: after ?? null };
  }

  return router;
}

/** The machine's input for a new proposal. */
function machineInput(body: CreateProposalBody, policy: Policy): Record<string, unknown> {
  return {
    content: { title: body.title, reasons: body.reasons, suggestions: body.suggestions, category: body.category },
    proposers: body.proposers,
    policy,
    origin: {
      proposerType: body.proposerType ?? (body.proposers.length > 1 ? "joint" : "member"),
      ...(body.channel ? { channel: body.channel } : {}),
    },
  };
}

/**
 * With `submit: true`, asks the machine before anything is written whether the new draft may be submitted, so
 * that a refused submission (incomplete, several matters) creates no draft either.
 */
function refuseSubmitAhead(workflow: Workflow, input: Record<string, unknown>, submitter: Actor, now: Date): void {
  let snapshot: ReturnType<typeof initialTransition>[0];
  try {
    [snapshot] = initialTransition(workflow.machine, { ...input, id: "p_precheck", createdAt: now.toISOString() });
  } catch (error) {
    throw refuse("INVALID_INPUT", error instanceof Error ? error.message : String(error));
  }
  const refusal = workflow.check(snapshot, { type: "submit", actor: submitter, at: now.toISOString() });
  if (refusal) {
    const allowedEvents = workflow.allowedEvents(snapshot, submitter);
    throw httpErrorOf(new EngineError(refusal.code, refusal.message), {
      stage: workflow.describe(snapshot).stage,
      states: workflow.describe(snapshot).states,
      allowedEvents,
    });
  }
}

function rethrowEngine(error: unknown): never {
  throw error instanceof EngineError ? httpErrorOf(error, undefined) : error;
}

/** The list filters of `GET /v1/proposals` as conditions (also those of `GET /v1/exports/proposals`). */
export function filtersOf(query: ListQuery, now: Date): Prisma.ProposalWhereInput[] {
  const filters: Prisma.ProposalWhereInput[] = [];
  if (query.stage) filters.push({ stage: query.stage });
  if (query.state) filters.push({ states: { has: query.state } });
  if (query.unit) filters.push({ unitIds: { has: query.unit } });
  if (query.leader) filters.push({ leaderId: query.leader });
  if (query.proposer) filters.push({ proposerId: query.proposer });
  if (query.category) filters.push({ category: query.category });
  if (query.key !== undefined) filters.push({ isKey: query.key });
  if (query.number) {
    filters.push(/^\d{1,9}$/.test(query.number) ? { number: Number(query.number) } : { numberLabel: query.number });
  }
  if (query.session) filters.push({ sessionId: query.session });
  if (query.plenary !== undefined) filters.push({ plenary: query.plenary });
  if (query.proposerType) filters.push({ proposerType: query.proposerType });
  if (query.channel) filters.push({ sourceChannel: query.channel });
  // The list itself searches through the trigram index (`searchPage`); this is for other readers of the filters.
  if (query.q) {
    filters.push({
      OR: [
        { title: { contains: query.q, mode: "insensitive" } },
        { numberLabel: { contains: query.q, mode: "insensitive" } },
      ],
    });
  }
  const overdue: Prisma.ProposalWhereInput = { deadlines: { some: { status: "open", dueAt: { lt: now } } } };
  if (query.overdue !== undefined) filters.push(query.overdue ? overdue : { NOT: overdue });
  if (query.createdFrom) filters.push({ createdAt: { gte: query.createdFrom } });
  if (query.createdTo) filters.push({ createdAt: { lt: query.createdTo } });
  if (query.updatedFrom) filters.push({ updatedAt: { gte: query.updatedFrom } });
  if (query.updatedTo) filters.push({ updatedAt: { lt: query.updatedTo } });
  filters.push(...figureFiltersOf(query, now));
  if (query.cursor) filters.push({ id: query.order === "desc" ? { lt: query.cursor } : { gt: query.cursor } });
  return filters;
}
