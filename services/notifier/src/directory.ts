import { type Database, Prisma } from "@huiyin/db";
import { type Channel, type Directory, type Language, languageOf, type Person } from "@huiyin/notify";

/** The directory as an admin maintains it: what `importDirectory` takes (and the admin API will). */
export interface DirectoryData {
  people: {
    id: string;
    name: string;
    email?: string | null;
    /** A mobile number for the SMS channel. */
    phone?: string | null;
    language?: Language;
    channels?: Partial<Record<string, Channel[]>> | null;
  }[];
  units?: { id: string; name: string; headPersonId?: string | null; supervisorLeaderId?: string | null }[];
  /** (role, scope, person): `{role: "leader", scope: "leader-9", personId: "li"}`, scope "" for committee roles. */
  roles?: { role: string; scope?: string; personId: string }[];
}

/**
 * Creates or updates people, units and role assignments, in one transaction (a seed, an import from the
 * committee's address book). Idempotent: importing the same data twice changes nothing. Roles are added, never
 * removed here: removing a person from a role is an explicit admin act.
 */
export async function importDirectory(database: Database, data: DirectoryData): Promise<void> {
  await database.prisma.$transaction(async (tx) => {
    for (const person of data.people) {
      const fields = {
        name: person.name,
        email: person.email ?? null,
        phone: person.phone ?? null,
        language: person.language ?? "zh-CN",
        // As the api's PUT of a person: absent channels are SQL NULL (the notifier's defaults), not "leave as is",
        // so that both writers of the directory mean the same by the same data.
        channels: (person.channels ?? Prisma.DbNull) as Prisma.InputJsonValue | typeof Prisma.DbNull,
      };
      await tx.person.upsert({ where: { id: person.id }, create: { id: person.id, ...fields }, update: fields });
    }
    for (const unit of data.units ?? []) {
      const fields = {
        name: unit.name,
        headPersonId: unit.headPersonId ?? null,
        supervisorLeaderId: unit.supervisorLeaderId ?? null,
      };
      await tx.unit.upsert({ where: { id: unit.id }, create: { id: unit.id, ...fields }, update: fields });
    }
    await tx.roleAssignment.createMany({
      data: (data.roles ?? []).map((role) => ({ role: role.role, scope: role.scope ?? "", personId: role.personId })),
      skipDuplicates: true,
    });
  });
}

/**
 * One committee's whole directory, for resolving one notice of one of its proposals: `staff` or a unit's head of
 * one committee is nobody of another's. A committee's directory is hundreds of rows, so reading it per notice is
 * cheaper than keeping a cache coherent with the admin's edits.
 */
export async function loadDirectory(database: Database, committeeId: string): Promise<Directory> {
  const [people, units, roles] = await Promise.all([
    database.prisma.person.findMany({ where: { committeeId } }),
    database.prisma.unit.findMany({ where: { committeeId } }),
    database.prisma.roleAssignment.findMany({ where: { person: { committeeId } } }),
  ]);
  return {
    people: people.map(
      (row): Person => ({
        id: row.id,
        name: row.name,
        email: row.email,
        language: languageOf(row.language),
        channels: isChannelMap(row.channels) ? row.channels : null,
      }),
    ),
    units: units.map((row) => ({
      id: row.id,
      name: row.name,
      headPersonId: row.headPersonId,
      supervisorLeaderId: row.supervisorLeaderId,
    })),
    roles,
  };
}

function isChannelMap(value: unknown): value is Partial<Record<string, Channel[]>> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((list) => Array.isArray(list) && list.every((entry) => typeof entry === "string"))
  );
}
