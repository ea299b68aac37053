import type { Caller } from "../auth/keys.ts";
import { isStorable } from "../http/input-guard.ts";

/**
 * The inbox names a caller reads, in the notifier's naming (`role` or `role:scope`, see the notifier's
 * `recipientsOf`): staff read the committee office's inbox and its head's; a unit its own; a leader and a proposer
 * their personal one. Integrators have no inbox (they get webhooks). Escalation roles recorded without a scope
 * (`unit-head`, `supervising-leader`) and the people a key stands for are added from the directory by `inboxOf`.
 */
export function inboxNamesOf(caller: Caller): string[] {
  switch (caller.role) {
    case "admin":
    case "staff":
      return ["staff", "staff-head"];
    case "unit":
      return caller.unitId ? [`unit:${caller.unitId}`] : [];
    case "leader":
      return [`leader:${caller.actorId}`];
    case "proposer":
      return [`proposer:${caller.actorId}`];
    case "integrator":
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
