import { randomBytes } from "node:crypto";
import type { Database, Prisma } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import { createWorker, jobId, parsePayload, queues, type RedisConnection } from "@huiyin/queue";
import { DelayedError, type Worker } from "bullmq";
import type { Clock } from "./clock.ts";
import type { Keyring } from "./secret-box.ts";
import { type DestinationPolicy, postPinned, vetDestination } from "./webhook-destination.ts";
import { nextAttemptAfter, WEBHOOK_RETRY_DELAYS_MS } from "./webhook-retries.ts";
import { webhookSecretsOf } from "./webhook-secrets.ts";
import { signedWebhookHeaders } from "./webhook-signing.ts";

export interface WebhookDeliveryDeps {
  db: Database;
  logger: Logger;
  clock: Clock;
  /** Where deliveries may go (WEBHOOK_ALLOWED_DESTINATIONS) and how names resolve; checked at every attempt. */
  destinations: DestinationPolicy;
  /** Opens the subscriptions' sealed secrets (SECRETS_ENCRYPTION_KEYS). */
  keyring: Keyring;
  /** How long a receiver may take to answer. */
  timeoutMs?: number;
  /** The pauses between attempts (`WEBHOOK_RETRY_DELAYS_MS` unless a test shortens them). */
  retryDelaysMs?: readonly number[];
}

/**
 * `busy`: another job is POSTing this delivery right now (see the claim in `deliverWebhook`); look again shortly.
 * `retrying`: the attempt failed and the next one is due at `retryAt`; `failed`: it was the last. `early`: the job
 * ran before the delivery's next attempt was due (a promoted or re-created job): it waits until `retryAt`.
 */
export type WebhookOutcome =
  | "delivered"
  | "already-delivered"
  | "cancelled"
  | "missing"
  | "given-up"
  | "busy"
  | "retrying"
  | "failed"
  | "early";

export interface WebhookAttempt {
  outcome: WebhookOutcome;
  /** For `retrying`, `early` and `busy`: when the job should look again. */
  retryAt?: Date;
}

/** How long after an attempt began another job may take the delivery over: the receiver's timeout and a margin. */
const CLAIM_MARGIN_MS = 5_000;
/** How soon a job that found its delivery busy looks again. */
const BUSY_RECHECK_MS = 1_000;

const ERROR_TEXT_MAX = 500;

/**
 * What an integrator reads in `lastError`: the kind of failure, never an address, a port or a system error text
 * (the deliveries API must not turn into a scanner of the network the worker sits in). The detail goes to the
 * worker's log only.
 */
export const DELIVERY_PROBLEMS = {
  forbidden: "destination not allowed",
  unresolved: "host name did not resolve",
  timeout: "timed out",
  connection: "connection failed",
  secret: "signing secret unavailable",
} as const;

type Subscription = Prisma.WebhookSubscriptionGetPayload<Record<string, never>>;
type Delivery = Prisma.WebhookDeliveryGetPayload<Record<string, never>>;

interface AttemptResult {
  statusCode: number | null;
  /** What the integrator reads (`DELIVERY_PROBLEMS` or `HTTP <code>`); null when the receiver answered 2xx. */
  problem: string | null;
  /** The operator's detail, for the worker's log only. */
  detail?: string;
}

/**
 * One signed POST of `body` to the subscription's URL: its secrets opened (the previous one too during a
 * rotation's overlap), the destination vetted against the outbound policy, the request pinned to the vetted
 * address. Never throws for the receiver's sake: its answer, silence or absence is the result.
 */
async function postSigned(
  deps: WebhookDeliveryDeps,
  subscription: Subscription,
  message: { id: string; topic: string; deliveryId: string; body: string },
  now: Date,
): Promise<AttemptResult> {
  let secrets: string[];
  try {
    secrets = webhookSecretsOf(deps.keyring, subscription, now);
  } catch (error) {
    return {
      statusCode: null,
      problem: DELIVERY_PROBLEMS.secret,
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  const vetted = await vetDestination(subscription.url, deps.destinations);
  if (!vetted.ok) {
    const host = URL.canParse(subscription.url) ? new URL(subscription.url).host : "(bad URL)";
    return {
      statusCode: null,
      problem: DELIVERY_PROBLEMS[vetted.reason],
      detail: `${vetted.reason} destination ${host}`,
    };
  }
  try {
    const statusCode = await postPinned({
      url: subscription.url,
      address: vetted.address,
      family: vetted.family,
      headers: {
        "content-type": "application/json",
        "user-agent": "huiyin-webhooks/1",
        ...signedWebhookHeaders(secrets, {
          id: message.id,
          body: message.body,
          unixSeconds: Math.floor(now.getTime() / 1000),
        }),
        "huiyin-delivery": message.deliveryId,
        "huiyin-topic": message.topic,
      },
      body: message.body,
      timeoutMs: deps.timeoutMs ?? 10_000,
    });
    return { statusCode, problem: statusCode >= 200 && statusCode < 300 ? null : `HTTP ${statusCode}` };
  } catch (error) {
    return {
      statusCode: null,
      detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      problem:
        error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")
          ? DELIVERY_PROBLEMS.timeout
          : DELIVERY_PROBLEMS.connection,
    };
  }
}

/** The message id a delivery is signed under (`webhook-id`): the payload's `id`, the same for every attempt. */
function messageIdOf(delivery: Pick<Delivery, "id" | "payload">): string {
  const payload = delivery.payload as { id?: unknown } | null;
  return typeof payload?.id === "string" ? payload.id : delivery.id;
}

/**
 * Makes one attempt of a delivery: POSTs it to its subscription's URL, signed with the subscription's secrets, and
 * records the attempt. Delivered, cancelled and failed deliveries are not sent again (a job that runs twice, a relay
 * that enqueued twice), one being sent by another job is not sent at the same time (`busy`), and one whose next
 * attempt is not due yet is not sent before its time (`early`).
 * The attempt count and the next attempt's time live in the row (`attempts`, `next_attempt_at`), not in the BullMQ
 * job: a failed attempt leaves the delivery `retrying` with the time of the next one from the retry schedule, or
 * `failed` after the last; a job re-created after a Redis loss goes on from there. Redirects are not followed: the
 * subscriber registered one URL. Every attempt resolves the host again and checks every address against the
 * outbound policy, then connects to the checked address only (a name that now points inside is refused, and cannot
 * be switched mid-request).
 */
export async function deliverWebhook(deps: WebhookDeliveryDeps, deliveryId: string): Promise<WebhookAttempt> {
  const prisma = deps.db.prisma;
  const delivery = await prisma.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { subscription: true },
  });
  if (!delivery) return { outcome: "missing" };
  if (delivery.status === "delivered") return { outcome: "already-delivered" };
  if (delivery.status === "cancelled") return { outcome: "cancelled" };
  // Out of attempts already (`failed`): a job that runs again has nothing to add.
  if (delivery.status !== "pending" && delivery.status !== "retrying") return { outcome: "given-up" };
  if (delivery.subscription.deletedAt !== null) {
    await prisma.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "cancelled", nextAttemptAt: null },
    });
    return { outcome: "cancelled" };
  }
  const { subscription } = delivery;
  const now = deps.clock.now();
  if (delivery.nextAttemptAt !== null && delivery.nextAttemptAt.getTime() > now.getTime())
    return { outcome: "early", retryAt: delivery.nextAttemptAt };
  const timeoutMs = deps.timeoutMs ?? 10_000;
  // One POST of a delivery at a time. Two jobs of one delivery can run at once when Redis lost its data while one
  // was running (the rebuild re-creates the job): the attempt claims the row first. An attempt in progress has
  // begun (`last_attempt_at`) and not ended (every ended attempt leaves `delivered`, or an error); a claim older than
  // the timeout and a margin belongs to a process that died mid-POST and may be taken over.
  const { count: claimed } = await prisma.webhookDelivery.updateMany({
    where: {
      id: deliveryId,
      status: { in: ["pending", "retrying"] },
      attempts: delivery.attempts,
      OR: [
        { lastAttemptAt: null },
        { lastError: { not: null } },
        { lastAttemptAt: { lt: new Date(now.getTime() - timeoutMs - CLAIM_MARGIN_MS) } },
      ],
    },
    data: { lastAttemptAt: now, lastError: null, lastStatusCode: null },
  });
  if (claimed === 0) return { outcome: "busy", retryAt: new Date(now.getTime() + BUSY_RECHECK_MS) };
  const number = delivery.attempts + 1;
  const result = await postSigned(
    deps,
    subscription,
    { id: messageIdOf(delivery), topic: delivery.topic, deliveryId, body: JSON.stringify(delivery.payload) },
    now,
  );
  const at = deps.clock.now();
  if (result.problem === null) {
    await prisma.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        status: "delivered",
        attempts: number,
        lastStatusCode: result.statusCode,
        lastError: null,
        lastAttemptAt: at,
        deliveredAt: at,
        nextAttemptAt: null,
      },
    });
    return { outcome: "delivered" };
  }
  const next = nextAttemptAfter(number, at, deps.retryDelaysMs ?? WEBHOOK_RETRY_DELAYS_MS);
  await prisma.webhookDelivery.update({
    where: { id: deliveryId },
    data: {
      status: next ? "retrying" : "failed",
      attempts: number,
      lastStatusCode: result.statusCode,
      lastError: result.problem.slice(0, ERROR_TEXT_MAX),
      lastAttemptAt: at,
      nextAttemptAt: next,
    },
  });
  // The log (the operator's) may say more than the integrator sees; never the secret nor the body.
  deps.logger.warn(
    { deliveryId, subscriptionId: subscription.id, attempt: number, problem: result.problem, detail: result.detail },
    "webhook attempt failed",
  );
  return next ? { outcome: "retrying", retryAt: next } : { outcome: "failed" };
}

/**
 * A test ping (`POST /v1/webhooks/:id/ping`): one signed `webhook.ping` POST now, not retried, recorded as a
 * delivery of the subscription (no proposal) so that it shows in the deliveries list with its answer.
 */
export async function pingWebhook(deps: WebhookDeliveryDeps, subscription: Subscription): Promise<Delivery> {
  const now = deps.clock.now();
  const id = `ping.${randomBytes(8).toString("hex")}.${subscription.id}`;
  const payload = { id, topic: "webhook.ping", occurredAt: now.toISOString(), data: { webhookId: subscription.id } };
  const result = await postSigned(
    deps,
    subscription,
    { id, topic: payload.topic, deliveryId: id, body: JSON.stringify(payload) },
    now,
  );
  const at = deps.clock.now();
  if (result.problem !== null)
    deps.logger.info(
      { subscriptionId: subscription.id, problem: result.problem, detail: result.detail },
      "webhook ping failed",
    );
  return deps.db.prisma.webhookDelivery.create({
    data: {
      id,
      subscriptionId: subscription.id,
      proposalId: null,
      topic: payload.topic,
      payload,
      status: result.problem === null ? "delivered" : "failed",
      attempts: 1,
      lastStatusCode: result.statusCode,
      lastError: result.problem?.slice(0, ERROR_TEXT_MAX) ?? null,
      createdAt: now,
      lastAttemptAt: at,
      deliveredAt: result.problem === null ? at : null,
    },
  });
}

/**
 * A redelivery (`POST /v1/webhook-deliveries/:id/redeliver`): a new delivery of the same message (same payload,
 * same `webhook-id`, so a receiver that kept it recognises it), with a fresh round of attempts, queued through the
 * outbox in the caller's transaction (with its audit entry) and relayed at commit like the engine's own deliveries.
 */
export async function redeliverWebhook(tx: Prisma.TransactionClient, original: Delivery, now: Date): Promise<Delivery> {
  const id = `${original.id}.r${randomBytes(4).toString("hex")}`;
  const row = await tx.webhookDelivery.create({
    data: {
      id,
      subscriptionId: original.subscriptionId,
      proposalId: original.proposalId,
      topic: original.topic,
      payload: original.payload as Prisma.InputJsonValue,
      status: "pending",
      redeliveryOf: original.id,
      createdAt: now,
    },
  });
  await tx.outboxMessage.create({
    data: {
      proposalId: original.proposalId,
      action: "enqueue",
      jobName: "webhook.deliver",
      jobId: jobId("webhook.deliver", id),
      payload: { deliveryId: id },
    },
  });
  // The relays LISTEN on this channel (relay.ts); the notification is delivered at commit.
  await tx.$executeRaw`SELECT pg_notify('huiyin_outbox', ${original.proposalId ?? ""})`;
  return row;
}

/**
 * The `webhooks` queue's worker: one `webhook.deliver` job per delivery row. The job lives until the delivery is
 * settled: after a failed attempt it is moved back to the delayed set until the next attempt's time (kept in the
 * row). The catalog's BullMQ attempts only retry the worker's own failures (the database away).
 */
export function startWebhookWorker(
  deps: WebhookDeliveryDeps,
  options: {
    connection: RedisConnection;
    prefix: string;
    concurrency?: number;
    lockDurationMs?: number;
    /** false: take jobs only once `run()` is called (a service starts it when the rest of it is up). */
    autorun?: boolean;
  },
): Worker {
  const log = deps.logger.child({ component: queues.webhooks });
  const worker = createWorker(
    "webhook.deliver",
    async (job, token) => {
      const { deliveryId } = parsePayload("webhook.deliver", job.data);
      const { outcome, retryAt } = await deliverWebhook({ ...deps, logger: log.child({ jobId: job.id }) }, deliveryId);
      if (retryAt) {
        // Back to the delayed set without spending a BullMQ attempt (those are for the worker's own failures, a
        // database away): the delivery's attempts are counted in its row.
        if (!token) throw new Error(`webhook ${deliveryId}: no job token to delay the next attempt`);
        await job.moveToDelayed(retryAt.getTime(), token);
        throw new DelayedError();
      }
      return { outcome };
    },
    options.connection,
    {
      prefix: options.prefix,
      concurrency: options.concurrency ?? 10,
      autorun: options.autorun ?? true,
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
    },
  );
  worker.on("error", (error) => log.error({ err: error }, "webhook worker error"));
  worker.on("failed", (job, error) =>
    log.warn({ err: error.message, jobId: job?.id, attempts: job?.attemptsMade }, "webhook job failed"),
  );
  return worker;
}
