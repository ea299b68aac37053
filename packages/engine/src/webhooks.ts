import { createHmac } from "node:crypto";
import type { Database } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import { createWorker, parsePayload, queues, type RedisConnection } from "@huiyin/queue";
import { DelayedError, type Worker } from "bullmq";
import type { Clock } from "./clock.ts";
import type { Keyring } from "./secret-box.ts";
import { type DestinationPolicy, postPinned, vetDestination } from "./webhook-destination.ts";
import { webhookSecretOf } from "./webhook-secrets.ts";

/**
 * The `Huiyin-Signature` header of a webhook body: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. The
 * timestamp is inside the signed text, so a receiver that refuses old timestamps refuses replays too.
 */
export function webhookSignature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

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
}

/** `busy`: another job is POSTing this delivery right now (see the claim in `deliverWebhook`); look again shortly. */
export type WebhookOutcome = "delivered" | "already-delivered" | "cancelled" | "missing" | "given-up" | "busy";

/** How long after an attempt began another job may take the delivery over: the receiver's timeout and a margin. */
const CLAIM_MARGIN_MS = 5_000;
/** How soon a job that found its delivery busy looks again. */
const BUSY_RECHECK_MS = 1_000;

/** A receiver's refusal or silence: the job fails and BullMQ retries it with the catalog's backoff. */
export class WebhookDeliveryError extends Error {
  override name = "WebhookDeliveryError";
}

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

/**
 * POSTs one delivery to its subscription's URL, signed with the subscription's secret, and records the attempt.
 * Delivered, cancelled and failed deliveries are not sent again (a job that runs twice, a relay that enqueued twice),
 * and one being sent by another job is not sent at the same time (`busy`).
 * A non-2xx answer, a timeout or a network error throws, so BullMQ retries; on the last attempt the delivery
 * is marked `failed`, otherwise `retrying`. Redirects are not followed: the subscriber registered one URL.
 * Every attempt resolves the host again and checks every address against the outbound policy, then connects to
 * the checked address only (a name that now points inside is refused, and cannot be switched mid-request).
 */
export async function deliverWebhook(
  deps: WebhookDeliveryDeps,
  deliveryId: string,
  attempt: { number: number; last: boolean },
): Promise<WebhookOutcome> {
  const prisma = deps.db.prisma;
  const delivery = await prisma.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { subscription: true },
  });
  if (!delivery) return "missing";
  if (delivery.status === "delivered") return "already-delivered";
  if (delivery.status === "cancelled") return "cancelled";
  // Out of attempts already (`failed`): a job that runs again has nothing to add.
  if (delivery.status !== "pending" && delivery.status !== "retrying") return "given-up";
  if (delivery.subscription.deletedAt !== null) {
    await prisma.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "cancelled" } });
    return "cancelled";
  }
  const { subscription } = delivery;
  const now = deps.clock.now();
  const timeoutMs = deps.timeoutMs ?? 10_000;
  // One POST of a delivery at a time. Two jobs of one delivery can run at once when Redis lost its data while one
  // was running (the rebuild re-creates the job): the attempt claims the row first. An attempt in progress has
  // begun (`last_attempt_at`) and not ended (every ended attempt leaves `delivered`, or an error); a claim older than
  // the timeout and a margin belongs to a process that died mid-POST and may be taken over.
  const { count: claimed } = await prisma.webhookDelivery.updateMany({
    where: {
      id: deliveryId,
      status: { in: ["pending", "retrying"] },
      OR: [
        { lastAttemptAt: null },
        { lastError: { not: null } },
        { lastAttemptAt: { lt: new Date(now.getTime() - timeoutMs - CLAIM_MARGIN_MS) } },
      ],
    },
    data: { lastAttemptAt: now, lastError: null, lastStatusCode: null },
  });
  if (claimed === 0) return "busy";
  let statusCode: number | null = null;
  let problem: string | null = null;
  let detail: string | undefined;
  let secret: string | null = null;
  try {
    secret = webhookSecretOf(deps.keyring, subscription);
  } catch (error) {
    detail = error instanceof Error ? error.message : String(error);
    problem = DELIVERY_PROBLEMS.secret;
  }
  const vetted = secret === null ? null : await vetDestination(subscription.url, deps.destinations);
  if (vetted && !vetted.ok) {
    problem = DELIVERY_PROBLEMS[vetted.reason];
    detail = `${vetted.reason} destination ${URL.canParse(subscription.url) ? new URL(subscription.url).host : "(bad URL)"}`;
  } else if (vetted?.ok && secret !== null) {
    const body = JSON.stringify(delivery.payload);
    try {
      statusCode = await postPinned({
        url: subscription.url,
        address: vetted.address,
        family: vetted.family,
        headers: {
          "content-type": "application/json",
          "user-agent": "huiyin-webhooks/1",
          "huiyin-signature": webhookSignature(secret, body, Math.floor(now.getTime() / 1000)),
          "huiyin-delivery": delivery.id,
          "huiyin-topic": delivery.topic,
        },
        body,
        timeoutMs,
      });
      if (statusCode < 200 || statusCode >= 300) problem = `HTTP ${statusCode}`;
    } catch (error) {
      detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      problem =
        error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")
          ? DELIVERY_PROBLEMS.timeout
          : DELIVERY_PROBLEMS.connection;
    }
  }
  const at = deps.clock.now();
  if (problem === null) {
    await prisma.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        status: "delivered",
        attempts: attempt.number,
        lastStatusCode: statusCode,
        lastError: null,
        lastAttemptAt: at,
        deliveredAt: at,
      },
    });
    return "delivered";
  }
  await prisma.webhookDelivery.update({
    where: { id: deliveryId },
    data: {
      status: attempt.last ? "failed" : "retrying",
      attempts: attempt.number,
      lastStatusCode: statusCode,
      lastError: problem.slice(0, ERROR_TEXT_MAX),
      lastAttemptAt: at,
    },
  });
  // The log (the operator's) may say more than the integrator sees; never the secret nor the body.
  if (detail) deps.logger.warn({ deliveryId, subscriptionId: subscription.id, detail }, "webhook attempt failed");
  throw new WebhookDeliveryError(`webhook ${deliveryId}: ${problem}`);
}

/**
 * The `webhooks` queue's worker: one `webhook.deliver` job per delivery row. Attempts and backoff come from the
 * job (the catalog's options, set by the relay), so the worker only tells BullMQ whether this attempt worked.
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
      const number = job.attemptsMade + 1;
      const outcome = await deliverWebhook({ ...deps, logger: log.child({ jobId: job.id }) }, deliveryId, {
        number,
        last: number >= (job.opts.attempts ?? 1),
      });
      if (outcome === "busy" && token) {
        // Back to the delayed set without spending an attempt, until the other POST has ended.
        await job.moveToDelayed(Date.now() + BUSY_RECHECK_MS, token);
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
    log.warn({ err: error.message, jobId: job?.id, attempts: job?.attemptsMade }, "webhook attempt failed"),
  );
  return worker;
}
