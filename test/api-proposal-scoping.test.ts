import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";
import { type Contract, openApiContract } from "./support/contract.ts";

/**
 * What a creator may name when it creates a proposal: a proposer key only itself as the lead proposer (its
 * co-proposers may be anyone), and an externalId that is its own, so that another integrator's ids neither
 * conflict with it nor show that they exist.
 */
let api: ApiHarness;
let contract: Contract;
let keys: Record<"zhang" | "li" | "oa" | "erp" | "oaAgain" | "staff", string>;

beforeAll(async () => {
  api = await startApi();
  contract = await openApiContract(api);
  keys = {
    zhang: await api.issueKey("proposer", "member-zhang"),
    li: await api.issueKey("proposer", "member-li"),
    oa: await api.issueKey("integrator", "oa-system"),
    erp: await api.issueKey("integrator", "erp-system"),
    // A second key of the same integrator (a rotated key): the same namespace.
    oaAgain: await api.issueKey("integrator", "oa-system"),
    staff: await api.issueKey("staff", "staff-1"),
  };
});

afterAll(async () => {
  await api.close();
});

const body = (proposers: string[], extra: Record<string, unknown> = {}) => ({
  title: "关于加强社区居家养老服务的建议",
  reasons: "老龄人口增加。",
  suggestions: ["增设日间照料中心"],
  category: "livelihood",
  proposers: proposers.map((id) => ({ id })),
  ...extra,
});
const count = () => api.database.prisma.proposal.count();

describe("the lead proposer of a proposal a proposer key creates", () => {
  it("must be the key's member: another lead is 403 FORBIDDEN, reason NOT_LEAD_PROPOSER; nothing is created", async () => {
    const before = await count();
    for (const proposers of [["member-li"], ["member-li", "member-zhang"]]) {
      for (const submit of [false, true]) {
        const refused = await api.call("POST", "/v1/proposals", { key: keys.zhang, body: body(proposers, { submit }) });
        const { status, body: answer } = refused;
        expect([status, answer.error.code, answer.error.details?.reason]).toEqual([
          403,
          "FORBIDDEN",
          "NOT_LEAD_PROPOSER",
        ]);
        contract.expectConforms("POST", "/v1/proposals", refused);
      }
    }
    expect(await count()).toBe(before);
  });

  it("may have other members as co-proposers (联名), who then see it too", async () => {
    const created = await api.call("POST", "/v1/proposals", {
      key: keys.zhang,
      body: body(["member-zhang", "member-li"], { submit: true }),
    });
    expect(created.status).toBe(201);
    expect((await api.call("GET", `/v1/proposals/${created.body.id}`, { key: keys.li })).status).toBe(200);
  });

  it("is anyone staff names: the office registers proposals on a member's behalf", async () => {
    const created = await api.call("POST", "/v1/proposals", { key: keys.staff, body: body(["member-li"]) });
    expect(created.status).toBe(201);
  });
});

describe("an externalId", () => {
  it("belongs to its creator: another integrator's same id creates its own proposal, and reveals nothing", async () => {
    const oa = await api.call("POST", "/v1/proposals", { key: keys.oa, body: body(["m-1"], { externalId: "T-1" }) });
    expect(oa.status).toBe(201);
    // The other integrator gets exactly what it would get had the id never been used: a new proposal, 201.
    const erp = await api.call("POST", "/v1/proposals", { key: keys.erp, body: body(["m-2"], { externalId: "T-1" }) });
    expect(erp.status).toBe(201);
    expect(erp.body.id).not.toBe(oa.body.id);
    expect(erp.body.externalId).toBe("T-1");
    const unused = await api.call("POST", "/v1/proposals", {
      key: keys.erp,
      body: body(["m-2"], { externalId: "T-2" }),
    });
    expect(unused.status).toBe(erp.status);
    // Neither sees the other's.
    expect((await api.call("GET", `/v1/proposals/${oa.body.id}`, { key: keys.erp })).status).toBe(404);
    expect((await api.call("GET", `/v1/proposals/${erp.body.id}`, { key: keys.oa })).status).toBe(404);
    expect(await api.database.prisma.proposal.count({ where: { externalId: "T-1" } })).toBe(2);
  });

  it("repeated by its creator, with any of its keys, returns the first proposal (200) and creates nothing", async () => {
    const first = await api.call("POST", "/v1/proposals", { key: keys.oa, body: body(["m-1"], { externalId: "T-9" }) });
    expect(first.status).toBe(201);
    const before = await count();
    for (const key of [keys.oa, keys.oaAgain]) {
      const again = await api.call("POST", "/v1/proposals", { key, body: body(["m-1"], { externalId: "T-9" }) });
      expect([again.status, again.body.id]).toEqual([200, first.body.id]);
      contract.expectConforms("POST", "/v1/proposals", again);
    }
    expect(await count()).toBe(before);
  });

  it("of a proposer is its own too: another member's same id is no conflict", async () => {
    const zhang = await api.call("POST", "/v1/proposals", {
      key: keys.zhang,
      body: body(["member-zhang"], { externalId: "my-draft" }),
    });
    const li = await api.call("POST", "/v1/proposals", {
      key: keys.li,
      body: body(["member-li"], { externalId: "my-draft" }),
    });
    expect([zhang.status, li.status]).toEqual([201, 201]);
    expect(li.body.id).not.toBe(zhang.body.id);
  });

  it("raced by one creator still makes one proposal", async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        api.call("POST", "/v1/proposals", { key: keys.erp, body: body(["m-3"], { externalId: "T-race" }) }),
      ),
    );
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 201]);
  });
});
