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

async function openDeadlines(
  database: Database,
  proposalId: string,
  now: Date,
  calendar: BusinessCalendar,
): Promise<DeadlineView[]> {
  const [deadlines, escalations] = await Promise.all([
    database.prisma.deadline.findMany({ where: { proposalId, status: "open" }, orderBy: { dueAt: "asc" } }),
    database.prisma.alarm.groupBy({
      by: ["deadlineId"],
      where: { proposalId, kind: "escalate", status: "fired" },
      _max: { level: true },
    }),
  ]);
  const levels = new Map(escalations.map((row) => [row.deadlineId, row._max.level ?? 0]));
  return deadlines.map((deadline) => ({
    deadlineId: deadline.deadlineId,
    kind: deadline.kind,
    unitId: deadline.unitId,
    dueAt: deadline.dueAt.toISOString(),
    level: levels.get(deadline.deadlineId) ?? 0,
    overdue: deadline.dueAt.getTime() < now.getTime(),
    calendar: calendarStatusBetween(deadline.openedAt, deadline.dueAt, calendar),
    workingDaysLeft: workingDaysLeft(now, deadline.dueAt, calendar),
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
