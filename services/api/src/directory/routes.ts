import type { Database, Prisma } from "@huiyin/db";
import { DEFAULT_COMMITTEE } from "@huiyin/engine";
import { type Request, Router } from "express";
import { recordAudit, subjectOf } from "../audit/record.ts";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import { refuseLosingLastAdmin } from "../auth/last-admin.ts";
import { scopedToCommittee } from "../committees/scope.ts";
import { refuse } from "../http/error-codes.ts";
import { parseBody, parseQuery } from "../http/validate.ts";
import { labelOf, parseRoleLabel, type RoleLabel } from "./roles.ts";
import { directoryId, directoryPageSchema, personSchema, rolesQuerySchema, unitSchema } from "./schemas.ts";

type PersonRow = Prisma.PersonGetPayload<{
  include: { roles: true; headOf: { select: { id: true } } };
}>;
type UnitRow = Prisma.UnitGetPayload<Record<string, never>>;

const personInclude = { roles: true, headOf: { select: { id: true }, orderBy: { id: "asc" } } } as const;

/** A person as the API shows it, with the roles they hold and the units they head (what escalation reaches). */
export function personView(row: PersonRow) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    language: row.language,
    channels: (row.channels ?? null) as Record<string, string[]> | null,
    roles: row.roles.map(labelOf).sort(),
    headOf: row.headOf.map((unit) => unit.id),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function unitView(row: UnitRow) {
  return {
    id: row.id,
    name: row.name,
    headPersonId: row.headPersonId,
    supervisorLeaderId: row.supervisorLeaderId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The id of a PUT's path: 422 when it is not one the directory can hold. */
function idOf(request: Request, name: string): string {
  const parsed = directoryId.safeParse(request.params[name]);
  if (!parsed.success) {
    throw refuse("VALIDATION_FAILED", `The ${name} in the path is not a directory id.`, {
      fields: [{ path: name, message: parsed.error.issues[0]?.message ?? "invalid" }],
    });
  }
  return parsed.data;
}

function roleOf(request: Request): RoleLabel {
  const parsed = parseRoleLabel(String(request.params.label));
  if (typeof parsed === "string") {
    throw refuse("VALIDATION_FAILED", "The role in the path is not one a person can hold.", {
      fields: [{ path: "label", message: parsed }],
    });
  }
  return parsed;
}

/**
 * Whether the person exists, holding their row FOR KEY SHARE until the transaction ends: the lock a foreign key
 * takes, which lets the person be replaced meanwhile but makes their deletion wait.
 */
async function lockPerson(tx: Prisma.TransactionClient, id: string, committeeId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM people WHERE id = ${id} AND committee_id = ${committeeId} FOR KEY SHARE`;
  return rows.length > 0;
}

/**
 * Ids are unique across the deployment (proposals, keys and role labels name people and units by them alone): an id
 * another committee holds is refused, without saying whose.
 */
function idTaken(kind: "person" | "unit", id: string) {
  return refuse("ID_TAKEN", `The ${kind} id ${id} is in use in this deployment; choose another.`);
}

/** A page by id, ascending: `take` one more than the limit to know whether there is a next page. */
function pageOf<Row extends { id: string }, View>(rows: Row[], limit: number, view: (row: Row) => View) {
  const page = rows.slice(0, limit);
  return { items: page.map(view), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/**
 * The recipients directory (admin only): people and how to reach them, units with their head and supervising
 * leader, and the role-to-person mapping the escalation levels resolve through (`staff-head`, `leader:<id>`,
 * `unit:<id>`, …). The notifier reads it fresh for every notice, so a change here applies to the next notice.
 * PUTs create or replace (201 / 200) and are idempotent; every change is logged with what changed. An admin reads
 * and changes its own committee's directory only: another committee's people and units answer 404.
 */
export function directoryRoutes(database: Database): Router {
  const router = Router();
  router.use(requireRole("admin"));

  // People.
  router.get("/people", async (request, response) => {
    const query = parseQuery(directoryPageSchema, request.query);
    const rows = await database.prisma.person.findMany({
      where: { ...scopedToCommittee(callerOf(response)), ...(query.cursor ? { id: { gt: query.cursor } } : {}) },
      include: personInclude,
      orderBy: { id: "asc" },
      take: query.limit + 1,
    });
    response.json(pageOf(rows, query.limit, personView));
  });

  router.get("/people/:id", async (request, response) => {
    const row = await database.prisma.person.findFirst({
      where: { id: request.params.id, ...scopedToCommittee(callerOf(response)) },
      include: personInclude,
    });
    if (!row) throw refuse("NOT_FOUND", `No person ${request.params.id} in the directory.`);
    response.json(personView(row));
  });

  router.put("/people/:id", async (request, response) => {
    const id = idOf(request, "id");
    const body = parseBody(personSchema, request.body);
    const channels = body.channels ? JSON.stringify(body.channels) : null;
    const { committeeId } = callerOf(response);
    const { created, row } = await database.prisma.$transaction(async (tx) => {
      // One statement decides create or replace, so concurrent PUTs of one id all succeed and exactly one is the
      // creation (a row just inserted has no xmax); a read-then-write would race into a unique violation.
      const [saved] = await tx.$queryRaw<{ created: boolean }[]>`
        INSERT INTO people (id, name, email, phone, language, channels, created_at, updated_at, committee_id)
        VALUES (${id}, ${body.name}, ${body.email ?? null}, ${body.phone ?? null}, ${body.language}, ${channels}::jsonb,
                now(), now(), ${committeeId})
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, phone = EXCLUDED.phone,
          language = EXCLUDED.language,
          channels = EXCLUDED.channels, updated_at = now()
          WHERE people.committee_id = EXCLUDED.committee_id
        RETURNING (xmax = 0) AS created`;
      // No row: the id is another committee's person, left as it was.
      if (!saved) throw idTaken("person", id);
      const row = await tx.person.findUniqueOrThrow({ where: { id }, include: personInclude });
      const created = saved?.created === true;
      await recordAudit(tx, subjectOf(request, response), {
        action: "directory.person.save",
        target: { type: "person", id },
        // The phone is personal data the audit trail needs not keep: whether there is one, and its last digits.
        details: {
          change: created ? "created" : "replaced",
          name: row.name,
          email: row.email,
          phone: row.phone ? `***${row.phone.slice(-4)}` : null,
          language: row.language,
        },
      });
      return { created, row };
    });
    request.log.info(
      {
        personId: id,
        change: created ? "created" : "replaced",
        language: row.language,
        email: row.email !== null,
        phone: row.phone !== null,
      },
      "directory person saved",
    );
    response.status(created ? 201 : 200).json(personView(row));
  });

  router.delete("/people/:id", async (request, response) => {
    const id = request.params.id;
    await database.prisma.$transaction(async (tx) => {
      // Taken before the person's row lock, in the order disabling an account takes them (no deadlock between the two).
      await refuseLosingLastAdmin(tx, callerOf(response).committeeId, id);
      // The person's row lock orders this delete with every write that names them (a unit's head, a role): those
      // hold the row FOR KEY SHARE until they commit. So the check below sees a unit that names them as head,
      // and a later write finds them gone; neither can leave a unit whose head was deleted.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM people WHERE id = ${id} AND committee_id = ${callerOf(response).committeeId} FOR UPDATE`;
      if (locked.length === 0) throw refuse("NOT_FOUND", `No person ${id} in the directory.`);
      const row = await tx.person.findUniqueOrThrow({ where: { id }, include: personInclude });
      // A unit whose head disappears loses its level-1 escalation silently; make the admin name a new head first.
      if (row.headOf.length > 0) {
        throw refuse("PERSON_HEADS_UNIT", `${id} heads a unit; give the unit another head first.`, {
          units: row.headOf.map((unit) => unit.id),
        });
      }
      // Role assignments go with the person (schema: ON DELETE CASCADE); the log says which.
      await tx.person.delete({ where: { id } });
      await recordAudit(tx, subjectOf(request, response), {
        action: "directory.person.delete",
        target: { type: "person", id },
        details: { name: row.name, roles: row.roles.map(labelOf) },
      });
      request.log.info({ personId: id, change: "deleted", roles: row.roles.map(labelOf) }, "directory person deleted");
    });
    response.status(204).end();
  });

  // Units.
  router.get("/units", async (request, response) => {
    const query = parseQuery(directoryPageSchema, request.query);
    const rows = await database.prisma.unit.findMany({
      where: { ...scopedToCommittee(callerOf(response)), ...(query.cursor ? { id: { gt: query.cursor } } : {}) },
      orderBy: { id: "asc" },
      take: query.limit + 1,
    });
    response.json(pageOf(rows, query.limit, unitView));
  });

  router.get("/units/:id", async (request, response) => {
    const row = await database.prisma.unit.findFirst({
      where: { id: request.params.id, ...scopedToCommittee(callerOf(response)) },
    });
    if (!row) throw refuse("NOT_FOUND", `No unit ${request.params.id} in the directory.`);
    response.json(unitView(row));
  });

  router.put("/units/:id", async (request, response) => {
    const id = idOf(request, "id");
    const body = parseBody(unitSchema, request.body);
    const fields = {
      name: body.name,
      headPersonId: body.headPersonId ?? null,
      supervisorLeaderId: body.supervisorLeaderId ?? null,
    };
    const { committeeId } = callerOf(response);
    const { created, row } = await database.prisma.$transaction(async (tx) => {
      // The head's row stays locked (FOR KEY SHARE) until this commits: a concurrent delete of that person waits,
      // then sees the unit and is refused; one that committed first leaves no row here, and this is refused.
      if (fields.headPersonId && !(await lockPerson(tx, fields.headPersonId, committeeId))) {
        throw refuse("VALIDATION_FAILED", "The unit's head is not in the directory.", {
          fields: [{ path: "headPersonId", message: `no person ${fields.headPersonId}; PUT the person first` }],
        });
      }
      // As for people: one statement decides create or replace, so of concurrent PUTs exactly one answers 201.
      const [saved] = await tx.$queryRaw<{ created: boolean }[]>`
        INSERT INTO units (id, name, head_person_id, supervisor_leader_id, created_at, updated_at, committee_id)
        VALUES (${id}, ${fields.name}, ${fields.headPersonId}, ${fields.supervisorLeaderId}, now(), now(),
                ${committeeId})
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, head_person_id = EXCLUDED.head_person_id,
          supervisor_leader_id = EXCLUDED.supervisor_leader_id, updated_at = now()
          WHERE units.committee_id = EXCLUDED.committee_id
        RETURNING (xmax = 0) AS created`;
      if (!saved) throw idTaken("unit", id);
      const row = await tx.unit.findUniqueOrThrow({ where: { id } });
      const created = saved?.created === true;
      await recordAudit(tx, subjectOf(request, response), {
        action: "directory.unit.save",
        target: { type: "unit", id },
        details: { change: created ? "created" : "replaced", ...fields },
      });
      return { created, row };
    });
    request.log.info(
      {
        unitId: id,
        change: created ? "created" : "replaced",
        headPersonId: fields.headPersonId,
        supervisorLeaderId: fields.supervisorLeaderId,
      },
      "directory unit saved",
    );
    response.status(created ? 201 : 200).json(unitView(row));
  });

  router.delete("/units/:id", async (request, response) => {
    const id = request.params.id;
    const count = await database.prisma.$transaction(async (tx) => {
      const { count } = await tx.unit.deleteMany({ where: { id, ...scopedToCommittee(callerOf(response)) } });
      if (count > 0) {
        await recordAudit(tx, subjectOf(request, response), {
          action: "directory.unit.delete",
          target: { type: "unit", id },
        });
      }
      return count;
    });
    if (count === 0) throw refuse("NOT_FOUND", `No unit ${id} in the directory.`);
    request.log.info({ unitId: request.params.id, change: "deleted" }, "directory unit deleted");
    response.status(204).end();
  });

  // Role assignments: `label` is `role` or `role:scope`, as the escalation levels and inboxes name them.
  router.get("/roles", async (request, response) => {
    const query = parseQuery(rolesQuerySchema, request.query);
    const rows = await database.prisma.roleAssignment.findMany({
      where: { person: scopedToCommittee(callerOf(response)), ...(query.role ? { role: query.role } : {}) },
      orderBy: [{ role: "asc" }, { scope: "asc" }, { personId: "asc" }],
    });
    const byLabel = new Map<string, { label: string; role: string; scope: string; personIds: string[] }>();
    for (const row of rows) {
      const label = labelOf(row);
      const entry = byLabel.get(label) ?? { label, role: row.role, scope: row.scope, personIds: [] };
      entry.personIds.push(row.personId);
      byLabel.set(label, entry);
    }
    response.json({ items: [...byLabel.values()] });
  });

  router.get("/roles/:label", async (request, response) => {
    const parsed = parseRoleLabel(String(request.params.label));
    if (typeof parsed === "string") throw refuse("NOT_FOUND", `No role ${request.params.label}: ${parsed}.`);
    // The people who hold it, in one query: listing assignments and then their people would find a person
    // deleted in between missing (and answer 500 on it).
    const people = await database.prisma.person.findMany({
      where: { roles: { some: parsed }, ...scopedToCommittee(callerOf(response)) },
      include: personInclude,
      orderBy: { id: "asc" },
    });
    response.json({ label: labelOf(parsed), ...parsed, people: people.map(personView) });
  });

  router.put("/roles/:label/people/:personId", async (request, response) => {
    const role = roleOf(request);
    const personId = String(request.params.personId);
    const caller = callerOf(response);
    // The deployment's operator is appointed in its home committee only: another committee's admin may not make
    // itself the manager of every committee.
    if (role.role === "operator" && caller.committeeId !== DEFAULT_COMMITTEE) {
      throw refuse("FORBIDDEN", "The operator role is assigned in the deployment's default committee only.");
    }
    const { count } = await database.prisma.$transaction(async (tx) => {
      // Locked until the assignment commits, so a concurrent delete of the person cannot slip in between.
      if (!(await lockPerson(tx, personId, caller.committeeId))) {
        throw refuse("NOT_FOUND", `No person ${personId} in the directory.`);
      }
      const assigned = await tx.roleAssignment.createMany({ data: [{ ...role, personId }], skipDuplicates: true });
      if (assigned.count > 0) {
        await recordAudit(tx, subjectOf(request, response), {
          action: "directory.role.assign",
          target: { type: "person", id: personId },
          details: { role: labelOf(role) },
        });
      }
      return assigned;
    });
    const label = labelOf(role);
    if (count > 0) request.log.info({ roleLabel: label, personId, change: "assigned" }, "directory role assigned");
    response.status(count > 0 ? 201 : 200).json({ label, ...role, personId });
  });

  router.delete("/roles/:label/people/:personId", async (request, response) => {
    const role = roleOf(request);
    const personId = String(request.params.personId);
    const label = labelOf(role);
    const { count } = await database.prisma.$transaction(async (tx) => {
      if (role.role === "admin") await refuseLosingLastAdmin(tx, callerOf(response).committeeId, personId);
      const removed = await tx.roleAssignment.deleteMany({
        where: { ...role, personId, person: scopedToCommittee(callerOf(response)) },
      });
      if (removed.count > 0) {
        await recordAudit(tx, subjectOf(request, response), {
          action: "directory.role.unassign",
          target: { type: "person", id: personId },
          details: { role: label },
        });
      }
      return removed;
    });
    if (count === 0) throw refuse("NOT_FOUND", `${personId} does not hold ${label}.`);
    request.log.info({ roleLabel: label, personId, change: "unassigned" }, "directory role unassigned");
    response.status(204).end();
  });

  return router;
}
