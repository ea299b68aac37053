import { describe, expect, it } from "vitest";
import { months } from "./duration.ts";
import { defaultPolicy, parsePolicyOverride, replyRuleOf } from "./policy.ts";
import { formatNumber, numberPatternSchema } from "./year.ts";

describe("proposal numbers", () => {
  it("writes a number by its session's pattern, zero-padded to the width given", () => {
    expect(formatNumber("第{n:4}号", 123)).toBe("第0123号");
    expect(formatNumber("第{n:4}号", 12345)).toBe("第12345号");
    expect(formatNumber("{n}", 7)).toBe("7");
    expect(formatNumber("十四届四次-{n:3}", 1)).toBe("十四届四次-001");
  });

  it("takes a pattern with exactly one placeholder", () => {
    expect(numberPatternSchema.safeParse("第{n:4}号").success).toBe(true);
    expect(numberPatternSchema.safeParse("第号").success).toBe(false);
    expect(numberPatternSchema.safeParse("{n}-{n}").success).toBe(false);
  });
});

describe("reply durations: plenary and interim", () => {
  it("without replyDurations both kinds keep the one reply duration, so existing setups compute as before", () => {
    expect(replyRuleOf(defaultPolicy, true)).toEqual(defaultPolicy.deadlines.reply);
    expect(replyRuleOf(defaultPolicy, false)).toEqual(defaultPolicy.deadlines.reply);
  });

  it("gives plenary and interim proposals their own duration, with the reply rule's reminders and escalations", () => {
    const sichuan = parsePolicyOverride({ replyDurations: { plenary: months(5), interim: months(3) } });
    expect(replyRuleOf(sichuan, true).duration).toEqual(months(5));
    expect(replyRuleOf(sichuan, false).duration).toEqual(months(3));
    expect(replyRuleOf(sichuan, true).escalations).toEqual(defaultPolicy.deadlines.reply.escalations);
  });

  it("refuses a reply duration beyond the extension cap (never more than 6 months)", () => {
    expect(() => parsePolicyOverride({ replyDurations: { plenary: months(7), interim: months(3) } })).toThrow(
      /extensionCap/,
    );
  });
});
