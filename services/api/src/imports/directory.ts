import type { Database, Prisma } from "@huiyin/db";
import { type AuditSubject, recordAudit } from "../audit/record.ts";
import { labelOf } from "../directory/roles.ts";
import type { PersonImport, UnitImport } from "./directory-rows.ts";
import type { RowError } from "./row-errors.ts";

export interface DirectoryOutcome {
  created: number;
  unchanged: number;
  updated: number;
  errors: RowError[];
}

/**
 * Imports the people (with their roles) and units of a file in ONE transaction: all of it or, when any row is
 * refused (an id of another committee's directory, a unit head who is nowhere), nothing. Idempotent: a row equal to
 * what the directory holds is `unchanged` and not written; a person's roles are added, never removed (a file
 * lists what someone holds, not everything they may hold), so a second import of a file changes nothing. The
 * directory's ids are the natural keys. With `dryRun` the same checks run and nothing is written.
 */
export async function importDirectory(
  database: Database,
  committeeId: string,
  file: { people: readonly PersonImport[]; units: readonly UnitImport[] },
  options: { dryRun: boolean; audit: AuditSubject },
): Promise<DirectoryOutcome> {
  return database.prisma.$transaction(
    async (tx) => {
      const errors: RowError[] = [];
      const people = await tx.person.findMany({
        where: { id: { in: file.people.map((person) => person.id) } },
        include: { roles: true },
      });
      const units = await tx.unit.findMany({ where: { id: { in: file.units.map((unit) => unit.id) } } });
      const heads = new Set(
        (
          await tx.person.findMany({
            where: {
              committeeId,
              id: { in: file.units.flatMap((unit) => (unit.headPersonId ? [unit.headPersonId] : [])) },
            },
            select: { id: true },
          })
        ).map((person) => person.id),
      );
      const peopleById = new Map(people.map((person) => [person.id, person]));
      const unitsById = new Map(units.map((unit) => [unit.id, unit]));
      const filePeople = new Set(file.people.map((person) => person.id));
      for (const person of file.people) {
        if (peopleById.get(person.id) && peopleById.get(person.id)?.committeeId !== committeeId) {
          errors.push({ line: person.line, column: "编号", code: "OTHER_COMMITTEE", reason: `${person.id} is taken.` });
        }
      }
      for (const unit of file.units) {
        if (unitsById.get(unit.id) && unitsById.get(unit.id)?.committeeId !== committeeId) {
          errors.push({ line: unit.line, column: "编号", code: "OTHER_COMMITTEE", reason: `${unit.id} is taken.` });
        }
        if (unit.headPersonId && !filePeople.has(unit.headPersonId) && !heads.has(unit.headPersonId)) {
          errors.push({
            line: unit.line,
            column: "负责人编号",
            code: "UNKNOWN_REFERENCE",
            reason: `No person ${unit.headPersonId} in the file or the directory.`,
          });
        }
      }
      if (errors.length > 0) return { created: 0, unchanged: 0, updated: 0, errors };

      let created = 0;
      let unchanged = 0;
      let updated = 0;
      const count = (existing: unknown, same: boolean) => {
        if (!existing) created++;
        else if (same) unchanged++;
        else updated++;
      };
      for (const person of file.people) {
        const existing = peopleById.get(person.id);
        const held = new Set(existing?.roles.map(labelOf) ?? []);
        const same =
          existing !== undefined &&
          existing.name === person.name &&
          existing.email === person.email &&
          (person.phone === undefined || existing.phone === person.phone) &&
          existing.language === person.language &&
          person.roles.every((role) => held.has(labelOf(role)));
        count(existing, same);
        if (options.dryRun || same) continue;
        await tx.$executeRaw`
          INSERT INTO people (id, committee_id, name, email, phone, language, created_at, updated_at)
          VALUES (${person.id}, ${committeeId}, ${person.name}, ${person.email}, ${person.phone ?? null},
                  ${person.language}, now(), now())
          ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, language = EXCLUDED.language,
            phone = CASE WHEN ${person.phone !== undefined} THEN EXCLUDED.phone ELSE people.phone END,
            updated_at = now()
          WHERE people.committee_id = ${committeeId}`;
        for (const role of person.roles) {
          await tx.$executeRaw`
            INSERT INTO role_assignments (role, scope, person_id) VALUES (${role.role}, ${role.scope}, ${person.id})
            ON CONFLICT DO NOTHING`;
        }
      }
      // Units after people: a unit's head may be a person of the same file.
      for (const unit of file.units) {
        const existing = unitsById.get(unit.id);
        const same =
          existing !== undefined &&
          existing.name === unit.name &&
          existing.headPersonId === unit.headPersonId &&
          existing.supervisorLeaderId === unit.supervisorLeaderId;
        count(existing, same);
        if (options.dryRun || same) continue;
        await tx.$executeRaw`
          INSERT INTO units (id, committee_id, name, head_person_id, supervisor_leader_id, created_at, updated_at)
          VALUES (${unit.id}, ${committeeId}, ${unit.name}, ${unit.headPersonId}, ${unit.supervisorLeaderId}, now(), now())
          ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, head_person_id = EXCLUDED.head_person_id,
            supervisor_leader_id = EXCLUDED.supervisor_leader_id, updated_at = now()
          WHERE units.committee_id = ${committeeId}`;
      }
      if (!options.dryRun && created + updated > 0) {
        await recordAudit(tx, options.audit, {
          action: "directory.import",
          details: { people: file.people.length, units: file.units.length, created, updated } as Prisma.InputJsonValue,
        });
      }
      return { created, unchanged, updated, errors };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
