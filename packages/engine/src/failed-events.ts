import { addAgainAsNew, failedJobsOf, jobOptions, type OutboxQueueName } from "@huiyin/queue";
import type { Queue } from "bullmq";
import type { EngineDeps } from "./apply.ts";

interface QueuedEvent {
  outboxId?: unknown;
  proposalId?: unknown;
  event?: unknown;
}

/**
 * A queued event (`proposal.event`) whose job BullMQ gave up on — out of attempts during a long database
 * outage, or stalled past the limit — would be lost: its outbox row is already marked sent, and nothing else
 * re-adds it. Each failed event job that is in neither the history nor the dropped events (a refusal
 * completes its job and is recorded there) is added anew, as a new job with fresh attempts and no stalls
 * counted; applying it is idempotent through its `outbox.<id>` key. Returns how many it brought back.
 */
export async function reviveFailedEvents(
  deps: EngineDeps & { queues: Record<OutboxQueueName, Queue> },
  pageSize = 500,
): Promise<number> {
  const queue = deps.queues.events;
  const failed = await failedJobsOf(queue, pageSize);
  let revived = 0;
  for (const job of failed) {
    const data = job.data as QueuedEvent;
    if (!job.id || typeof data.proposalId !== "string" || typeof data.outboxId !== "string") continue;
    const key = `outbox.${data.outboxId}`;
    const { rows } = await deps.db.pool.query(
      "SELECT 1 FROM proposal_events WHERE proposal_id = $1 AND idempotency_key = $2 LIMIT 1",
      [data.proposalId, key],
    );
    if (rows.length > 0) continue;
    try {
      await addAgainAsNew(queue, job, jobOptions("proposal.event", job.id));
      revived += 1;
      deps.logger.warn(
        { proposalId: data.proposalId, outboxId: data.outboxId, jobId: job.id },
        "failed queued event brought back: it is not in the history",
      );
    } catch (error) {
      deps.logger.debug({ err: error, jobId: job.id }, "failed event job already moved");
    }
  }
  return revived;
}
