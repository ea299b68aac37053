import {
  catalogJob,
  jobId,
  jobOptions,
  type OutboxJobName,
  type OutboxQueueName,
  type RedisConnection,
  withoutJobs,
} from "@huiyin/queue";
import type { Queue } from "bullmq";
import { reconcileAlarms } from "./alarms.ts";
import type { EngineDeps } from "./apply.ts";
import { reviveFailedEvents } from "./failed-events.ts";

type RebuildDeps = EngineDeps & { queues: Record<OutboxQueueName, Queue> };

export interface EngineRebuild {
  pendingAlarms: number;
  /** Queued events (`proposal.event`) relayed but neither applied nor queued any more. */
  eventsRequeued: number;
  /** Webhook deliveries `pending` or `retrying` whose job was not in Redis. */
  webhooksRequeued: number;
}

/**
 * Puts back every job of the worker's queues that the database says must exist and Redis does not have: after
 * Redis lost its data (see `watchForDataLoss`), at start, and every `RECONCILE_EVERY_MS` (a single job removed by
 * hand, or lost some other way). Each kind is rebuilt from its own table, never by relaying old outbox rows again,
 * so that only what is still to be done comes back:
 * - deadline alarms: every `pending` alarm row (`reconcileAlarms`), at its time or at once when overdue;
 * - queued events: sent outbox rows of `proposal.event` whose `outbox.<outboxId>` key is not in the history of the
 *   proposal the event is for, nor their refusal among the dropped events (an event one proposal sends another,
 *   `event.send`, is written with the sender's outbox row);
 * - webhook deliveries: every `pending` or `retrying` row, at its `next_attempt_at` (at once when due or unset); the
 *   attempts already made are counted in the row, so the retry schedule goes on where it was.
 * Only missing jobs are added (one pipelined EXISTS per batch), under their deterministic ids; and every handler
 * checks its row before acting (an alarm acts only while `pending`, an event applies once by its key, a delivery
 * is never POSTed once `delivered`), so rebuilding twice, or beside the relay, doubles nothing.
 */
export async function rebuildEngineJobs(
  deps: RebuildDeps,
  redis: RedisConnection,
  batchSize = 1_000,
): Promise<EngineRebuild> {
  const pendingAlarms = await reconcileAlarms(deps, batchSize, redis);
  await reviveFailedEvents(deps);
  const eventsRequeued = await requeueLostEvents(deps, redis, batchSize);
  const webhooksRequeued = await requeueWebhookDeliveries(deps, redis, batchSize);
  const result = { pendingAlarms, eventsRequeued, webhooksRequeued };
  if (eventsRequeued + webhooksRequeued > 0) deps.logger.warn(result, "lost jobs re-created from the database");
  return result;
}

interface OutboxJob {
  id: string;
  job_name: string;
  job_id: string;
  payload: Record<string, unknown>;
}

/**
 * Outbox rows are kept a day after they were sent (`pruneOutbox`); a queued event's job is done, or failed, within
 * minutes, so every event that can still be missing is among them.
 */
async function requeueLostEvents(deps: RebuildDeps, redis: RedisConnection, batchSize: number): Promise<number> {
  const queue = deps.queues.events;
  let cursor = "0";
  let added = 0;
  for (;;) {
    const { rows } = await deps.db.pool.query<OutboxJob>(
      `SELECT o.id, o.job_name, o.job_id, o.payload FROM outbox o
        WHERE o.job_name = 'proposal.event' AND o.action = 'enqueue' AND o.sent_at IS NOT NULL AND o.id > $1
          AND NOT EXISTS (SELECT 1 FROM proposal_events e
                           WHERE e.proposal_id = o.payload->>'proposalId'
                             AND e.idempotency_key = 'outbox.' || (o.payload->>'outboxId'))
          AND NOT EXISTS (SELECT 1 FROM dropped_events d
                           WHERE d.proposal_id = o.payload->>'proposalId'
                             AND d.payload->>'outboxId' = o.payload->>'outboxId')
        ORDER BY o.id LIMIT $2`,
      [cursor, batchSize],
    );
    if (rows.length === 0) return added;
    const missing = await withoutJobs(redis, queue, rows, (row) => row.job_id);
    await queue.addBulk(
      missing.map((row) => ({
        name: row.job_name,
        data: row.payload,
        opts: jobOptions(row.job_name as OutboxJobName, row.job_id),
      })),
    );
    added += missing.length;
    cursor = rows[rows.length - 1]?.id ?? cursor;
  }
}

async function requeueWebhookDeliveries(deps: RebuildDeps, redis: RedisConnection, batchSize: number): Promise<number> {
  const queue = deps.queues.webhooks;
  let cursor = "";
  let added = 0;
  for (;;) {
    const { rows } = await deps.db.pool.query<{ id: string; next_attempt_at: Date | null }>(
      `SELECT id, next_attempt_at FROM webhook_deliveries
        WHERE status IN ('pending', 'retrying') AND id > $1 ORDER BY id LIMIT $2`,
      [cursor, batchSize],
    );
    if (rows.length === 0) return added;
    const idOf = (row: { id: string }) => jobId("webhook.deliver", row.id);
    const missing = await withoutJobs(redis, queue, rows, idOf);
    const now = deps.clock.now().getTime();
    await queue.addBulk(
      missing.map((row) =>
        catalogJob(
          "webhook.deliver",
          { deliveryId: row.id },
          jobOptions("webhook.deliver", idOf(row), row.next_attempt_at ? row.next_attempt_at.getTime() - now : 0),
        ),
      ),
    );
    added += missing.length;
    cursor = rows[rows.length - 1]?.id ?? cursor;
  }
}
