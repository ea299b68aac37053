import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";
import { type Contract, openApiContract } from "./support/contract.ts";

/**
 * Disclosure (公开) over HTTP: staff publish a closed proposal and its accepted reply with redactions; the public
 * endpoints and pages (no key) show exactly that copy, and nothing unpublished, withdrawn or redacted, no returned
 * draft, no internal note and no proposer's personal detail leaks there.
 */
let api: ApiHarness;
let contract: Contract;
let keys: Record<"proposer" | "staff" | "unit" | "leader" | "integrator", string>;

/** Texts that must never appear in any public answer. */
const SECRET = {
  phone: "13800001111",
  contact: "李四 13900002222",
  draft: "草稿答复内部XYZ",
  returnReason: "退回理由QQQ",
  note: "内部督办备注NNN",
  signer: "签发人赵六",
  proposerName: "王委员甲",
  proposerId: "member-wang-7",
};
const TITLE = "关于<script>alert(1)</script>老旧小区加装电梯的建议";
const ACCEPTED = "已完成第一批加装电梯改造。";

beforeAll(async () => {
  api = await startApi();
  keys = {
    proposer: await api.issueKey("proposer", SECRET.proposerId),
    staff: await api.issueKey("staff", "office-li"),
    unit: await api.issueKey("unit", "clerk-housing", "housing-7"),
    leader: await api.issueKey("leader", "leader-7"),
    integrator: await api.issueKey("integrator", "oa-7"),
  };
  contract = await openApiContract(api);
  expect((await api.call("PUT", "/v1/directory/units/housing-7", { body: { name: "市住建局" } })).status).toBe(201);
});

afterAll(async () => {
  await api.close();
});

async function send(id: string, key: string, body: Record<string, unknown>) {
  const response = await api.call("POST", `/v1/proposals/${id}/events`, { key, body });
  expect(response.status, `${String(body.type)}: ${JSON.stringify(response.body)}`).toBe(200);
}

async function draft(): Promise<string> {
  const created = await api.call("POST", "/v1/proposals", {
    key: keys.proposer,
    body: {
      title: TITLE,
      reasons: `电梯缺失，老人出行难。联系电话${SECRET.phone}。`,
      suggestions: ["财政补贴加装电梯", "简化审批流程"],
      category: "livelihood",
      proposers: [{ id: SECRET.proposerId, name: SECRET.proposerName }],
    },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** A proposal through to closed: a first reply returned by staff, a second accepted, the proposer satisfied. */
async function closedProposal(): Promise<string> {
  const id = await draft();
  await send(id, keys.proposer, { type: "submit" });
  await send(id, keys.staff, { type: "review.register", category: "livelihood" });
  await send(id, keys.staff, { type: "assign", mode: "sole", units: [{ unitId: "housing-7", role: "lead" }] });
  await send(id, keys.unit, { type: "unit.acknowledge" });
  const contact = { type: "handle.contact", channel: "phone", contactedAt: new Date().toISOString(), summary: "电话" };
  await send(id, keys.unit, contact);
  await send(id, keys.staff, { type: "supervise.record", mode: "online", note: SECRET.note });
  const reply = (text: string) => ({ type: "handle.reply", classification: "A", text, signedOffBy: SECRET.signer });
  await send(id, keys.unit, reply(SECRET.draft));
  await send(id, keys.staff, { type: "supervise.returnReply", reason: SECRET.returnReason });
  await send(id, keys.unit, reply(`${ACCEPTED}联系人${SECRET.contact}。`));
  await send(id, keys.staff, { type: "supervise.acceptReply" });
  await send(id, keys.proposer, { type: "evaluate", result: "satisfied", comment: "满意" });
  return id;
}

const publicJson = (path: string) => api.call("GET", path, { key: null });

async function publicHtml(path: string) {
  const response = await fetch(`${api.base}${path}`, { headers: { accept: "text/html" } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function expectNoSecret(text: string) {
  for (const [what, secret] of Object.entries(SECRET)) expect(text, what).not.toContain(secret);
}

describe("disclosure (公开)", () => {
  let id: string;

  beforeAll(async () => {
    id = await closedProposal();
  });

  it("refuses every role but staff and admin, a proposal without an accepted reply, a redaction that does not occur", async () => {
    for (const key of [keys.proposer, keys.unit, keys.leader, keys.integrator]) {
      for (const [method, body] of [
        ["POST", {}],
        ["GET", undefined],
        ["DELETE", { reason: "x" }],
      ] as const) {
        const refused = await api.call(method, `/v1/proposals/${id}/publication`, { key, body });
        expect(refused.status, method).toBe(403);
        expect(refused.body.error.code).toBe("FORBIDDEN");
      }
    }
    const unfinished = await draft();
    const early = await api.call("POST", `/v1/proposals/${unfinished}/publication`, { key: keys.staff, body: {} });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: "NOT_PUBLISHABLE", details: { stage: "submit" } });
    const missing = await api.call("POST", `/v1/proposals/${id}/publication`, {
      key: keys.staff,
      body: { redactions: [{ field: "title", find: SECRET.phone, reason: "电话" }] },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe("REDACTION_NOT_FOUND");
    contract.expectConforms("POST", "/v1/proposals/{id}/publication", missing);
    // Nothing was published by the refusals.
    expect((await publicJson(`/public/proposals/${id}`)).status).toBe(404);
    expect((await publicJson("/public/proposals")).body.items).toEqual([]);
    expect(await api.database.prisma.publication.count()).toBe(0);
  });

  it("publishes with redactions; the public JSON and pages show the accepted reply and nothing redacted or internal", async () => {
    const publish = () =>
      api.call("POST", `/v1/proposals/${id}/publication`, {
        key: keys.staff,
        headers: { "idempotency-key": idempotencyKey },
        body: {
          redactions: [
            { field: "reasons", find: SECRET.phone, reason: "个人联系方式" },
            { field: "replies", find: SECRET.contact, reason: "个人信息" },
          ],
        },
      });
    const idempotencyKey = randomUUID();
    const published = await publish();
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    contract.expectConforms("POST", "/v1/proposals/{id}/publication", published);
    // A retry with the same Idempotency-Key gets the first answer again and publishes nothing more.
    const retried = await publish();
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(published.body);
    expect(published.headers.get("location")).toBe(`/public/proposals/${id}`);
    expect(published.body).toMatchObject({
      proposalId: id,
      publishedBy: "staff:office-li",
      withdrawnAt: null,
      redactions: [
        { field: "reasons", length: SECRET.phone.length, occurrences: 1, reason: "个人联系方式" },
        { field: "replies", length: [...SECRET.contact].length, occurrences: 1, reason: "个人信息" },
      ],
    });
    // The record says what was removed by its size, never by its text.
    expectNoSecret(JSON.stringify(published.body.redactions));

    const item = await publicJson(`/public/proposals/${id}`);
    expect(item.status).toBe(200);
    expect(item.headers.get("cache-control")).toBe("no-store");
    expect(item.headers.get("vary")).toContain("Accept");
    expect(item.body).toMatchObject({
      id,
      title: TITLE,
      reasons: "电梯缺失，老人出行难。联系电话[已删除]。",
      suggestions: ["财政补贴加装电梯", "简化审批流程"],
      replies: [{ unitName: "市住建局", classification: "A", text: `${ACCEPTED}联系人[已删除]。` }],
      redactions: [
        { field: "reasons", reason: "个人联系方式" },
        { field: "replies", reason: "个人信息" },
      ],
    });
    contract.expectConforms("GET", "/public/proposals/{id}", item);
    const list = await publicJson("/public/proposals");
    expect(list.status).toBe(200);
    contract.expectConforms("GET", "/public/proposals", list);
    // The public endpoints take no key, and a key changes nothing about what they show.
    for (const key of Object.values(keys)) {
      expect((await api.call("GET", `/public/proposals/${id}`, { key })).body).toEqual(item.body);
    }
    expect(list.body.items).toEqual([item.body]);

    // A browser gets the same list as a page, at /public and at /public/proposals.
    expect((await publicHtml("/public/proposals")).text).toContain(`href="/public/proposals/${id}"`);
    const page = await publicHtml("/public");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).toContain(`href="/public/proposals/${id}"`);
    const itemPage = await publicHtml(`/public/proposals/${id}`);
    expect(itemPage.status).toBe(200);
    expect(itemPage.text).toContain('lang="zh-CN"');
    expect(itemPage.text).toContain(ACCEPTED);
    expect(itemPage.text).toContain("市住建局");
    // The title's markup is text on the page, and the page runs no script at all.
    for (const html of [page.text, itemPage.text]) {
      expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
      expect(html.toLowerCase()).not.toContain("<script");
    }
    expect(itemPage.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(itemPage.headers.get("content-security-policy")).not.toContain("script-src");

    for (const answer of [JSON.stringify(item.body), JSON.stringify(list.body), page.text, itemPage.text]) {
      expectNoSecret(answer);
    }

    // Audited, in the same transaction, without the removed text.
    const audit = await api.call("GET", `/v1/audit-log?action=publication.publish&targetId=${id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      action: "publication.publish",
      outcome: "succeeded",
      target: { type: "proposal", id },
    });
    expectNoSecret(JSON.stringify(audit.body.items[0].details));
  });

  it("answers 404 for an unpublished and for a withdrawn proposal exactly as for an unknown id", async () => {
    const unknown = await publicJson("/public/proposals/no-such-proposal");
    expect(unknown.status).toBe(404);
    contract.expectConforms("GET", "/public/proposals/{id}", unknown);
    const unpublished = await publicJson(`/public/proposals/${await closedProposal()}`);
    expect(unpublished.status).toBe(404);
    expect(unpublished.body.error.code).toBe(unknown.body.error.code);

    const withdrawn = await api.call("DELETE", `/v1/proposals/${id}/publication`, {
      key: keys.staff,
      body: { reason: "当事人要求" },
    });
    expect(withdrawn.status).toBe(200);
    contract.expectConforms("DELETE", "/v1/proposals/{id}/publication", withdrawn);
    expect(withdrawn.body).toMatchObject({ withdrawnBy: "staff:office-li", withdrawReason: "当事人要求" });
    const gone = await publicJson(`/public/proposals/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe(unknown.body.error.code);
    expect((await publicHtml(`/public/proposals/${id}`)).status).toBe(404);
    expect((await publicJson("/public/proposals")).body.items).toEqual([]);
    expect((await publicHtml("/public")).text).not.toContain(id);
    // Withdrawing again finds nothing live; the withdrawal is audited once.
    const again = await api.call("DELETE", `/v1/proposals/${id}/publication`, {
      key: keys.staff,
      body: { reason: "x" },
    });
    expect(again.status).toBe(404);
    const audit = await api.call("GET", `/v1/audit-log?action=publication.withdraw&targetId=${id}`);
    expect(audit.body.items).toHaveLength(1);

    // Publishing again makes it public again (200: the copy is replaced).
    const republished = await api.call("POST", `/v1/proposals/${id}/publication`, { key: keys.staff, body: {} });
    expect(republished.status).toBe(200);
    expect(republished.body.withdrawnAt).toBeNull();
    expect((await publicJson(`/public/proposals/${id}`)).status).toBe(200);
  });
});

describe("concurrent publications", () => {
  it("of one proposal: every request succeeds, exactly one is the first publication (201), one row", async () => {
    const id = await closedProposal();
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        api.call("POST", `/v1/proposals/${id}/publication`, {
          key: keys.staff,
          body: { redactions: [{ field: "reasons", find: SECRET.phone, reason: `第${index}次` }] },
        }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await api.database.prisma.publication.count({ where: { proposalId: id } })).toBe(1);
    const audited = await api.database.prisma.auditEntry.count({
      where: { action: "publication.publish", targetId: id },
    });
    expect(audited).toBe(8);
  });
});

describe("the public endpoints' budget", () => {
  it("spends the per-address budget, as /v1 does, so a caller without a key cannot cost more", async () => {
    const limited = await startApi({ addressRateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (const path of ["/public/proposals", "/public", "/public/proposals/p_x", "/public/proposals"]) {
        statuses.push((await limited.call("GET", path, { key: null })).status);
      }
      expect(statuses).toEqual([200, 200, 404, 429]);
      const page = await fetch(`${limited.base}/public`, { headers: { accept: "text/html" } });
      expect(page.status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
