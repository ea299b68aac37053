import type { Database, Proposal } from "@huiyin/db";
import { calendarOf, defaultPolicy, type Policy, workingDaysLeft } from "@huiyin/domain";
import type { Workflow } from "@huiyin/engine";
import { toRecord } from "@huiyin/engine";
import { type Caller, type Grant, grantsOf } from "../auth/keys.ts";
import { scopedToCommittee } from "../committees/scope.ts";
import { inboxOf, inboxPage } from "../notifications/inbox.ts";
import { actorOf, grantWhere } from "../proposals/access.ts";
import { allowedFor } from "../proposals/view.ts";
import { type DutySource, dutyCounts, dutyPage, dutySourceOf } from "./duty-sql.ts";
import { WORK_KINDS, type WorkKind, waitsNow } from "./kinds.ts";
import { byUrgency } from "./urgency.ts";

export { ALL_WORK_KINDS, WORK_KINDS, type WorkKind } from "./kinds.ts";

/**
 * The stages where a proposer can have a duty (submit, resubmit, rate): the candidates are read by stage (an indexed
 * column), and the machine's `allowedEvents` decides. Staff and units are found in SQL (duty-sql.ts); a leader's
 * work is its escalations, not a stage.
 */
const PROPOSER_STAGES = ["submit", "evaluate"];

/** At most this many of a proposer's proposals are examined per request: a member has a handful in these stages. */
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

/** The events the machine allows `actor` on `row` that are work waiting now (see `waitsNow`). */
function waitingFor(workflow: Workflow, row: Proposal, actor: ReturnType<typeof actorOf>): string[] {
  return allowedFor(workflow, row, actor).filter((type) => waitsNow(type, row.snapshot));
}

/** The items a response carries: the most urgent; `counts` and `total` count them all. */
export const PAGE_SIZE = 50;
/**
 * How many pages of SQL duties at most are judged to fill one (the machine agrees with the SQL, so one does; were
 * it to turn rows down, two, then four pages are read, and no more).
 */
const MAX_PAGES = 4;

/**
 * What waits for the caller's action, most urgent first: the proposals where the machine allows the caller a duty
 * event (with the earliest open deadline of the proposal that concerns the caller: a unit's own), and the
 * unacknowledged escalation notices in the caller's inbox (a leader's, a unit head's). A person with several roles
 * gets the work of each (one item per proposal and kind). The first PAGE_SIZE items; counts per kind of all.
 *
 * Staff's and units' duties are found and counted in SQL (duty-sql.ts, index-backed at 100,000 proposals) and the
 * machine runs only on the page shown; a proposer's few proposals are judged by the machine directly.
 */
export async function myWork(
  database: Database,
  workflow: Workflow,
  caller: Caller,
  now: Date,
  policy: Policy = defaultPolicy,
): Promise<MyWork> {
  // One query per source of duties: an admin who is also staff, or a delegate holding a role they hold themselves,
  // has the same duties twice; the first grant (most privileged, one's own before a delegator's) speaks for them.
  const sources = new Map<string, { grant: Grant; source: DutySource }>();
  const byMachine: Grant[] = [];
  for (const grant of grantsOf(caller)) {
    const source = dutySourceOf(grant);
    if (!source) byMachine.push(grant);
    else if (!sources.has(`${source.role}:${source.unitId}`))
      sources.set(`${source.role}:${source.unitId}`, { grant, source });
  }
  const [fromSql, fromMachine, escalated] = await Promise.all([
    Promise.all(
      [...sources.values()].map(async ({ grant, source }) => {
        const [items, counts] = await Promise.all([
          sqlDuties(database, workflow, grant, source, caller.committeeId, now, policy),
          dutyCounts(database, caller.committeeId, source),
        ]);
        return { items, counts };
      }),
    ),
    Promise.all(byMachine.map((grant) => dutiesOf(database, workflow, grant, caller.committeeId, now, policy))),
    escalations(database, caller, now, policy),
  ]);
  const counts: Partial<Record<WorkKind, number>> = {};
  const add = (kind: WorkKind, count: number) => {
    counts[kind] = (counts[kind] ?? 0) + count;
  };
  const seen = new Set<string>();
  const items: WorkItem[] = [];
  for (const item of [...fromSql.flatMap((result) => result.items), ...fromMachine.flat(), ...escalated]) {
    const key = `${item.kind}\n${item.proposalId}\n${item.noticeId ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  for (const result of fromSql) for (const [kind, count] of Object.entries(result.counts)) add(kind as WorkKind, count);
  for (const item of items) if (!sqlKind(item, fromSql)) add(item.kind, 1);
  items.sort(byUrgency);
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return { items: items.slice(0, PAGE_SIZE), counts, total };
}

/** Whether an item was counted in SQL already (a staff or unit duty), not to count it again. */
function sqlKind(item: WorkItem, fromSql: readonly { items: readonly WorkItem[] }[]): boolean {
  return fromSql.some((result) => result.items.includes(item));
}

/**
 * The most urgent duties of a staff or unit role: the page SQL orders, each confirmed by the machine, which also
 * names the event (it agrees with the SQL; were it to turn a row down, the next rows fill the page).
 */
async function sqlDuties(
  database: Database,
  workflow: Workflow,
  grant: Grant,
  source: DutySource,
  committeeId: string,
  now: Date,
  policy: Policy,
): Promise<WorkItem[]> {
  const actor = actorOf(grant);
  let items: WorkItem[] = [];
  for (let pages = 1; pages <= MAX_PAGES; pages *= 2) {
    const duties = await dutyPage(database, committeeId, source, pages * PAGE_SIZE);
    const rows = await database.prisma.proposal.findMany({
      where: { id: { in: duties.map((duty) => duty.proposalId) }, committeeId },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    items = duties.flatMap((duty) => {
      const row = byId.get(duty.proposalId);
      const judged = row ? kindOf(waitingFor(workflow, row, actor)) : undefined;
      if (!row || !judged) return [];
      return [
        {
          kind: judged.kind,
          proposalId: row.id,
          title: row.title,
          stage: row.stage,
          event: judged.event,
          noticeId: null,
          deadlineKind: duty.deadlineKind,
          dueAt: duty.dueAt,
          overdue: duty.dueAt ? duty.dueAt.getTime() < now.getTime() : false,
          workingDaysLeft: duty.dueAt ? workingDaysLeft(now, duty.dueAt, calendarFor(row, policy)) : null,
          level: 0,
          delegatorId: grant.behalf?.delegation?.delegatorId ?? null,
        },
      ];
    });
    if (items.length >= PAGE_SIZE || duties.length < pages * PAGE_SIZE) break;
  }
  return items.slice(0, PAGE_SIZE);
}

/** A proposer's duties: the proposals it sees, in its stages, where the machine allows it a duty event. */
async function dutiesOf(
  database: Database,
  workflow: Workflow,
  grant: Grant,
  committeeId: string,
  now: Date,
  policy: Policy,
): Promise<WorkItem[]> {
  if (grant.role !== "proposer") return [];
  const actor = actorOf(grant);
  const rows: Proposal[] = await database.prisma.proposal.findMany({
    where: { AND: [{ committeeId }, grantWhere(grant), { stage: { in: PROPOSER_STAGES } }] },
    orderBy: { id: "asc" },
    take: CANDIDATE_LIMIT,
  });
  const duties = rows.flatMap((row) => {
    const duty = kindOf(waitingFor(workflow, row, actor));
    return duty ? [{ row, ...duty }] : [];
  });
  if (duties.length === 0) return [];
  const deadlines = await database.prisma.deadline.findMany({
    where: { proposalId: { in: duties.map((duty) => duty.row.id) }, status: "open" },
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
