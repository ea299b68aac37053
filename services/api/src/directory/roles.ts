/**
 * The roles a person can be assigned in the directory, as the notifier resolves them (`resolveRecipients` in
 * @huiyin/notify): committee-wide ones, held with an empty scope, and scoped ones, held for one leader, unit or
 * member. `admin` is the console's committee-wide administrator (people, keys, settings): no notice is addressed
 * to it. `operator` is the deployment's operator (committees), assignable only in the default committee. `unit-head`, `co-unit-head` and `supervising-leader` are not assigned: they follow from a unit's head
 * and supervising leader (`PUT /v1/directory/units/:id`).
 */
export const COMMITTEE_ROLES = [
  "staff",
  "staff-head",
  "committee-leader",
  "chairs-meeting",
  "admin",
  "operator",
] as const;
export const SCOPED_ROLES = ["leader", "unit", "proposer"] as const;
const DERIVED_ROLES = ["unit-head", "co-unit-head", "supervising-leader"] as const;

export interface RoleLabel {
  role: string;
  /** "" for committee-wide roles. */
  scope: string;
}

const SCOPE = /^[A-Za-z0-9][\w.-]{0,99}$/;

/**
 * Reads a role label as the escalation levels and inboxes name it: `staff-head`, `leader:leader-9`,
 * `unit:water`. Returns the reason it is not one a person can hold, as a sentence, when it is not.
 */
export function parseRoleLabel(label: string): RoleLabel | string {
  const colon = label.indexOf(":");
  const role = colon === -1 ? label : label.slice(0, colon);
  const scope = colon === -1 ? "" : label.slice(colon + 1);
  if ((DERIVED_ROLES as readonly string[]).includes(role)) {
    return `${role} is not assigned: it is the head or the supervising leader of a unit (PUT /v1/directory/units/:id)`;
  }
  if ((COMMITTEE_ROLES as readonly string[]).includes(role)) {
    return scope === "" ? { role, scope } : `${role} is committee-wide and takes no scope`;
  }
  if ((SCOPED_ROLES as readonly string[]).includes(role)) {
    return SCOPE.test(scope) ? { role, scope } : `${role} needs a scope: ${role}:<id>, the id without ':'`;
  }
  return `unknown role ${JSON.stringify(role)}: one of ${[...COMMITTEE_ROLES, ...SCOPED_ROLES.map((r) => `${r}:<id>`)].join(", ")}`;
}

/** The label of an assignment: `role`, or `role:scope`. */
export function labelOf({ role, scope }: RoleLabel): string {
  return scope ? `${role}:${scope}` : role;
}
