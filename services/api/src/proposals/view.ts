import type { Database, Proposal } from "@huiyin/db";
import {
  type BusinessCalendar,
  calendarOf,
  calendarStatusBetween,
  contentWarnings,
  defaultPolicy,
  type Policy,
  workingDaysLeft,
} from "@huiyin/domain";
import { type Actor, type ProposalRecord, toRecord, type Workflow } from "@huiyin/engine";
import type { AnyMachineSnapshot } from "xstate";

/** An open deadline as clients see it: `level` is the highest escalation level reached so far (0: none). */
export interface DeadlineView {
  deadlineId: string;
  kind: string;
  unitId: string | null;
  dueAt: string;
  level: number;
  overdue: boolean;
  /**
   * The calendar data the due time was counted on: `provisional` when the period touches a year whose State
   * Council notice is not loaded (its holidays may still move, see README "Working days and the holiday calendar").
   */
  calendar: "official" | "provisional" | "missing";
  /** Working days from today to the due day in the proposal's calendar; negative when overdue (work/urgency.ts). */
  workingDaysLeft: number;
}

/** The XState snapshot of a stored row, ready for the workflow's queries. */
export function snapshotOf(workflow: Workflow, row: Proposal): AnyMachineSnapshot {
  const { machine } = workflow;
  return machine.resolveState(
    row.snapshot as unknown as Parameters<typeof machine.resolveState>[0],
  ) as AnyMachineSnapshot;
}

/** The events `actor` may send now, never the engine's own timer events. */
export function allowedFor(workflow: Workflow, row: Proposal, actor: Actor): string[] {
  return workflow.allowedEvents(snapshotOf(workflow, row), actor).filter((type) => !type.startsWith("deadline."));
}

/**
 * The proposal's open deadlines, each with the highest escalation level fired: one plain statement (the hot path of
 * GET /v1/proposals/:id and of every event's answer, issue 18), where two Prisma queries were.
 */
async function openDeadlines(
  database: Database,
  proposalId: string,
  now: Date,
  calendar: BusinessCalendar,
): Promise<DeadlineView[]> {
  const { rows } = await database.pool.query<{
    deadline_id: string;
    kind: string;
    unit_id: string | null;
    due_at: Date;
    opened_at: Date;
    level: number | null;
  }>(
    `SELECT d.deadline_id, d.kind, d.unit_id, d.due_at, d.opened_at,
       (SELECT max(a.level) FROM alarms a
         WHERE a.proposal_id = d.proposal_id AND a.deadline_id = d.deadline_id
           AND a.kind = 'escalate' AND a.status = 'fired') AS level
     FROM deadlines d
     WHERE d.proposal_id = $1 AND d.status = 'open'
     ORDER BY d.due_at, d.deadline_id`,
    [proposalId],
  );
  return rows.map((deadline) => ({
    deadlineId: deadline.deadline_id,
    kind: deadline.kind,
    unitId: deadline.unit_id,
    dueAt: deadline.due_at.toISOString(),
    level: deadline.level ?? 0,
    overdue: deadline.due_at.getTime() < now.getTime(),
    calendar: calendarStatusBetween(deadline.opened_at, deadline.due_at, calendar),
    workingDaysLeft: workingDaysLeft(now, deadline.due_at, calendar),
  }));
}

/** The summary of a proposal in lists: the listing columns, no context. */
export function summaryOf(record: Omit<ProposalRecord, "context" | "state"> & { state?: unknown }) {
  return {
    id: record.id,
    externalId: record.externalId,
    stage: record.stage,
    states: record.states,
    version: record.version,
    title: record.title,
    category: record.category,
    proposerId: record.proposerId,
    unitIds: record.unitIds,
    leaderId: record.leaderId,
    isKey: record.isKey,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    sessionId: record.sessionId,
    plenary: record.plenary,
    number: record.number,
    numberLabel: record.numberLabel,
    proposerType: record.proposerType,
    sourceChannel: record.sourceChannel,
  };
}

/** `GET /v1/proposals/:id`: the summary, the full state value, content, assignment, open deadlines, allowed events. */
export async function proposalView(database: Database, workflow: Workflow, row: Proposal, actor: Actor, now: Date) {
  const record = toRecord(row);
  const context = record.context;
  // The calendar of the policy the proposal runs under (snapshotted when it was created).
  const policy = (context.policy as Policy | undefined) ?? defaultPolicy;
  const calendar = calendarOf(policy);
  return {
    ...summaryOf(record),
    state: record.state,
    content: context.content ?? { title: record.title, category: record.category },
    proposers: context.proposers ?? [{ id: record.proposerId }],
    assignment: context.assignment ?? null,
    // The policy version the proposal runs under (null: registered under the default policy, or before versions),
    // and the version of the committee's calendar changes its deadlines were counted on.
    policy: {
      id: policy.id,
      version: policy.version ?? null,
      calendarId: policy.calendarId,
      calendarVersion: policy.calendarAdditions?.version ?? null,
    },
    deadlines: await openDeadlines(database, row.id, now, calendar),
    allowedEvents: allowedFor(workflow, row, actor),
    // 一事一案 is staff's judgement at review; the machine only points at titles that read like several matters.
    warnings: contentWarnings({ title: record.title }),
  };
}
