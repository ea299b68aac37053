import { PassThrough } from "node:stream";
import { createLogger } from "@huiyin/logger";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveRecipients } from "../packages/notify/src/index.ts";
import { personSchema, unitSchema } from "../services/api/src/directory/schemas.ts";
import { loadDirectory } from "../services/notifier/src/directory.ts";
import { type ApiHarness, type ApiResponse, startApi } from "./support/api.ts";
import { type Contract, openApiContract } from "./support/contract.ts";

/**
 * The recipients directory over real HTTP and PostgreSQL: people, units and role assignments maintained by an
 * admin, refused to everybody else, validated, logged, and read back by the notifier's own resolution.
 */
let api: ApiHarness;
let contract: Contract;
let keys: Record<"staff" | "leader" | "unit" | "integrator", string>;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const destination = new PassThrough();
  destination.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (line) logLines.push(JSON.parse(line));
  });
  api = await startApi({
    overrides: { logger: createLogger({ service: "api-test", level: "info", format: "json", destination }) },
  });
  contract = await openApiContract(api);
  keys = {
    staff: await api.issueKey("staff", "staff-1"),
    leader: await api.issueKey("leader", "leader-9"),
    unit: await api.issueKey("unit", "clerk-1", "u-1"),
    integrator: await api.issueKey("integrator", "oa"),
  };
});

afterAll(async () => {
  await api.close();
});

/** A call as the admin, checked against the OpenAPI document under its documented path. */
async function admin(method: string, path: string, documented: string, body?: unknown): Promise<ApiResponse> {
  const response = await api.call(method, path, body === undefined ? {} : { body });
  contract.expectConforms(method, documented, response);
  return response;
}

const wang = { name: "王局长", email: "wang@zhujian.example", language: "zh-CN" };

describe("people", () => {
  it("keeps a phone number for SMS (spaces and dashes dropped), refuses one that is not, and audits only its last digits", async () => {
    const saved = await admin("PUT", "/v1/directory/people/qian", "/v1/directory/people/{id}", {
      name: "钱主任",
      phone: "138-0013 8000",
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ phone: "13800138000" });
    const refused = await admin("PUT", "/v1/directory/people/qian", "/v1/directory/people/{id}", {
      name: "钱主任",
      phone: "call me",
    });
    expect(refused.status).toBe(422);
    expect(await api.database.prisma.person.findUnique({ where: { id: "qian" } })).toMatchObject({
      phone: "13800138000",
    });
    const audit = await api.database.prisma.auditEntry.findMany({ where: { targetId: "qian" } });
    expect(JSON.stringify(audit.map((entry) => entry.details))).toContain("***8000");
    expect(JSON.stringify(audit.map((entry) => entry.details))).not.toContain("13800138000");
    expect((await admin("DELETE", "/v1/directory/people/qian", "/v1/directory/people/{id}")).status).toBe(204);
  });

  it("PUT creates (201) then replaces (200), idempotently; what is left out is cleared", async () => {
    const created = await admin("PUT", "/v1/directory/people/wang", "/v1/directory/people/{id}", {
      ...wang,
      channels: { "deadline.escalation": ["inbox", "email", "email"], "*": ["inbox"] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: "wang",
      ...wang,
      channels: { "deadline.escalation": ["inbox", "email"], "*": ["inbox"] },
      roles: [],
      headOf: [],
    });
    const again = await admin("PUT", "/v1/directory/people/wang", "/v1/directory/people/{id}", {
      ...wang,
      channels: { "deadline.escalation": ["inbox", "email"], "*": ["inbox"] },
    });
    expect(again.status).toBe(200);
    expect({ ...again.body, updatedAt: "" }).toEqual({ ...created.body, updatedAt: "" });

    const replaced = await admin("PUT", "/v1/directory/people/wang", "/v1/directory/people/{id}", { name: "王局长" });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ email: null, language: "zh-CN", channels: null });
    await admin("PUT", "/v1/directory/people/wang", "/v1/directory/people/{id}", wang);
    const read = await admin("GET", "/v1/directory/people/wang", "/v1/directory/people/{id}");
    expect(read.body).toMatchObject({ ...wang, channels: null });
    expect(await api.database.prisma.person.findUnique({ where: { id: "wang" } })).toMatchObject({
      email: wang.email,
      channels: null,
    });
  });

  it("refuses invalid people with 422 and the failing fields, changing nothing", async () => {
    const before = await api.database.prisma.person.findUniqueOrThrow({ where: { id: "wang" } });
    const cases: [string, unknown, string][] = [
      ["wang", { ...wang, email: "not-an-address" }, "email"],
      ["wang", { ...wang, language: "fr" }, "language"],
      ["wang", { ...wang, channels: { "*": ["sms"] } }, "channels.*.0"],
      // Webhooks are for integrators: the notifier never sends one to a person.
      ["wang", { ...wang, channels: { "deadline.escalation": ["webhook"] } }, "channels.deadline.escalation.0"],
      ["wang", { ...wang, channels: { "Not A Kind": ["inbox"] } }, "channels.Not A Kind"],
      ["wang", { ...wang, phone: "123" }, "phone"],
      ["wang", { ...wang, mobile: "13800138000" }, ""],
      ["wang", { ...wang, name: " " }, "name"],
      ["wang", [], ""],
      ["a:b", wang, "id"],
    ];
    for (const [id, body, field] of cases) {
      const response = await admin("PUT", `/v1/directory/people/${id}`, "/v1/directory/people/{id}", body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.error.code).toBe("VALIDATION_FAILED");
      expect(response.body.error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const malformed = await api.call("PUT", "/v1/directory/people/wang", {
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(await api.database.prisma.person.findUniqueOrThrow({ where: { id: "wang" } })).toEqual(before);
    expect(await api.database.prisma.person.count({ where: { id: "a:b" } })).toBe(0);
  });

  it("lists people by id with a cursor, and answers 404 for one that is not there", async () => {
    for (const id of ["li", "zhao", "chen"]) {
      await admin("PUT", `/v1/directory/people/${id}`, "/v1/directory/people/{id}", { name: id, language: "en" });
    }
    const first = await admin("GET", "/v1/directory/people?limit=2", "/v1/directory/people");
    expect(first.body.items.map((p: { id: string }) => p.id)).toEqual(["chen", "li"]);
    expect(await api.pageIds("/v1/directory/people?limit=2", api.adminKey)).toEqual(["chen", "li", "wang", "zhao"]);
    const bad = await admin("GET", "/v1/directory/people?limit=0", "/v1/directory/people");
    expect(bad.status).toBe(400);
    const missing = await admin("GET", "/v1/directory/people/nobody", "/v1/directory/people/{id}");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
    expect((await admin("DELETE", "/v1/directory/people/nobody", "/v1/directory/people/{id}")).status).toBe(404);
  });
});

describe("units", () => {
  it("PUT needs a head who is in the directory; GET, list and DELETE", async () => {
    const unknownHead = await admin("PUT", "/v1/directory/units/u-1", "/v1/directory/units/{id}", {
      name: "市住建局",
      headPersonId: "nobody",
    });
    expect(unknownHead.status).toBe(422);
    expect(unknownHead.body.error.details.fields[0].path).toBe("headPersonId");
    expect(await api.database.prisma.unit.count()).toBe(0);

    const unit = { name: "市住建局", headPersonId: "wang", supervisorLeaderId: "leader-9" };
    const created = await admin("PUT", "/v1/directory/units/u-1", "/v1/directory/units/{id}", unit);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: "u-1", ...unit });
    expect((await admin("PUT", "/v1/directory/units/u-1", "/v1/directory/units/{id}", unit)).status).toBe(200);
    await admin("PUT", "/v1/directory/units/u-2", "/v1/directory/units/{id}", { name: "市水务局" });
    expect((await admin("GET", "/v1/directory/units/u-1", "/v1/directory/units/{id}")).body).toMatchObject(unit);
    const page = await admin("GET", "/v1/directory/units?limit=1", "/v1/directory/units");
    expect(page.body).toMatchObject({ items: [{ id: "u-1" }], nextCursor: "u-1" });
    expect(await api.pageIds("/v1/directory/units?limit=1", api.adminKey)).toEqual(["u-1", "u-2"]);
    const invalid = await admin("PUT", "/v1/directory/units/u-2", "/v1/directory/units/{id}", {
      name: "x",
      head: "wang",
    });
    expect(invalid.status).toBe(422);

    expect((await admin("DELETE", "/v1/directory/units/u-2", "/v1/directory/units/{id}")).status).toBe(204);
    expect((await admin("GET", "/v1/directory/units/u-2", "/v1/directory/units/{id}")).status).toBe(404);
    expect((await admin("DELETE", "/v1/directory/units/u-2", "/v1/directory/units/{id}")).status).toBe(404);
    expect((await admin("GET", "/v1/directory/people/wang", "/v1/directory/people/{id}")).body.headOf).toEqual(["u-1"]);
  });

  it("refuses to delete a person who heads a unit (409), until the unit has another head", async () => {
    const refused = await admin("DELETE", "/v1/directory/people/wang", "/v1/directory/people/{id}");
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "PERSON_HEADS_UNIT", details: { units: ["u-1"] } });
    expect(await api.database.prisma.person.count({ where: { id: "wang" } })).toBe(1);

    await admin("PUT", "/v1/directory/people/temp", "/v1/directory/people/{id}", { name: "临时" });
    await admin("PUT", "/v1/directory/units/u-3", "/v1/directory/units/{id}", {
      name: "临时单位",
      headPersonId: "temp",
    });
    await admin("PUT", "/v1/directory/units/u-3", "/v1/directory/units/{id}", { name: "临时单位" });
    expect((await admin("DELETE", "/v1/directory/people/temp", "/v1/directory/people/{id}")).status).toBe(204);
    expect((await admin("GET", "/v1/directory/people/temp", "/v1/directory/people/{id}")).status).toBe(404);
  });
});

describe("assigning to the directory's units", () => {
  it("refuses an assignment or a reassignment naming a unit the directory lacks (422), changing nothing", async () => {
    // u-1 is in the directory (above); u-typo is not.
    const created = await api.call("POST", "/v1/proposals", {
      key: keys.staff,
      body: {
        title: "关于改善老旧小区供水的建议",
        reasons: "水压不足。",
        suggestions: ["改造管网"],
        category: "urban",
        proposers: [{ id: "member-1" }],
        submit: true,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const send = (body: unknown) => api.call("POST", `/v1/proposals/${id}/events`, { key: keys.staff, body });
    expect((await send({ type: "review.register", category: "urban" })).status).toBe(200);
    const before = await api.call("GET", `/v1/proposals/${id}`, { key: keys.staff });
    const typo = await send({
      type: "assign",
      mode: "lead-co",
      units: [
        { unitId: "u-1", role: "lead" },
        { unitId: "u-typo", role: "co" },
      ],
    });
    expect(typo.status).toBe(422);
    expect(typo.body.error).toMatchObject({
      code: "UNIT_NOT_IN_DIRECTORY",
      details: { fields: [{ path: "units.1.unitId" }] },
    });
    contract.expectConforms("POST", "/v1/proposals/{id}/events", typo);
    const after = await api.call("GET", `/v1/proposals/${id}`, { key: keys.staff });
    expect(after.body.version).toBe(before.body.version);
    // The directory's unit: assigned; a reassignment adding an unknown one: refused as well.
    expect((await send({ type: "assign", mode: "sole", units: [{ unitId: "u-1", role: "lead" }] })).status).toBe(200);
    const added = await send({ type: "handle.reassign", add: [{ unitId: "u-typo", role: "co" }], reason: "r" });
    expect(added.status).toBe(422);
    expect(added.body.error.details.fields).toEqual([expect.objectContaining({ path: "add.0.unitId" })]);
  });

  it("names the units for those who assign and follow proposals (GET /v1/units), not for units or integrators", async () => {
    for (const key of [keys.staff, keys.leader, api.adminKey]) {
      const names = await api.call("GET", "/v1/units", { key });
      expect(names.status).toBe(200);
      contract.expectConforms("GET", "/v1/units", names);
      expect(names.body.items).toContainEqual({ id: "u-1", name: "市住建局" });
      // Names only: not the heads and leaders the admin's directory keeps.
      expect(Object.keys(names.body.items[0]).sort()).toEqual(["id", "name"]);
    }
    for (const key of [keys.unit, keys.integrator]) {
      expect((await api.call("GET", "/v1/units", { key })).status).toBe(403);
    }
  });
});

describe("role assignments", () => {
  const assign = (label: string, personId: string) =>
    admin("PUT", `/v1/directory/roles/${label}/people/${personId}`, "/v1/directory/roles/{label}/people/{personId}");

  it("assigns (201, then 200), lists per role, and unassigns (204, then 404)", async () => {
    const first = await assign("leader:leader-9", "li");
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ label: "leader:leader-9", role: "leader", scope: "leader-9", personId: "li" });
    expect((await assign("leader:leader-9", "li")).status).toBe(200);
    expect((await assign("staff-head", "zhao")).status).toBe(201);
    expect((await assign("unit:u-1", "chen")).status).toBe(201);
    expect((await assign("unit:u-1", "zhao")).status).toBe(201);

    const role = await admin("GET", "/v1/directory/roles/unit:u-1", "/v1/directory/roles/{label}");
    expect(role.body).toMatchObject({ label: "unit:u-1", role: "unit", scope: "u-1" });
    expect(role.body.people.map((p: { id: string }) => p.id)).toEqual(["chen", "zhao"]);
    const all = await admin("GET", "/v1/directory/roles", "/v1/directory/roles");
    expect(all.body.items).toEqual([
      { label: "leader:leader-9", role: "leader", scope: "leader-9", personIds: ["li"] },
      { label: "staff-head", role: "staff-head", scope: "", personIds: ["zhao"] },
      { label: "unit:u-1", role: "unit", scope: "u-1", personIds: ["chen", "zhao"] },
    ]);
    const leaders = await admin("GET", "/v1/directory/roles?role=leader", "/v1/directory/roles");
    expect(leaders.body.items.map((item: { label: string }) => item.label)).toEqual(["leader:leader-9"]);
    const zhao = await admin("GET", "/v1/directory/people/zhao", "/v1/directory/people/{id}");
    expect(zhao.body.roles).toEqual(["staff-head", "unit:u-1"]);

    const path = "/v1/directory/roles/unit:u-1/people/zhao";
    const documented = "/v1/directory/roles/{label}/people/{personId}";
    expect((await admin("DELETE", path, documented)).status).toBe(204);
    expect((await admin("DELETE", path, documented)).status).toBe(404);
    // An encoded colon is the same label.
    expect((await admin("PUT", "/v1/directory/roles/unit%3Au-1/people/zhao", documented)).status).toBe(201);
    expect((await admin("DELETE", path, documented)).status).toBe(204);
  });

  it("refuses roles a person cannot hold (422) and people who are not there (404)", async () => {
    for (const label of ["unit-head", "supervising-leader:leader-9", "leader", "staff-head:x", "mayor", "unit:a:b"]) {
      const response = await assign(label, "li");
      expect(response.status, label).toBe(422);
      expect(response.body.error.details.fields[0].path).toBe("label");
    }
    const nobody = await assign("staff", "nobody");
    expect(nobody.status).toBe(404);
    expect((await admin("GET", "/v1/directory/roles/unit-head", "/v1/directory/roles/{label}")).status).toBe(404);
    expect(await api.database.prisma.roleAssignment.count({ where: { personId: { in: ["nobody"] } } })).toBe(0);
  });

  it("is what the notifier resolves the escalation levels through", async () => {
    const directory = await loadDirectory(api.database, "default");
    const context = { deadlineUnitId: "u-1" };
    const names = (role: string) =>
      resolveRecipients([{ role }], directory, context).recipients.map((r) => r.person.id);
    expect(names("unit-head")).toEqual(["wang"]);
    expect(names("supervising-leader")).toEqual(["li"]);
    expect(names("staff-head")).toEqual(["zhao"]);
    const resolved = resolveRecipients([{ role: "unit-head" }], directory, context).recipients[0]?.person;
    expect(resolved).toMatchObject({ email: wang.email, language: "zh-CN" });
  });

  it("takes a deleted person's roles with them", async () => {
    await admin("PUT", "/v1/directory/people/sun", "/v1/directory/people/{id}", { name: "孙委员" });
    await assign("committee-leader", "sun");
    expect((await admin("DELETE", "/v1/directory/people/sun", "/v1/directory/people/{id}")).status).toBe(204);
    const role = await admin("GET", "/v1/directory/roles/committee-leader", "/v1/directory/roles/{label}");
    expect(role.body.people).toEqual([]);
  });
});

describe("generated hostile bodies", () => {
  /** Every directory row, in order: a refused request must leave this exactly as it was. */
  const directoryRows = async () => ({
    people: await api.database.prisma.person.findMany({ orderBy: { id: "asc" } }),
    units: await api.database.prisma.unit.findMany({ orderBy: { id: "asc" } }),
    roles: await api.database.prisma.roleAssignment.findMany({ orderBy: [{ role: "asc" }, { personId: "asc" }] }),
  });
  const hostileValue = fc.oneof(
    fc.anything(),
    fc.string({ maxLength: 3000 }),
    fc.constantFrom("__proto__", "", " ", "zh-TW", "a@", "@b.c", "webhook", null, -1, 1.5, true),
  );
  const field = fc.constantFrom("name", "email", "language", "channels", "headPersonId", "supervisorLeaderId", "x");

  it("answers every invalid body with a 4xx in the error shape, never a 5xx, and changes nothing", async () => {
    const before = await directoryRows();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(["people/wang", personSchema, wang], ["units/u-1", unitSchema, { name: "市住建局" }] as const),
        fc.oneof(
          fc.tuple(field, hostileValue).map(([key, value]) => [key, value] as const),
          fc.tuple(fc.constant("channels"), fc.dictionary(fc.string(), hostileValue)),
        ),
        async ([path, schema, valid], [key, value]) => {
          // Judged as it goes on the wire: JSON drops `undefined` (and turns NaN into null), so `{email: undefined}`
          // beside a valid unit arrives as that valid unit.
          const body = JSON.parse(JSON.stringify({ ...(valid as object), [key]: value }) ?? "null");
          fc.pre(!schema.safeParse(body).success);
          const response = await api.call("PUT", `/v1/directory/${path}`, {
            body: JSON.stringify(body),
            headers: { "content-type": "application/json" },
          });
          expect(response.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(response.body.error.code).toEqual(expect.any(String));
        },
      ),
      { numRuns: 100 },
    );
    expect(await directoryRows()).toEqual(before);
  });
});

describe("authorisation and the log", () => {
  it("is the admin's alone: every other role gets 403 in the error shape, and nothing changes", async () => {
    const attempts: [string, string, string, unknown?][] = [
      ["GET", "/v1/directory/people", "/v1/directory/people"],
      ["GET", "/v1/directory/people/wang", "/v1/directory/people/{id}"],
      ["PUT", "/v1/directory/people/wang", "/v1/directory/people/{id}", { name: "冒名" }],
      ["DELETE", "/v1/directory/people/li", "/v1/directory/people/{id}"],
      ["GET", "/v1/directory/units", "/v1/directory/units"],
      ["PUT", "/v1/directory/units/u-1", "/v1/directory/units/{id}", { name: "x" }],
      ["DELETE", "/v1/directory/units/u-1", "/v1/directory/units/{id}"],
      ["GET", "/v1/directory/roles", "/v1/directory/roles"],
      ["GET", "/v1/directory/roles/staff-head", "/v1/directory/roles/{label}"],
      ["PUT", "/v1/directory/roles/staff-head/people/li", "/v1/directory/roles/{label}/people/{personId}"],
      ["DELETE", "/v1/directory/roles/leader:leader-9/people/li", "/v1/directory/roles/{label}/people/{personId}"],
    ];
    for (const key of Object.values(keys)) {
      for (const [method, path, documented, body] of attempts) {
        const response = await api.call(method, path, { key, ...(body === undefined ? {} : { body }) });
        expect(response.status, `${method} ${path}`).toBe(403);
        expect(response.body.error.code).toBe("FORBIDDEN");
        contract.expectConforms(method, documented, response);
      }
    }
    const anonymous = await api.call("GET", "/v1/directory/people", { key: null });
    expect(anonymous.status).toBe(401);
    expect(await api.database.prisma.person.findUniqueOrThrow({ where: { id: "wang" } })).toMatchObject(wang);
    expect(await api.database.prisma.unit.count({ where: { id: "u-1" } })).toBe(1);
    expect(await api.database.prisma.roleAssignment.count({ where: { role: "staff-head", personId: "li" } })).toBe(0);
  });

  it("logs every change with what changed and the key that made it", () => {
    const changes = logLines.filter((line) => typeof line.change === "string");
    const summary = changes.map((line) => [
      line.msg,
      line.change,
      line.personId ?? line.unitId,
      line.roleLabel ?? null,
    ]);
    expect(summary).toContainEqual(["directory person saved", "created", "wang", null]);
    expect(summary).toContainEqual(["directory person saved", "replaced", "wang", null]);
    expect(summary).toContainEqual(["directory person deleted", "deleted", "temp", null]);
    expect(summary).toContainEqual(["directory unit saved", "created", "u-1", null]);
    expect(summary).toContainEqual(["directory unit deleted", "deleted", "u-2", null]);
    expect(summary).toContainEqual(["directory role assigned", "assigned", "li", "leader:leader-9"]);
    expect(summary).toContainEqual(["directory role unassigned", "unassigned", "zhao", "unit:u-1"]);
    const deleted = changes.find((line) => line.personId === "sun" && line.change === "deleted");
    expect(deleted?.roles).toEqual(["committee-leader"]);
    for (const line of changes) {
      expect(line).toMatchObject({ role: "admin", keyPrefix: expect.any(String), req: { id: expect.any(String) } });
    }
    // A repeat that changes nothing is not a change: one "assigned" for leader:leader-9, though it was PUT twice.
    expect(changes.filter((line) => line.roleLabel === "leader:leader-9" && line.change === "assigned")).toHaveLength(
      1,
    );
  });
});
