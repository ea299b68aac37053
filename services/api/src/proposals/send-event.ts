import type { Database, Proposal } from "@huiyin/db";
import { proposalEventSchema, TIMER_EVENT_TYPES } from "@huiyin/domain";
import {
  type Actor,
  applyEvent,
  type Clock,
  EngineError,
  type EngineObserver,
  type EventFacts,
  fromRecord,
  type GroupCommit,
  readProposalRow,
  type Workflow,
} from "@huiyin/engine";
import type { Logger } from "@huiyin/logger";
import { refuseUnusableAttachments } from "../attachments/binding.ts";
import { type Caller, grantsOf } from "../auth/keys.ts";
import { refuse } from "../http/error-codes.ts";
import type { HttpError } from "../http/errors.ts";
import { parseBody } from "../http/validate.ts";
import { actorOf, grantFor, grantsSeeing, seesWholeCommittee, visibleRowTest, visibleWhere } from "./access.ts";
import { refuseUnitsOutsideDirectory } from "./directory-units.ts";
import { httpErrorOf } from "./refusals.ts";
import { allowedFor, snapshotOf } from "./view.ts";

/** An event of the domain vocabulary as a caller sent it, validated: a `type` and its body's fields. */
export type CallerEvent = { type: string } & Record<string, unknown>;

export interface EventSenderDeps {
  database: Database;
  workflow: Workflow;
  clock: Clock;
  /** The committee's sessions and numbers (`sessionFacts`), stamped in the event's transaction. */
  facts?: EventFacts | undefined;
  /** Told about each event the engine applies (the metrics of /metrics); none when absent. */
  observer?: EngineObserver | undefined;
  /** The process's group commit (`createGroupCommit`): events sent at once share transactions under load. */
  groupCommit?: GroupCommit | undefined;
}

export interface SendInput {
  caller: Caller;
  proposalId: string;
  /**
   * The request body: validated here, after the caller was found allowed to see the proposal (before, when the
   * engine checks that on the row it locks: a 422 of a body says nothing about the proposal).
   */
  body: unknown;
  /** `If-Match`: apply only if the proposal is still at this version. */
  expectedVersion?: number | undefined;
  /** The caller's Idempotency-Key as the engine keeps it (already scoped to the API key). */
  idempotencyKey?: string | undefined;
  requestId: string;
  logger: Logger;
}

const TIMERS: readonly string[] = TIMER_EVENT_TYPES;

/**
 * How one event of a caller reaches one proposal: the one path of `POST /v1/proposals/:id/events` and of every
 * item of a batch (`POST /v1/batches`), so that both give the same guarantees and answer the same refusals. A
 * proposal the caller may not see is 404 as if it did not exist; a bad body is 422; an engine refusal keeps its
 * code (409, 412, 403), with the state and what the caller may send now.
 */
export function eventSender(deps: EventSenderDeps) {
  const { database, workflow, clock } = deps;

  /** The row, if the caller may see it; otherwise 404 as if it did not exist (see `visibleWhere`). */
  async function findVisible(id: string, caller: Caller): Promise<Proposal> {
    const test = visibleRowTest(caller);
    if (test) {
      // One plain statement, and the rule tested on the row it brings (issue 18: Prisma cost more CPU than the read).
      const read = await readProposalRow(database.pool, id);
      if (!read || !test(read)) throw refuse("NOT_FOUND", `No proposal ${id}.`);
      return read;
    }
    const row = await database.prisma.proposal.findFirst({ where: { AND: [{ id }, visibleWhere(caller)] } });
    if (!row) throw refuse("NOT_FOUND", `No proposal ${id}.`);
    return row;
  }

  /**
   * Refuses (404, as if it did not exist) a proposal the caller may not see; reads only its id, where `findVisible`
   * reads the whole row with its snapshot.
   */
  async function requireVisible(id: string, caller: Caller): Promise<void> {
    if (seesWholeCommittee(caller)) {
      // The committee is the whole condition: one plain statement instead of Prisma's (its query compiler and
      // client cost more CPU than PostgreSQL spends on the lookup; issue 18).
      const { rowCount } = await database.pool.query({
        name: "huiyin.api.proposalInCommittee",
        text: "SELECT 1 FROM proposals WHERE id = $1 AND committee_id = $2",
        values: [id, caller.committeeId],
      });
      if (!rowCount) throw refuse("NOT_FOUND", `No proposal ${id}.`);
      return;
    }
    const row = await database.prisma.proposal.findFirst({
      where: { AND: [{ id }, visibleWhere(caller)] },
      select: { id: true },
    });
    if (!row) throw refuse("NOT_FOUND", `No proposal ${id}.`);
  }

  /** Maps an engine refusal, with the state and what the caller may send now. */
  async function refused(error: EngineError, id: string, actor: Actor): Promise<HttpError> {
    if (error.code === "PROPOSAL_NOT_FOUND") return httpErrorOf(error, undefined);
    const row = await database.prisma.proposal.findUnique({ where: { id } });
    const context = row
      ? { stage: row.stage, states: row.states, allowedEvents: allowedFor(workflow, row, actor) }
      : undefined;
    return httpErrorOf(error, context);
  }

  /** The event a caller may send over HTTP: valid against its schema, and not one of the engine's own timers. */
  function parseEvent(body: unknown): CallerEvent {
    const event = parseBody(proposalEventSchema, body) as CallerEvent;
    if (TIMERS.includes(event.type)) {
      throw refuse("FORBIDDEN", `${event.type} is sent by the engine's own timers, not over HTTP.`);
    }
    return event;
  }

  /**
   * Applies the event in one transaction (the engine's) and answers the proposal's row as it is after it, with the
   * actor it was sent as. The role the event is sent under (and recorded with): for a person with several roles,
   * the first of those that see the proposal under which the machine allows it now; the engine checks it again
   * under its lock.
   */
  async function send(input: SendInput): Promise<{ row: Proposal; actor: Actor }> {
    const { caller, proposalId: id } = input;
    const several = grantsOf(caller).length > 1;
    // The caller's rule as a test of the row the engine locks anyway (`admits`): no statement of its own. Not when
    // the event carries attachments (whether they are usable is asked only of a proposal the caller was found to
    // see), nor where the rule needs more than the row (`visibleRowTest`).
    const admits = carriesAttachments(input.body) ? undefined : visibleRowTest(caller);
    // The whole row (its snapshot) only for a caller of several roles, whose role is chosen by what the machine
    // allows now; one role needs only to see the proposal.
    const visible = several ? await findVisible(id, caller) : admits ? undefined : await requireVisible(id, caller);
    const event = parseEvent(input.body);
    const seeing = await grantsSeeing(database, id, caller);
    const snapshot = visible && seeing.length > 1 ? snapshotOf(workflow, visible) : undefined;
    const at = clock.now().toISOString();
    const grant =
      grantFor(seeing, (candidate) => !snapshot || !workflow.check(snapshot, { ...event, actor: candidate, at })) ??
      caller;
    const actor = actorOf(grant);
    await refuseUnusableAttachments(database, id, { role: actor.role, id: actor.id, unitId: actor.unitId }, event);
    await refuseUnitsOutsideDirectory(database, caller.committeeId, event);
    const logger = input.logger.child({ proposalId: id });
    const result = await applyEvent(
      {
        db: database,
        logger,
        clock,
        workflow,
        facts: deps.facts,
        ...(deps.observer ? { observer: deps.observer } : {}),
        groupCommit: deps.groupCommit,
      },
      {
        proposalId: id,
        event,
        actor,
        requestId: input.requestId,
        ...(admits ? { admits, committeeId: caller.committeeId } : {}),
        ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
        ...(input.expectedVersion === undefined ? {} : { expectedVersion: input.expectedVersion }),
      },
    ).catch(async (error: unknown) => {
      throw error instanceof EngineError ? await refused(error, id, actor) : error;
    });
    // The row as the engine wrote it (or found it, for a repeat): no read back.
    return { row: fromRecord(result.proposal), actor };
  }

  return { findVisible, refused, parseEvent, send };
}

export type EventSender = ReturnType<typeof eventSender>;

/** Whether a request body names attachments (`attachmentIds`), before it is validated. */
const carriesAttachments = (body: unknown): boolean =>
  typeof body === "object" && body !== null && "attachmentIds" in body;
