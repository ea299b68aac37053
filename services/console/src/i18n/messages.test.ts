import { ERROR_CODES } from "@huiyin/api";
import { REFUSAL_CODES } from "@huiyin/domain";
import { describe, expect, it } from "vitest";
import { ALL_WORK_KINDS } from "../../../api/src/my-work/my-work.ts";
import { deadlineKindName, format, LOCALES, lookup, MESSAGES, noticeKindName } from "./messages.ts";

describe("the console's message catalogs", () => {
  it("have the same keys in every language, none empty", () => {
    const keys = Object.keys(MESSAGES["zh-CN"]).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(MESSAGES[locale]).sort()).toEqual(keys);
      for (const key of keys) expect(lookup(locale, key), `${locale} ${key}`).not.toBe("");
    }
  });

  it("name every refusal code of the workflow and of the API, and every kind of work", () => {
    for (const locale of LOCALES) {
      for (const code of REFUSAL_CODES) expect(lookup(locale, `refusal.${code}`), code).toBeDefined();
      for (const code of ERROR_CODES) expect(lookup(locale, `refusal.${code}`), code).toBeDefined();
      for (const kind of ALL_WORK_KINDS) expect(lookup(locale, `work.kind.${kind}`), kind).toBeDefined();
    }
  });

  it("fill placeholders, and name notices and deadlines as the e-mails do", () => {
    expect(format("zh-CN", "work.daysLeft", { days: 3 })).toBe("剩余 3 个工作日");
    expect(format("en", "work.daysLeft", { days: 3 })).toBe("3 working days left");
    expect(noticeKindName("zh-CN", "deadline.escalation")).toBe("逾期督办");
    expect(noticeKindName("en", "deadline.escalation")).toBe("Escalation");
    expect(deadlineKindName("zh-CN", "reply")).toBe("答复期限");
  });
});
