/**
 * Each handling unit's reply rates (办复率, 按期办复率), from the history: what the proposals' `assign` and
 * `handle.reply` events and the reply deadlines they opened say, so that a figure can be traced to the events
 * behind it. Pure, so the figures are tested without a database.
 */

/** A proposal's assignment as its history has it; the last one counts (a reassignment after an objection). */
export interface AssignFact {
  proposalId: string;
  seq: number;
  unitIds: readonly string[];
}

/** A reply a unit sent (`handle.reply`; the unit is the actor's). */
export interface ReplyFact {
  proposalId: string;
  unitId: string;
  at: Date;
}

/** A reply deadline the machine opened for a unit (a new one per approved extension). */
export interface ReplyDueFact {
  proposalId: string;
  unitId: string;
  openedAt: Date;
  dueAt: Date;
}

export interface UnitRates {
  /** Proposals assigned to the unit (its last assignment). */
  assigned: number;
  /** Of those, proposals the unit replied to. */
  replied: number;
  /** Of those, proposals whose first reply came by the reply deadline in force then (extensions included). */
  repliedOnTime: number;
  /** replied / assigned (办复率); null when nothing was assigned. */
  replyRate: number | null;
  /** repliedOnTime / assigned (按期办复率); null when nothing was assigned. */
  onTimeRate: number | null;
}

export function unitRates(
  assignments: readonly AssignFact[],
  replies: readonly ReplyFact[],
  dues: readonly ReplyDueFact[],
): Record<string, UnitRates> {
  const last = new Map<string, AssignFact>();
  for (const assignment of assignments) {
    const seen = last.get(assignment.proposalId);
    if (!seen || seen.seq < assignment.seq) last.set(assignment.proposalId, assignment);
  }
  const pair = (proposalId: string, unitId: string) => `${proposalId}\u0000${unitId}`;
  const firstReply = new Map<string, Date>();
  for (const reply of replies) {
    const key = pair(reply.proposalId, reply.unitId);
    const seen = firstReply.get(key);
    if (!seen || reply.at < seen) firstReply.set(key, reply.at);
  }
  const duesOf = new Map<string, ReplyDueFact[]>();
  for (const due of dues) {
    const key = pair(due.proposalId, due.unitId);
    duesOf.set(key, [...(duesOf.get(key) ?? []), due]);
  }
  const byUnit: Record<string, UnitRates> = {};
  for (const { proposalId, unitIds } of last.values()) {
    for (const unitId of new Set(unitIds)) {
      const row = byUnit[unitId] ?? { assigned: 0, replied: 0, repliedOnTime: 0, replyRate: null, onTimeRate: null };
      row.assigned++;
      const key = pair(proposalId, unitId);
      const replied = firstReply.get(key);
      if (replied) {
        row.replied++;
        // The deadline in force when the reply came: the latest one opened before it.
        const inForce = (duesOf.get(key) ?? [])
          .filter((due) => due.openedAt <= replied)
          .sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime())[0];
        if (inForce && replied <= inForce.dueAt) row.repliedOnTime++;
      }
      row.replyRate = row.replied / row.assigned;
      row.onTimeRate = row.repliedOnTime / row.assigned;
      byUnit[unitId] = row;
    }
  }
  return byUnit;
}
