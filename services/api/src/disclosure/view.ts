import type { Prisma } from "@huiyin/db";
import type { PublishedAttachment, PublishedContent, RedactionRecord } from "./publication.ts";

type Publication = Prisma.PublicationGetPayload<Record<string, never>>;

/** The published files of a copy; a copy published before attachments existed has none. */
function attachmentsOf(row: Publication): PublishedAttachment[] {
  return (row.content as unknown as PublishedContent).attachments ?? [];
}

/** A publication as staff see it: the public copy and the whole record of who published, redacted, withdrew. */
export function publicationView(row: Publication) {
  return {
    proposalId: row.proposalId,
    content: { ...(row.content as unknown as PublishedContent), attachments: attachmentsOf(row) },
    redactions: row.redactions as unknown as RedactionRecord[],
    publishedBy: row.publishedBy,
    publishedAt: row.publishedAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    withdrawnBy: row.withdrawnBy,
    withdrawReason: row.withdrawReason,
  };
}

/**
 * A publication as the public reads it: the frozen public copy, that something was removed and why, never by
 * whom (staff's ids are internal) nor the removed text. Built field by field, so a column added later stays
 * internal until someone puts it here.
 */
/** The public copy as the public endpoints answer it; `base` is where they are mounted (`/public` for the default). */
export function publicView(row: Publication, base = "/public") {
  const content = row.content as unknown as PublishedContent;
  const redactions = row.redactions as unknown as RedactionRecord[];
  return {
    id: row.proposalId,
    title: content.title,
    category: content.category,
    reasons: content.reasons,
    suggestions: content.suggestions,
    submittedAt: content.submittedAt,
    replies: content.replies.map((reply) => ({
      unitName: reply.unitName,
      classification: reply.classification,
      text: reply.text,
      repliedAt: reply.repliedAt,
    })),
    attachments: attachmentsOf(row).map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.size,
      sha256: attachment.sha256,
      of: attachment.of,
      unitName: attachment.unitName,
      href: `${base}/proposals/${encodeURIComponent(row.proposalId)}/attachments/${attachment.id}`,
    })),
    redactions: redactions.map((redaction) => ({ field: redaction.field, reason: redaction.reason })),
    publishedAt: row.publishedAt.toISOString(),
  };
}
export type PublicProposal = ReturnType<typeof publicView>;
