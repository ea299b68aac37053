import { describe, expect, it } from "vitest";
import { formatLateness, type NoticeFacts, renderNotice } from "./templates.ts";

const dueAt = new Date("2026-03-02T15:59:59.999Z"); // end of 2 March in Beijing
const reminder: NoticeFacts = {
  noticeId: "p_1.9.0",
  kind: "deadline.reminder",
  level: 0,
  proposal: { id: "p_1", title: "关于加强社区居家养老服务的建议" },
  deadline: { kind: "reply", dueAt, unitName: "市民政局" },
  now: new Date("2026-02-27T01:00:00Z"),
  notifiedBefore: [],
  links: { proposal: "https://huiyin.example/proposals/p_1" },
};
const escalation: NoticeFacts = {
  ...reminder,
  noticeId: "p_1.12.0",
  kind: "deadline.escalation",
  level: 2,
  now: new Date("2026-03-09T16:00:00Z"),
  notifiedBefore: ["王局长", "市民政局"],
  links: { ...reminder.links, acknowledge: "https://huiyin.example/ack?t=abc&x=1" },
};

describe("renderNotice", () => {
  it("writes a Chinese reminder: proposal, deadline, due date, what is expected, the link", () => {
    const message = renderNotice(reminder, "zh-CN");
    expect(message.subject).toBe("【回音】办理提醒：关于加强社区居家养老服务的建议");
    expect(message.text).toContain("提案：关于加强社区居家养老服务的建议 (p_1)");
    expect(message.text).toContain("期限：答复期限");
    expect(message.text).toContain("承办单位：市民政局");
    expect(message.text).toContain("截止时间：2026年3月2日");
    expect(message.text).toContain("需要完成：书面答复提案者");
    expect(message.text).toContain("查看提案：https://huiyin.example/proposals/p_1");
    expect(message.html).toContain('<html lang="zh-CN">');
    expect(message.html).toContain('<a href="https://huiyin.example/proposals/p_1">');
  });

  it("names a registered proposal by its number before its title, in the subject and the body", () => {
    const numbered = { ...reminder, proposal: { ...reminder.proposal, number: "第0123号" } };
    const zh = renderNotice(numbered, "zh-CN");
    expect(zh.subject).toBe("【回音】办理提醒：第0123号 关于加强社区居家养老服务的建议");
    expect(zh.text).toContain("提案：第0123号 关于加强社区居家养老服务的建议 (p_1)");
    expect(renderNotice(numbered, "en").subject).toBe("[huiyin] Reminder: 第0123号 关于加强社区居家养老服务的建议");
  });

  it("writes an English reminder", () => {
    const message = renderNotice(reminder, "en");
    expect(message.subject).toBe("[huiyin] Reminder: 关于加强社区居家养老服务的建议");
    expect(message.text).toContain("Deadline: written reply");
    expect(message.text).toContain("Due: March 2, 2026");
    expect(message.text).toContain("Expected: reply to the proposer in writing");
    expect(message.text).not.toMatch(/Escalation level/);
  });

  it("writes a Chinese escalation: level, how late, who was told before, the links", () => {
    const message = renderNotice(escalation, "zh-CN");
    expect(message.subject).toBe("【回音】逾期督办（第2级）：关于加强社区居家养老服务的建议");
    expect(message.text).toContain("督办级别：2");
    expect(message.text).toContain("已逾期：7 天");
    expect(message.text).toContain("此前已通知：王局长、市民政局");
    expect(message.text).toContain("确认已阅：https://huiyin.example/ack?t=abc&x=1");
    expect(message.html).toContain('href="https://huiyin.example/ack?t=abc&#38;x=1"');
  });

  it("writes an English escalation", () => {
    const message = renderNotice({ ...escalation, notifiedBefore: [] }, "en");
    expect(message.subject).toBe("[huiyin] Escalation (level 2): 关于加强社区居家养老服务的建议");
    expect(message.text).toContain("Escalation level: 2");
    expect(message.text).toContain("Overdue by: 7 days");
    expect(message.text).toContain("Notified before: nobody");
    expect(message.text).toContain("Open the proposal: https://huiyin.example/proposals/p_1");
  });

  it("urges the committee office about its own late review or check (超期催办), not 逾期督办", () => {
    for (const kind of ["review", "check"]) {
      const late: NoticeFacts = { ...escalation, level: 1, deadline: { kind, dueAt } };
      const zh = renderNotice(late, "zh-CN");
      expect(zh.subject).toBe("【回音】超期催办（第1级）：关于加强社区居家养老服务的建议");
      expect(zh.text).toContain("催办级别：1");
      expect(zh.text).toContain("已超期：7 天");
      expect(`${zh.subject}${zh.text}`).not.toContain("督办");
      expect(zh.text).not.toContain("逾期");
      expect(renderNotice(late, "en").subject).toBe(
        "[huiyin] Overdue reminder (level 1): 关于加强社区居家养老服务的建议",
      );
    }
    // A unit's late reply stays a 逾期督办.
    expect(renderNotice({ ...escalation, level: 1 }, "zh-CN").subject).toBe(
      "【回音】逾期督办（第1级）：关于加强社区居家养老服务的建议",
    );
  });

  it("tells the proposers which units handle their proposal, by name and part", () => {
    const announced: NoticeFacts = {
      ...reminder,
      kind: "assignment.announced",
      deadline: undefined,
      units: [
        { name: "市民政局", role: "lead" },
        { name: "市财政局", role: "co" },
      ],
    };
    const zh = renderNotice(announced, "zh-CN");
    expect(zh.subject).toBe("【回音】提案已交办：关于加强社区居家养老服务的建议");
    expect(zh.text).toContain("承办单位：市民政局（主办）、市财政局（会办）");
    expect(renderNotice(announced, "en").text).toContain(
      "Handling units: 市民政局 (lead unit), 市财政局 (co-handling unit)",
    );
  });

  it("carries the accepted reply to the proposers, its class in words and its text as written", () => {
    const released: NoticeFacts = {
      ...reminder,
      kind: "reply.released",
      deadline: undefined,
      replies: [{ unitName: "市民政局", classification: "B", text: "已列入明年计划。\n<b>资金</b>已落实。" }],
    };
    const zh = renderNotice(released, "zh-CN");
    expect(zh.subject).toBe("【回音】提案答复：关于加强社区居家养老服务的建议");
    expect(zh.text).toContain("市民政局的答复：B类（正在解决或列入计划解决）\n已列入明年计划。\n<b>资金</b>已落实。");
    expect(zh.html).toContain("已列入明年计划。\n&#60;b&#62;资金");
    expect(renderNotice(released, "en").text).toContain("Reply of 市民政局: B (being solved or planned)");
  });

  it("says an extension decision and a conversion's new form in words, not as the machine's values", () => {
    const decided: NoticeFacts = { ...reminder, kind: "extension.decided", deadline: undefined };
    const approved = renderNotice({ ...decided, extension: { approved: true, dueDate: "2026-06-30" } }, "zh-CN");
    expect(approved.text).toContain("审批结果：同意延期，答复期限延至 2026-06-30");
    const denied = renderNotice({ ...decided, extension: { approved: false }, note: "理由不充分" }, "en");
    expect(denied.text).toContain("Decision: denied");
    expect(denied.text).toContain("Note: 理由不充分");
    const converted = renderNotice({ ...decided, kind: "proposal.converted", note: "public-sentiment" }, "zh-CN");
    expect(converted.text).toContain("说明：转为社情民意信息");
    expect(converted.text).not.toContain("public-sentiment");
  });

  it("escapes what it puts into HTML", () => {
    const message = renderNotice({ ...reminder, proposal: { id: "p_2", title: "<script>x</script>" } }, "en");
    expect(message.html).not.toContain("<script>");
    expect(message.html).toContain("&#60;script&#62;");
  });
});

describe("formatLateness", () => {
  it("says days, else hours, else minutes", () => {
    expect(formatLateness(3 * 86_400_000 + 5, "en")).toBe("3 days");
    expect(formatLateness(3_600_000, "en")).toBe("1 hour");
    expect(formatLateness(90_000, "zh-CN")).toBe("1 分钟");
    expect(formatLateness(-5, "en")).toBe("0 minutes");
  });
});
