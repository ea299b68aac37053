import type { Directory, Person } from "./directory.ts";

/**
 * The daily digest's selection: who gets one and what it says. Pure: the notifier loads the rows and the directory.
 *
 * Whose is a deadline? The head of the deadline's unit (`Unit.headPersonId`), and the leader who would be
 * escalated to about it: the proposal's own leader (`Proposal.leaderId`, a key proposal), else the leader who
 * supervises the deadline's unit (`Unit.supervisorLeaderId`), exactly as `resolveRecipients` resolves
 * `supervising-leader`. So a leader's digest shows what may escalate to them, and nothing that goes to a
 * colleague. The people of a leader id are those holding the `leader` role scoped to it. Deadlines with neither
 * (the committee office's own review and check on an ordinary proposal) are in nobody's digest.
 */

/** What a digest needs of a proposal. */
/** The title as messages show it, after the proposal's number when it has one. */
const titledProposal = (proposal: DigestProposal | undefined) =>
  proposal ? (proposal.numberLabel ? `${proposal.numberLabel} ${proposal.title}` : proposal.title) : undefined;

export interface DigestProposal {
  id: string;
  title: string;
  /** The proposal's number (提案号), once registered in a session. */
  numberLabel?: string | null;
  leaderId: string | null;
}

/** What a digest needs of a deadline row. */
export interface DigestDeadline {
  proposalId: string;
  deadlineId: string;
  kind: string;
  unitId: string | null;
  dueAt: Date;
  open: boolean;
}

/** An escalation notice (`deadline.escalation`) created since the previous digest. */
export interface DigestEscalation {
  noticeId: string;
  proposalId: string;
  deadlineId: string | null;
  level: number;
  createdAt: Date;
  acknowledged: boolean;
}

export interface DigestInput {
  directory: Directory;
  proposals: readonly DigestProposal[];
  /** Open deadlines due before `now + dueWithinMs`, and the deadlines the escalations are about (open or not). */
  deadlines: readonly DigestDeadline[];
  /** Escalation notices of the window [previous digest time, this digest time). */
  escalations: readonly DigestEscalation[];
  now: Date;
  /** How far ahead "due soon" looks: 7 days unless said. */
  dueWithinMs?: number;
}

/** One line of a digest: a deadline of a proposal. Dates are ISO strings: the content is stored as JSON. */
export interface DigestItem {
  proposalId: string;
  proposalTitle: string;
  deadlineId: string;
  deadlineKind: string;
  unitName: string | null;
  dueAt: string;
}

export interface DigestEscalationItem extends DigestItem {
  noticeId: string;
  level: number;
  escalatedAt: string;
  acknowledged: boolean;
}

/** What one person's digest says; stored with the digest row, so a retried e-mail says the same. */
export interface DigestContent {
  /** The local date the digest is for. */
  date: string;
  timeZone: string;
  /** When the selection was made: lateness and "due in" count from here. */
  asOf: string;
  overdue: DigestItem[];
  dueSoon: DigestItem[];
  escalated: DigestEscalationItem[];
}

export interface PlannedDigest {
  person: Person;
  /** Why this person gets it: `unit-head:u-1`, `leader:leader-9`, … (for logs). */
  via: string[];
  content: DigestContent;
}

export const DIGEST_DUE_WITHIN_MS = 7 * 86_400_000;

/** The capacities in which each person reads digests: units they head, leader ids they hold. */
function readers(directory: Directory) {
  const byPerson = new Map<string, { units: Set<string>; leaders: Set<string> }>();
  const entry = (personId: string) => {
    let found = byPerson.get(personId);
    if (!found) {
      found = { units: new Set(), leaders: new Set() };
      byPerson.set(personId, found);
    }
    return found;
  };
  for (const unit of directory.units) if (unit.headPersonId) entry(unit.headPersonId).units.add(unit.id);
  for (const role of directory.roles)
    if (role.role === "leader" && role.scope) entry(role.personId).leaders.add(role.scope);
  return byPerson;
}

/**
 * The digests of a day, one per person who heads a unit or holds a leader role, with what is overdue, what is
 * due within the look-ahead and what was escalated in the window, each about a deadline that is theirs (see
 * above). A person in several capacities (two units, a unit and a leader id) gets one digest, each deadline once.
 * Empty digests are left out: nobody is mailed "nothing to report".
 */
export function planDigests(input: DigestInput, date: string, timeZone: string): PlannedDigest[] {
  const { directory, now } = input;
  const dueWithin = input.dueWithinMs ?? DIGEST_DUE_WITHIN_MS;
  const proposals = new Map(input.proposals.map((proposal) => [proposal.id, proposal]));
  const units = new Map(directory.units.map((unit) => [unit.id, unit]));
  const deadlines = new Map(
    input.deadlines.map((deadline) => [`${deadline.proposalId}\n${deadline.deadlineId}`, deadline]),
  );
  const people = new Map(directory.people.map((person) => [person.id, person]));

  const supervisingLeader = (deadline: DigestDeadline) =>
    proposals.get(deadline.proposalId)?.leaderId ?? units.get(deadline.unitId ?? "")?.supervisorLeaderId ?? null;
  const item = (deadline: DigestDeadline): DigestItem => ({
    proposalId: deadline.proposalId,
    proposalTitle: titledProposal(proposals.get(deadline.proposalId)) ?? deadline.proposalId,
    deadlineId: deadline.deadlineId,
    deadlineKind: deadline.kind,
    unitName: deadline.unitId ? (units.get(deadline.unitId)?.name ?? deadline.unitId) : null,
    dueAt: deadline.dueAt.toISOString(),
  });
  const byDue = (a: DigestItem, b: DigestItem) =>
    a.dueAt.localeCompare(b.dueAt) || a.proposalId.localeCompare(b.proposalId);

  const planned: PlannedDigest[] = [];
  for (const [personId, capacity] of readers(directory)) {
    const person = people.get(personId);
    if (!person) continue;
    const isTheirs = (deadline: DigestDeadline) =>
      (deadline.unitId !== null && capacity.units.has(deadline.unitId)) ||
      capacity.leaders.has(supervisingLeader(deadline) ?? "");
    const mine = input.deadlines.filter((deadline) => deadline.open && isTheirs(deadline));
    const overdue = mine.filter((deadline) => deadline.dueAt.getTime() < now.getTime()).map(item);
    const dueSoon = mine
      .filter((deadline) => {
        const left = deadline.dueAt.getTime() - now.getTime();
        return left >= 0 && left < dueWithin;
      })
      .map(item);
    const escalated = input.escalations.flatMap((notice): DigestEscalationItem[] => {
      const deadline = deadlines.get(`${notice.proposalId}\n${notice.deadlineId ?? ""}`);
      if (!deadline || !isTheirs(deadline)) return [];
      return [
        {
          ...item(deadline),
          noticeId: notice.noticeId,
          level: notice.level,
          escalatedAt: notice.createdAt.toISOString(),
          acknowledged: notice.acknowledged,
        },
      ];
    });
    if (overdue.length + dueSoon.length + escalated.length === 0) continue;
    planned.push({
      person,
      via: [
        ...[...capacity.units].map((id) => `unit-head:${id}`),
        ...[...capacity.leaders].map((id) => `leader:${id}`),
      ],
      content: {
        date,
        timeZone,
        asOf: now.toISOString(),
        overdue: overdue.sort(byDue),
        dueSoon: dueSoon.sort(byDue),
        escalated: escalated.sort(
          (a, b) => a.escalatedAt.localeCompare(b.escalatedAt) || a.noticeId.localeCompare(b.noticeId),
        ),
      },
    });
  }
  return planned.sort((a, b) => a.person.id.localeCompare(b.person.id));
}
