import type { JobsOptions } from "bullmq";
import { z } from "zod";

/**
 * Every queue huiyin uses, by the name its keys carry in Redis. This is the one place a queue is named
 * (`queue-names.test.ts` fails on a queue's name written anywhere else): producers take the name from here,
 * and a worker from the job it works (`createWorker`). Renaming one strands the jobs Redis holds under the old
 * name, so these stay as they are.
 */
export const queues = {
  /** Queued events for proposals (`proposal.event`). */
  events: "events",
  /** Deadline alarm clocks (`deadline.alarm`). */
  alarms: "alarms",
  /** Notices to deliver (`notice.deliver`): the notifier's. */
  notices: "notices",
  /** Webhook deliveries (`webhook.deliver`). */
  webhooks: "webhooks",
  /** Runs of the daily digest (`digest.run`): its job scheduler's and the catch-up at start. */
  digests: "digests",
  /** Single notice e-mails (`email`): the one queue the api produces to, retrying a dead e-mail. */
  noticeEmail: "notice-email",
  /** Single digest e-mails (`digest.email`). */
  digestEmail: "digest-email",
  /** Invitations e-mailed to the people invited (`invitation.email`): the api produces, the notifier sends. */
  invitationEmail: "invitation-email",
  /** Single notices by SMS or to a group robot (`channel.send`): the notifier's channels beyond e-mail. */
  noticeChannel: "notice-channel",
} as const;

export type QueueName = (typeof queues)[keyof typeof queues];

const id = z.string().min(1).max(200);

/** How a job is retried: a fixed policy, or the deployment's (`configuredJobOptions` takes it). */
type Retry = Required<Pick<JobsOptions, "attempts" | "backoff">> | "configured";

interface JobDefinition {
  queue: QueueName;
  payload: z.ZodType;
  /** The first part of the job's ids (`jobId`); for the jobs of old, what their ids always started with. */
  idPrefix: string;
  retry: Retry;
  /** The id of the one BullMQ job scheduler that adds this job, when one does. */
  scheduler?: string;
}

/**
 * Every kind of job huiyin puts on a queue: its queue, its payload schema, the prefix of its ids and how it is
 * retried. Each queue holds one kind of job, so a worker is named by the job it works. The key is the name BullMQ
 * gives the job. Producers and workers take their types from here, so a payload cannot drift between the two sides.
 *
 * Job ids are always given by the producer and derived from database ids (`jobId()`), so that adding the
 * same job twice — a relay that runs again after a crash — leaves one job.
 */
export const jobCatalog = {
  /** Apply one event to a proposal (events that do not come over HTTP). */
  "proposal.event": {
    queue: queues.events,
    payload: z.object({ outboxId: id, proposalId: id, event: z.record(z.string(), z.unknown()) }),
    idPrefix: "proposal-event",
    retry: { attempts: 10, backoff: { type: "exponential", delay: 500 } },
  },
  /** A deadline's alarm clock: when it rings, the worker feeds a `deadline.*` event to the proposal. */
  "deadline.alarm": {
    queue: queues.alarms,
    payload: z.object({ alarmId: id, proposalId: id, deadlineId: id }),
    idPrefix: "deadline-alarm",
    retry: { attempts: 10, backoff: { type: "exponential", delay: 1_000 } },
  },
  /** Deliver a notice (reminder or escalation) through its channels. */
  "notice.deliver": {
    queue: queues.notices,
    payload: z.object({ noticeId: id }),
    idPrefix: "notice-deliver",
    retry: { attempts: 8, backoff: { type: "exponential", delay: 2_000 } },
  },
  /** POST one webhook delivery to a subscriber. */
  "webhook.deliver": {
    queue: queues.webhooks,
    payload: z.object({ deliveryId: id }),
    idPrefix: "webhook-deliver",
    retry: { attempts: 8, backoff: { type: "exponential", delay: 2_000 } },
  },
  /**
   * One run of the daily digest: its scheduler's job (one scheduler for the whole deployment, so a day has one
   * run), or the catch-up at start (`jobId("digest.run", "catch-up", date)`). A run that fails (the database away)
   * is retried; its rows make the retry send nothing twice.
   */
  "digest.run": {
    queue: queues.digests,
    payload: z.object({}),
    idPrefix: "digest",
    retry: { attempts: 8, backoff: { type: "exponential", delay: 10_000 } },
    scheduler: "daily-digest",
  },
  /** One notice e-mailed to one person (`jobId("email", noticeId, personId)`), so each retries on its own. */
  email: {
    queue: queues.noticeEmail,
    payload: z.object({ noticeId: id, personId: id }),
    idPrefix: "email",
    retry: "configured",
  },
  /** One person's digest of one local date (`jobId("digest.email", date, personId)`), retried like notice e-mails. */
  "digest.email": {
    queue: queues.digestEmail,
    payload: z.object({ personId: id, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    idPrefix: "digest",
    retry: "configured",
  },
  /** One invitation e-mailed to the person it invites (`jobId("invitation.email", invitationId)`). */
  "invitation.email": {
    queue: queues.invitationEmail,
    payload: z.object({ invitationId: id }),
    idPrefix: "invitation-email",
    retry: "configured",
  },
  /**
   * One notice to one recipient on one channel beyond e-mail (`sms`, `wecom`, `dingtalk`): `jobId("channel.send",
   * noticeId, channel, recipient)`, tracked by its `notice_deliveries` row and retried like e-mails.
   */
  "channel.send": {
    queue: queues.noticeChannel,
    payload: z.object({ noticeId: id, channel: z.enum(["sms", "wecom", "dingtalk"]), recipient: id }),
    idPrefix: "channel",
    retry: "configured",
  },
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<Name extends JobName> = z.infer<(typeof jobCatalog)[Name]["payload"]>;

/** The jobs whose retries the deployment sets (NOTIFY_EMAIL_ATTEMPTS, NOTIFY_EMAIL_BACKOFF_MS): the e-mails. */
export type ConfiguredRetryJobName = {
  [Name in JobName]: (typeof jobCatalog)[Name]["retry"] extends "configured" ? Name : never;
}[JobName];
/** The jobs whose retries the catalog fixes. */
export type FixedRetryJobName = Exclude<JobName, ConfiguredRetryJobName>;

/** The jobs the engine writes to the outbox, which its relay moves to their queues. */
export const outboxJobs = [
  "proposal.event",
  "deadline.alarm",
  "notice.deliver",
  "webhook.deliver",
] as const satisfies readonly FixedRetryJobName[];
export type OutboxJobName = (typeof outboxJobs)[number];
/** The queues of the outbox's jobs: those the engine's relay, reconcilers and rebuild write to. */
export type OutboxQueueName = (typeof jobCatalog)[OutboxJobName]["queue"];

/** The queues a process must open to handle `names`. */
export function queuesOf<Name extends JobName>(names: readonly Name[]): (typeof jobCatalog)[Name]["queue"][] {
  return [...new Set(names.map((name) => jobCatalog[name].queue))];
}

/**
 * A BullMQ job id from parts. BullMQ refuses ids with ':' (its key separator) and ids that are integers;
 * the job's prefix rules out the second, and ':' is replaced.
 */
export function jobId(name: JobName, ...parts: readonly (string | number)[]): string {
  return [jobCatalog[name].idPrefix, ...parts.map((part) => String(part).replaceAll(":", "_"))].join("-");
}

/** One job as BullMQ's `add` and `addBulk` take it, its name and payload checked against the catalog. */
export function catalogJob<Name extends JobName>(
  name: Name,
  data: JobPayload<Name>,
  opts: JobsOptions,
): { name: Name; data: JobPayload<Name>; opts: JobsOptions } {
  return { name, data, opts };
}

/** Validates a payload on the worker side: a job added by an older or foreign producer fails loudly. */
export function parsePayload<Name extends JobName>(name: Name, data: unknown): JobPayload<Name> {
  return jobCatalog[name].payload.parse(data) as JobPayload<Name>;
}

/**
 * Completed jobs are removed at once: their id must be free again so that a reconciler can re-create a job
 * the database still considers pending; failed ones stay a week for inspection (and for an admin's retry).
 */
const REMOVAL = { removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } } as const satisfies JobsOptions;

/** The options every job of `name` gets, without an id: what a job scheduler's template takes. */
export function jobDefaults(name: FixedRetryJobName): JobsOptions {
  return { ...jobCatalog[name].retry, ...REMOVAL };
}

/** The options of one job: the catalog's retry policy, the producer's deterministic id, and a delay. */
export function jobOptions(name: FixedRetryJobName, id: string, delayMs = 0): JobsOptions {
  return { ...jobDefaults(name), jobId: id, delay: Math.max(0, delayMs) };
}

/** A retry policy the deployment sets: this many attempts, with exponential backoff from `backoffMs`. */
export interface RetrySettings {
  attempts: number;
  backoffMs: number;
}

/**
 * The options of one job whose retries the deployment sets (an e-mail): `retry`, and its deterministic id from
 * `idParts` (`jobId`).
 */
export function configuredJobOptions(
  name: ConfiguredRetryJobName,
  retry: RetrySettings,
  ...idParts: readonly (string | number)[]
): JobsOptions {
  return {
    jobId: jobId(name, ...idParts),
    attempts: retry.attempts,
    backoff: { type: "exponential", delay: retry.backoffMs },
    ...REMOVAL,
  };
}
