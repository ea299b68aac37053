import { TIMER_ACTOR, type TimerEventType } from "@huiyin/domain";
import {
  addAgainAsNew,
  failedJobsOf,
  type JobPayload,
  jobCatalog,
  jobId,
  jobOptions,
  type OutboxQueueName,
  type RedisConnection,
  withoutJobs,
} from "@huiyin/queue";
import type { Queue } from "bullmq";
import { type ApplyInput, type ApplyResult, applyEvent, type EngineDeps } from "./apply.ts";
import { ESCALATION_ACKNOWLEDGED, escalationHold } from "./escalation-hold.ts";
import { createGroupCommit } from "./group-commit.ts";
import { type DeadlineSchedule, nextAlarmOf } from "./write-effects.ts";

interface AlarmRow {
  id: string;
  proposal_id: string;
  deadline_id: string;
  kind: string;
  level: number;
  fire_at: Date;
  status: string;
  earlier: boolean;
  definition: DeadlineSchedule | null;
}

/**
 * Ringing alarms (`$1`: their ids), each with whether an earlier alarm of its deadline is still pending (it must ring
 * first: only a deadline planned before alarms were chained has more than one pending) and its deadline's schedule
 * (the next level to arm).
 */
const RINGING_ALARM = `SELECT a.id, a.proposal_id, a.deadline_id, a.kind, a.level, a.fire_at, a.status,
         EXISTS (SELECT 1 FROM alarms e
                  WHERE e.proposal_id = a.proposal_id AND e.deadline_id = a.deadline_id
                    AND e.status = 'pending' AND e.fire_at < a.fire_at) AS earlier,
         d.definition
    FROM alarms a LEFT JOIN deadlines d ON d.proposal_id = a.proposal_id AND d.deadline_id = a.deadline_id
   WHERE a.id = ANY($1::text[])`;

/** The `deadline.*` event an alarm of each kind feeds its proposal. */
const eventTypeOf: Record<string, TimerEventType> = {
  remind: "deadline.remind",
  due: "deadline.due",
  escalate: "deadline.escalate",
};

/**
 * `wait`: an earlier alarm of the same deadline has not rung yet; try again shortly. `suppressed`: an escalation
 * level held back because an earlier level of the deadline was acknowledged (recorded, not applied). `early`: the
 * job ran before the alarm's time (see `handleAlarm`'s `early`), nothing applied.
 */
export type AlarmOutcome = ApplyResult["outcome"] | "already-handled" | "wait" | "suppressed" | "early";

/**
 * What a ringing alarm does: feed the matching `deadline.*` event to its proposal through the same path
 * as every other event. The alarm row decides: only a `pending` alarm acts (a job that BullMQ delivers
 * twice, or one the reconciler re-created, finds it `fired` and does nothing), and its id is the
 * idempotency key, so even two deliveries racing each other apply the event once. An escalation whose
 * earlier level was acknowledged is not applied: the alarm ends `suppressed` (see `escalationHold`).
 * A deadline has one pending alarm at a time: the one that rings arms the next level of its chain (remind → due →
 * escalation 1 → 2 …, `nextAlarmOf`) in the transaction that applies or records it, so the next level exists
 * exactly when this one has rung, and never when the transition closed the deadline.
 */
export async function handleAlarm(
  deps: EngineDeps,
  payload: JobPayload<"deadline.alarm">,
  jobIdValue?: string,
  /**
   * Given (the worker's job handler gives it), an alarm whose fire time is still ahead by the engine's clock does not
   * ring: `early` gets its fire time (to put the job back until then) and the outcome is `early`. A job runs before
   * its time when someone promotes it on a queue board, or when the clocks of the machine that set its delay and of
   * Redis or this worker disagree; a deadline must not ring early for either. Without it (a test ringing alarms by
   * hand, in order), the alarm rings when asked.
   */
  early?: (fireAt: Date) => Promise<void>,
  /**
   * How the event is applied: `applyEvent` by default (a transaction of its own); the worker passes its
   * `createAlarmBatcher`, which applies alarms that ring together in one transaction.
   */
  apply: (deps: EngineDeps, input: ApplyInput) => Promise<ApplyResult> = applyEvent,
  /**
   * How the alarm row is read: alone by default; the worker passes its `createRingingReader`, which reads the alarms
   * of the jobs that start together in one statement.
   */
  read: RingingRead = readRingingAlarm,
): Promise<AlarmOutcome> {
  const found = await read(deps, payload.alarmId);
  if (found?.status !== "pending") return "already-handled";
  const alarm = {
    id: found.id,
    proposalId: found.proposal_id,
    deadlineId: found.deadline_id,
    kind: found.kind,
    level: found.level,
    fireAt: found.fire_at,
  };
  if (early && alarm.fireAt.getTime() > deps.clock.now().getTime()) {
    await early(alarm.fireAt);
    return "early";
  }
  // Alarms of one deadline ring in order. An earlier one still pending (its job was on a worker that died
  // and waits for the stalled-job check) goes first; otherwise the machine, having seen level 2, would
  // refuse the late level 1 as stale and that notice would never be sent.
  if (found.earlier) return "wait";
  const type = eventTypeOf[alarm.kind];
  const escalationKind = deps.workflow.escalationNoticeKind;
  if (!type) throw new Error(`alarm ${alarm.id} has an unknown kind ${alarm.kind}`);
  const next = nextAlarmOf(alarm.proposalId, found.definition, alarm.id);
  const result = await apply(deps, {
    proposalId: alarm.proposalId,
    event: { type, deadlineId: alarm.deadlineId, level: alarm.level },
    actor: TIMER_ACTOR,
    idempotencyKey: `alarm.${alarm.id}`,
    alarmId: alarm.id,
    // One alarm per deadline at a time: this one arms the next level as it rings, in the same transaction.
    ...(next ? { armNext: next } : {}),
    ...(jobIdValue ? { jobId: jobIdValue } : {}),
    // Acknowledging an escalation stops the chain: checked in the transaction that would escalate.
    ...(alarm.kind === "escalate" && escalationKind
      ? { hold: (client) => escalationHold(client, alarm, escalationKind) }
      : {}),
  });
  const outcome =
    result.outcome === "stale" && result.reason === ESCALATION_ACKNOWLEDGED ? "suppressed" : result.outcome;
  deps.observer?.alarm(alarm.kind, alarm.level, outcome, (deps.clock.now().getTime() - alarm.fireAt.getTime()) / 1000);
  return outcome;
}

/** Reads one ringing alarm (see `RINGING_ALARM`). */
type RingingRead = (deps: EngineDeps, alarmId: string) => Promise<AlarmRow | undefined>;

async function ringingAlarms(deps: EngineDeps, alarmIds: readonly string[]): Promise<AlarmRow[]> {
  const { rows } = await deps.db.pool.query<AlarmRow>({
    name: "huiyin.ringingAlarms",
    text: RINGING_ALARM,
    values: [alarmIds],
  });
  return rows;
}

/**
 * One plain-SQL read (the alarm, and whether an earlier one of its deadline is still pending) instead of two Prisma
 * queries: a burst of alarms due together is limited by what each firing costs before its transaction.
 */
const readRingingAlarm: RingingRead = async (deps, alarmId) => (await ringingAlarms(deps, [alarmId]))[0];

/**
 * The `read` of `handleAlarm` that the alarm worker uses: the alarms of the jobs that start in the same turn of the
 * event loop (a burst due together, `ALARM_CONCURRENCY` at a time) are read in one statement, not one round trip
 * each; they then commit together too (`createAlarmBatcher`). One statement for up to `ALARM_CONCURRENCY` reads
 * (issue 18: 1,000 alarms due in one second, a p99 lateness of 1,244–1,783 ms against 1,388–2,031 without, three runs
 * each on a machine whose noise is as large as the gain).
 */
export function createRingingReader(): RingingRead {
  interface Waiting {
    deps: EngineDeps;
    alarmId: string;
    resolve: (row: AlarmRow | undefined) => void;
    reject: (error: unknown) => void;
  }
  let waiting: Waiting[] = [];
  const read = async () => {
    const batch = waiting;
    waiting = [];
    // One statement per pool; the worker has one.
    for (const deps of new Set(batch.map((item) => item.deps))) {
      const items = batch.filter((item) => item.deps === deps);
      try {
        const rows = await ringingAlarms(
          deps,
          items.map((item) => item.alarmId),
        );
        const byId = new Map(rows.map((row) => [row.id, row]));
        for (const item of items) item.resolve(byId.get(item.alarmId));
      } catch (error) {
        for (const item of items) item.reject(error);
      }
    }
  };
  return (deps, alarmId) =>
    new Promise((resolve, reject) => {
      waiting.push({ deps, alarmId, resolve, reject });
      if (waiting.length === 1) setImmediate(() => void read());
    });
}

/** Pending alarms in one group commit at most, and chunks committing at once. */
const MAX_CHUNK = 50;
const CHUNKS_IN_FLIGHT = 2;

/**
 * Group commit for timer events: the `apply` of `handleAlarm` that the alarm worker uses. Alarms that ring together
 * (a burst of deadlines due in the same second, handled `concurrency` at a time) wait while a chunk commits and then
 * go together, up to `maxChunk`, in one transaction (`createGroupCommit`, gathering what BullMQ hands over in one turn
 * of the event loop; each keeps its idempotency key and alarm row check). A lone alarm goes at once, alone. Each
 * caller gets its own event's result, after the COMMIT.
 */
export function createAlarmBatcher(
  options: { maxChunk?: number; inFlight?: number } = {},
): (deps: EngineDeps, input: ApplyInput) => Promise<ApplyResult> {
  const group = createGroupCommit({
    maxChunk: options.maxChunk ?? MAX_CHUNK,
    inFlight: options.inFlight ?? CHUNKS_IN_FLIGHT,
    // The jobs BullMQ hands over in the same turn of the event loop join the same chunk.
    gatherTurn: true,
    // At most `ALARM_CONCURRENCY` wait: BullMQ hands over no more, and a job that waits keeps its lock.
    maxWaitMs: Number.POSITIVE_INFINITY,
  });
  return (deps, input) => group.apply(deps, input);
}

interface PendingAlarm {
  id: string;
  proposal_id: string;
  deadline_id: string;
  fire_at: Date;
}

/**
 * Re-creates the BullMQ job of every pending alarm, for when Redis lost its data (a flush, a failover
 * without persistence) or a job was removed by hand, and brings back the failed job of every alarm that
 * is still pending. The database is the source of truth: adding a job whose id exists is a no-op, and an
 * alarm that should have rung already rings at once. Returns the number of pending alarms it went through.
 */
export async function reconcileAlarms(
  deps: EngineDeps & { queues: Record<OutboxQueueName, Queue> },
  batchSize = 1_000,
  /**
   * When given (the worker passes its connection), alarms whose job is still in Redis are not added
   * again: one pipelined EXISTS per alarm instead of BullMQ's add script, so that a worker starting beside
   * 100,000 pending deadlines does not spend a minute re-adding jobs that are all there.
   */
  redis?: RedisConnection,
): Promise<number> {
  const queue = deps.queues[jobCatalog["deadline.alarm"].queue];
  let total = 0;
  let added = 0;
  // Plain SQL, not Prisma: the pass is one Node process reading a page and adding its jobs, and Prisma's mapping
  // of 1,000 rows cost a fifth of what `addBulk` of them costs (issue 18: reconcile 0.86 of bare `addBulk`).
  const readPage = async (after: string) => {
    const { rows } = await deps.db.pool.query<PendingAlarm>({
      name: "huiyin.pendingAlarms",
      text: `SELECT id, proposal_id, deadline_id, fire_at FROM alarms
              WHERE status = 'pending' AND id > $1 ORDER BY id LIMIT $2`,
      values: [after, batchSize],
    });
    return rows;
  };
  let next = readPage("");
  for (;;) {
    const rows = await next;
    if (rows.length === 0) break;
    // The next page is read while this one's jobs are added (the pass then costs about what adding them costs;
    // issue 18: reconcile 0.88 of `addBulk` when it waited for each read). Its failure is thrown where it is awaited.
    const cursor = rows[rows.length - 1]?.id ?? "";
    next = rows.length < batchSize ? Promise.resolve([]) : readPage(cursor);
    next.catch(() => {});
    const alarms = rows.map((row) => ({
      id: row.id,
      proposalId: row.proposal_id,
      deadlineId: row.deadline_id,
      fireAt: row.fire_at,
    }));
    const now = deps.clock.now().getTime();
    const missing = redis
      ? await withoutJobs(redis, queue, alarms, (alarm) => jobId("deadline.alarm", alarm.id))
      : alarms;
    added += missing.length;
    await queue.addBulk(
      missing.map((alarm) => ({
        name: "deadline.alarm",
        data: { alarmId: alarm.id, proposalId: alarm.proposalId, deadlineId: alarm.deadlineId },
        opts: jobOptions("deadline.alarm", jobId("deadline.alarm", alarm.id), alarm.fireAt.getTime() - now),
      })),
    );
    total += alarms.length;
  }
  const retried = await retryFailedAlarmJobs(deps, queue, batchSize);
  deps.logger.info({ pendingAlarms: total, jobsAdded: added, retriedFailedJobs: retried }, "alarms reconciled");
  return total;
}

/**
 * A job that BullMQ gave up on (out of attempts, or stalled more often than allowed while its process
 * starved or died) sits in the failed set under the alarm's job id, so re-adding that id is a no-op and
 * the alarm would stay pending for ever. Each failed job whose alarm is still pending goes back to the
 * queue as a new job (fresh attempts, no stalls counted), whatever it failed of: the database says the alarm
 * has not rung, so it must ring, and a lasting failure is retried at each pass (logged as a warning) rather
 * than given up; failed jobs of alarms that rang after all are left to expire. The failed set
 * is small in a healthy system, so this reads it whole (in pages) rather than asking Redis per alarm.
 */
async function retryFailedAlarmJobs(deps: EngineDeps, queue: Queue, pageSize: number): Promise<number> {
  const failed = await failedJobsOf(queue, pageSize);
  let retried = 0;
  for (let index = 0; index < failed.length; index += pageSize) {
    const jobs = failed.slice(index, index + pageSize);
    const ids = jobs.map((job) => String((job.data as { alarmId?: unknown }).alarmId));
    const pending = await deps.db.prisma.alarm.findMany({
      where: { id: { in: ids }, status: "pending" },
      select: { id: true, fireAt: true },
    });
    const pendingById = new Map(pending.map((alarm) => [alarm.id, alarm]));
    for (const job of jobs) {
      const alarmId = String((job.data as { alarmId?: unknown }).alarmId);
      const alarm = pendingById.get(alarmId);
      if (!alarm || !job.id) continue;
      try {
        const delayMs = alarm.fireAt.getTime() - deps.clock.now().getTime();
        await addAgainAsNew(queue, job, jobOptions("deadline.alarm", job.id, delayMs));
        retried += 1;
        deps.logger.warn(
          { alarmId, proposalId: (job.data as { proposalId?: unknown }).proposalId, jobId: job.id },
          "failed alarm job retried: its alarm is still pending",
        );
      } catch (error) {
        deps.logger.debug({ err: error, alarmId, jobId: job.id }, "failed alarm job already moved");
      }
    }
  }
  return retried;
}
