import type { Database } from "@huiyin/db";
import { type Grant, type KeyRole, ROLE_ORDER } from "./keys.ts";

/** A person's place in the directory: their role assignments and the units they head. */
export interface DirectoryStanding {
  personId: string;
  assignments: readonly { role: string; scope: string }[];
  headedUnitIds: readonly string[];
}

/**
 * The roles a person acts under, from the directory (the contract with the console): `staff` and `staff-head` →
 * staff; `admin` → admin; `unit:<id>` (a unit's contact) and the head of a unit (units.head_person_id) → that
 * unit; `leader:<id>` → that leader; `proposer:<member id>` → that member. The escalation-only roles
 * (`committee-leader`, `chairs-meeting`) give nothing to see by themselves. Most privileged first, no duplicates.
 * The actor stamped on events is the person for staff, admin and unit (as a unit key's actor is its clerk), and
 * the leader or member id for leader and proposer (the ids proposals name them by).
 */
export function grantsOfStanding(standing: DirectoryStanding): Grant[] {
  const grants: Grant[] = [];
  const add = (role: KeyRole, actorId: string, unitId: string | null = null) => {
    if (!grants.some((grant) => grant.role === role && grant.actorId === actorId && grant.unitId === unitId)) {
      grants.push({ role, actorId, unitId });
    }
  };
  const person = standing.personId;
  for (const { role, scope } of standing.assignments) {
    if (role === "admin") add("admin", person);
    else if (role === "operator") add("operator", person);
    else if (role === "staff" || role === "staff-head") add("staff", person);
    else if (role === "unit" && scope) add("unit", person, scope);
    else if (role === "leader" && scope) add("leader", scope);
    else if (role === "proposer" && scope) add("proposer", scope);
  }
  for (const unitId of standing.headedUnitIds) add("unit", person, unitId);
  return grants.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
}

/** Reads the person's directory standing now: each request does, so a role change applies on the next one. */
export async function grantsOfPerson(database: Database, personId: string): Promise<Grant[]> {
  const [assignments, headed] = await Promise.all([
    database.prisma.roleAssignment.findMany({
      where: { personId },
      select: { role: true, scope: true },
      orderBy: [{ role: "asc" }, { scope: "asc" }],
    }),
    database.prisma.unit.findMany({ where: { headPersonId: personId }, select: { id: true }, orderBy: { id: "asc" } }),
  ]);
  return grantsOfStanding({ personId, assignments, headedUnitIds: headed.map((unit) => unit.id) });
}

/** A grant as the session answer shows it: the role and its scope (unit, leader or member id; "" when none). */
export function roleView(grant: Grant): { role: KeyRole; scope: string } {
  const scope =
    grant.role === "unit"
      ? (grant.unitId ?? "")
      : grant.role === "leader" || grant.role === "proposer"
        ? grant.actorId
        : "";
  return { role: grant.role, scope };
}
