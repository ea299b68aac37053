import type { Database } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import {
  catalogJob,
  configuredJobOptions,
  jobId,
  jobOptions,
  type RedisConnection,
  type RetrySettings,
  withoutJobs,
} from "@huiyin/queue";
import type { Queue } from "bullmq";
import { CHANNELS, type ChannelJob, channelJobOptions } from "./channels.ts";
import { type DigestEmailJob, type DigestSettings, digestEmailJob } from "./digest/run.ts";
import { DIGEST_SCHEDULER_ID, scheduleDigests } from "./digest/schedule.ts";
import {
  EMAIL_CHANNEL,
  type EmailJob,
  type EmailSettings,
  emailJobOptions,
  type InvitationEmailJob,
  UNFINISHED_INVITATION_EMAILS,
} from "./email.ts";

export interface NotifierQueues {
  notices: Queue;
  /** The queue of digest runs (and its daily scheduler). */
  digests: Queue;
  emails?: Queue<EmailJob> | undefined;
  digestEmails?: Queue<DigestEmailJob> | undefined;
  invitationEmails?: Queue<InvitationEmailJob> | undefined;
  /** SMS and robot messages (`channel.send`). */
  channels?: Queue<ChannelJob> | undefined;
}

export interface NotifierRebuildDeps {
  database: Database;
  logger: Logger;
  redis: RedisConnection;
  queues: NotifierQueues;
  /** With the e-mail channel on. */
  emailSettings?: EmailSettings | undefined;
  /** With the daily digest on. */
  digest?: DigestSettings | undefined;
  /** The retry policy of SMS and robot messages (NOTIFY_CHANNEL_ATTEMPTS, NOTIFY_CHANNEL_BACKOFF_MS). */
  channelRetry?: RetrySettings | undefined;
}

export interface NotifierRebuild {
  notices: number;
  emails: number;
  digestEmails: number;
  invitationEmails: number;
  channelMessages: number;
  /** E-mails (notice or digest) found `sending` without a job: made `dead`, see below. */
  deadSending: number;
  digestScheduled: boolean;
}

/** Says why a `sending` row became a dead letter, for the back office that sees it. */
const LOST_WHILE_SENDING =
  "its job was lost from Redis while the e-mail was being sent: it may have gone out; retry it if it did not";

/**
 * Puts back every job of the notifier's queues that the database says must exist and Redis does not have: after
 * Redis lost its data, at start and every `RECONCILE_EVERY_MS`. Only missing jobs are added, under their
 * deterministic ids, and every job checks its rows before acting, so this doubles nothing:
 * - `notice.deliver` for each notice its job has not finished with (`handled_at` null: `markHandled`), which writes
 *   the missing inbox rows (unique per notice and recipient) and e-mail rows and jobs, and skips what is there;
 * - one e-mail job per notice, digest or invitation e-mail still `queued` or `retrying` (a delivered one is never
 *   sent again), and one `channel.send` job per SMS or robot message likewise;
 * - an e-mail `sending` whose job is gone was cut off mid-send: the server may have accepted it, so it is not sent
 *   again on its own but made `dead`, a dead letter the back office sees and can retry (as the reconciler does for
 *   a job BullMQ gave up on). A job still running in some process when Redis was emptied finishes and marks the
 *   row `delivered` (or `retrying`, which the next pass re-enqueues) over that;
 * - the digest's daily scheduler, when it is gone (`scheduleDigests`, which also runs today's digest when its
 *   time has passed: the rows keep that from sending anything twice).
 */
export async function rebuildNotifierJobs(deps: NotifierRebuildDeps, batchSize = 1_000): Promise<NotifierRebuild> {
  const notices = await requeueNotices(deps, batchSize);
  const mails = await requeueEmails(deps, batchSize);
  const channels = await requeueChannels(deps, batchSize);
  const digestScheduled = await rescheduleDigests(deps);
  const result = {
    notices,
    ...mails,
    channelMessages: channels.added,
    deadSending: mails.deadSending + channels.dead,
    digestScheduled,
  };
  if (
    notices + mails.emails + mails.digestEmails + mails.invitationEmails + result.channelMessages + result.deadSending >
      0 ||
    digestScheduled
  ) {
    deps.logger.warn(result, "lost notifier jobs re-created from the database");
  }
  return result;
}

async function requeueNotices(deps: NotifierRebuildDeps, batchSize: number): Promise<number> {
  const queue = deps.queues.notices;
  let cursor = "";
  let added = 0;
  for (;;) {
    const { rows } = await deps.database.pool.query<{ id: string }>(
      "SELECT id FROM notices WHERE handled_at IS NULL AND id > $1 ORDER BY id LIMIT $2",
      [cursor, batchSize],
    );
    if (rows.length === 0) return added;
    const idOf = (row: { id: string }) => jobId("notice.deliver", row.id);
    const missing = await withoutJobs(deps.redis, queue, rows, idOf);
    await queue.addBulk(
      missing.map((row) => catalogJob("notice.deliver", { noticeId: row.id }, jobOptions("notice.deliver", idOf(row)))),
    );
    added += missing.length;
    cursor = rows[rows.length - 1]?.id ?? cursor;
  }
}

/** One unfinished tracked e-mail: its row's key, its status and the BullMQ job that sends it. */
interface Unfinished<Data> {
  key: string;
  status: string;
  job: { name: string; data: Data; opts: ReturnType<typeof emailJobOptions> };
}

async function requeueEmails(deps: NotifierRebuildDeps, batchSize: number) {
  const settings = deps.emailSettings;
  const { emails, digestEmails, invitationEmails } = deps.queues;
  const counts = { emails: 0, digestEmails: 0, invitationEmails: 0, deadSending: 0 };
  if (!settings) return counts;
  if (emails) {
    const result = await requeueTracked<EmailJob>(
      deps,
      emails,
      async (cursor) => {
        const { rows } = await deps.database.pool.query<{
          id: string;
          notice_id: string;
          recipient: string;
          status: string;
        }>(
          `SELECT id, notice_id, recipient, status FROM notice_deliveries
          WHERE channel = $1 AND status IN ('queued', 'sending', 'retrying') AND id > $2 ORDER BY id LIMIT $3`,
          [EMAIL_CHANNEL, cursor, batchSize],
        );
        return rows.map((row) => {
          const data = { noticeId: row.notice_id, personId: row.recipient.replace(/^person:/, "") };
          return {
            key: row.id,
            status: row.status,
            job: catalogJob("email", data, emailJobOptions(data, settings)),
          };
        });
      },
      (ids) =>
        deps.database.pool.query(
          `UPDATE notice_deliveries SET status = 'dead', last_error = $2 WHERE id = ANY($1::bigint[]) AND status = 'sending'`,
          [ids, LOST_WHILE_SENDING],
        ),
    );
    counts.emails = result.added;
    counts.deadSending += result.dead;
  }
  if (digestEmails) {
    const result = await requeueTracked<DigestEmailJob>(
      deps,
      digestEmails,
      async (cursor) => {
        const { rows } = await deps.database.pool.query<{
          id: string;
          person_id: string;
          date: string;
          status: string;
        }>(
          `SELECT id, person_id, to_char(digest_date, 'YYYY-MM-DD') AS date, status FROM digests
          WHERE status IN ('queued', 'sending', 'retrying') AND id > $1 ORDER BY id LIMIT $2`,
          [cursor, batchSize],
        );
        return rows.map((row) => ({
          key: row.id,
          status: row.status,
          job: digestEmailJob({ personId: row.person_id, date: row.date }, settings),
        }));
      },
      (ids) =>
        deps.database.pool.query(
          `UPDATE digests SET status = 'dead', last_error = $2 WHERE id = ANY($1::bigint[]) AND status = 'sending'`,
          [ids, LOST_WHILE_SENDING],
        ),
    );
    counts.digestEmails = result.added;
    counts.deadSending += result.dead;
  }
  if (invitationEmails) {
    // Live invitations only: an expired or used one's e-mail is withdrawn by its job (which empties the seal).
    const result = await requeueTracked<InvitationEmailJob>(
      deps,
      invitationEmails,
      async (cursor) => {
        const { rows } = await deps.database.pool.query<{ id: string; email_status: string }>(
          `SELECT id, email_status FROM invitations
          WHERE email_status = ANY($1::text[]) AND id > $2 ORDER BY id LIMIT $3`,
          [UNFINISHED_INVITATION_EMAILS, cursor, batchSize],
        );
        return rows.map((row) => ({
          key: row.id,
          status: row.email_status,
          job: catalogJob(
            "invitation.email",
            { invitationId: row.id },
            configuredJobOptions("invitation.email", settings, row.id),
          ),
        }));
      },
      (ids) =>
        deps.database.pool.query(
          `UPDATE invitations SET email_status = 'dead', email_error = $2, link_sealed = NULL
          WHERE id = ANY($1::text[]) AND email_status = 'sending'`,
          [ids, LOST_WHILE_SENDING],
        ),
    );
    counts.invitationEmails = result.added;
    counts.deadSending += result.dead;
  }
  return counts;
}

/**
 * Pages through the unfinished rows of one table (by their bigint id), re-adds the jobs of those `queued` or
 * `retrying` whose job is gone, and makes `dead` those `sending` whose job is gone.
 */
async function requeueTracked<Data>(
  deps: NotifierRebuildDeps,
  queue: Queue<Data>,
  page: (cursor: string) => Promise<Unfinished<Data>[]>,
  markDead: (ids: string[]) => Promise<{ rowCount: number | null }>,
): Promise<{ added: number; dead: number }> {
  let cursor = "0";
  let added = 0;
  let dead = 0;
  for (;;) {
    const rows = await page(cursor);
    if (rows.length === 0) return { added, dead };
    const missing = await withoutJobs(deps.redis, queue, rows, (row) => String(row.job.opts.jobId));
    const toSend = missing.filter((row) => row.status !== "sending");
    // Queue<Data>'s addBulk wants BullMQ's own name type; the names are the workers' ("email", "digest.email").
    await (queue as Queue).addBulk(toSend.map((row) => row.job));
    added += toSend.length;
    const cutOff = missing.filter((row) => row.status === "sending").map((row) => row.key);
    if (cutOff.length > 0) {
      const { rowCount } = await markDead(cutOff);
      dead += rowCount ?? 0;
      if (rowCount)
        deps.logger.warn({ count: rowCount, queue: queue.name }, "e-mails cut off mid-send are dead letters");
    }
    cursor = rows[rows.length - 1]?.key ?? cursor;
  }
}

/** SMS and robot messages still to send: their jobs, as for notice e-mails (`requeueEmails`). */
async function requeueChannels(deps: NotifierRebuildDeps, batchSize: number): Promise<{ added: number; dead: number }> {
  const { channels } = deps.queues;
  const retry = deps.channelRetry;
  if (!channels || !retry) return { added: 0, dead: 0 };
  return requeueTracked<ChannelJob>(
    deps,
    channels,
    async (cursor) => {
      const { rows } = await deps.database.pool.query<{
        id: string;
        notice_id: string;
        channel: ChannelJob["channel"];
        recipient: string;
        status: string;
      }>(
        `SELECT id, notice_id, channel, recipient, status FROM notice_deliveries
        WHERE channel = ANY($1::text[]) AND status IN ('queued', 'sending', 'retrying') AND id > $2 ORDER BY id LIMIT $3`,
        [CHANNELS, cursor, batchSize],
      );
      return rows.map((row) => {
        const data = { noticeId: row.notice_id, channel: row.channel, recipient: row.recipient };
        return {
          key: row.id,
          status: row.status,
          job: catalogJob("channel.send", data, channelJobOptions(data, retry)),
        };
      });
    },
    (ids) =>
      deps.database.pool.query(
        `UPDATE notice_deliveries SET status = 'dead', last_error = $2 WHERE id = ANY($1::bigint[]) AND status = 'sending'`,
        [ids, LOST_WHILE_SENDING],
      ),
  );
}

async function rescheduleDigests(deps: NotifierRebuildDeps): Promise<boolean> {
  if (!deps.digest) return false;
  if (await deps.queues.digests.getJobScheduler(DIGEST_SCHEDULER_ID)) return false;
  await scheduleDigests(deps.queues.digests, deps.digest, deps.logger.child({ component: "digest" }));
  return true;
}
