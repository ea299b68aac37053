import type { Database } from "@huiyin/db";
import { refuse } from "../http/error-codes.ts";
import { isUploader, type Party } from "./visibility.ts";

/**
 * Refuses (422 `ATTACHMENT_NOT_USABLE`) an event whose `attachmentIds` name a file that is not this proposal's or
 * was not uploaded by the party sending the event: a unit attaches its own letter, never the proposer's files nor
 * another unit's. Checked before the event is applied, so a refused event changes nothing. The event then carries
 * the ids in its payload, and that history entry is what binds them (no write of its own to lose or double).
 */
export async function refuseUnusableAttachments(
  database: Database,
  proposalId: string,
  party: Party,
  event: Readonly<Record<string, unknown>>,
): Promise<void> {
  const ids = Array.isArray(event.attachmentIds) ? event.attachmentIds.map(String) : [];
  if (ids.length === 0) return;
  const rows = await database.prisma.attachment.findMany({
    where: { id: { in: ids }, proposalId },
    select: { id: true, uploaderRole: true, uploaderId: true, uploaderUnitId: true },
  });
  const usable = new Set(rows.filter((row) => isUploader(party, row)).map((row) => row.id));
  const fields = ids.flatMap((id, index) =>
    usable.has(id)
      ? []
      : [{ path: `attachmentIds.${index}`, message: "no attachment of this proposal uploaded by the sender" }],
  );
  if (fields.length > 0) {
    throw refuse(
      "ATTACHMENT_NOT_USABLE",
      "An event carries only attachments of its proposal that the sender uploaded (POST /v1/proposals/:id/attachments).",
      { fields },
    );
  }
}
