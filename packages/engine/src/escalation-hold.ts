import type pg from "pg";
import type { TimerHold } from "./apply.ts";

export type { TimerHold };

/** The reason recorded (dropped event) when an escalation level is held back by an acknowledgement. */
export const ESCALATION_ACKNOWLEDGED = "ESCALATION_ACKNOWLEDGED";

/** An escalation notice of one deadline, as far as the hold decision needs it. */
export interface EscalationNoticeAck {
  id: string;
  level: number;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

/**
 * Whether escalation `level` of a deadline goes out, given that deadline's earlier escalation notices: it does
 * not when one of them (any lower level) was acknowledged, because the person who acknowledged has taken the
 * matter on and the chain stops there. Level 1 (and a deadline without escalation notices) always goes out.
 * Returns the acknowledged notice that stops it, the lowest level first.
 */
export function acknowledgedBelow(
  level: number,
  notices: readonly EscalationNoticeAck[],
): EscalationNoticeAck | undefined {
  return notices
    .filter((notice) => notice.level < level && notice.acknowledgedAt !== null)
    .sort((a, b) => a.level - b.level || (a.acknowledgedAt?.getTime() ?? 0) - (b.acknowledgedAt?.getTime() ?? 0))[0];
}

/**
 * The hold of a `deadline.escalate` alarm, run inside the transaction that would apply it (the proposal row is
 * already locked). The earlier escalation notices are read `FOR SHARE`: an acknowledgement being written at this
 * moment (its `UPDATE` holds the row) is waited for and then seen, and one that comes later waits until this
 * transaction has committed. Either way the ack and the alarm are ordered, and the answer is the one that order
 * gives. Lock order: proposal, then notices (the acknowledge routes lock only the notice).
 */
export async function escalationHold(
  client: pg.ClientBase,
  alarm: { proposalId: string; deadlineId: string; level: number },
  noticeKind: string,
): Promise<TimerHold | undefined> {
  if (alarm.level <= 1) return undefined;
  const { rows } = await client.query<EscalationNoticeAck>(
    `SELECT id, level, acknowledged_at AS "acknowledgedAt", acknowledged_by AS "acknowledgedBy"
     FROM notices
     WHERE proposal_id = $1 AND deadline_id = $2 AND kind = $3 AND level < $4
     ORDER BY level, id
     FOR SHARE`,
    [alarm.proposalId, alarm.deadlineId, noticeKind, alarm.level],
  );
  const acknowledged = acknowledgedBelow(alarm.level, rows);
  if (!acknowledged) return undefined;
  return {
    reason: ESCALATION_ACKNOWLEDGED,
    alarmStatus: "suppressed",
    details: {
      acknowledgedNoticeId: acknowledged.id,
      acknowledgedLevel: acknowledged.level,
      acknowledgedBy: acknowledged.acknowledgedBy,
      acknowledgedAt: acknowledged.acknowledgedAt?.toISOString() ?? null,
    },
  };
}
