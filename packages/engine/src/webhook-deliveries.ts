import type { Prisma } from "@huiyin/db";

/** The topics a subscription may name; `*` is every one. */
export const WEBHOOK_TOPICS = ["proposal.stage", "proposal.closed", "deadline.escalated"] as const;
export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];

interface Emitted {
  proposalId: string;
  seq: number;
  at: Date;
  /** The effect's position among the transition's effects: two webhooks of one event get two ids. */
  index: number;
  params: Record<string, unknown>;
}

/**
 * One delivery row per active subscription that wants the topic, inside the transaction of the event. An
 * integrator's subscription hears only of proposals that integrator created (what its key may see); an admin's
 * hears of all. Ids are deterministic, so the same event can never be delivered twice to one subscription.
 */
export async function webhookDeliveriesOf(
  tx: Prisma.TransactionClient,
  emitted: Emitted,
): Promise<Prisma.WebhookDeliveryCreateManyInput[]> {
  const { topic: declared, ...details } = emitted.params;
  const topic = String(declared ?? "");
  const subscriptions = await tx.webhookSubscription.findMany({
    where: { deletedAt: null, events: { hasSome: [topic, "*"] } },
    select: { id: true, ownerRole: true, ownerId: true },
    orderBy: { id: "asc" },
  });
  if (subscriptions.length === 0) return [];
  let creator: { role?: unknown; id?: unknown } | undefined;
  if (subscriptions.some((subscription) => subscription.ownerRole !== "admin")) {
    const first = await tx.proposalEvent.findFirst({
      where: { proposalId: emitted.proposalId, seq: 1 },
      select: { actor: true },
    });
    creator = (first?.actor ?? undefined) as typeof creator;
  }
  const mayHear = (subscription: { ownerRole: string; ownerId: string }) =>
    subscription.ownerRole === "admin" ||
    (creator?.role === subscription.ownerRole && creator.id === subscription.ownerId);
  return subscriptions.filter(mayHear).map((subscription) => {
    const id = `${emitted.proposalId}.${emitted.seq}.${emitted.index}.${subscription.id}`;
    const payload = {
      id,
      topic,
      occurredAt: emitted.at.toISOString(),
      // The topic's own fields (stage and reason; or deadline, level and role of an escalation) as the
      // workflow declared them.
      data: { proposalId: emitted.proposalId, seq: emitted.seq, ...details },
    };
    return {
      id,
      subscriptionId: subscription.id,
      proposalId: emitted.proposalId,
      topic,
      payload,
      status: "pending",
      createdAt: emitted.at,
    };
  });
}
