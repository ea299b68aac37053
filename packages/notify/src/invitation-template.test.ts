import { describe, expect, it } from "vitest";
import { renderInvitation } from "./invitation-template.ts";

describe("the invitation e-mail", () => {
  const facts = {
    name: "王<局长>",
    link: "https://huiyin.example/console/invitation#tok_en-1",
    expiresAt: new Date("2026-12-06T04:00:00Z"),
    timeZone: "Asia/Shanghai",
  };

  it("says in Chinese whom it invites, the link and until when (local time)", () => {
    const message = renderInvitation(facts, "zh-CN");
    expect(message.subject).toBe("邀请您登录回音提案办理系统");
    expect(message.text).toContain("王<局长>，您好");
    expect(message.text).toContain(facts.link);
    expect(message.text).toContain("2026年12月6日 12:00");
    expect(message.html).toContain(`<a href="${facts.link}">`);
    expect(message.html).toContain("王&#60;局长&#62;");
    expect(message.html).not.toContain("<局长>");
  });

  it("speaks English to a person who reads it", () => {
    const message = renderInvitation(facts, "en");
    expect(message.subject).toMatch(/invited/);
    expect(message.text).toContain("December 6, 2026");
  });
});
