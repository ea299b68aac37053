import type pg from "pg";
import { findCreator, findSubscriptions, run } from "./sql.ts";

/** The topics a subscription may name; `*` is every one. */
export const WEBHOOK_TOPICS = ["proposal.stage", "proposal.closed", "deadline.escalated"] as const;
export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];

type Creator = { role?: unknown; id?: unknown };

interface Emitted {
  proposalId: string;
  seq: number;
  at: Date;
  /** The effect's position among the transition's effects: two webhooks of one event get two ids. */
  index: number;
  params: Record<string, unknown>;
  /** Who created the proposal, when known already; otherwise read from its first history row. */
  creator?: Creator;
  /** The proposal's committee, when its row is not written yet (a creation); otherwise read from the row. */
  committeeId?: string;
}

/** One delivery row, with the column names of `webhook_deliveries` (status is always `pending`). */
export interface DeliveryRow {
  id: string;
  subscription_id: string;
  proposal_id: string;
  topic: string;
  payload: unknown;
  created_at: string;
}

/**
 * One delivery row per active subscription that wants the topic, inside the transaction of the event. An
 * integrator's subscription hears only of proposals that integrator created (what its key may see); an admin's
 * hears of all, within its committee: a committee's proposals reach only that committee's subscriptions. Ids are
 * deterministic, so the same event can never be delivered twice to one subscription.
 */
export async function webhookDeliveriesOf(client: pg.ClientBase, emitted: Emitted): Promise<DeliveryRow[]> {
  const { topic: declared, ...details } = emitted.params;
  const topic = String(declared ?? "");
  const { rows: subscriptions } = await run<{ id: string; owner_role: string; owner_id: string }>(
    client,
    findSubscriptions,
    [topic, emitted.proposalId, emitted.committeeId ?? null],
  );
  if (subscriptions.length === 0) return [];
  let creator = emitted.creator;
  if (!creator && subscriptions.some((subscription) => subscription.owner_role !== "admin")) {
    const { rows } = await run<{ actor: Creator }>(client, findCreator, [emitted.proposalId]);
    creator = rows[0]?.actor;
  }
  const mayHear = (subscription: { owner_role: string; owner_id: string }) =>
    subscription.owner_role === "admin" ||
    (creator?.role === subscription.owner_role && creator.id === subscription.owner_id);
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
      subscription_id: subscription.id,
      proposal_id: emitted.proposalId,
      topic,
      payload,
      created_at: emitted.at.toISOString(),
    };
  });
}
