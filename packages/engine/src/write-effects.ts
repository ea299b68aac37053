import type { DeadlineOpenParams } from "@huiyin/domain";
import { type JobPayload, jobId, type OutboxJobName } from "@huiyin/queue";
import type pg from "pg";
import type { Effect } from "./effects.ts";
import { alarmId } from "./ids.ts";
import { json } from "./sql.ts";
import { type CommitteeSubscription, webhookDeliveriesOf } from "./webhook-deliveries.ts";

interface EffectContext {
  proposalId: string;
  /** The history sequence number of the event that declared these effects. */
  seq: number;
  at: Date;
  effects: readonly Effect[];
  /** Who created the proposal, when the caller knows it already (a create): webhooks go by it. */
  creator?: { role?: unknown; id?: unknown };
  /** The proposal's committee, when its row is not written yet (a create): webhooks go to that committee's. */
  committeeId?: string;
  /** The committee's active webhook subscriptions, when read with the lock (no statement of their own then). */
  subscriptions?: readonly CommitteeSubscription[];
}

/** One outbox message, with the column names of `outbox`. */
interface OutboxRow {
  proposal_id: string;
  action: "enqueue";
  job_name: OutboxJobName;
  job_id: string;
  payload: unknown;
  run_at: string | null;
}

/** One alarm clock, with the column names of `alarms`. */
export interface AlarmRow {
  id: string;
  proposal_id: string;
  deadline_id: string;
  kind: string;
  level: number;
  fire_at: string;
}

function enqueue<Name extends OutboxJobName>(
  name: Name,
  id: string,
  payload: JobPayload<Name>,
  proposalId: string,
  runAt?: string,
): OutboxRow {
  return {
    proposal_id: proposalId,
    action: "enqueue",
    job_name: name,
    job_id: jobId(name, id),
    payload,
    run_at: runAt ?? null,
  };
}

/**
 * What `deadlines.definition` keeps of an opened deadline: its schedule, in the shape the column has always had
 * (`type` first, without the owners, who are the machine's to remember).
 */
function definitionOf(open: DeadlineOpenParams) {
  const { deadlineId, kind, dueAt, unitId, reminders, escalations } = open;
  return {
    type: "deadline.open",
    deadlineId,
    kind,
    dueAt,
    ...(unitId !== undefined ? { unitId } : {}),
    reminders,
    escalations,
  };
}

/** What an alarm chain is computed from: a deadline's schedule (`deadline.open`'s params, or its stored definition). */
export type DeadlineSchedule = Pick<DeadlineOpenParams, "deadlineId" | "dueAt" | "reminders" | "escalations">;

/**
 * The alarm clocks of a deadline, in the order they ring: each reminder, the due moment, each escalation level
 * (sorted by fire time, stably, so a schedule whose times coincide keeps that order). Only the first is written
 * when the deadline opens; each one that rings arms the next (`nextAlarmOf`).
 */
export function alarmsOf(proposalId: string, open: DeadlineSchedule): AlarmRow[] {
  const make = (kind: string, level: number, at: string): AlarmRow => ({
    id: alarmId(proposalId, open.deadlineId, kind, level),
    proposal_id: proposalId,
    deadline_id: open.deadlineId,
    kind,
    level,
    fire_at: new Date(at).toISOString(),
  });
  return [
    ...open.reminders.map((reminder, index) => make("remind", index + 1, reminder.at)),
    make("due", 0, open.dueAt),
    ...open.escalations.map((escalation) => make("escalate", escalation.level, escalation.at)),
  ]
    .map((alarm, index) => ({ alarm, index, at: Date.parse(alarm.fire_at) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ alarm }) => alarm);
}

/**
 * The alarm that follows `ringing` in its deadline's chain (remind → due → escalation 1 → 2 …), armed in the
 * transaction where `ringing` rings; none after the last level, or for a deadline whose schedule is unknown.
 */
export function nextAlarmOf(
  proposalId: string,
  schedule: DeadlineSchedule | null | undefined,
  ringing: string,
): AlarmRow | undefined {
  if (!schedule || !Array.isArray(schedule.reminders) || !Array.isArray(schedule.escalations)) return undefined;
  const chain = alarmsOf(proposalId, schedule);
  const index = chain.findIndex((alarm) => alarm.id === ringing);
  return index === -1 ? undefined : chain[index + 1];
}

/**
 * The rows that carry a transition's effects, as the six JSON parameters of the write statement (sql.ts): the
 * deadlines the transition closes (the statement closes them, cancels their pending alarms and writes the cancel
 * messages for those), then deadlines and their alarms, notices, webhook deliveries, and the outbox messages that
 * schedule BullMQ jobs for them. Ids are derived from the proposal, the deadline and the event's sequence number,
 * never random, so that a relayed message always names the same job.
 */
export async function effectRows(client: pg.ClientBase, context: EffectContext): Promise<string[]> {
  const { proposalId, seq, at } = context;
  const closing = context.effects.flatMap((effect) =>
    effect.type === "deadline.close" ? [effect.params.deadlineId] : [],
  );

  const deadlines: unknown[] = [];
  const alarms: AlarmRow[] = [];
  const notices: unknown[] = [];
  const deliveries: unknown[] = [];
  const outbox: OutboxRow[] = [];
  for (const [index, effect] of context.effects.entries()) {
    switch (effect.type) {
      case "deadline.open": {
        const open = effect.params;
        deadlines.push({
          proposal_id: proposalId,
          deadline_id: open.deadlineId,
          kind: open.kind,
          unit_id: open.unitId ?? null,
          due_at: new Date(open.dueAt).toISOString(),
          opened_at: at.toISOString(),
          definition: definitionOf(open),
        });
        // One alarm (row and job) per deadline at a time: the first of its chain. The rest are armed one by one as
        // each rings, so that a deadline costs one job in Redis and a closing cancels one.
        const [first] = alarmsOf(proposalId, open);
        if (first) {
          alarms.push(first);
          outbox.push(
            enqueue(
              "deadline.alarm",
              first.id,
              { alarmId: first.id, proposalId, deadlineId: open.deadlineId },
              proposalId,
              first.fire_at,
            ),
          );
        }
        break;
      }
      case "deadline.close":
        // Closed by the write statement, from `closing`.
        break;
      case "notify": {
        const noticeId = `${proposalId}.${seq}.${index}`;
        const notify = effect.params;
        notices.push({
          id: noticeId,
          proposal_id: proposalId,
          deadline_id: notify.deadlineId ?? null,
          kind: notify.topic,
          level: notify.level ?? 0,
          recipients: notify.recipients,
          content: notify,
        });
        outbox.push(enqueue("notice.deliver", noticeId, { noticeId }, proposalId));
        break;
      }
      case "event.send": {
        // Its id is the effect's own (proposal, event, index), so a relay or rebuild that adds it again adds nothing,
        // and the worker's idempotency key (`outbox.<outboxId>`) applies it to the other proposal once.
        const outboxId = `${proposalId}.${seq}.${index}`;
        const { proposalId: target, event } = effect.params;
        outbox.push(enqueue("proposal.event", outboxId, { outboxId, proposalId: target, event }, proposalId));
        break;
      }
      case "webhook.emit": {
        const emitted = await webhookDeliveriesOf(client, {
          proposalId,
          seq,
          at,
          index,
          params: effect.params,
          ...(context.creator ? { creator: context.creator } : {}),
          ...(context.committeeId ? { committeeId: context.committeeId } : {}),
          ...(context.subscriptions ? { subscriptions: context.subscriptions } : {}),
        });
        for (const delivery of emitted) {
          deliveries.push(delivery);
          outbox.push(enqueue("webhook.deliver", delivery.id, { deliveryId: delivery.id }, proposalId));
        }
        break;
      }
    }
  }
  return [json(closing), json(deadlines), json(alarms), json(notices), json(deliveries), json(outbox)];
}
