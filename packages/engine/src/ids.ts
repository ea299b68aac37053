import { randomBytes } from "node:crypto";

/**
 * Proposal ids: `p_` + 10 characters of time (sortable: lists ordered by id are ordered by creation) + 10
 * random ones. No ':' (BullMQ job ids embed them) and never all digits.
 */
export function newProposalId(now: Date): string {
  const time = now.getTime().toString(36).padStart(10, "0");
  const random = randomBytes(8).toString("base64url").replace(/[-_]/g, "x").slice(0, 10).toLowerCase();
  return `p_${time}${random}`;
}

/** The id of one alarm clock of a deadline: also its BullMQ job id. */
export function alarmId(proposalId: string, deadlineId: string, kind: string, level: number): string {
  return `${proposalId}.${deadlineId}.${kind}.${level}`;
}
