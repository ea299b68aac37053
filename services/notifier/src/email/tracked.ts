import type { Logger } from "@huiyin/logger";
import { UnrecoverableError } from "bullmq";
import { isPermanent } from "./retry.ts";
import type { EmailSettings } from "./settings.ts";
import type { Mailer, OutgoingMail } from "./transport.ts";

export type SendOutcome = "sent" | "skipped";

/** The row that tracks one e-mail: notices keep theirs in `notice_deliveries`, digests in `digests`. */
export interface TrackedRow {
  /** Marks the row `sending` (attempts + 1) unless it was delivered or given up; false: nothing to send. */
  claim(): Promise<boolean>;
  failed(status: "retrying" | "dead", error: string): Promise<void>;
  delivered(): Promise<void>;
}

/** The columns `trackedRow` writes: status, attempts, last error and delivery time, as both tables name them. */
export interface TrackedUpdate {
  status: string;
  attempts?: { increment: number };
  lastError?: string | null;
  deliveredAt?: Date;
}

/**
 * A `TrackedRow` over one table's `updateMany` on the row's key: `narrow` is spread into the key's `where` (the
 * claim takes only a row still to send), and the count says whether it took.
 */
export function trackedRow(
  update: (narrow: { status?: { in: string[] } }, data: TrackedUpdate) => Promise<{ count: number }>,
): TrackedRow {
  return {
    claim: async () =>
      (
        await update(
          { status: { in: ["queued", "sending", "retrying"] } },
          { status: "sending", attempts: { increment: 1 } },
        )
      ).count > 0,
    failed: async (status, error) => {
      await update({}, { status, lastError: error.slice(0, 1000) });
    },
    delivered: async () => {
      await update({}, { status: "delivered", deliveredAt: new Date(), lastError: null });
    },
  };
}

/**
 * Sends one e-mail at most once per successful delivery: the row is claimed (`sending`, attempts + 1) before the
 * SMTP conversation and marked `delivered` after it, and a run that finds it `delivered` (a retried or re-added
 * job) sends nothing. A failure is recorded on the row and rethrown for BullMQ's retry with backoff; a permanent
 * one (5xx, or an `UnrecoverableError` from `compose`), or the last attempt (`final`), makes the row `dead`.
 *
 * What is left: a process killed after the server accepted the message and before the row says `delivered`
 * sends it again on retry. The Message-ID is the same every time, so mail clients show it once.
 */
export async function sendTracked(
  context: { mailer: Mailer; settings: Pick<EmailSettings, "from">; logger: Logger },
  row: TrackedRow,
  compose: () => Promise<OutgoingMail>,
  final: boolean,
): Promise<SendOutcome> {
  const { logger } = context;
  if (!(await row.claim())) {
    logger.info("e-mail already delivered or given up; nothing to send");
    return "skipped";
  }
  try {
    await context.mailer.sendMail({ from: context.settings.from, ...(await compose()) });
  } catch (error) {
    const permanent = error instanceof UnrecoverableError || isPermanent(error);
    const status = permanent || final ? "dead" : "retrying";
    await row.failed(status, String((error as Error).message ?? error));
    logger.warn({ err: error, status }, status === "dead" ? "e-mail given up" : "e-mail failed; will retry");
    throw permanent && !(error instanceof UnrecoverableError)
      ? new UnrecoverableError((error as Error).message)
      : error;
  }
  await row.delivered();
  logger.info("e-mail delivered");
  return "sent";
}
