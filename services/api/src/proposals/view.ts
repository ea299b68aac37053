import type { Proposal } from "@huiyin/db";
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

/** An open deadline as the machine keeps it in its context (`OpenDeadline` of the proposal workflow). */
interface ContextDeadline {
  deadlineId: string;
  kind: string;
  unitId?: string | null;
  dueAt: string;
  openedAt?: string;
  escalatedLevel?: number;
}

/**
 * The proposal's open deadlines, from the snapshot the answer is made of: the machine keeps each open deadline in its
 * context (due time, when it opened, the escalation level reached), written in the same transaction as the
 * `deadlines` and `alarms` rows and closed with them. Read from there, a proposal's page and every event's answer
 * need no query of their own (issue 18: this was one statement of two for `GET /v1/proposals/:id`, 15–20 % of its
 * throughput); the rows stay what the timers and the lists run on.
 */
function openDeadlines(context: Record<string, unknown>, now: Date, calendar: BusinessCalendar): DeadlineView[] {
  const open = Array.isArray(context.deadlines) ? (context.deadlines as ContextDeadline[]) : [];
  return open
    .map((deadline) => {
      const dueAt = new Date(deadline.dueAt);
      return {
        deadlineId: deadline.deadlineId,
        kind: deadline.kind,
        unitId: deadline.unitId ?? null,
        dueAt: dueAt.toISOString(),
        level: deadline.escalatedLevel ?? 0,
        overdue: dueAt.getTime() < now.getTime(),
        calendar: calendarStatusBetween(new Date(deadline.openedAt ?? deadline.dueAt), dueAt, calendar),
        workingDaysLeft: workingDaysLeft(now, dueAt, calendar),
      };
    })
    .sort((a, b) => (a.dueAt === b.dueAt ? compare(a.deadlineId, b.deadlineId) : compare(a.dueAt, b.dueAt)));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
export function proposalView(workflow: Workflow, row: Proposal, actor: Actor, now: Date) {
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
    deadlines: openDeadlines(context, now, calendar),
    allowedEvents: allowedFor(workflow, row, actor),
    // 一事一案 is staff's judgement at review; the machine only points at titles that read like several matters.
    warnings: contentWarnings({ title: record.title }),
  };
}
