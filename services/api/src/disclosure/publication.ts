import { acceptedReplies, type HistoryEntryFacts } from "@huiyin/workflow-proposal";
import { z } from "zod";
import { attachmentIdsOf } from "../attachments/visibility.ts";

/**
 * The parts of the published text a redaction may apply to; `suggestions` and `replies` mean each of them. For
 * `attachments`, `find` is an attachment's id, and the file is withheld whole (a photo or a scan cannot be cut).
 */
export const REDACTABLE_FIELDS = ["title", "reasons", "suggestions", "replies", "attachments"] as const;
export type RedactableField = (typeof REDACTABLE_FIELDS)[number];

/** What replaces removed text in the public copy. */
export const REDACTED = "[已删除]";

/** `POST /v1/proposals/:id/publication`: each `find` is removed (every occurrence) from `field` of the public copy. */
export const publishSchema = z.strictObject({
  redactions: z
    .array(
      z.strictObject({
        field: z.enum(REDACTABLE_FIELDS),
        /** The exact text to remove: a name, a telephone number, an address. */
        find: z.string().min(1).max(2_000),
        reason: z.string().trim().min(1).max(500),
      }),
    )
    .max(50)
    .default([]),
});
export type RedactionRequest = z.output<typeof publishSchema>["redactions"][number];

/** `DELETE /v1/proposals/:id/publication`. */
export const withdrawSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });

/** One published reply: the unit by its name, never the person who signed it off. */
export interface PublishedReply {
  unitName: string;
  classification: string;
  text: string;
  repliedAt: string;
}

/** One published file: the proposal's own (carried by its submission) or a published reply's (the reply letter). */
export interface PublishedAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  of: "proposal" | "reply";
  /** For a reply's file: the unit by its name. */
  unitName: string | null;
}

/** The frozen public text of a proposal (the `content` column). */
export interface PublishedContent {
  title: string;
  reasons: string;
  suggestions: string[];
  category: string | null;
  submittedAt: string | null;
  replies: PublishedReply[];
  /** Absent in copies published before attachments existed: read as none. */
  attachments?: PublishedAttachment[];
}

/**
 * The record of a redaction: which field, why, and how much was removed (its length in characters and how often it
 * occurred). Never the text, and no hash of it either: the removed text is often short (a telephone number, a
 * name), and a hash of a short text is undone by trying every candidate.
 */
export interface RedactionRecord {
  field: RedactableField;
  length: number;
  occurrences: number;
  reason: string;
}

export interface ProposalFacts {
  content: { title?: unknown; reasons?: unknown; suggestions?: unknown; category?: unknown };
  history: readonly (HistoryEntryFacts & { at: Date })[];
  /** The directory's unit names by id; a unit the directory does not know is published by its id. */
  unitNames: ReadonlyMap<string, string>;
  /** The proposal's attachments; only those a published event carries are published. */
  attachments?: readonly Omit<PublishedAttachment, "of" | "unitName">[];
}

export type PublishOutcome =
  | { ok: true; content: PublishedContent; redactions: RedactionRecord[] }
  | { ok: false; code: "NOT_PUBLISHABLE" }
  | { ok: false; code: "REDACTION_NOT_FOUND"; index: number };

const text = (value: unknown): string => (typeof value === "string" ? value : "");

function unitOfReply(entry: HistoryEntryFacts): string {
  const actor = entry.actor as { unitId?: unknown } | null;
  return actor && typeof actor.unitId === "string" ? actor.unitId : "";
}

/**
 * The replies the public may read: those staff accepted (`acceptedReplies`, the same gate the proposers pass
 * through, so a returned draft is never published), the latest accepted one per unit (a re-handling's reply
 * supersedes the first), in the order they were given.
 */
function publishedReplyEntries(facts: ProposalFacts): (HistoryEntryFacts & { at: Date })[] {
  const accepted = acceptedReplies(facts.history);
  const latest = new Map<string, HistoryEntryFacts & { at: Date }>();
  for (const entry of [...facts.history].sort((a, b) => a.seq - b.seq)) {
    if (entry.type === "handle.reply" && accepted.has(entry.seq)) latest.set(unitOfReply(entry), entry);
  }
  return [...latest.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The files the public may have: those the proposal's submissions carry (its supporting documents) and those the
 * published replies carry (their reply letters); never a returned draft's letter, a co-unit's opinion or a file no
 * event carries.
 */
function publishedAttachments(facts: ProposalFacts): PublishedAttachment[] {
  const byId = new Map((facts.attachments ?? []).map((attachment) => [attachment.id, attachment]));
  const published = new Map<string, PublishedAttachment>();
  const add = (entry: HistoryEntryFacts, of: PublishedAttachment["of"], unitName: string | null) => {
    for (const id of attachmentIdsOf(entry)) {
      const attachment = byId.get(id);
      if (attachment && !published.has(id)) published.set(id, { ...attachment, of, unitName });
    }
  };
  for (const entry of facts.history) {
    if (entry.type === "submit" || entry.type === "resubmit") add(entry, "proposal", null);
  }
  for (const entry of publishedReplyEntries(facts)) {
    const unitId = unitOfReply(entry);
    add(entry, "reply", facts.unitNames.get(unitId) ?? unitId);
  }
  return [...published.values()];
}

function publishedReplies(facts: ProposalFacts): PublishedReply[] {
  return publishedReplyEntries(facts).map((entry) => {
    const payload = entry.payload as { classification?: unknown; text?: unknown };
    const unitId = unitOfReply(entry);
    return {
      unitName: facts.unitNames.get(unitId) ?? unitId,
      classification: text(payload.classification),
      text: text(payload.text),
      repliedAt: entry.at.toISOString(),
    };
  });
}

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/**
 * The public copy of a proposal with `redactions` applied in order, or why there is none. A proposal is
 * publishable once it has an accepted reply and is being evaluated or is closed (the caller checks the stage); a
 * redaction whose text does not occur in its field is refused rather than silently recorded, since staff then
 * believe something was removed that is still there under another spelling.
 */
export function publicationOf(facts: ProposalFacts, redactions: readonly RedactionRequest[]): PublishOutcome {
  const replies = publishedReplies(facts);
  if (replies.length === 0) return { ok: false, code: "NOT_PUBLISHABLE" };
  const submitted = facts.history.find((entry) => entry.type === "submit");
  const content: PublishedContent = {
    title: text(facts.content.title),
    reasons: text(facts.content.reasons),
    suggestions: Array.isArray(facts.content.suggestions) ? facts.content.suggestions.map(text) : [],
    category: typeof facts.content.category === "string" ? facts.content.category : null,
    submittedAt: submitted ? submitted.at.toISOString() : null,
    replies,
    attachments: publishedAttachments(facts),
  };
  const records: RedactionRecord[] = [];
  for (const [index, redaction] of redactions.entries()) {
    const { field, find } = redaction;
    let found = 0;
    const strike = (value: string) => {
      found += occurrences(value, find);
      return value.split(find).join(REDACTED);
    };
    if (field === "title") content.title = strike(content.title);
    else if (field === "reasons") content.reasons = strike(content.reasons);
    else if (field === "suggestions") content.suggestions = content.suggestions.map(strike);
    else if (field === "attachments") {
      const kept = (content.attachments ?? []).filter((attachment) => attachment.id !== find);
      found = (content.attachments ?? []).length - kept.length;
      content.attachments = kept;
    } else content.replies = content.replies.map((reply) => ({ ...reply, text: strike(reply.text) }));
    if (found === 0) return { ok: false, code: "REDACTION_NOT_FOUND", index };
    records.push({ field, length: [...find].length, occurrences: found, reason: redaction.reason });
  }
  return { ok: true, content, redactions: records };
}
