import { type JobPayload, jobCatalog, jobId, jobOptions, type QueueName } from "@huiyin/queue";
import type { Queue } from "bullmq";
import { type ApplyResult, applyEvent, type EngineDeps } from "./apply.ts";
import { ESCALATION_ACKNOWLEDGED, escalationHold } from "./escalation-hold.ts";

const TIMER_ACTOR = { role: "system", id: "timer" } as const;

const eventTypeOf: Record<string, string> = {
  remind: "deadline.remind",
  due: "deadline.due",
  escalate: "deadline.escalate",
};

/**
 * `wait`: an earlier alarm of the same deadline has not rung yet; try again shortly. `suppressed`: an escalation
 * level held back because an earlier level of the deadline was acknowledged (recorded, not applied).
 */
export type AlarmOutcome = ApplyResult["outcome"] | "already-handled" | "wait" | "suppressed";

/**
 * What a ringing alarm does: feed the matching `deadline.*` event to its proposal through the same path
 * as every other event. The alarm row decides: only a `pending` alarm acts (a job that BullMQ delivers
 * twice, or one the reconciler re-created, finds it `fired` and does nothing), and its id is the
 * idempotency key, so even two deliveries racing each other apply the event once. An escalation whose
 * earlier level was acknowledged is not applied: the alarm ends `suppressed` (see `escalationHold`).
 */
export async function handleAlarm(
  deps: EngineDeps,
  payload: JobPayload<"deadline.alarm">,
  jobIdValue?: string,
): Promise<AlarmOutcome> {
  const alarm = await deps.db.prisma.alarm.findUnique({ where: { id: payload.alarmId } });
  if (alarm?.status !== "pending") return "already-handled";
  // Alarms of one deadline ring in order. An earlier one still pending (its job was on a worker that died
  // and waits for the stalled-job check) goes first; otherwise the machine, having seen level 2, would
  // refuse the late level 1 as stale and that notice would never be sent.
  const earlier = await deps.db.prisma.alarm.count({
    where: {
      proposalId: alarm.proposalId,
      deadlineId: alarm.deadlineId,
      status: "pending",
      fireAt: { lt: alarm.fireAt },
    },
  });
  if (earlier > 0) return "wait";
  const type = eventTypeOf[alarm.kind];
  const escalationKind = deps.workflow.escalationNoticeKind;
  if (!type) throw new Error(`alarm ${alarm.id} has an unknown kind ${alarm.kind}`);
  const result = await applyEvent(deps, {
    proposalId: alarm.proposalId,
    event: { type, deadlineId: alarm.deadlineId, level: alarm.level },
    actor: TIMER_ACTOR,
    idempotencyKey: `alarm.${alarm.id}`,
    alarmId: alarm.id,
    ...(jobIdValue ? { jobId: jobIdValue } : {}),
    // Acknowledging an escalation stops the chain: checked in the transaction that would escalate.
    ...(alarm.kind === "escalate" && escalationKind
      ? { hold: (client) => escalationHold(client, alarm, escalationKind) }
      : {}),
  });
  return result.outcome === "stale" && result.reason === ESCALATION_ACKNOWLEDGED ? "suppressed" : result.outcome;
}

/**
 * Re-creates the BullMQ job of every pending alarm, for when Redis lost its data (a flush, a failover
 * without persistence) or a job was removed by hand. The database is the source of truth: adding a job
 * whose id exists is a no-op, and an alarm that should have rung already rings at once. Returns the number
 * of pending alarms it went through.
 */
export async function reconcileAlarms(
  deps: EngineDeps & { queues: Record<QueueName, Queue> },
  batchSize = 1_000,
): Promise<number> {
  const queue = deps.queues[jobCatalog["deadline.alarm"].queue];
  let cursor: string | undefined;
  let total = 0;
  for (;;) {
    const alarms = await deps.db.prisma.alarm.findMany({
      where: { status: "pending", ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (alarms.length === 0) break;
    const now = deps.clock.now().getTime();
    await queue.addBulk(
      alarms.map((alarm) => ({
        name: "deadline.alarm",
        data: { alarmId: alarm.id, proposalId: alarm.proposalId, deadlineId: alarm.deadlineId },
        opts: jobOptions("deadline.alarm", jobId("deadline.alarm", alarm.id), alarm.fireAt.getTime() - now),
      })),
    );
    total += alarms.length;
    cursor = alarms[alarms.length - 1]?.id;
  }
  deps.logger.info({ pendingAlarms: total }, "alarms reconciled");
  return total;
}
