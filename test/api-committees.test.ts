import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planEmails } from "../services/notifier/src/email/plan.ts";
import { deliverToInbox } from "../services/notifier/src/inbox.ts";
import { type ApiHarness, type ApiResponse, startApi } from "./support/api.ts";
import { type Contract, openApiContract } from "./support/contract.ts";

/**
 * Two committees in one deployment (issue 13), over real HTTP, PostgreSQL and Redis: the default committee (A) and
 * a county the operator adds (B), each with its admin, staff, unit, leader, proposer and integrator. Every endpoint
 * family shows a caller its own committee's rows only and answers 404 for the other's ids, exactly as for ids that
 * do not exist; events cannot be sent to the other's proposals; a notice of B reaches none of A's people; the
 * operator creates the committee and its first admin, and reads no committee's proposals.
 */
let api: ApiHarness;
let contract: Contract;
const silent = createLogger({ service: "api-test", level: "silent", format: "json" });
const PASSWORD = "县政协-管理员-correct-horse";
const B = "county-b";

type Roles = "admin" | "staff" | "unit" | "leader" | "proposer" | "integrator";
interface Committee {
  keys: Record<Roles, string>;
  proposalId: string;
  unit: string;
  staffPerson: string;
}
let a: Committee;
let b: Committee;
let operatorKey: string;
let bBrowser: { cookie: string; csrf: string };

/** A request with a session cookie, as the console sends it (the CSRF token and our Origin on changes). */
async function browse(method: string, path: string, body?: unknown): Promise<ApiResponse> {
  const headers: Record<string, string> = { cookie: bBrowser.cookie, "x-csrf-token": bBrowser.csrf, origin: api.base };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${api.base}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

async function ok(response: Promise<ApiResponse>, status = 200): Promise<ApiResponse> {
  const answer = await response;
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer;
}

const content = (proposer: string, title: string) => ({
  title,
  reasons: "汛期积水严重。",
  suggestions: ["改造老旧管网"],
  category: "urban",
  proposers: [{ id: proposer }],
  submit: true,
});

/** A committee's directory and keys, made by its admin; one proposal submitted, registered and assigned. */
async function populate(adminKey: string, prefix: string): Promise<Committee> {
  const call = (method: string, path: string, body?: unknown) =>
    api.call(method, path, { key: adminKey, ...(body === undefined ? {} : { body }) });
  const unit = `${prefix}-water`;
  const staffPerson = `${prefix}-staff`;
  for (const id of [staffPerson, `${prefix}-clerk`, `${prefix}-leader`]) {
    await ok(
      call("PUT", `/v1/directory/people/${id}`, {
        name: id,
        email: `${id}@committee.example`,
        channels: { "*": ["inbox", "email"] },
      }),
      201,
    );
  }
  await ok(
    call("PUT", `/v1/directory/units/${unit}`, { name: `${prefix} 水务局`, headPersonId: `${prefix}-clerk` }),
    201,
  );
  for (const path of [
    `staff/people/${staffPerson}`,
    `unit:${unit}/people/${prefix}-clerk`,
    `leader:${prefix}-lead/people/${prefix}-leader`,
  ]) {
    await ok(call("PUT", `/v1/directory/roles/${path}`), 201);
  }
  const issue = async (role: Roles, actorId: string, unitId?: string) => {
    const issued = await ok(call("POST", "/v1/api-keys", { role, actorId, ...(unitId ? { unitId } : {}) }), 201);
    return issued.body.key as string;
  };
  const keys: Record<Roles, string> = {
    admin: adminKey,
    staff: await issue("staff", staffPerson),
    unit: await issue("unit", `${prefix}-clerk`, unit),
    leader: await issue("leader", `${prefix}-lead`),
    proposer: await issue("proposer", `${prefix}-member`),
    integrator: await issue("integrator", `${prefix}-oa`),
  };
  const created = await ok(
    api.call("POST", "/v1/proposals", { key: keys.proposer, body: content(`${prefix}-member`, `${prefix} 排水`) }),
    201,
  );
  const proposalId = created.body.id as string;
  for (const body of [
    { type: "review.register", category: "urban", key: false },
    { type: "assign", mode: "sole", units: [{ unitId: unit, role: "lead" }] },
  ]) {
    await ok(api.call("POST", `/v1/proposals/${proposalId}/events`, { key: keys.staff, body }));
  }
  return { keys, proposalId, unit, staffPerson };
}

beforeAll(async () => {
  api = await startApi();
  contract = await openApiContract(api);
  // The deployment's first operator: issued by the admin of the default committee (the key the banner prints).
  operatorKey = (await ok(api.call("POST", "/v1/api-keys", { body: { role: "operator", actorId: "ops" } }), 201)).body
    .key;
  await ok(api.call("POST", "/v1/committees", { key: operatorKey, body: { id: B, name: "某县政协" } }), 201);
  const bAdmin = await ok(
    api.call("POST", `/v1/committees/${B}/admin-keys`, { key: operatorKey, body: { actorId: "b-office" } }),
    201,
  );
  a = await populate(api.adminKey, "a");
  b = await populate(bAdmin.body.key, "b");
  // B's first administrator as a person: made by the operator, invited, signed in.
  const invited = await ok(
    api.call("POST", `/v1/committees/${B}/admins`, {
      key: operatorKey,
      body: { personId: "b-chief", name: "县政协办公室主任", email: "chief@county-b.example" },
    }),
    201,
  );
  const token = new URL(invited.body.link).hash.slice(1);
  const set = await fetch(`${api.base}/v1/invitations/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: api.base },
    body: JSON.stringify({ password: PASSWORD }),
  });
  expect(set.status).toBe(204);
  const signedIn = await fetch(`${api.base}/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: api.base },
    body: JSON.stringify({ login: "chief@county-b.example", password: PASSWORD }),
  });
  expect(signedIn.status).toBe(200);
  bBrowser = {
    cookie: (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
    csrf: ((await signedIn.json()) as { csrfToken: string }).csrfToken,
  };
  // The inbox deliveries of every notice, by the notifier's own code.
  for (const notice of await api.database.prisma.notice.findMany()) {
    await deliverToInbox(api.database, notice.id, silent);
  }
}, 60_000);

afterAll(async () => {
  await api.close();
});

describe("the deployment operator", () => {
  it("manages committees: lists, reads, renames; an unknown one is 404, a second of one id 409", async () => {
    const list = await ok(api.call("GET", "/v1/committees", { key: operatorKey }));
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([B, "default"]);
    contract.expectConforms("GET", "/v1/committees", list);
    const renamed = await ok(
      api.call("PATCH", `/v1/committees/${B}`, { key: operatorKey, body: { name: "某县政协委员会" } }),
    );
    expect(renamed.body).toMatchObject({ id: B, name: "某县政协委员会" });
    contract.expectConforms("PATCH", "/v1/committees/{id}", renamed);
    expect((await api.call("GET", `/v1/committees/${B}`, { key: operatorKey })).body.name).toBe("某县政协委员会");
    expect((await api.call("GET", "/v1/committees/nowhere", { key: operatorKey })).status).toBe(404);
    const again = await api.call("POST", "/v1/committees", { key: operatorKey, body: { id: B, name: "x" } });
    expect([again.status, again.body.error.code]).toEqual([409, "COMMITTEE_EXISTS"]);
    const bad = await api.call("POST", "/v1/committees", { key: operatorKey, body: { id: "Not Valid", name: "x" } });
    expect(bad.status).toBe(422);
  });

  it("gave B its first admin: a key and a signed-in person, both of B", async () => {
    const whoami = await ok(api.call("GET", "/v1/whoami", { key: b.keys.admin }));
    expect(whoami.body).toMatchObject({ role: "admin", committeeId: B });
    const account = await api.database.prisma.personAccount.findUniqueOrThrow({ where: { personId: "b-chief" } });
    expect(account.committeeId).toBe(B);
    const session = await ok(browse("GET", "/v1/session"));
    expect(session.body.roles).toEqual([{ role: "admin", scope: "" }]);
    const taken = await api.call("POST", `/v1/committees/${B}/admins`, {
      key: operatorKey,
      body: { personId: "a-staff", name: "x", email: "x@example.org" },
    });
    expect([taken.status, taken.body.error.code]).toEqual([409, "ID_TAKEN"]);
    expect((await api.database.prisma.person.findUniqueOrThrow({ where: { id: "a-staff" } })).committeeId).toBe(
      "default",
    );
  });

  it("reads no committee's proposals or directory, and only operators manage committees", async () => {
    expect((await ok(api.call("GET", "/v1/proposals", { key: operatorKey }))).body.items).toEqual([]);
    expect((await api.call("GET", `/v1/proposals/${a.proposalId}`, { key: operatorKey })).status).toBe(404);
    expect((await api.call("GET", "/v1/directory/people", { key: operatorKey })).status).toBe(403);
    for (const key of [api.adminKey, b.keys.admin, a.keys.staff]) {
      expect((await api.call("GET", "/v1/committees", { key })).status).toBe(403);
    }
  });

  it("is appointed in the default committee only: B's admin can neither issue an operator key nor assign the role", async () => {
    const key = await api.call("POST", "/v1/api-keys", {
      key: b.keys.admin,
      body: { role: "operator", actorId: "rogue" },
    });
    expect(key.status).toBe(403);
    expect((await api.call("PUT", "/v1/directory/roles/operator/people/b-staff", { key: b.keys.admin })).status).toBe(
      403,
    );
  });

  it("has every action audited, in the committee it concerned and readable by operators", async () => {
    const own = await ok(api.call("GET", "/v1/audit-log?limit=200", { key: operatorKey }));
    const actions = own.body.items.map((item: { action: string }) => item.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "committee.create",
        "committee.update",
        "committee.admin-key.issue",
        "committee.admin.invite",
      ]),
    );
    const bLog = await ok(api.call("GET", "/v1/audit-log?action=committee.create", { key: b.keys.admin }));
    expect(bLog.body.items).toHaveLength(1);
    expect(bLog.body.items[0]).toMatchObject({ committeeId: B, actor: { role: "operator" } });
  });
});

describe("each committee sees only its own", () => {
  const both = () =>
    [
      [a, b],
      [b, a],
    ] as const;

  it("proposals: lists, reads, history and attachments; the other's ids are 404 for every role", async () => {
    for (const [mine, theirs] of both()) {
      for (const role of ["admin", "staff", "unit", "leader", "proposer", "integrator"] as const) {
        const key = mine.keys[role];
        const ids = await api.pageIds("/v1/proposals?limit=50", key);
        expect(ids).not.toContain(theirs.proposalId);
        for (const path of ["", "/history", "/attachments"]) {
          const answer = await api.call("GET", `/v1/proposals/${theirs.proposalId}${path}`, { key });
          const unknown = await api.call("GET", `/v1/proposals/p_0000000000000000000000000${path}`, { key });
          expect([answer.status, answer.body.error.code]).toEqual([404, "NOT_FOUND"]);
          expect(answer.status).toBe(unknown.status);
        }
      }
      expect(await api.pageIds("/v1/proposals?limit=50", mine.keys.staff)).toContain(mine.proposalId);
    }
    const signedIn = await ok(browse("GET", "/v1/proposals"));
    expect(signedIn.body.items.map((item: { id: string }) => item.id)).toEqual([b.proposalId]);
    expect((await browse("GET", `/v1/proposals/${a.proposalId}`)).status).toBe(404);
    expect((await api.database.prisma.proposal.findUniqueOrThrow({ where: { id: b.proposalId } })).committeeId).toBe(B);
  });

  it("an externalId is its creator's within its committee: one actor id in both committees collides with nothing", async () => {
    const answers: ApiResponse[] = [];
    for (const admin of [a.keys.admin, b.keys.admin]) {
      const issued = await ok(
        api.call("POST", "/v1/api-keys", { key: admin, body: { role: "integrator", actorId: "oa-shared" } }),
        201,
      );
      answers.push(
        await ok(
          api.call("POST", "/v1/proposals", {
            key: issued.body.key,
            body: { ...content("m-1", "同号"), submit: false, externalId: "T-1" },
          }),
          201,
        ),
      );
    }
    expect(answers[0]?.body.id).not.toBe(answers[1]?.body.id);
  });

  it("events cannot be sent to the other's proposal, alone or in a batch; nothing changes", async () => {
    const before = await api.database.prisma.proposal.findUniqueOrThrow({ where: { id: a.proposalId } });
    const sent = await api.call("POST", `/v1/proposals/${a.proposalId}/events`, {
      key: b.keys.staff,
      body: { type: "supervise.record", mode: "online", note: "越权" },
    });
    expect(sent.status).toBe(404);
    const viaSession = await browse("POST", `/v1/proposals/${a.proposalId}/events`, {
      type: "supervise.record",
      mode: "online",
      note: "越权",
    });
    expect(viaSession.status).toBe(404);
    const batch = await ok(
      api.call("POST", "/v1/batches", {
        key: b.keys.staff,
        body: { event: { type: "supervise.record", mode: "online", note: "越权" }, proposalIds: [a.proposalId] },
      }),
    );
    expect(batch.body.items).toEqual([expect.objectContaining({ proposalId: a.proposalId, outcome: "not_found" })]);
    const after = await api.database.prisma.proposal.findUniqueOrThrow({ where: { id: a.proposalId } });
    expect(after.version).toBe(before.version);
    // The batch itself is B's: A's staff neither lists nor reads it.
    expect((await api.call("GET", `/v1/batches/${batch.body.id}`, { key: a.keys.staff })).status).toBe(404);
    const aBatches = await ok(api.call("GET", "/v1/batches", { key: a.keys.staff }));
    expect(aBatches.body.items.map((item: { id: string }) => item.id)).not.toContain(batch.body.id);
  });

  it("directory: people, units and roles; an id the other uses is 409 without saying whose, and left as it was", async () => {
    for (const [mine, theirs] of both()) {
      const key = mine.keys.admin;
      const people = await api.pageIds("/v1/directory/people?limit=50", key);
      expect(people).toContain(mine.staffPerson);
      expect(people).not.toContain(theirs.staffPerson);
      expect(await api.pageIds("/v1/directory/units?limit=50", key)).toEqual([mine.unit]);
      expect((await api.call("GET", `/v1/directory/people/${theirs.staffPerson}`, { key })).status).toBe(404);
      expect((await api.call("GET", `/v1/directory/units/${theirs.unit}`, { key })).status).toBe(404);
      expect((await api.call("DELETE", `/v1/directory/units/${theirs.unit}`, { key })).status).toBe(404);
      expect((await api.call("DELETE", `/v1/directory/people/${theirs.staffPerson}`, { key })).status).toBe(404);
      expect((await api.call("GET", `/v1/people/${theirs.staffPerson}/account`, { key })).status).toBe(404);
      expect((await api.call("POST", `/v1/people/${theirs.staffPerson}/invitations`, { key })).status).toBe(404);
      const person = await api.call("PUT", `/v1/directory/people/${theirs.staffPerson}`, { key, body: { name: "x" } });
      expect([person.status, person.body.error.code]).toEqual([409, "ID_TAKEN"]);
      expect(person.body.error.message).not.toMatch(/default|county/);
      const unit = await api.call("PUT", `/v1/directory/units/${theirs.unit}`, { key, body: { name: "x" } });
      expect([unit.status, unit.body.error.code]).toEqual([409, "ID_TAKEN"]);
      const role = await api.call("PUT", `/v1/directory/roles/staff/people/${theirs.staffPerson}`, { key });
      expect(role.status).toBe(404);
      const roles = await ok(api.call("GET", "/v1/directory/roles", { key }));
      const holders = roles.body.items.flatMap((item: { personIds: string[] }) => item.personIds);
      expect(holders).toContain(mine.staffPerson);
      expect(holders).not.toContain(theirs.staffPerson);
    }
    const untouched = await api.database.prisma.person.findUniqueOrThrow({ where: { id: a.staffPerson } });
    expect([untouched.name, untouched.committeeId]).toEqual([a.staffPerson, "default"]);
  });

  it("API keys: an admin lists and revokes its committee's only", async () => {
    for (const [mine, theirs] of both()) {
      const keys = await ok(api.call("GET", "/v1/api-keys", { key: mine.keys.admin }));
      const committees = new Set(keys.body.items.map((item: { committeeId: string }) => item.committeeId));
      expect(committees).toEqual(new Set([mine === a ? "default" : B]));
      const theirKey = await api.database.prisma.apiKey.findFirstOrThrow({
        where: { committeeId: theirs === a ? "default" : B, role: "staff" },
      });
      const revoke = await api.call("POST", `/v1/api-keys/${theirKey.id}/revoke`, { key: mine.keys.admin });
      expect(revoke.status).toBe(404);
      expect((await api.database.prisma.apiKey.findUniqueOrThrow({ where: { id: theirKey.id } })).revokedAt).toBeNull();
    }
  });

  it("notifications: a notice of B reaches none of A's inboxes or e-mails, and the other's notice ids are 404", async () => {
    for (const [mine, theirs] of both()) {
      const inbox = await ok(api.call("GET", "/v1/notifications?limit=100", { key: mine.keys.staff }));
      const proposals = new Set(inbox.body.items.map((item: { proposalId: string }) => item.proposalId));
      expect(proposals).toEqual(new Set([mine.proposalId]));
      const theirNotice = await api.database.prisma.notice.findFirstOrThrow({
        where: { proposalId: theirs.proposalId },
      });
      expect((await api.call("POST", `/v1/notifications/${theirNotice.id}/ack`, { key: mine.keys.staff })).status).toBe(
        404,
      );
      expect((await api.call("GET", `/v1/notices/${theirNotice.id}`, { key: mine.keys.staff })).status).toBe(404);
      const deliveries = await ok(api.call("GET", "/v1/notice-deliveries?limit=100", { key: mine.keys.admin }));
      expect(deliveries.body.items.length).toBeGreaterThan(0);
      expect(deliveries.body.items.map((item: { proposalId: string }) => item.proposalId)).not.toContain(
        theirs.proposalId,
      );
      const unitInbox = await ok(api.call("GET", "/v1/notifications?limit=100", { key: mine.keys.unit }));
      expect(unitInbox.body.items.every((item: { proposalId: string }) => item.proposalId === mine.proposalId)).toBe(
        true,
      );
    }
    // The e-mails of B's "submitted" notice to the office go to B's staff alone, though A's staff hold `staff` too.
    const submitted = await api.database.prisma.notice.findMany({ where: { proposalId: b.proposalId } });
    const emailed = (await Promise.all(submitted.map((notice) => planEmails(api.database, notice.id, silent)))).flat();
    expect(emailed.length).toBeGreaterThan(0);
    expect(emailed.map((job) => job.personId)).toContain(b.staffPerson);
    expect(emailed.every((job) => job.personId.startsWith("b-"))).toBe(true);
  });

  it("my work and statistics count the caller's committee only", async () => {
    for (const [mine, theirs] of both()) {
      const work = await ok(api.call("GET", "/v1/my-work", { key: mine.keys.unit }));
      const ids = work.body.items.map((item: { proposalId: string }) => item.proposalId);
      expect(ids).toContain(mine.proposalId);
      expect(ids).not.toContain(theirs.proposalId);
      const stats = await ok(api.call("GET", "/v1/stats", { key: mine.keys.staff }));
      const count = await api.database.prisma.proposal.count({ where: { committeeId: mine === a ? "default" : B } });
      expect(stats.body.proposals.total).toBe(count);
    }
  });

  it("committee sessions, policy and calendar changes are each committee's own", async () => {
    const session = {
      name: "第十三届",
      startsOn: "2026-01-01",
      endsOn: "2030-12-31",
      plenaryStartsOn: "2026-01-10",
      plenaryEndsOn: "2026-01-15",
    };
    const made = await ok(api.call("POST", "/v1/committee-sessions", { key: a.keys.admin, body: session }), 201);
    // The same name and days in B are no conflict: its sessions are its own.
    await ok(api.call("POST", "/v1/committee-sessions", { key: b.keys.admin, body: session }), 201);
    expect((await api.call("GET", `/v1/committee-sessions/${made.body.id}`, { key: b.keys.staff })).status).toBe(404);
    const bSessions = await ok(api.call("GET", "/v1/committee-sessions", { key: b.keys.staff }));
    expect(bSessions.body.items.map((item: { id: string }) => item.id)).not.toContain(made.body.id);
    await ok(
      api.call("PUT", "/v1/policy", {
        key: b.keys.admin,
        body: { override: { deadlines: { review: { duration: { workingDays: 5 } } } }, note: "县里的审查期限" },
      }),
      201,
    );
    expect((await ok(api.call("GET", "/v1/policy/versions", { key: a.keys.admin }))).body.items).toEqual([]);
    expect((await ok(api.call("GET", "/v1/policy/versions", { key: b.keys.admin }))).body.items).toHaveLength(1);
  });

  it("a calendar change moves its own committee's deadlines only, in the dry run and in the roll-out", async () => {
    const firstOpen = (proposalId: string) =>
      api.database.prisma.deadline.findFirstOrThrow({
        where: { proposalId, status: "open" },
        orderBy: [{ dueAt: "asc" }, { deadlineId: "asc" }],
      });
    const [aBefore, bBefore] = [await firstOpen(a.proposalId), await firstOpen(b.proposalId)];
    // Both proposals were assigned moments apart: the same deadline, due the same day.
    expect(aBefore.deadlineId).toBe(bBefore.deadlineId);
    const day = new Date(bBefore.dueAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const body = { calendarId: "cn-mainland", localClosedDays: [{ name: "县闭会日", from: day, to: day }] };
    const dry = await ok(api.call("PUT", "/v1/calendar/local-days?dryRun=true", { key: b.keys.admin, body }));
    const moved = dry.body.moves.map((move: { proposalId: string }) => move.proposalId);
    expect(moved).toContain(b.proposalId);
    expect(moved).not.toContain(a.proposalId);
    await ok(api.call("PUT", "/v1/calendar/local-days", { key: b.keys.admin, body }), 201);
    // The api rolls the change out right after answering.
    const deadline = Date.now() + 30_000;
    while ((await firstOpen(b.proposalId)).dueAt.getTime() === bBefore.dueAt.getTime() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect((await firstOpen(b.proposalId)).dueAt.getTime()).toBeGreaterThan(bBefore.dueAt.getTime());
    expect((await firstOpen(a.proposalId)).dueAt).toEqual(aBefore.dueAt);
    expect((await ok(api.call("GET", "/v1/calendar/changes", { key: a.keys.admin }))).body.items).toEqual([]);
  });

  it("webhooks: subscriptions are the committee's, and the engine delivers a committee's proposals to its own only", async () => {
    const subscribe = (key: string) =>
      ok(api.call("POST", "/v1/webhooks", { key, body: { url: "https://example.org/hook", events: ["*"] } }), 201);
    const aHook = await subscribe(a.keys.admin);
    const bHook = await subscribe(b.keys.admin);
    expect((await api.call("GET", `/v1/webhooks/${aHook.body.id}`, { key: b.keys.admin })).status).toBe(404);
    expect((await api.call("DELETE", `/v1/webhooks/${aHook.body.id}`, { key: b.keys.admin })).status).toBe(404);
    const bList = await ok(api.call("GET", "/v1/webhooks", { key: b.keys.admin }));
    expect(bList.body.items.map((item: { id: string }) => item.id)).toEqual([bHook.body.id]);
    // A stage change of each committee's proposal (a withdrawal is a proposal.stage/closed webhook).
    for (const mine of [a, b]) {
      const proposer = mine.keys.proposer;
      const created = await ok(
        api.call("POST", "/v1/proposals", { key: proposer, body: content(`${mine === a ? "a" : "b"}-member`, "撤回") }),
        201,
      );
      await ok(
        api.call("POST", `/v1/proposals/${created.body.id}/events`, {
          key: proposer,
          body: { type: "withdraw", reason: "不再需要" },
        }),
      );
      const deliveries = await api.database.prisma.webhookDelivery.findMany({ where: { proposalId: created.body.id } });
      expect(deliveries.length).toBeGreaterThan(0);
      expect(new Set(deliveries.map((row) => row.subscriptionId))).toEqual(
        new Set([mine === a ? aHook.body.id : bHook.body.id]),
      );
    }
  });

  it("audit log: each admin reads entries of its committee only", async () => {
    // A failed authentication belongs to no committee: the default's admins read it, B's do not.
    expect((await api.call("GET", "/v1/proposals", { key: "hy_000000000000_not-a-key-at-all" })).status).toBe(401);
    for (const [mine, theirs] of both()) {
      const log = await ok(api.call("GET", "/v1/audit-log?limit=200", { key: mine.keys.admin }));
      expect(log.body.items.length).toBeGreaterThan(0);
      // The default committee's admins also read the entries of no committee (failed authentications).
      const committees = new Set(log.body.items.map((item: { committeeId: string | null }) => item.committeeId));
      committees.delete(mine === a ? null : "none");
      expect(committees).toEqual(new Set([mine === a ? "default" : B]));
      const targets = log.body.items.map((item: { target: { id: string } | null }) => item.target?.id);
      expect(targets).not.toContain(theirs.staffPerson);
    }
  });

  it("public disclosure: each committee under its own URL; the default's stay where they were", async () => {
    expect((await ok(api.call("GET", "/public/proposals", { key: null }))).body.items).toEqual([]);
    const bPublic = await ok(api.call("GET", `/public/committees/${B}/proposals`, { key: null }));
    expect(bPublic.body.items).toEqual([]);
    contract.expectConforms("GET", "/public/committees/{committee}/proposals", bPublic);
    expect((await api.call("GET", `/public/committees/${B}/proposals/${a.proposalId}`, { key: null })).status).toBe(
      404,
    );
    expect((await api.call("GET", "/public/committees/NOT_ONE/proposals", { key: null })).status).toBe(404);
    const publication = await api.call("GET", `/v1/proposals/${a.proposalId}/publication`, { key: b.keys.admin });
    expect(publication.status).toBe(404);
    const publish = await api.call("POST", `/v1/proposals/${a.proposalId}/publication`, {
      key: b.keys.staff,
      body: { redactions: [] },
    });
    expect(publish.status).toBe(404);
  });
});
