import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * `GET /v1/my-work` over real HTTP (a clock the test moves forward), and the console's static files under /console
 * (a small stand-in build in a temporary folder, injected as production injects services/console/dist).
 */
let api: ApiHarness;
let offsetMs = 0;
let keys: Record<"staff" | "proposer" | "water" | "fire" | "leader", string>;
const ids: string[] = [];
let draftId: string;
const DAY = 24 * 60 * 60 * 1000;
const build = mkdtempSync(path.join(tmpdir(), "huiyin-console-"));

beforeAll(async () => {
  mkdirSync(path.join(build, "assets"));
  writeFileSync(
    path.join(build, "index.html"),
    '<!doctype html><html><head><script type="module" src="/console/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(path.join(build, "assets", "index-abc123.js"), "console.log('console');\n");
  api = await startApi({
    overrides: { clock: { now: () => new Date(Date.now() + offsetMs) }, consoleDir: build },
  });
  keys = {
    staff: await api.issueKey("staff", "staff-1"),
    proposer: await api.issueKey("proposer", "member-1"),
    water: await api.issueKey("unit", "clerk-1", "water"),
    fire: await api.issueKey("unit", "clerk-2", "fire"),
    leader: await api.issueKey("leader", "leader-1"),
  };
  for (const title of ["关于改善农村饮水安全的建议", "关于加强农村河道管护的建议"]) {
    const created = await api.call("POST", "/v1/proposals", {
      key: keys.proposer,
      body: {
        title,
        reasons: "理由。",
        suggestions: ["建议一"],
        category: "livelihood",
        proposers: [{ id: "member-1" }],
        submit: true,
      },
    });
    expect(created.status).toBe(201);
    ids.push(created.body.id);
  }
  const draft = await api.call("POST", "/v1/proposals", {
    key: keys.proposer,
    body: {
      title: "关于完善社区食堂的建议",
      reasons: "理由。",
      suggestions: ["建议"],
      category: "livelihood",
      proposers: [{ id: "member-1" }],
    },
  });
  draftId = draft.body.id;
});

afterAll(async () => {
  await api.close();
  rmSync(build, { recursive: true, force: true });
});

const work = async (key: string) => {
  const answer = await api.call("GET", "/v1/my-work", { key });
  expect(answer.status).toBe(200);
  return answer.body;
};

describe("GET /v1/my-work", () => {
  it("gives staff the reviews with working days left, and the proposer the draft to submit", async () => {
    const staff = await work(keys.staff);
    expect(staff.counts).toEqual({ review: 2 });
    expect(staff.items.map((item: { proposalId: string }) => item.proposalId).sort()).toEqual([...ids].sort());
    for (const item of staff.items) {
      expect(item).toMatchObject({ kind: "review", event: "review.register", deadlineKind: "review", overdue: false });
      expect(item.workingDaysLeft).toBeGreaterThan(0);
    }
    const proposer = await work(keys.proposer);
    expect(proposer.items).toEqual([expect.objectContaining({ kind: "submit", proposalId: draftId, dueAt: null })]);
    // A leader and a unit have nothing yet.
    expect(await work(keys.leader)).toEqual({ items: [], counts: {}, total: 0 });
    expect((await work(keys.water)).total).toBe(0);
  });

  it("shows an assigned unit its confirmation, and nothing to another unit", async () => {
    const [first] = ids as [string];
    const registered = await api.call("POST", `/v1/proposals/${first}/events`, {
      key: keys.staff,
      body: { type: "review.register", category: "livelihood" },
    });
    expect(registered.status).toBe(200);
    const staffAfterRegister = await work(keys.staff);
    expect(staffAfterRegister.counts).toEqual({ review: 1, assign: 1 });
    const assigned = await api.call("POST", `/v1/proposals/${first}/events`, {
      key: keys.staff,
      body: { type: "assign", mode: "sole", units: [{ unitId: "water", role: "lead" }] },
    });
    expect(assigned.status).toBe(200);
    const water = await work(keys.water);
    expect(water.items).toEqual([expect.objectContaining({ kind: "confirm", proposalId: first })]);
    expect((await work(keys.fire)).total).toBe(0);
  });

  it("gives staff an extension to decide only where a unit asked for one", async () => {
    const [first] = ids as [string];
    const send = async (key: string, body: Record<string, unknown>) => {
      const answer = await api.call("POST", `/v1/proposals/${first}/events`, { key, body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    };
    await send(keys.water, { type: "unit.acknowledge" });
    // Handling, nothing asked: the machine accepts extension.approve by role here, but nothing waits for staff.
    const handling = await work(keys.staff);
    expect(handling.counts.extension).toBeUndefined();
    expect(handling.items.filter((item: { proposalId: string }) => item.proposalId === first)).toEqual([]);
    // A month past the default three: within the cap, whenever the test runs.
    const later = new Date(Date.now() + 120 * DAY).toISOString().slice(0, 10);
    await send(keys.water, { type: "handle.requestExtension", newDueDate: later, reason: "延期理由：内部协调" });
    const asked = await work(keys.staff);
    expect(asked.counts.extension).toBe(1);
    expect(asked.items).toContainEqual(
      expect.objectContaining({ kind: "extension", proposalId: first, event: "extension.approve" }),
    );
    await send(keys.staff, { type: "extension.approve", unitId: "water" });
    expect((await work(keys.staff)).counts.extension).toBeUndefined();
  });

  it("names the units and people of a proposal's page from the caller's committee's directory", async () => {
    const [first] = ids as [string];
    for (const [path, body] of [
      ["/v1/directory/units/water", { name: "市水务局" }],
      ["/v1/directory/people/zhang", { name: "张委员" }],
      ["/v1/directory/people/staff-1", { name: "赵干事" }],
    ] as const) {
      expect((await api.call("PUT", path, { body })).status).toBeLessThan(300);
    }
    expect((await api.call("PUT", "/v1/directory/roles/proposer:member-1/people/zhang")).status).toBe(201);
    // A person of another committee holding the same member id (sorted first): never read for this committee.
    await api.database.prisma.committee.create({ data: { id: "other", name: "另一委员会" } });
    await api.database.prisma.person.create({ data: { id: "ghost", name: "别处的委员", committeeId: "other" } });
    await api.database.prisma.roleAssignment.create({
      data: { role: "proposer", scope: "member-1", personId: "ghost" },
    });
    const names = await api.call("GET", `/v1/proposals/${first}/names`, { key: keys.water });
    expect(names.status).toBe(200);
    expect(names.body).toEqual({
      units: { water: "市水务局" },
      people: { "member-1": "张委员", "staff-1": "赵干事" },
    });
    // Only a caller who may see the proposal gets its names.
    expect((await api.call("GET", `/v1/proposals/${first}/names`, { key: keys.fire })).status).toBe(404);
  });

  it("puts the overdue first, with negative working days", async () => {
    offsetMs = 60 * DAY;
    const staff = await work(keys.staff);
    const review = staff.items.find((item: { kind: string }) => item.kind === "review");
    expect(review).toMatchObject({ overdue: true });
    expect(review.workingDaysLeft).toBeLessThan(0);
    // Overdue items come before those without a deadline (the assignment waits without one).
    const kinds = staff.items.map((item: { overdue: boolean }) => item.overdue);
    expect(kinds).toEqual([...kinds].sort((a, b) => Number(b) - Number(a)));
    const proposal = await api.call("GET", `/v1/proposals/${review.proposalId}`, { key: keys.staff });
    expect(proposal.body.deadlines[0].workingDaysLeft).toBe(review.workingDaysLeft);
    offsetMs = 0;
  });

  it("orders by urgency: the overdue first (longest overdue first), then the soonest due in working days", async () => {
    const submitAt = async (daysAgo: number, title: string) => {
      offsetMs = -daysAgo * DAY;
      const created = await api.call("POST", "/v1/proposals", {
        key: keys.proposer,
        body: {
          title,
          reasons: "理由。",
          suggestions: ["建议"],
          category: "livelihood",
          proposers: [{ id: "member-1" }],
          submit: true,
        },
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    // Submitted now, 40 days ago (its review long overdue) and 60 days ago (overdue longer still), 3 days ago.
    const fresh = await submitAt(0, "关于增设公交线路的建议");
    const overdue = await submitAt(40, "关于规范夜市经营的建议");
    const oldest = await submitAt(60, "关于治理噪声扰民的建议");
    const recent = await submitAt(3, "关于完善停车设施的建议");
    offsetMs = 0;
    const staff = await work(keys.staff);
    type Item = { proposalId: string; overdue: boolean; dueAt: string | null; workingDaysLeft: number | null };
    const mine = (staff.items as Item[]).filter((item) => [fresh, overdue, oldest, recent].includes(item.proposalId));
    expect(mine.map((item) => item.proposalId)).toEqual([oldest, overdue, recent, fresh]);
    expect(mine.map((item) => item.overdue)).toEqual([true, true, false, false]);
    // Across the whole page: overdue before not, due times ascending, the undated last, working days in step.
    const items = staff.items as Item[];
    const dated = items.filter((item) => item.dueAt !== null);
    expect(items.slice(0, dated.length)).toEqual(dated);
    const times = dated.map((item) => Date.parse(item.dueAt as string));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const days = dated.map((item) => item.workingDaysLeft as number);
    expect(days).toEqual([...days].sort((a, b) => a - b));
  });

  it("counts every item of each kind, beyond the page of fifty it shows", async () => {
    const before = await work(keys.staff);
    for (let n = 0; n < 52; n += 1) {
      const created = await api.call("POST", "/v1/proposals", {
        key: keys.proposer,
        body: {
          title: `关于第${n + 1}条背街小巷改造的建议`,
          reasons: "理由。",
          suggestions: ["建议"],
          category: "livelihood",
          proposers: [{ id: "member-1" }],
          submit: true,
        },
      });
      expect(created.status).toBe(201);
    }
    const after = await work(keys.staff);
    expect(after.counts.review).toBe((before.counts.review ?? 0) + 52);
    expect(after.items).toHaveLength(50);
    expect(after.total).toBe(
      Object.values(after.counts as Record<string, number>).reduce((sum, count) => sum + count, 0),
    );
    expect(after.total).toBeGreaterThan(50);
    // The proposer's drafts and the other kinds are counted by the same rules: the draft still waits to be submitted.
    expect((await work(keys.proposer)).counts).toEqual({ submit: 1 });
  });

  it("needs a key like every /v1 call", async () => {
    expect((await api.call("GET", "/v1/my-work", { key: null })).status).toBe(401);
  });
});

describe("/console", () => {
  it("serves the page for every console path, with a CSP that allows no inline script", async () => {
    for (const where of ["/console", "/console/", "/console/proposals/p_123", "/console/work"]) {
      const response = await fetch(`${api.base}${where}`, { headers: { accept: "text/html" } });
      expect(response.status, where).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get("cache-control")).toBe("no-cache");
    }
  });

  it("caches hashed assets for good and answers a missing one with 404", async () => {
    const asset = await fetch(`${api.base}/console/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect(asset.headers.get("content-type")).toContain("javascript");
    expect((await fetch(`${api.base}/console/assets/missing-000.js`)).status).toBe(404);
  });
});
