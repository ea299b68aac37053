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
