import { describe, expect, it } from "vitest";
import { type DigestContent, type DigestDeadline, type DigestInput, type DigestItem, planDigests } from "./digest.ts";
import { renderDigest } from "./digest-template.ts";
import type { Directory, Person } from "./directory.ts";

const person = (id: string, name: string, language: Person["language"] = "zh-CN"): Person => ({
  id,
  name,
  email: `${id}@example.org`,
  language,
  channels: null,
});

const directory: Directory = {
  people: [person("wang", "王局长"), person("li", "Li Ming", "en"), person("zhao", "赵主任"), person("sun", "孙局长")],
  units: [
    { id: "u-1", name: "市住建局", headPersonId: "wang", supervisorLeaderId: "leader-9" },
    { id: "u-2", name: "市教育局", headPersonId: "sun", supervisorLeaderId: "leader-9" },
    { id: "u-3", name: "市民政局", headPersonId: null, supervisorLeaderId: null },
  ],
  roles: [
    { role: "leader", scope: "leader-9", personId: "li" },
    { role: "leader", scope: "leader-key", personId: "zhao" },
    { role: "unit", scope: "u-1", personId: "wang" },
  ],
};

const now = new Date("2026-03-02T00:00:00Z"); // 08:00 in Beijing
const day = 86_400_000;
const deadline = (
  proposalId: string,
  unitId: string | null,
  dueInDays: number,
  extra: Partial<DigestDeadline> = {},
) => ({
  proposalId,
  deadlineId: `${proposalId}-reply`,
  kind: "reply",
  unitId,
  dueAt: new Date(now.getTime() + dueInDays * day),
  open: true,
  ...extra,
});

const input: DigestInput = {
  directory,
  proposals: [
    { id: "p_late", title: "关于加强社区居家养老服务的建议", leaderId: null },
    { id: "p_soon", title: "关于改善老旧小区停车的建议", leaderId: null },
    { id: "p_key", title: "关于职业教育的重点提案", leaderId: "leader-key" },
    { id: "p_far", title: "远期", leaderId: null },
    { id: "p_none", title: "无人负责", leaderId: null },
  ],
  deadlines: [
    deadline("p_late", "u-1", -3),
    deadline("p_soon", "u-1", 2.5),
    deadline("p_key", "u-2", -1),
    deadline("p_far", "u-1", 8),
    deadline("p_none", "u-3", -5),
    // Closed since its escalation: not overdue any more, but the escalation is still news.
    deadline("p_soon", "u-1", -10, { deadlineId: "p_soon-first", kind: "firstContact", open: false }),
  ],
  escalations: [
    {
      noticeId: "p_late.12.0",
      proposalId: "p_late",
      deadlineId: "p_late-reply",
      level: 2,
      createdAt: new Date(now.getTime() - 3 * 3_600_000),
      acknowledged: false,
    },
    {
      noticeId: "p_soon.7.0",
      proposalId: "p_soon",
      deadlineId: "p_soon-first",
      level: 1,
      createdAt: new Date(now.getTime() - 20 * 3_600_000),
      acknowledged: true,
    },
  ],
  now,
};

const summary = (digests: ReturnType<typeof planDigests>) =>
  Object.fromEntries(
    digests.map((d) => [
      d.person.id,
      {
        via: d.via,
        overdue: d.content.overdue.map((i) => i.proposalId),
        dueSoon: d.content.dueSoon.map((i) => i.proposalId),
        escalated: d.content.escalated.map((i) => i.noticeId),
      },
    ]),
  );

describe("planDigests", () => {
  it("gives unit heads their unit's deadlines and leaders what would escalate to them", () => {
    expect(summary(planDigests(input, "2026-03-02", "Asia/Shanghai"))).toEqual({
      wang: {
        via: ["unit-head:u-1"],
        overdue: ["p_late"],
        dueSoon: ["p_soon"],
        escalated: ["p_soon.7.0", "p_late.12.0"],
      },
      // u-2 is supervised by leader-9, but p_key has a leader of its own: it escalates to zhao, not li.
      li: {
        via: ["leader:leader-9"],
        overdue: ["p_late"],
        dueSoon: ["p_soon"],
        escalated: ["p_soon.7.0", "p_late.12.0"],
      },
      sun: { via: ["unit-head:u-2"], overdue: ["p_key"], dueSoon: [], escalated: [] },
      zhao: { via: ["leader:leader-key"], overdue: ["p_key"], dueSoon: [], escalated: [] },
    });
  });

  it("leaves out empty digests, and the deadlines nobody heads or supervises", () => {
    const quiet = planDigests(
      { ...input, deadlines: [deadline("p_far", "u-1", 8), deadline("p_none", "u-3", -5)], escalations: [] },
      "2026-03-02",
      "UTC",
    );
    expect(quiet).toEqual([]);
  });

  it("gives a person in two capacities one digest with each deadline once", () => {
    const both: Directory = {
      ...directory,
      roles: [...directory.roles, { role: "leader", scope: "leader-9", personId: "wang" }],
    };
    const [wang] = planDigests({ ...input, directory: both }, "2026-03-02", "Asia/Shanghai").filter(
      (d) => d.person.id === "wang",
    );
    expect(wang?.via).toEqual(["unit-head:u-1", "leader:leader-9"]);
    expect(wang?.content.overdue.map((i) => i.proposalId)).toEqual(["p_late"]);
  });

  it("records the date, zone and moment, and the unit of each line", () => {
    const [li] = planDigests(input, "2026-03-02", "Asia/Shanghai").filter((d) => d.person.id === "li");
    expect(li?.content).toMatchObject({ date: "2026-03-02", timeZone: "Asia/Shanghai", asOf: now.toISOString() });
    expect(li?.content.overdue[0]).toEqual({
      proposalId: "p_late",
      proposalTitle: "关于加强社区居家养老服务的建议",
      deadlineId: "p_late-reply",
      deadlineKind: "reply",
      unitName: "市住建局",
      dueAt: "2026-02-27T00:00:00.000Z",
    });
  });
});

describe("renderDigest", () => {
  const planned = planDigests(input, "2026-03-02", "Asia/Shanghai");
  const of = (id: string): DigestContent => {
    const found = planned.find((d) => d.person.id === id);
    if (!found) throw new Error(`no digest for ${id}`);
    return found.content;
  };
  const item = (content: DigestContent): DigestItem => {
    const [first] = content.overdue;
    if (!first) throw new Error("no overdue item");
    return first;
  };
  const base = "https://huiyin.example";

  it("writes the Chinese digest: counts, how late, how long is left, the escalations, the links", () => {
    const message = renderDigest(of("wang"), "zh-CN", { name: "王局长", publicBaseUrl: base });
    expect(message.subject).toBe("【回音】每日摘要 2026-03-02：逾期 1 项，七日内到期 1 项，督办 2 项");
    expect(message.text).toContain("王局长，您好：");
    expect(message.text).toContain(
      "已逾期 (1)\n- 关于加强社区居家养老服务的建议 (p_late)\n  答复期限 · 市住建局 · 截止 2026年2月27日 08:00 · 已逾期 3 天\n  https://huiyin.example/console/proposals/p_late",
    );
    expect(message.text).toContain(
      "七日内到期 (1)\n- 关于改善老旧小区停车的建议 (p_soon)\n  答复期限 · 市住建局 · 截止 2026年3月4日 20:00 · 还有 2 天",
    );
    expect(message.text).toContain("第2级督办 · 2026年3月2日 05:00 · 未确认");
    expect(message.text).toContain("办前沟通期限 · 市住建局 · 第1级督办");
    expect(message.html).toContain('<html lang="zh-CN">');
    expect(message.html).toContain('<a href="https://huiyin.example/console/proposals/p_soon">');
  });

  it("writes the English digest, and says none for an empty section", () => {
    const message = renderDigest(of("zhao"), "en", { name: "赵主任", publicBaseUrl: base });
    expect(message.subject).toBe("[huiyin] Daily digest 2026-03-02: 1 overdue, 0 due within 7 days, 0 escalated");
    expect(message.text).toContain("Dear 赵主任,");
    expect(message.text).toContain(
      "Overdue (1)\n- 关于职业教育的重点提案 (p_key)\n  written reply · 市教育局 · due March 1, 2026 at 8:00 AM · 1 day late",
    );
    expect(message.text).toContain("Due within 7 days (0)\nnone");
    expect(message.text).toContain("Escalated since the last digest (0)\nnone");
  });

  it("escapes what it puts into HTML", () => {
    const content = { ...of("zhao"), overdue: [{ ...item(of("zhao")), proposalTitle: "<b>x</b>" }] };
    const message = renderDigest(content, "en", { name: "<i>", publicBaseUrl: base });
    expect(message.html).not.toContain("<b>");
    expect(message.html).not.toContain("<i>");
  });
});
