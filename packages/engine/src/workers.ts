import { type Actor, QUEUE_ACTOR } from "@huiyin/domain";
import type { Logger } from "@huiyin/logger";
import { createWorker, type OutboxQueueName, parsePayload, type RedisConnection } from "@huiyin/queue";
import { DelayedError, type Queue, type Worker } from "bullmq";
import { createAlarmBatcher, createRingingReader, handleAlarm } from "./alarms.ts";
import { applyEvent, type EngineDeps } from "./apply.ts";
import { EngineError } from "./errors.ts";
import { type EngineRebuild, rebuildEngineJobs } from "./rebuild.ts";
import { type Relay, startRelay } from "./relay.ts";

/**
 * Alarms rung at once by one process, beside `concurrency` for the other queues. Alarms that ring together are applied
 * in group commits (`createAlarmBatcher`: up to 50 per transaction, two transactions at once), so more of them in
 * flight make bigger commits, not more connections: 1,000 alarms due in one second rang with a p99 lateness of
 * 2.2 s at 10 and 1.7 s at 50 (100: no better; issue 18).
 */
export const DEFAULT_ALARM_CONCURRENCY = 50;

/** How soon an alarm that waits for an earlier one of its deadline looks again. */
const ALARM_ORDER_RECHECK_MS = 250;

export interface EngineWorkerOptions {
  /** A `worker`-role connection (BullMQ duplicates it for blocking reads). */
  connection: RedisConnection;
  prefix: string;
  /** Jobs in flight per queue in this process. */
  concurrency?: number;
  /** Deadline alarms in flight in this process (`DEFAULT_ALARM_CONCURRENCY`). */
  alarmConcurrency?: number;
  /** How often pending alarms are re-checked against Redis (besides at start). */
  reconcileEveryMs?: number;
  /**
   * How long a job's lock lasts before another worker may take it over, and how often stalled jobs are
   * looked for. Together they bound how soon a job whose process died (kill -9) runs again.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  relayPollMs?: number;
}

export interface EngineWorkers {
  workers: Worker[];
  relay: Relay;
  /**
   * Re-creates every job the database says must exist and Redis lacks (`rebuildEngineJobs`): run at start, every
   * `reconcileEveryMs`, and by the service when Redis lost its data.
   */
  rebuild(): Promise<EngineRebuild>;
  /** Drains in-flight jobs, stops the relay and the reconciler. Idempotent. */
  close(): Promise<void>;
}

/**
 * Everything that moves proposals without a request: the deadline alarms, queued events, the outbox relay
 * and the reconciler of alarms, queued events and webhook deliveries. Any number of processes may run this side by side.
 */
export async function startEngineWorkers(
  deps: EngineDeps & { queues: Record<OutboxQueueName, Queue> },
  options: EngineWorkerOptions,
): Promise<EngineWorkers> {
  const log: Logger = deps.logger.child({ component: "engine-workers" });
  const common = {
    prefix: options.prefix,
    concurrency: options.concurrency ?? 10,
    // Both handlers are idempotent, so a job whose lock lapsed (a starved or killed process) may safely run
    // again a few times before BullMQ fails it; the reconciler brings back any that fail anyway.
    maxStalledCount: 5,
    ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
    ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
  };

  // Alarms that ring together are applied in group commits (one transaction per chunk).
  const applyAlarm = createAlarmBatcher();
  const readAlarm = createRingingReader();
  const alarms = createWorker(
    "deadline.alarm",
    async (job, token) => {
      const payload = parsePayload("deadline.alarm", job.data);
      // Run before its time (promoted, or clocks apart): back to the delayed set until the alarm's fire time.
      const early = token
        ? async (fireAt: Date) => {
            const delayMs = fireAt.getTime() - deps.clock.now().getTime();
            // A promote, or clocks seconds apart, is worth a warning; a few milliseconds of timer rounding is not.
            log[delayMs > 1_000 ? "warn" : "debug"](
              { alarmId: payload.alarmId, jobId: job.id, fireAt, delayMs },
              "alarm job ran before its time: delayed again until then",
            );
            await job.moveToDelayed(Date.now() + delayMs, token);
          }
        : undefined;
      const outcome = await handleAlarm(deps, payload, job.id, early, applyAlarm, readAlarm);
      if (outcome === "early") throw new DelayedError();
      if (outcome === "wait" && token) {
        // Back to the delayed set without spending an attempt: BullMQ's way to postpone a running job.
        await job.moveToDelayed(Date.now() + ALARM_ORDER_RECHECK_MS, token);
        throw new DelayedError();
      }
      return { outcome };
    },
    options.connection,
    { ...common, concurrency: options.alarmConcurrency ?? DEFAULT_ALARM_CONCURRENCY },
  );

  const events = createWorker(
    "proposal.event",
    async (job) => {
      const payload = parsePayload("proposal.event", job.data);
      const { actor, ...event } = payload.event as { type: string; actor?: Actor };
      try {
        const result = await applyEvent(deps, {
          proposalId: payload.proposalId,
          event,
          actor: actor ?? QUEUE_ACTOR,
          idempotencyKey: `outbox.${payload.outboxId}`,
          ...(job.id ? { jobId: job.id } : {}),
        });
        return { outcome: result.outcome };
      } catch (error) {
        // A refusal will be refused again on every retry: record it and complete the job. The outbox id in the
        // record tells the rebuild after a Redis data loss that this event is done with (rebuildEngineJobs).
        if (error instanceof EngineError) {
          await deps.db.prisma.droppedEvent.create({
            data: {
              proposalId: payload.proposalId,
              type: event.type,
              payload: { ...event, outboxId: payload.outboxId },
              reason: error.code,
            },
          });
          log.warn({ proposalId: payload.proposalId, jobId: job.id, code: error.code }, "queued event refused");
          return { outcome: "refused", code: error.code };
        }
        throw error;
      }
    },
    options.connection,
    common,
  );

  const workers = [alarms, events];
  for (const worker of workers) {
    worker.on("error", (error) => log.error({ err: error, queue: worker.name }, "worker error"));
    worker.on("failed", (job, error) =>
      log.warn({ err: error, jobId: job?.id, queue: worker.name, attempts: job?.attemptsMade }, "job failed"),
    );
  }

  const relay = await startRelay(deps, { ...(options.relayPollMs ? { pollMs: options.relayPollMs } : {}) });
  const rebuild = () => rebuildEngineJobs(deps, options.connection);
  const reconcile = () =>
    rebuild().catch((error: unknown) => log.error({ err: error }, "reconciling the worker's jobs failed"));
  await reconcile();
  const reconciler = setInterval(() => void reconcile(), options.reconcileEveryMs ?? 5 * 60_000);
  reconciler.unref();

  let closing: Promise<void> | undefined;
  return {
    workers,
    relay,
    rebuild,
    close() {
      closing ??= (async () => {
        clearInterval(reconciler);
        await Promise.allSettled(workers.map((worker) => worker.close()));
        await relay.stop();
      })();
      return closing;
    },
  };
}
