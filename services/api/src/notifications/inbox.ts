import { type Database, Prisma } from "@huiyin/db";
import { committeeRolesReadBy, labelOf, rolesResolvedBy, unitHeadLabels } from "@huiyin/notify";
import { type Caller, type Grant, grantsOf } from "../auth/keys.ts";
import { inboxNamesOf } from "./recipients.ts";

/**
 * Whom a key stands for, in the terms notices are addressed in: the notifier writes one inbox delivery per
 * recipient reference (`unit:water`, `unit-head:u-1`, `supervising-leader:leader-9`, or an unscoped
 * `supervising-leader` that the directory resolves per notice), and e-mails the people the directory names.
 */
export interface Inbox {
  /** The committee whose notices it holds: role labels (`staff`, `unit:water`) are names within one committee. */
  committeeId: string;
  /** Inbox labels addressed to the caller as they stand. */
  labels: string[];
  /** Leader ids the caller is: an unscoped `supervising-leader` resolving to one of them is addressed to it. */
  leaderIds: string[];
  /** Units whose head the caller stands for: an unscoped `unit-head`/`co-unit-head` of their deadlines too. */
  headedUnitIds: string[];
  /** `person:<id>` of the people the caller stands for: the e-mail deliveries it may see. */
  people: string[];
}

/**
 * Backward resolution, from the rules the notifier resolves forward with (packages/notify `RECIPIENT_RULES`):
 * the committee-wide escalation roles a leader's person may hold (the review deadline's level 2, a reply's level
 * 3), the roles that mean a unit's head, and the role that means the supervising leader.
 */
const LEADING_ROLES = committeeRolesReadBy("holder");
const UNIT_HEAD_ROLES = rolesResolvedBy("unit-head");
const SUPERVISING_ROLES = rolesResolvedBy("supervising-leader");

/**
 * The caller's inbox, read from the recipients directory the notifier resolves notices with:
 * - a `leader` key (actor `leader-9`) stands for leader-9, so for the people holding `leader:leader-9`. It gets
 *   `leader:leader-9`, the supervising-leader escalations that resolve to leader-9 (named, as for a key proposal,
 *   or unscoped: the proposal's leader, else the leader supervising the deadline's unit), the unit-head
 *   escalations of the units those people head, and the committee-wide leading roles they hold;
 * - a `unit` key gets its unit's inbox; when its actor is the unit's head (`Unit.headPersonId`), also the unit-head
 *   escalations of that unit: a clerk's key of the same unit does not;
 * - staff, proposers: their role's inboxes as before (`inboxNamesOf`); integrators have none.
 */
export async function inboxOfGrant(database: Database, caller: Grant, committeeId: string): Promise<Inbox> {
  const base = inboxNamesOf(caller);
  const holders = await holdersOf(database, base, committeeId);
  if (caller.role === "leader") {
    const leaderId = caller.actorId;
    const [headed, leading] = await Promise.all([
      database.prisma.unit.findMany({ where: { headPersonId: { in: holders }, committeeId }, select: { id: true } }),
      database.prisma.roleAssignment.findMany({
        where: { personId: { in: holders }, role: { in: LEADING_ROLES }, scope: "" },
        select: { role: true },
      }),
    ]);
    const headedUnitIds = headed.map((unit) => unit.id);
    return {
      committeeId,
      labels: unique([
        ...base,
        ...SUPERVISING_ROLES.map((role) => labelOf({ role, id: leaderId })),
        ...unitHeadLabels(headedUnitIds),
        ...leading.map((row) => row.role),
      ]),
      leaderIds: [leaderId],
      headedUnitIds,
      people: holders.map((id) => `person:${id}`),
    };
  }
  if (caller.role === "unit" && caller.unitId) {
    const headed = await database.prisma.unit.findFirst({
      where: { id: caller.unitId, headPersonId: caller.actorId, committeeId },
      select: { id: true },
    });
    const headedUnitIds = headed ? [headed.id] : [];
    const people = headed ? unique([...holders, caller.actorId]) : holders;
    return {
      committeeId,
      labels: [...base, ...unitHeadLabels(headedUnitIds)],
      leaderIds: [],
      headedUnitIds,
      people: people.map((id) => `person:${id}`),
    };
  }
  return { committeeId, labels: base, leaderIds: [], headedUnitIds: [], people: holders.map((id) => `person:${id}`) };
}

/**
 * The caller's inbox: a key's (see `inboxOfGrant`), or for a person with several roles the union of their roles'
 * inboxes.
 */
export async function inboxOf(database: Database, caller: Caller): Promise<Inbox> {
  const grants = grantsOf(caller);
  const [only] = grants;
  if (grants.length === 1 && only) return inboxOfGrant(database, only, caller.committeeId);
  const inboxes = await Promise.all(grants.map((grant) => inboxOfGrant(database, grant, caller.committeeId)));
  return {
    committeeId: caller.committeeId,
    labels: unique(inboxes.flatMap((inbox) => inbox.labels)),
    leaderIds: unique(inboxes.flatMap((inbox) => inbox.leaderIds)),
    headedUnitIds: unique(inboxes.flatMap((inbox) => inbox.headedUnitIds)),
    people: unique(inboxes.flatMap((inbox) => inbox.people)),
  };
}

/** The people of the committee holding the roles of these inbox labels (`role` committee-wide, `role:scope` scoped). */
async function holdersOf(database: Database, labels: readonly string[], committeeId: string): Promise<string[]> {
  if (labels.length === 0) return [];
  const rows = await database.prisma.roleAssignment.findMany({
    where: {
      person: { committeeId },
      OR: labels.map((label) => {
        const colon = label.indexOf(":");
        return colon === -1
          ? { role: label, scope: "" }
          : { role: label.slice(0, colon), scope: label.slice(colon + 1) };
      }),
    },
    select: { personId: true },
  });
  return unique(rows.map((row) => row.personId));
}

/**
 * SQL: the inbox delivery `d` (of notice `n`) is addressed to the inbox. The unscoped roles are resolved as the
 * notifier resolves them (packages/notify `RECIPIENT_RULES`: a supervising leader is the proposal's leader, else
 * the leader supervising the deadline's unit; a unit head is the head of the deadline's unit). A notice of another
 * committee's proposal is never addressed to it.
 */
function addressedTo(inbox: Inbox): Prisma.Sql {
  // Only the notices of the inbox's committee's proposals: `staff` of one committee is not `staff` of another.
  return Prisma.sql`EXISTS (SELECT 1 FROM proposals cp WHERE cp.id = n.proposal_id AND cp.committee_id = ${inbox.committeeId})
  AND (
    d.recipient = ANY(${inbox.labels}::text[])
    OR (d.recipient = ANY(${SUPERVISING_ROLES}::text[]) AND COALESCE(
      (SELECT p.leader_id FROM proposals p WHERE p.id = n.proposal_id),
      (SELECT u.supervisor_leader_id FROM deadlines dl JOIN units u ON u.id = dl.unit_id
        WHERE dl.proposal_id = n.proposal_id AND dl.deadline_id = n.deadline_id)
    ) = ANY(${inbox.leaderIds}::text[]))
    OR (d.recipient = ANY(${UNIT_HEAD_ROLES}::text[]) AND EXISTS (
      SELECT 1 FROM deadlines dl
      WHERE dl.proposal_id = n.proposal_id AND dl.deadline_id = n.deadline_id
        AND dl.unit_id = ANY(${inbox.headedUnitIds}::text[])))
  )`;
}

/** The proposals that have a notice in the inbox: what a leader was told about, it may open. */
export async function proposalsAddressedTo(database: Database, inbox: Inbox): Promise<string[]> {
  const rows = await database.prisma.$queryRaw<{ proposal_id: string }[]>`
    SELECT DISTINCT n.proposal_id
    FROM notices n
    JOIN notice_deliveries d ON d.notice_id = n.id AND d.channel = 'inbox' AND ${addressedTo(inbox)}`;
  return rows.map((row) => row.proposal_id);
}

/** A page of the inbox: notice ids with the ids (as text) of their inbox deliveries addressed to the caller. */
export async function inboxPage(
  database: Database,
  inbox: Inbox,
  filters: {
    noticeId?: string;
    unacknowledged?: boolean;
    proposalId?: string;
    after?: { createdAt: Date; id: string };
    limit: number;
  },
): Promise<{ id: string; matched: string[] }[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.noticeId !== undefined) conditions.push(Prisma.sql`n.id = ${filters.noticeId}`);
  if (filters.unacknowledged !== undefined) {
    conditions.push(
      filters.unacknowledged ? Prisma.sql`n.acknowledged_at IS NULL` : Prisma.sql`n.acknowledged_at IS NOT NULL`,
    );
  }
  if (filters.proposalId !== undefined) conditions.push(Prisma.sql`n.proposal_id = ${filters.proposalId}`);
  if (filters.after) {
    const { createdAt, id } = filters.after;
    conditions.push(Prisma.sql`(n.created_at < ${createdAt} OR (n.created_at = ${createdAt} AND n.id < ${id}))`);
  }
  return database.prisma.$queryRaw<{ id: string; matched: string[] }[]>`
    SELECT n.id, array_agg(d.id::text ORDER BY d.id) AS matched
    FROM notices n
    JOIN notice_deliveries d ON d.notice_id = n.id AND d.channel = 'inbox' AND ${addressedTo(inbox)}
    WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY n.id, n.created_at
    ORDER BY n.created_at DESC, n.id DESC
    LIMIT ${filters.limit}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
