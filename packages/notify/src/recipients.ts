import type { Recipient, RecipientRole } from "@huiyin/domain";
import type { Directory, Person } from "./directory.ts";

/**
 * The recipients directory's rules, both directions, in one place: forward (`resolveRecipients`: who gets a
 * notice, used by the notifier's e-mail) and backward (`inboxRoles`: whose inbox holds a notice's label, used by
 * the api's inbox and its SQL). A recipient role added to the domain does not compile until `RECIPIENT_RULES`
 * says how it resolves.
 */

/**
 * How a role's reference (`{role, id?, unitId?}`) becomes people:
 * - `holders`: the people holding the role in the directory's role assignments, under the reference's `id`
 *   (`scope: "id"`), its `unitId` else `id` (`"unit"`), or committee-wide (`"committee"`, scope "");
 * - `unit-head`: the head of the named unit, else of the notice's deadline's unit;
 * - `supervising-leader`: the people holding `leader:<id>` for the named leader, else the key proposal's leader,
 *   else the leader supervising the deadline's unit.
 * `readBy` says which keys read a committee-wide role's inbox in the api: the committee office's staff, or the
 * leaders whose person holds the role.
 */
export type RecipientRule =
  | { resolve: "holders"; scope: "id" | "unit" }
  | { resolve: "holders"; scope: "committee"; readBy: "staff" | "holder" }
  | { resolve: "unit-head" }
  | { resolve: "supervising-leader" };

export const RECIPIENT_RULES: Record<RecipientRole, RecipientRule> = {
  proposer: { resolve: "holders", scope: "id" },
  leader: { resolve: "holders", scope: "id" },
  unit: { resolve: "holders", scope: "unit" },
  staff: { resolve: "holders", scope: "committee", readBy: "staff" },
  "staff-head": { resolve: "holders", scope: "committee", readBy: "staff" },
  "committee-leader": { resolve: "holders", scope: "committee", readBy: "holder" },
  "chairs-meeting": { resolve: "holders", scope: "committee", readBy: "holder" },
  "unit-head": { resolve: "unit-head" },
  "co-unit-head": { resolve: "unit-head" },
  "supervising-leader": { resolve: "supervising-leader" },
};

/**
 * A recipient reference as `notices.recipients` holds it. Rows the engine writes now are the domain's
 * `Recipient` (schema-checked); rows written before it checked effects may name a role outside the domain's list,
 * or be a bare role string (`recipientRefsOf` reads those), so a stored role is text here.
 */
export type RecipientRef = Omit<Recipient, "role"> & { role: RecipientRole | (string & {}) };

/** The rule of a stored role; undefined for a role the domain does not define (such a row resolves to nobody). */
function ruleOf(role: string): RecipientRule | undefined {
  return Object.hasOwn(RECIPIENT_RULES, role) ? RECIPIENT_RULES[role as RecipientRole] : undefined;
}

/** The `role:scope` label the inbox uses for a recipient reference (`unit:water`, `leader:l-9`, `staff`). */
export function labelOf(ref: RecipientRef): string {
  const scope = ref.id ?? ref.unitId;
  return scope ? `${ref.role}:${scope}` : ref.role;
}

/**
 * The one reader of a stored `notices.recipients` value: `{role, id?, unitId?}` objects, and also the bare role
 * strings older rows hold (the engine once wrote `[recipientRole]` for a notice without a recipients list). Anything
 * else in the list is skipped; a single value is read as a list of one.
 */
export function recipientRefsOf(value: unknown): RecipientRef[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((entry): RecipientRef[] => {
    if (typeof entry === "string" && entry) return [{ role: entry }];
    if (entry && typeof entry === "object" && typeof (entry as { role?: unknown }).role === "string") {
      const { role, id, unitId } = entry as { role: string; id?: unknown; unitId?: unknown };
      return [
        {
          role,
          ...(typeof id === "string" ? { id } : {}),
          ...(typeof unitId === "string" ? { unitId } : {}),
        },
      ];
    }
    return [];
  });
}

/**
 * The inbox labels of a notice: one inbox delivery per distinct recipient label. A notice naming nobody goes to
 * the committee office (`staff`), so that it is never invisible.
 */
export function inboxLabelsOf(recipients: unknown): string[] {
  const labels = [...new Set(recipientRefsOf(recipients).map(labelOf))];
  return labels.length > 0 ? labels : ["staff"];
}

/** What a notice is about, beyond its recipients: needed to resolve roles that depend on the proposal. */
export interface ResolutionContext {
  /** The unit of the notice's deadline (a unit-head or supervising-leader without a unit of their own). */
  deadlineUnitId?: string | null;
  /** The key proposal's leader, when there is one. */
  keyLeaderId?: string | null;
}

export interface ResolvedRecipient {
  person: Person;
  /** The role that brought this person in, e.g. `unit-head:u-1`: for logs and for "who was notified". */
  via: string;
}

export interface Resolution {
  recipients: ResolvedRecipient[];
  /** Recipient references nobody in the directory stands for: the notifier logs them (and the inbox keeps them). */
  unresolved: string[];
}

/**
 * Forward: turns a notice's recipient references into people of the directory, by `RECIPIENT_RULES`. Pure: the
 * caller loads the directory. A person named by several references appears once (first reference wins).
 */
export function resolveRecipients(
  refs: readonly RecipientRef[],
  directory: Directory,
  context: ResolutionContext = {},
): Resolution {
  const people = new Map(directory.people.map((person) => [person.id, person]));
  const units = new Map(directory.units.map((unit) => [unit.id, unit]));
  const holders = (role: string, scope: string) =>
    directory.roles.filter((r) => r.role === role && r.scope === scope).map((r) => r.personId);

  const seen = new Map<string, ResolvedRecipient>();
  const unresolved: string[] = [];
  for (const ref of refs) {
    const ids = personIdsFor(ref);
    const found = ids.flatMap((id) => {
      const person = people.get(id);
      return person ? [person] : [];
    });
    if (found.length === 0) unresolved.push(labelOf(ref));
    for (const person of found) if (!seen.has(person.id)) seen.set(person.id, { person, via: labelOf(ref) });
  }
  return { recipients: [...seen.values()], unresolved };

  function personIdsFor(ref: RecipientRef): string[] {
    // A role the domain does not define reads as committee-wide, as it always has (its holders, scope "").
    const rule = ruleOf(ref.role) ?? { resolve: "holders", scope: "committee", readBy: "holder" };
    switch (rule.resolve) {
      case "unit-head": {
        const unit = units.get(ref.unitId ?? context.deadlineUnitId ?? "");
        return unit?.headPersonId ? [unit.headPersonId] : [];
      }
      case "supervising-leader": {
        const unitLeader = units.get(context.deadlineUnitId ?? "")?.supervisorLeaderId;
        const leaderId = ref.id ?? context.keyLeaderId ?? unitLeader;
        return leaderId ? holders("leader", leaderId) : [];
      }
      case "holders":
        switch (rule.scope) {
          case "id":
            return holders(ref.role, ref.id ?? "");
          case "unit":
            return holders(ref.role, ref.unitId ?? ref.id ?? "");
          case "committee":
            return holders(ref.role, "");
        }
    }
  }
}

/** Backward: the roles resolved by a rule, for the api's inbox (`unit-head`, `co-unit-head` for `unit-head`). */
export function rolesResolvedBy(resolve: RecipientRule["resolve"]): RecipientRole[] {
  return roles().filter((role) => RECIPIENT_RULES[role].resolve === resolve);
}

/** Backward: the committee-wide roles whose inbox the committee office's staff read, or their holders do. */
export function committeeRolesReadBy(reader: "staff" | "holder"): RecipientRole[] {
  return roles().filter((role) => {
    const rule = RECIPIENT_RULES[role];
    return rule.resolve === "holders" && rule.scope === "committee" && rule.readBy === reader;
  });
}

/** Backward: the inbox labels of the unit-head escalations of these units (`unit-head:u-1`, `co-unit-head:u-1`). */
export function unitHeadLabels(unitIds: readonly string[]): string[] {
  return unitIds.flatMap((unitId) => rolesResolvedBy("unit-head").map((role) => labelOf({ role, unitId })));
}

const roles = () => Object.keys(RECIPIENT_RULES) as RecipientRole[];
