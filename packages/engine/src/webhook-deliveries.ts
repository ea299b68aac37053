import type pg from "pg";
import { findCreator, run } from "./sql.ts";

/** The topics a subscription may name; `*` is every one. */
export const WEBHOOK_TOPICS = ["proposal.stage", "proposal.closed", "deadline.escalated"] as const;
export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];

type Creator = { role?: unknown; id?: unknown };

/**
 * The subscriptions that want a topic, among those of the proposal's committee: a committee's admin or integrator
 * hears nothing of another committee's proposals. A proposal being created is not in its table yet (the creation
 * writes it in the same statement as the deliveries): `$3` names its committee then, or else 'default', where the
 * engine creates every proposal today.
 */
const findCommitteeSubscriptions = {
  name: "huiyin.findCommitteeSubscriptions",
  text: `SELECT id, owner_role, owner_id FROM webhook_subscriptions
          WHERE deleted_at IS NULL AND events && ARRAY[$1, '*']::text[]
            AND committee_id = COALESCE($3, (SELECT committee_id FROM proposals WHERE id = $2), 'default')
          ORDER BY id`,
};

/**
 * Per topic, the fields of the workflow's declaration an integrator's subscription receives. An integrator reads
 * what the proposers it acts for read (the api's `viewerOf`, the workflow's disclosure rules): a stage and why a
 * proposal closed are everyone's to know; an escalation is the committee's supervision of a unit (the history's
 * `deadline.escalate` payload is the unit's and the back office's), so an integrator hears that one happened and
 * not whose deadline it was nor to whom it went. A field not listed here is withheld: a field a workflow adds
 * reaches integrators only once someone decided it may. Admins' subscriptions receive every field.
 */
export const INTEGRATOR_FIELDS: Record<WebhookTopic, readonly string[]> = {
  "proposal.stage": ["stage"],
  "proposal.closed": ["stage", "reason"],
  "deadline.escalated": [],
};

/** The topic's own fields as a subscription owned by `ownerRole` may receive them. */
export function disclosedFields(
  ownerRole: string,
  topic: string,
  details: Record<string, unknown>,
): Record<string, unknown> {
  if (ownerRole === "admin") return details;
  const allowed = new Set<string>(INTEGRATOR_FIELDS[topic as WebhookTopic] ?? []);
  return Object.fromEntries(Object.entries(details).filter(([key]) => allowed.has(key)));
}

/** An active subscription of the proposal's committee, as the lock read brings it (`lockProposalWithSubscriptions`). */
export interface CommitteeSubscription {
  id: string;
  owner_role: string;
  owner_id: string;
  events: string[];
}

interface Emitted {
  proposalId: string;
  seq: number;
  at: Date;
  /** The effect's position among the transition's effects: two webhooks of one event get two ids. */
  index: number;
  params: Record<string, unknown>;
  /** Who created the proposal, when known already; otherwise read from its first history row. */
  creator?: Creator;
  /** The proposal's committee, when the caller knows it (a creation); otherwise read from the proposal's row. */
  committeeId?: string;
  /** The committee's active subscriptions, when the caller read them with the lock; otherwise read here. */
  subscriptions?: readonly CommitteeSubscription[];
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
 * One delivery row per active subscription of the proposal's committee that wants the topic, inside the
 * transaction of the event. A subscription receives only what its key may see: an integrator's hears only of
 * proposals that integrator created, with the fields the proposers may read (`INTEGRATOR_FIELDS`); an admin's hears
 * of all, with every field. Ids are deterministic, so the same event can never be delivered twice to one
 * subscription.
 */
export async function webhookDeliveriesOf(client: pg.ClientBase, emitted: Emitted): Promise<DeliveryRow[]> {
  const { topic: declared, ...details } = emitted.params;
  const topic = String(declared ?? "");
  const subscriptions = emitted.subscriptions
    ? emitted.subscriptions.filter((subscription) => subscription.events.some((want) => want === topic || want === "*"))
    : (
        await run<{ id: string; owner_role: string; owner_id: string }>(client, findCommitteeSubscriptions, [
          topic,
          emitted.proposalId,
          emitted.committeeId ?? null,
        ])
      ).rows;
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
      data: {
        proposalId: emitted.proposalId,
        seq: emitted.seq,
        ...disclosedFields(subscription.owner_role, topic, details),
      },
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
