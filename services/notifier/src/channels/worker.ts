import type { Database } from "@huiyin/db";
import type { Keyring } from "@huiyin/engine";
import type { Logger } from "@huiyin/logger";
import { createWorker, type RedisConnection } from "@huiyin/queue";
import { UnrecoverableError, type Worker, type WorkerOptions } from "bullmq";
import { noticeFacts } from "../email/compose.ts";
import { isFinalAttempt } from "../email/retry.ts";
import { trackedRow } from "../email/tracked.ts";
import type { ChannelAdapter, ChannelMessage, RobotRecipient, SendResult, SmsRecipient } from "./adapter.ts";
import { channelMessage } from "./message.ts";
import type { ChannelJob } from "./plan.ts";
import { openRobot } from "./robots.ts";

/** The adapters of the channels that are on: SMS with a gateway, robots with the secret box's keys. */
export interface ChannelAdapters {
  sms?: ChannelAdapter<SmsRecipient> | undefined;
  wecom?: ChannelAdapter<RobotRecipient> | undefined;
  dingtalk?: ChannelAdapter<RobotRecipient> | undefined;
}

export interface ChannelSendContext {
  database: Database;
  adapters: ChannelAdapters;
  /** Opens the robots' URLs and secrets; without it robot deliveries fail for good (nothing to open them with). */
  keyring?: Keyring | undefined;
  /** The base of the console link in messages (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  logger: Logger;
  now?: () => Date;
}

export type ChannelOutcome = "sent" | "skipped";

/**
 * Sends one notice to one recipient on one channel, tracked by its `notice_deliveries` row as e-mails are
 * (`trackedRow`): claimed (`sending`, attempts + 1) before the request and `delivered` after it, so a retried or
 * re-added job finds it delivered and sends nothing. A retryable failure marks the row `retrying` and throws for
 * BullMQ's backoff; a permanent one, or the last attempt, marks it `dead` (a dead letter the back office sees).
 * A process killed between the robot's answer and the row's update sends it again: at least once.
 */
export async function sendOnChannel(
  context: ChannelSendContext,
  job: ChannelJob,
  final: boolean,
): Promise<ChannelOutcome> {
  const { database } = context;
  const where = { noticeId: job.noticeId, channel: job.channel, recipient: job.recipient };
  const row = trackedRow((narrow, data) =>
    database.prisma.noticeDelivery.updateMany({ where: { ...where, ...narrow }, data }),
  );
  const logger = context.logger.child({ noticeId: job.noticeId, channel: job.channel, recipient: job.recipient });
  if (!(await row.claim())) {
    logger.info("channel message already delivered or given up; nothing to send");
    return "skipped";
  }
  let result: SendResult;
  try {
    result = await deliver(context, job);
  } catch (error) {
    // The database or the secret box failed before anything went out: worth a retry.
    result = { status: "retryable", reason: String((error as Error).message ?? error) };
  }
  if (result.status === "delivered") {
    await row.delivered();
    logger.info("channel message delivered");
    return "sent";
  }
  const status = result.status === "permanent" || final ? "dead" : "retrying";
  await row.failed(status, result.reason);
  logger.warn(
    { reason: result.reason, status },
    status === "dead" ? "channel message given up" : "channel message failed; will retry",
  );
  throw result.status === "permanent" ? new UnrecoverableError(result.reason) : new Error(result.reason);
}

/** Finds the recipient's address (a phone, a robot), composes the message and hands it to the channel's adapter. */
async function deliver(context: ChannelSendContext, job: ChannelJob): Promise<SendResult> {
  const { database } = context;
  const message = async (personId: string): Promise<ChannelMessage> =>
    channelMessage(
      await noticeFacts(
        database,
        job.noticeId,
        { id: personId },
        { publicBaseUrl: context.publicBaseUrl },
        context.now?.() ?? new Date(),
      ),
    );
  if (job.channel === "sms") {
    const sms = context.adapters.sms;
    if (!sms) return { status: "permanent", reason: "the SMS channel is not configured (NOTIFY_SMS_URL)" };
    const personId = job.recipient.replace(/^person:/, "");
    const person = await database.prisma.person.findUnique({ where: { id: personId }, select: { phone: true } });
    if (!person?.phone) return { status: "permanent", reason: "the person has no phone number" };
    return sms.send(await message(personId), { phone: person.phone });
  }
  const adapter = context.adapters[job.channel];
  if (!adapter) return { status: "permanent", reason: `the ${job.channel} channel is off` };
  if (!context.keyring) return { status: "permanent", reason: "SECRETS_ENCRYPTION_KEYS is not set: robots are off" };
  const robotId = job.recipient.replace(/^robot:/, "");
  const robot = await database.prisma.noticeRobot.findUnique({ where: { id: robotId } });
  if (!robot) return { status: "permanent", reason: "the robot was removed" };
  return adapter.send(await message(robotId), openRobot(context.keyring, robot));
}

/**
 * The worker of the `notice-channel` queue: each job sends one message through `sendOnChannel`; BullMQ retries a
 * failed one with exponential backoff (`channelJobOptions`).
 */
export function startChannelWorker(
  context: ChannelSendContext & { redis: RedisConnection; prefix: string },
  options: Omit<WorkerOptions, "connection" | "prefix"> = {},
): Worker<ChannelJob> {
  const { redis, prefix, ...sendContext } = context;
  const worker = createWorker(
    "channel.send",
    async (job) => ({
      outcome: await sendOnChannel(
        { ...sendContext, logger: context.logger.child({ jobId: job.id }) },
        job.data,
        isFinalAttempt(job),
      ),
    }),
    redis,
    { concurrency: 5, ...options, prefix },
  );
  worker.on("error", (error) => context.logger.error({ err: error, queue: worker.name }, "channel worker error"));
  return worker;
}
