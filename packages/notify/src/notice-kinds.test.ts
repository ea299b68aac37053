import { NOTICE_KINDS, type NoticeKind, notifyParamsSchema } from "@huiyin/domain";
import { describe, expect, expectTypeOf, it } from "vitest";
import { defaultChannels } from "./directory.ts";
import { NOTICE_KIND_RULES, noticeKindOf } from "./notice-kinds.ts";
import { renderNotice } from "./templates.ts";

/**
 * A notice kind is defined once (`NOTICE_KINDS` in the domain). These tests hold every handler to that list: a kind
 * added there is typed in the machine's `notify` params, parsed by the engine's schema, and must have a rule here
 * (the table does not compile without it) and a message in both languages.
 */
describe("notice kinds", () => {
  it("are one type from the domain's list to the notify effect and the notifier's rules", () => {
    expectTypeOf<(typeof NOTICE_KINDS)[number]>().toEqualTypeOf<NoticeKind>();
    expectTypeOf<Parameters<typeof notifyParamsSchema.parse>[0]>().toBeUnknown();
    expectTypeOf<ReturnType<typeof notifyParamsSchema.parse>["topic"]>().toEqualTypeOf<NoticeKind>();
    expectTypeOf<keyof typeof NOTICE_KIND_RULES>().toEqualTypeOf<NoticeKind>();
    expect(Object.keys(NOTICE_KIND_RULES).sort()).toEqual([...NOTICE_KINDS].sort());
  });

  it("are the only topics a notify effect may carry", () => {
    for (const kind of NOTICE_KINDS) {
      expect(notifyParamsSchema.safeParse({ topic: kind, recipients: [{ role: "staff" }] }).success).toBe(true);
    }
    expect(notifyParamsSchema.safeParse({ topic: "reminder", recipients: [] }).success).toBe(false);
    expect(notifyParamsSchema.safeParse({ kind: "deadline.due", recipients: [] }).success).toBe(false);
    expect(noticeKindOf("deadline.due")).toBe("deadline.due");
    expect(noticeKindOf("reminder")).toBeUndefined();
  });

  it("each have default channels and a message in Chinese and in English", () => {
    for (const kind of NOTICE_KINDS) {
      const channels = defaultChannels(kind);
      expect(channels).toContain("inbox");
      expect(channels.includes("email")).toBe(NOTICE_KIND_RULES[kind].emailByDefault);
      for (const language of ["zh-CN", "en"] as const) {
        const message = renderNotice(
          {
            noticeId: "p_1.2.0",
            kind,
            level: 1,
            proposal: { id: "p_1", title: "T" },
            now: new Date("2026-03-01T00:00:00Z"),
            notifiedBefore: [],
            links: { proposal: "https://huiyin.example/proposals/p_1" },
          },
          language,
        );
        const rule = NOTICE_KIND_RULES[kind];
        expect(message.subject).toContain(rule.name[language]);
        expect(message.text.split("\n")[0]).toBe(rule.summary[language]);
        expect(message.text).toContain("https://huiyin.example/proposals/p_1");
        // People read the subject: never the machine's topic (`reply.released`), nor any other kind's.
        for (const raw of NOTICE_KINDS) {
          expect(message.subject).not.toContain(raw);
          expect(message.text).not.toContain(raw);
        }
      }
      // A Chinese subject is Chinese, an English one has no Chinese but the proposal's title.
      expect(NOTICE_KIND_RULES[kind].name["zh-CN"]).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(NOTICE_KIND_RULES[kind].name.en).toMatch(/^[A-Z][a-z -]+$/);
    }
  });

  it("keep the rule a stored kind outside the list always had", () => {
    expect(defaultChannels("deadline.something-older")).toEqual(["inbox", "email"]);
    expect(defaultChannels("digest")).toEqual(["inbox", "email"]);
    expect(defaultChannels("reminder")).toEqual(["inbox"]);
  });
});
