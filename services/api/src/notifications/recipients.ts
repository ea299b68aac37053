import { committeeRolesReadBy, labelOf } from "@huiyin/notify";
import type { Grant } from "../auth/keys.ts";
import { isStorable } from "../http/input-guard.ts";

/**
 * The inbox names a caller reads, labelled as the notifier labels a notice's recipients (packages/notify
 * `labelOf`, `inboxLabelsOf`): staff read the committee-wide inboxes the office reads (`RECIPIENT_RULES`: the
 * office's and its head's); a unit its own; a leader and a proposer their personal one. Integrators have no inbox
 * (they get webhooks). Escalation roles recorded without a scope (`unit-head`, `supervising-leader`) and the people
 * a key stands for are added from the directory by `inboxOf`.
 */
export function inboxNamesOf(caller: Grant): string[] {
  switch (caller.role) {
    case "admin":
    case "staff":
      return committeeRolesReadBy("staff");
    case "unit":
      return caller.unitId ? [labelOf({ role: "unit", unitId: caller.unitId })] : [];
    case "leader":
      return [labelOf({ role: "leader", id: caller.actorId })];
    case "proposer":
      return [labelOf({ role: "proposer", id: caller.actorId })];
    case "integrator":
    case "operator":
      return [];
  }
}

/** Cursor of the inbox, newest first: the last item's creation time and id, opaque to clients. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || typeof value[0] !== "string" || typeof value[1] !== "string") return undefined;
    const createdAt = new Date(value[0]);
    // A crafted cursor must not reach PostgreSQL with what it refuses: a year it cannot hold, NUL in the id.
    const year = createdAt.getUTCFullYear();
    if (Number.isNaN(year) || year < 1 || year > 9999 || !isStorable(value[1])) return undefined;
    return { createdAt, id: value[1] };
  } catch {
    return undefined;
  }
}
