import type { Prisma } from "@huiyin/db";
import { type JobName, type JobPayload, jobId } from "@huiyin/queue";
import type { DeadlineOpen, Effect } from "./effects.ts";
import { alarmId } from "./ids.ts";
import { webhookDeliveriesOf } from "./webhook-deliveries.ts";

interface EffectContext {
  proposalId: string;
  /** The history sequence number of the event that declared these effects. */
  seq: number;
  at: Date;
  effects: readonly Effect[];
}

function enqueue<Name extends JobName>(
  name: Name,
  id: string,
  payload: JobPayload<Name>,
  proposalId: string,
  runAt?: Date,
): Prisma.OutboxMessageCreateManyInput {
  return {
    proposalId,
    action: "enqueue",
    jobName: name,
    jobId: jobId(name, id),
    payload: payload as Prisma.InputJsonValue,
    runAt: runAt ?? null,
  };
}

/** The alarm clocks of a deadline: each reminder, the due moment, each escalation level. */
export function alarmsOf(proposalId: string, open: DeadlineOpen): Prisma.AlarmCreateManyInput[] {
  const make = (kind: string, level: number, at: string): Prisma.AlarmCreateManyInput => ({
    id: alarmId(proposalId, open.deadlineId, kind, level),
    proposalId,
    deadlineId: open.deadlineId,
    kind,
    level,
    fireAt: new Date(at),
    status: "pending",
  });
  return [
    ...open.reminders.map((reminder, index) => make("remind", index + 1, reminder.at)),
    make("due", 0, open.dueAt),
    ...open.escalations.map((escalation) => make("escalate", escalation.level, escalation.at)),
  ];
}

/**
 * Writes the rows that carry a transition's effects, inside the caller's transaction: deadlines and their
 * alarms, notices, and the outbox messages that schedule or cancel BullMQ jobs for them. Ids are derived
 * from the proposal, the deadline and the event's sequence number, never random, so that a relayed
 * message always names the same job.
 */
export async function writeEffects(tx: Prisma.TransactionClient, context: EffectContext): Promise<void> {
  const { proposalId, seq, at } = context;
  const outbox: Prisma.OutboxMessageCreateManyInput[] = [];
  for (const [index, effect] of context.effects.entries()) {
    switch (effect.type) {
      case "deadline.open": {
        await tx.deadline.create({
          data: {
            proposalId,
            deadlineId: effect.deadlineId,
            kind: effect.kind,
            unitId: effect.unitId ?? null,
            dueAt: new Date(effect.dueAt),
            status: "open",
            openedAt: at,
            definition: effect as unknown as Prisma.InputJsonValue,
          },
        });
        const alarms = alarmsOf(proposalId, effect);
        await tx.alarm.createMany({ data: alarms });
        for (const alarm of alarms) {
          outbox.push(
            enqueue(
              "deadline.alarm",
              alarm.id,
              { alarmId: alarm.id, proposalId, deadlineId: effect.deadlineId },
              proposalId,
              alarm.fireAt as Date,
            ),
          );
        }
        break;
      }
      case "deadline.close": {
        await tx.deadline.updateMany({
          where: { proposalId, deadlineId: effect.deadlineId, status: "open" },
          data: { status: "closed", closedAt: at },
        });
        const pending = await tx.alarm.findMany({
          where: { proposalId, deadlineId: effect.deadlineId, status: "pending" },
          select: { id: true },
        });
        await tx.alarm.updateMany({
          where: { proposalId, deadlineId: effect.deadlineId, status: "pending" },
          data: { status: "cancelled" },
        });
        for (const alarm of pending) {
          outbox.push({
            proposalId,
            action: "cancel",
            jobName: "deadline.alarm",
            jobId: jobId("deadline.alarm", alarm.id),
            payload: {},
          });
        }
        break;
      }
      case "notify": {
        const noticeId = `${proposalId}.${seq}.${index}`;
        const { deadlineId, level } = effect.params;
        await tx.notice.create({
          data: {
            id: noticeId,
            proposalId,
            deadlineId: typeof deadlineId === "string" ? deadlineId : null,
            kind: effect.kind,
            level: typeof level === "number" ? level : 0,
            recipients: (effect.params.recipients ?? [
              effect.params.recipient ?? effect.params.recipientRole ?? null,
            ]) as Prisma.InputJsonValue,
            content: effect.params as Prisma.InputJsonValue,
          },
        });
        outbox.push(enqueue("notice.deliver", noticeId, { noticeId }, proposalId));
        break;
      }
      case "webhook.emit": {
        const deliveries = await webhookDeliveriesOf(tx, { proposalId, seq, at, index, params: effect.params });
        if (deliveries.length === 0) break;
        await tx.webhookDelivery.createMany({ data: deliveries });
        for (const delivery of deliveries) {
          outbox.push(enqueue("webhook.deliver", delivery.id, { deliveryId: delivery.id }, proposalId));
        }
        break;
      }
    }
  }
  if (outbox.length > 0) await tx.outboxMessage.createMany({ data: outbox });
}
