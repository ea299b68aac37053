export interface Urgency {
  /** Past its due time now. */
  overdue: boolean;
  dueAt: Date | null;
}

/**
 * Most urgent first: overdue before not overdue, then the earliest due time (the longest overdue, or the soonest
 * due), then what has no deadline at all, oldest id first as a stable tie-break.
 */
export function byUrgency<T extends Urgency & { proposalId: string }>(a: T, b: T): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueAt && b.dueAt && a.dueAt.getTime() !== b.dueAt.getTime()) return a.dueAt.getTime() - b.dueAt.getTime();
  if (a.dueAt && !b.dueAt) return -1;
  if (!a.dueAt && b.dueAt) return 1;
  return a.proposalId < b.proposalId ? -1 : a.proposalId > b.proposalId ? 1 : 0;
}
