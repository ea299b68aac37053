import { type HistoryEntryFacts, maySeePayload, type Viewer } from "@huiyin/workflow-proposal";

/** Who uploaded an attachment: the party that may attach it to an event, and that sees it while it has none. */
export interface Uploader {
  uploaderRole: string;
  uploaderId: string;
  uploaderUnitId: string | null;
}

/** The party an actor acts as, for attachments: a unit as a whole, anyone else as itself. */
export interface Party {
  role: string;
  id: string;
  unitId?: string | undefined;
}

/** Whether `party` uploaded `attachment` (a unit's files are the unit's, whichever of its keys sent them). */
export function isUploader(party: Party, attachment: Uploader): boolean {
  if (party.role !== attachment.uploaderRole) return false;
  if (party.role === "unit") return party.unitId != null && party.unitId === attachment.uploaderUnitId;
  return party.id === attachment.uploaderId;
}

/** The attachment ids an entry's payload carries (`attachmentIds` of the domain's event bodies). */
export function attachmentIdsOf(entry: HistoryEntryFacts): string[] {
  const payload = entry.payload as { attachmentIds?: unknown } | null;
  const ids = payload?.attachmentIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
}

/** For each attachment id, the history entries that carry it, in order. */
export function eventsByAttachment<Entry extends HistoryEntryFacts>(history: readonly Entry[]): Map<string, Entry[]> {
  const events = new Map<string, Entry[]>();
  for (const entry of [...history].sort((a, b) => a.seq - b.seq)) {
    for (const id of attachmentIdsOf(entry)) events.set(id, [...(events.get(id) ?? []), entry]);
  }
  return events;
}

/**
 * Whether `viewer` may see an attachment of a proposal it may see. An attachment an event
 * carries is seen as that event's payload is (`maySeePayload`, the one table of who reads what): a reply letter
 * reaches the proposers when staff accept its reply, never from a returned draft. Carried by several events, it
 * is seen when any of them may be. Until an event carries it, it is its uploader's and the back office's and
 * leaders' (who read every payload): a unit's letter uploaded ahead of its reply is not the proposers' to read.
 */
export function maySeeAttachment(
  viewer: Viewer,
  attachment: Uploader,
  events: readonly HistoryEntryFacts[],
  accepted: ReadonlySet<number>,
): boolean {
  if (viewer.audience === "back-office" || viewer.audience === "leader") return true;
  if (events.length > 0) return events.some((entry) => maySeePayload(viewer, entry, accepted));
  if (viewer.audience === "unit") {
    return attachment.uploaderRole === "unit" && viewer.unitId != null && attachment.uploaderUnitId === viewer.unitId;
  }
  // The proposers' side (the proposers, and integrators reading as them) shares what that side uploaded.
  return attachment.uploaderRole === "proposer" || attachment.uploaderRole === "integrator";
}
