import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAVED_FILTERS_MAX } from "../services/api/src/saved-filters/routes.ts";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * The proposals list's search on number and title through the trigram index (Chinese included, whatever the
 * database's locale), its keyset pages, and saved filters per caller (issue 15), over real HTTP and PostgreSQL.
 */
let api: ApiHarness;
let keys: Record<"staff" | "proposer" | "water" | "other", string>;
const titles = {
  care: "关于加强社区养老服务的建议",
  drains: "关于改善城区排水设施的建议",
  bus: "Improve the Night Bus Routes",
  percent: "关于提高100%覆盖率的建议",
};
const ids: Record<keyof typeof titles, string> = { care: "", drains: "", bus: "", percent: "" };

beforeAll(async () => {
  api = await startApi();
  keys = {
    staff: await api.issueKey("staff", "staff-1"),
    proposer: await api.issueKey("proposer", "member-1"),
    water: await api.issueKey("unit", "clerk-1", "water"),
    other: await api.issueKey("staff", "staff-2"),
  };
  for (const [name, title] of Object.entries(titles) as [keyof typeof titles, string][]) {
    const created = await api.call("POST", "/v1/proposals", {
      key: keys.proposer,
      body: {
        title,
        reasons: "理由。",
        suggestions: ["建议"],
        category: "livelihood",
        proposers: [{ id: "member-1" }],
      },
    });
    expect(created.status).toBe(201);
    ids[name] = created.body.id;
  }
  // A number as a session's pattern labels it (given at registration; set here, it is only the column searched).
  await api.database.prisma.proposal.update({ where: { id: ids.drains }, data: { numberLabel: "第0012号" } });
}, 60_000);

afterAll(() => api.close());

const search = async (q: string, options: { key?: string; extra?: string } = {}) => {
  const answer = await api.call("GET", `/v1/proposals?q=${encodeURIComponent(q)}${options.extra ?? ""}`, {
    key: options.key ?? keys.staff,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as { items: { id: string; title: string }[]; nextCursor: string | null };
};

describe("search on title and number", () => {
  it("finds Chinese words inside titles, Latin ones whatever their case, and numbers by their label", async () => {
    expect((await search("养老")).items.map((item) => item.id)).toEqual([ids.care]);
    expect((await search("排水设施")).items.map((item) => item.id)).toEqual([ids.drains]);
    expect((await search("night bus")).items.map((item) => item.id)).toEqual([ids.bus]);
    expect((await search("0012")).items.map((item) => item.id)).toEqual([ids.drains]);
    expect((await search("消防")).items).toEqual([]);
  });

  it("reads % and _ as themselves", async () => {
    expect((await search("100%")).items.map((item) => item.id)).toEqual([ids.percent]);
    expect((await search("%")).items.map((item) => item.id)).toEqual([ids.percent]);
    expect((await search("_")).items).toEqual([]);
  });

  it("pages by cursor, newest first, with the other filters and only what the caller may see", async () => {
    const seen: string[] = [];
    let cursor = "";
    for (let page = 0; page < 5; page += 1) {
      const answer = await search("关于", { extra: `&limit=1${cursor ? `&cursor=${cursor}` : ""}` });
      seen.push(...answer.items.map((item) => item.id));
      if (!answer.nextCursor) break;
      cursor = answer.nextCursor;
    }
    expect(seen).toEqual([ids.percent, ids.drains, ids.care]);
    expect((await search("关于", { extra: "&stage=review" })).items).toEqual([]);
    // A unit sees only what it handles: none of these.
    expect((await search("关于", { key: keys.water })).items).toEqual([]);
  });

  it("stays within the caller's committee", async () => {
    await api.database.prisma.committee.create({ data: { id: "other", name: "另一委员会" } });
    await api.database.prisma.proposal.update({ where: { id: ids.bus }, data: { committeeId: "other" } });
    expect((await search("bus")).items).toEqual([]);
    await api.database.prisma.proposal.update({ where: { id: ids.bus }, data: { committeeId: "default" } });
  });

  it("can use the trigram index for it (the expression the index holds is the one searched)", async () => {
    const plan = await api.database.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT id FROM proposals
         WHERE huiyin_search_key(coalesce(number_label, '') || ' ' || title) LIKE '%' || huiyin_search_key('养老') || '%'`,
      );
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("proposals_search_trgm_idx");
  });
});

describe("saved filters", () => {
  const save = (key: string, body: unknown) => api.call("POST", "/v1/saved-filters", { key, body });

  it("are each caller's own, saved by name (a known name replaced), and deleted", async () => {
    const made = await save(keys.staff, { name: "我的养老", query: "q=养老&stage=review" });
    expect(made.status).toBe(201);
    const replaced = await save(keys.staff, { name: "我的养老", query: "q=养老" });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: made.body.id, query: "q=养老" });
    const mine = await api.call("GET", "/v1/saved-filters", { key: keys.staff });
    expect(mine.body.items).toEqual([expect.objectContaining({ name: "我的养老", query: "q=养老" })]);
    expect((await api.call("GET", "/v1/saved-filters", { key: keys.other })).body.items).toEqual([]);
    expect((await api.call("DELETE", `/v1/saved-filters/${made.body.id}`, { key: keys.other })).status).toBe(404);
    expect((await api.call("DELETE", `/v1/saved-filters/${made.body.id}`, { key: keys.staff })).status).toBe(204);
    expect((await api.call("GET", "/v1/saved-filters", { key: keys.staff })).body.items).toEqual([]);
  });

  it("refuse what is not a filter of the list, and more than a person keeps", async () => {
    for (const query of ["bogus=1", "cursor=p_1", "limit=5", "overdue=maybe"]) {
      const refused = await save(keys.staff, { name: "坏的", query });
      expect(refused.status, query).toBe(422);
      expect(refused.body.error.code).toBe("VALIDATION_FAILED");
    }
    for (let n = 0; n < SAVED_FILTERS_MAX; n += 1) {
      expect((await save(keys.other, { name: `f${n}`, query: `q=${n}` })).status).toBe(201);
    }
    const full = await save(keys.other, { name: "one more", query: "q=x" });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe("SAVED_FILTERS_FULL");
    expect((await api.call("GET", "/v1/saved-filters", { key: keys.other })).body.items).toHaveLength(
      SAVED_FILTERS_MAX,
    );
  });
});
