import type { Viewer } from "@huiyin/workflow-proposal";
import { CHANNEL_LABELS, EVALUATION_LABELS, PROPOSER_TYPE_LABELS, STAGE_LABELS, UNIT_ROLE_LABELS } from "./labels.ts";

/** The columns of a proposal the exports read: the row's copied-out columns and its machine context. */
export interface ProposalSource {
  id: string;
  title: string;
  category: string | null;
  stage: string;
  isKey: boolean;
  proposerId: string;
  unitIds: string[];
  sessionId: string | null;
  plenary: boolean | null;
  numberLabel: string | null;
  proposerType: string | null;
  sourceChannel: string | null;
  createdAt: Date;
  updatedAt: Date;
  snapshot: unknown;
}

/** Names from the directory and the sessions, looked up per batch of rows. */
export interface Names {
  unit(id: string): string | undefined;
  person(id: string): string | undefined;
  session(id: string): string | undefined;
}

/** The parts of the machine's context an export reads; every field may be missing in old or bulk-seeded rows. */
interface ContextFacts {
  content?: { reasons?: string; suggestions?: string[]; category?: string };
  proposers?: { id: string; name?: string }[];
  submittedAt?: string;
  review?: { outcome?: string; at?: string };
  assignment?: { units?: { unitId: string; role: string }[]; assignedAt?: string; replyDueDate?: string };
  parts?: {
    unitId: string;
    status?: string;
    dueAt?: string;
    reply?: { classification?: string; text?: string; at?: string };
  }[];
  evaluations?: { result?: string; at?: string }[];
  evaluationOutcomes?: { result?: string }[];
}

/** One proposal as the files show it, in the words of the office; what `viewer` may not read is left out. */
export interface ProposalRecord {
  id: string;
  number: string;
  session: string;
  period: string;
  title: string;
  category: string;
  proposerIds: string;
  proposers: string;
  proposerType: string;
  channel: string;
  unitIds: string;
  units: string;
  stage: string;
  key: boolean;
  submittedAt: string;
  registeredAt: string;
  assignedAt: string;
  replyDue: string;
  repliedAt: string;
  grade: string;
  evaluation: string;
  reasons: string;
  suggestions: string;
  replies: string;
  createdAt: string;
  updatedAt: string;
}

/** A list inside one cell: `;` between the items (a newline for texts, which may hold `;` themselves). */
export const LIST_SEPARATOR = ";";
export const TEXT_SEPARATOR = "\n";

const day = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : "");

/**
 * The replies `viewer` may read, as workflows/proposal `disclose` rules them (the one table of who reads what):
 * the back office and leaders every unit's, a unit its own from the start, the proposers a reply once staff accepted
 * it (a returned draft never reaches them).
 */
function readableParts(viewer: Viewer, parts: NonNullable<ContextFacts["parts"]>) {
  switch (viewer.audience) {
    case "back-office":
    case "leader":
      return parts;
    case "unit":
      return parts.filter((part) => viewer.unitId != null && part.unitId === viewer.unitId);
    case "proposer":
      return parts.filter((part) => part.status === "accepted");
  }
}

/** The last result the evaluation decided (or the last rating, for snapshots from before outcomes). */
function evaluationOf(context: ContextFacts): string {
  const outcome = context.evaluationOutcomes?.at(-1)?.result ?? context.evaluations?.at(-1)?.result;
  return outcome ? (EVALUATION_LABELS[outcome] ?? outcome) : "";
}

/**
 * A proposal as one row of a file, for `viewer`. Pure: the caller reads the row and the names. Internal notes
 * (supervision, objections, co-units' opinions, review notes) are never among the columns; replies follow
 * `readableParts`.
 */
export function proposalRecord(source: ProposalSource, names: Names, viewer: Viewer): ProposalRecord {
  const context = ((source.snapshot as { context?: ContextFacts } | null)?.context ?? {}) as ContextFacts;
  const proposers = context.proposers ?? [{ id: source.proposerId }];
  const assigned = context.assignment?.units ?? source.unitIds.map((unitId) => ({ unitId, role: "" }));
  const unitName = (id: string) => names.unit(id) ?? id;
  const parts = readableParts(viewer, context.parts ?? []);
  const replied = parts.filter((part) => part.reply);
  const perUnit = replied.length > 1;
  const dues = (context.parts ?? []).map((part) => part.dueAt).filter((due): due is string => Boolean(due));
  return {
    id: source.id,
    number: source.numberLabel ?? "",
    session: source.sessionId ? (names.session(source.sessionId) ?? source.sessionId) : "",
    period: source.plenary === null ? "" : source.plenary ? "大会期间" : "闭会期间",
    title: source.title,
    category: source.category ?? context.content?.category ?? "",
    proposerIds: proposers.map((proposer) => proposer.id).join(LIST_SEPARATOR),
    proposers: proposers
      .map((proposer) => proposer.name ?? names.person(proposer.id) ?? proposer.id)
      .join(LIST_SEPARATOR),
    proposerType: source.proposerType
      ? (PROPOSER_TYPE_LABELS[source.proposerType as keyof typeof PROPOSER_TYPE_LABELS] ?? source.proposerType)
      : "",
    channel: source.sourceChannel
      ? (CHANNEL_LABELS[source.sourceChannel as keyof typeof CHANNEL_LABELS] ?? source.sourceChannel)
      : "",
    unitIds: assigned.map((unit) => unit.unitId).join(LIST_SEPARATOR),
    units: assigned
      .map((unit) =>
        UNIT_ROLE_LABELS[unit.role]
          ? `${unitName(unit.unitId)}(${UNIT_ROLE_LABELS[unit.role]})`
          : unitName(unit.unitId),
      )
      .join(LIST_SEPARATOR),
    stage: STAGE_LABELS[source.stage] ?? source.stage,
    key: source.isKey,
    submittedAt: day(context.submittedAt),
    registeredAt: context.review?.outcome === "registered" ? day(context.review.at) : "",
    assignedAt: day(context.assignment?.assignedAt),
    replyDue: context.assignment?.replyDueDate ? day(context.assignment.replyDueDate) : day(dues.sort().at(-1)),
    repliedAt: day(
      replied
        .map((part) => part.reply?.at ?? "")
        .sort()
        .at(-1),
    ),
    grade: replied
      .map((part) =>
        perUnit ? `${unitName(part.unitId)}:${part.reply?.classification ?? ""}` : (part.reply?.classification ?? ""),
      )
      .join(LIST_SEPARATOR),
    evaluation: evaluationOf(context),
    reasons: context.content?.reasons ?? "",
    suggestions: (context.content?.suggestions ?? []).join(TEXT_SEPARATOR),
    replies: replied
      .map((part) => (perUnit ? `【${unitName(part.unitId)}】${part.reply?.text ?? ""}` : (part.reply?.text ?? "")))
      .join(TEXT_SEPARATOR),
    createdAt: source.createdAt.toISOString(),
    updatedAt: source.updatedAt.toISOString(),
  };
}
