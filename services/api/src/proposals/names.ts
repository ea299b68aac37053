import type { Database, Proposal } from "@huiyin/db";

/** The ids a proposal's page names: handling units, and people (directory people, members, leaders). */
export interface NamedIds {
  units: Set<string>;
  people: Set<string>;
}

/** Keys whose string values are unit ids, and keys whose values are people's (members', leaders') ids. */
const UNIT_KEYS = new Set(["unitId", "fromUnitId", "toUnitId"]);
const PERSON_KEYS = new Set(["leaderId", "personId", "memberId"]);

/**
 * Collects the ids in what the viewer reads: the proposal's units, leader and proposers, its deadlines' units, and,
 * from each history entry the viewer may read, who acted and the units and people its payload names. Walks the
 * payloads (plain JSON, bounded by the history's size); an id in a hidden payload is never collected.
 */
export function idsOf(
  row: Pick<Proposal, "unitIds" | "leaderId" | "proposerId">,
  deadlines: { unitId: string | null }[],
  proposers: { id: string }[],
  events: { actor: unknown; payload: unknown; payloadHidden: boolean }[],
): NamedIds {
  const ids: NamedIds = { units: new Set(row.unitIds), people: new Set() };
  if (row.leaderId) ids.people.add(row.leaderId);
  if (row.proposerId) ids.people.add(row.proposerId);
  for (const proposer of proposers) ids.people.add(proposer.id);
  for (const deadline of deadlines) if (deadline.unitId) ids.units.add(deadline.unitId);
  const walk = (value: unknown, key: string | undefined, depth: number): void => {
    if (depth > 8) return;
    if (typeof value === "string" && key) {
      if (UNIT_KEYS.has(key)) ids.units.add(value);
      if (PERSON_KEYS.has(key)) ids.people.add(value);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) walk(item, key === "proposers" ? "proposers" : undefined, depth + 1);
      return;
    }
    if (value && typeof value === "object") {
      for (const [name, inner] of Object.entries(value)) {
        // A proposer's `id` is a member's.
        walk(inner, key === "proposers" && name === "id" ? "memberId" : name, depth + 1);
      }
    }
  };
  for (const event of events) {
    const actor = event.actor as { id?: unknown; role?: unknown; behalf?: unknown } | null;
    if (typeof actor?.id === "string" && actor.role !== "system") ids.people.add(actor.id);
    // Who stood behind it (issue 14): the delegate and delegator, the person an integrator acted for.
    const behalf = actor?.behalf as
      | { delegation?: { delegatorId?: unknown; delegateId?: unknown }; via?: { personId?: unknown } }
      | undefined;
    for (const id of [behalf?.delegation?.delegatorId, behalf?.delegation?.delegateId, behalf?.via?.personId]) {
      if (typeof id === "string") ids.people.add(id);
    }
    if (!event.payloadHidden) walk(event.payload, undefined, 0);
  }
  return ids;
}

/**
 * The names of those ids in the committee's directory: units by id; people by id, or by the member or leader id a
 * person holds as the scope of their `proposer:` or `leader:` role. Ids the directory does not know are left out
 * (the page shows the id). Only the caller's committee is read.
 */
export async function namesOf(
  database: Database,
  committeeId: string,
  ids: NamedIds,
): Promise<{ units: Record<string, string>; people: Record<string, string> }> {
  const units = [...ids.units].slice(0, 500);
  const people = [...ids.people].slice(0, 500);
  const [unitRows, personRows, roleRows] = await Promise.all([
    units.length
      ? database.prisma.unit.findMany({ where: { committeeId, id: { in: units } }, select: { id: true, name: true } })
      : [],
    people.length
      ? database.prisma.person.findMany({
          where: { committeeId, id: { in: people } },
          select: { id: true, name: true },
        })
      : [],
    people.length
      ? database.prisma.roleAssignment.findMany({
          where: { role: { in: ["proposer", "leader"] }, scope: { in: people }, person: { committeeId } },
          select: { scope: true, person: { select: { name: true } } },
          orderBy: { personId: "asc" },
        })
      : [],
  ]);
  const named: Record<string, string> = {};
  for (const role of roleRows) named[role.scope] ??= role.person.name;
  for (const person of personRows) named[person.id] = person.name;
  return { units: Object.fromEntries(unitRows.map((unit) => [unit.id, unit.name])), people: named };
}
