import type { Database, Prisma, Proposal } from "@huiyin/db";
import { calendarOf, defaultPolicy, type Policy, workingDaysLeft } from "@huiyin/domain";
import type { Workflow } from "@huiyin/engine";
import { toRecord } from "@huiyin/engine";
import { type Caller, type Grant, grantsOf } from "../auth/keys.ts";
import { scopedToCommittee } from "../committees/scope.ts";
import { inboxOf, inboxPage } from "../notifications/inbox.ts";
import { actorOf, grantWhere } from "../proposals/access.ts";
import { allowedFor } from "../proposals/view.ts";
import { byUrgency } from "./urgency.ts";

/**
 * The kinds of work, each named for the action that waits, in the order a proposal asks for them. An allowed event
 * is work when it is the caller's duty in that state; optional actions (withdraw, supervision notes, designating a
 * key proposal, asking for an extension, regrading) are allowed in many states and wait for nobody.
 */
export const WORK_KINDS = {
  submit: ["submit"],
  resubmit: ["resubmit"],
  review: ["review.register"],
  assign: ["assign"],
  confirm: ["unit.acknowledge"],
  contact: ["handle.contact"],
  coOpinion: ["handle.coOpinion"],
  reply: ["handle.reply"],
  extension: ["extension.approve"],
  check: ["supervise.acceptReply"],
  evaluate: ["evaluate"],
  followUp: ["followup.report"],
  consultation: ["consultation.arrange", "consultation.record"],
  /** A unit's report asked by a follow-up review (回头看) of a closed proposal. */
  lookback: ["lookback.report"],
} as const satisfies Record<string, readonly string[]>;
export type WorkKind = keyof typeof WORK_KINDS | "escalation";
export const ALL_WORK_KINDS = [...(Object.keys(WORK_KINDS) as (keyof typeof WORK_KINDS)[]), "escalation"] as const;

/**
 * The stages where each role can have a duty: the candidates are read by stage (an indexed column), and the
 * machine's `allowedEvents` decides. A leader's work is its escalations, not a stage.
 */
const DUTY_STAGES: Record<Grant["role"], readonly string[]> = {
  admin: ["review", "assign", "handle", "supervise", "evaluate"],
  staff: ["review", "assign", "handle", "supervise", "evaluate"],
  unit: ["assign", "handle", "evaluate"],
  proposer: ["submit", "evaluate"],
  integrator: [],
  leader: [],
  operator: [],
};

/** At most this many proposals are examined per request: the list is a work queue, not a search. */
export const CANDIDATE_LIMIT = 1000;
const ESCALATION_LIMIT = 200;

export interface WorkItem {
  kind: WorkKind;
  proposalId: string;
  title: string;
  stage: string;
  /** The event that does the work (for an escalation: none, it is acknowledged in the inbox). */
  event: string | null;
  /** The escalation notice to acknowledge. */
  noticeId: string | null;
  deadlineKind: string | null;
  dueAt: Date | null;
  overdue: boolean;
  workingDaysLeft: number | null;
  level: number;
  /** The person whose role this duty is under a delegation to the caller (issue 14), or null: the caller's own. */
  delegatorId: string | null;
}

export interface MyWork {
  items: WorkItem[];
  counts: Partial<Record<WorkKind, number>>;
  total: number;
}

function kindOf(allowed: readonly string[]): { kind: keyof typeof WORK_KINDS; event: string } | undefined {
  for (const [kind, events] of Object.entries(WORK_KINDS) as [keyof typeof WORK_KINDS, readonly string[]][]) {
    const event = events.find((type) => allowed.includes(type));
    if (event) return { kind, event };
  }
  return undefined;
}

/**
 * What waits for the caller's action, most urgent first: the proposals where the machine allows the caller a duty
 * event (with the earliest open deadline of the proposal that concerns the caller: a unit's own), and the
 * unacknowledged escalation notices in the caller's inbox (a leader's, a unit head's). A person with several roles
 * gets the work of each (one item per proposal and kind).
 */
export async function myWork(
  database: Database,
  workflow: Workflow,
  caller: Caller,
  now: Date,
  policy: Policy = defaultPolicy,
): Promise<MyWork> {
  const perGrant = await Promise.all(
    grantsOf(caller).map((grant) => dutiesOf(database, workflow, grant, caller.committeeId, now, policy)),
  );
  const seen = new Set<string>();
  const items: WorkItem[] = [];
  for (const item of [...perGrant.flat(), ...(await escalations(database, caller, now, policy))]) {
    const key = `${item.kind}\n${item.proposalId}\n${item.noticeId ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  items.sort(byUrgency);
  const counts: Partial<Record<WorkKind, number>> = {};
  for (const item of items) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  return { items, counts, total: items.length };
}

/** The duties of one role: the proposals it sees, in its stages, where the machine allows it a duty event. */
async function dutiesOf(
  database: Database,
  workflow: Workflow,
  grant: Grant,
  committeeId: string,
  now: Date,
  policy: Policy,
): Promise<WorkItem[]> {
  const stages = DUTY_STAGES[grant.role];
  if (stages.length === 0) return [];
  const actor = actorOf(grant);
  // A unit also owes the reports that follow-up reviews (回头看) asked of it, on proposals closed long ago: found by
  // their open deadline, not by stage (the closed are most proposals, and the candidates are limited).
  const inStages: Prisma.ProposalWhereInput = { stage: { in: [...stages] } };
  const owed: Prisma.ProposalWhereInput[] =
    grant.role === "unit"
      ? [{ deadlines: { some: { kind: "lookbackReport", status: "open", unitId: grant.unitId ?? "" } } }]
      : [];
  const rows: Proposal[] = await database.prisma.proposal.findMany({
    where: { AND: [{ committeeId }, grantWhere(grant), { OR: [inStages, ...owed] }] },
    orderBy: { updatedAt: "asc" },
    take: CANDIDATE_LIMIT,
  });
  const duties = rows.flatMap((row) => {
    const duty = kindOf(allowedFor(workflow, row, actor));
    return duty ? [{ row, ...duty }] : [];
  });
  if (duties.length === 0) return [];
  const deadlines = await database.prisma.deadline.findMany({
    where: {
      proposalId: { in: duties.map((duty) => duty.row.id) },
      status: "open",
      ...(grant.role === "unit" ? { OR: [{ unitId: grant.unitId }, { unitId: null }] } : {}),
    },
    orderBy: { dueAt: "asc" },
  });
  return duties.map(({ row, kind, event }) => {
    const deadline = deadlines.find((candidate) => candidate.proposalId === row.id);
    return {
      kind,
      proposalId: row.id,
      title: row.title,
      stage: row.stage,
      event,
      noticeId: null,
      deadlineKind: deadline?.kind ?? null,
      dueAt: deadline?.dueAt ?? null,
      overdue: deadline ? deadline.dueAt.getTime() < now.getTime() : false,
      workingDaysLeft: deadline ? workingDaysLeft(now, deadline.dueAt, calendarFor(row, policy)) : null,
      level: 0,
      delegatorId: grant.behalf?.delegation?.delegatorId ?? null,
    };
  });
}

/** The calendar of the policy the proposal runs under (snapshotted when it was created). */
function calendarFor(row: Proposal, fallback: Policy) {
  const policy = (toRecord(row).context.policy as Policy | undefined) ?? fallback;
  return calendarOf(policy);
}

/** Unacknowledged escalation notices in the caller's inbox, each with its deadline. */
async function escalations(database: Database, caller: Caller, now: Date, policy: Policy): Promise<WorkItem[]> {
  if (!grantsOf(caller).some((grant) => grant.role === "leader" || grant.role === "unit")) return [];
  const inbox = await inboxOf(database, caller);
  const page = await inboxPage(database, inbox, { unacknowledged: true, limit: ESCALATION_LIMIT });
  if (page.length === 0) return [];
  const notices = await database.prisma.notice.findMany({
    where: { id: { in: page.map((entry) => entry.id) }, kind: "deadline.escalation" },
  });
  const proposals = await database.prisma.proposal.findMany({
    where: { id: { in: notices.map((notice) => notice.proposalId) }, ...scopedToCommittee(caller) },
  });
  const deadlines = await database.prisma.deadline.findMany({
    where: { proposalId: { in: notices.map((notice) => notice.proposalId) } },
  });
  return notices.flatMap((notice) => {
    const proposal = proposals.find((row) => row.id === notice.proposalId);
    if (!proposal) return [];
    const deadline = deadlines.find(
      (row) => row.proposalId === notice.proposalId && row.deadlineId === notice.deadlineId,
    );
    return [
      {
        kind: "escalation" as const,
        proposalId: proposal.id,
        title: proposal.title,
        stage: proposal.stage,
        event: null,
        noticeId: notice.id,
        deadlineKind: deadline?.kind ?? null,
        dueAt: deadline?.dueAt ?? null,
        overdue: deadline ? deadline.dueAt.getTime() < now.getTime() : true,
        workingDaysLeft: deadline ? workingDaysLeft(now, deadline.dueAt, calendarFor(proposal, policy)) : null,
        level: notice.level,
        delegatorId: null,
      },
    ];
  });
}
