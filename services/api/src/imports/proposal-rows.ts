import { PROPOSER_TYPES, type ProposerType, SOURCE_CHANNELS, type SourceChannel } from "@huiyin/domain";
import { PROPOSAL_COLUMNS } from "../exports/columns.ts";
import { CHANNEL_LABELS, codeOf, PROPOSER_TYPE_LABELS } from "../exports/labels.ts";
import { columnIndex, listOf, type RowError } from "./row-errors.ts";

/** One proposal of an imported file, checked: what `POST /v1/proposals` would take, and its key in the source. */
export interface ProposalImport {
  line: number;
  externalId: string;
  title: string;
  reasons: string;
  suggestions: string[];
  category: string;
  proposers: { id: string; name?: string }[];
  proposerType: ProposerType;
  channel?: SourceChannel;
}

const headerOf = (key: string) => PROPOSAL_COLUMNS.find((column) => column.key === key)?.header ?? key;

/**
 * The headings a proposals file may use for each field: the office's words the exports write (so an export reads
 * back), and the field names. `externalId` is the proposal's id in the system it comes from (the public
 * platform's, the previous system's); a huiyin export's 提案ID serves when there is none.
 */
const ALIASES: Record<string, readonly string[]> = {
  externalId: ["外部编号", "来源编号"],
  id: [headerOf("id")],
  title: [headerOf("title"), "案由"],
  reasons: [headerOf("reasons")],
  suggestions: [headerOf("suggestions"), "办法"],
  category: [headerOf("category")],
  proposerIds: [headerOf("proposerIds")],
  proposers: [headerOf("proposers")],
  proposerType: [headerOf("proposerType")],
  channel: [headerOf("channel")],
};

const LIMITS = { externalId: 200, title: 500, reasons: 50_000, suggestion: 10_000, category: 100, proposerId: 100 };
const PROPOSER_ID = /^[A-Za-z0-9][\w.-]*$/;

/**
 * Checks every row of a proposals file, as `POST /v1/proposals` checks a body, and reports every problem of
 * every row (not the first only): the office fixes the file once. Pure; the machine's own check of a submission
 * (completeness) comes after, on the rows that pass.
 */
export function proposalRows(
  headers: readonly string[],
  rows: readonly { line: number; cells: readonly string[] }[],
): { proposals: ProposalImport[]; errors: RowError[] } {
  const columns = columnIndex(headers, ALIASES);
  const errors: RowError[] = [];
  const missing = (field: string, label: string) =>
    errors.push({ line: 1, column: label, code: "MISSING_COLUMN", reason: `No column ${label} (${field}).` });
  if (!columns.has("externalId") && !columns.has("id")) missing("externalId", "外部编号");
  if (!columns.has("title")) missing("title", headerOf("title"));
  if (!columns.has("proposerIds")) missing("proposerIds", headerOf("proposerIds"));
  if (errors.length > 0) return { proposals: [], errors };

  const proposals: ProposalImport[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const cell = (field: string) => columns.cell(cells, field);
    const problems: RowError[] = [];
    const problem = (field: string, code: string, reason: string) =>
      problems.push({ line, column: ALIASES[field]?.[0] ?? field, code, reason });
    const text = (field: string, max: number, required = false) => {
      const value = cell(field);
      if (required && value === "") problem(field, "REQUIRED", `${field} is required.`);
      else if (value.length > max)
        problem(field, "TOO_LONG", `${field} has ${value.length} characters, at most ${max}.`);
      return value;
    };
    const externalId = columns.has("externalId") && cell("externalId") !== "" ? cell("externalId") : cell("id");
    if (externalId === "") problem("externalId", "REQUIRED", "The proposal's id in its source (外部编号) is required.");
    else if (externalId.length > LIMITS.externalId)
      problem("externalId", "TOO_LONG", `At most ${LIMITS.externalId} characters.`);
    else if (seen.has(externalId)) {
      problem("externalId", "DUPLICATE_KEY", `Line ${seen.get(externalId)} has the same id ${externalId}.`);
    } else seen.set(externalId, line);
    const title = text("title", LIMITS.title, true);
    const reasons = text("reasons", LIMITS.reasons);
    const category = text("category", LIMITS.category);
    const suggestions = cell("suggestions")
      .split(/\r?\n/)
      .map((item) => item.trim())
      .filter((item) => item !== "");
    if (suggestions.length > 100) problem("suggestions", "TOO_LONG", "At most 100 suggestions (one per line).");
    if (suggestions.some((item) => item.length > LIMITS.suggestion)) {
      problem("suggestions", "TOO_LONG", `A suggestion has more than ${LIMITS.suggestion} characters.`);
    }
    const proposerIds = listOf(cell("proposerIds"));
    const names = listOf(cell("proposers"));
    if (proposerIds.length === 0) problem("proposerIds", "REQUIRED", "At least one proposer id, lead first.");
    if (proposerIds.length > 100) problem("proposerIds", "TOO_LONG", "At most 100 proposers.");
    const badId = proposerIds.find((id) => id.length > LIMITS.proposerId || !PROPOSER_ID.test(id));
    if (badId !== undefined) problem("proposerIds", "INVALID_VALUE", `${JSON.stringify(badId)} is not a member id.`);
    const typeCell = cell("proposerType");
    const proposerType = typeCell === "" ? undefined : codeOf(PROPOSER_TYPE_LABELS, typeCell);
    if (typeCell !== "" && !proposerType) {
      problem(
        "proposerType",
        "INVALID_VALUE",
        `One of ${PROPOSER_TYPES.map((t) => PROPOSER_TYPE_LABELS[t]).join(", ")}.`,
      );
    }
    const channelCell = cell("channel");
    const channel = channelCell === "" ? undefined : codeOf(CHANNEL_LABELS, channelCell);
    if (channelCell !== "" && !channel) {
      problem("channel", "INVALID_VALUE", `One of ${SOURCE_CHANNELS.map((c) => CHANNEL_LABELS[c]).join(", ")}.`);
    }
    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    proposals.push({
      line,
      externalId,
      title,
      reasons,
      suggestions,
      category,
      // Names go with ids only when the file has one per id (a huiyin export writes both lists in one order).
      proposers: proposerIds.map((id, index) =>
        names.length === proposerIds.length && names[index] !== id ? { id, name: names[index] as string } : { id },
      ),
      proposerType: proposerType ?? (proposerIds.length > 1 ? "joint" : "member"),
      ...(channel ? { channel } : {}),
    });
  }
  return { proposals, errors };
}
