import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { cnMainlandCalendar } from "./calendar/index.ts";
import { checkContent, contentWarnings } from "./content.ts";
import { proposalEventSchema } from "./events.ts";
import { defaultPolicy, parsePolicyOverride, policySchema } from "./policy.ts";
import { scaleInstant, scheduleDeadline } from "./schedule.ts";

describe("policy", () => {
  it("the default policy is valid and holds the numbers of docs/domain.md", () => {
    expect(policySchema.parse(defaultPolicy)).toEqual(defaultPolicy);
    expect(defaultPolicy.deadlines.review.duration).toEqual({ workingDays: 10 });
    expect(defaultPolicy.deadlines.reply.duration).toEqual({ months: 3 });
    expect(defaultPolicy.extensionCap).toEqual({ months: 6 });
    expect(defaultPolicy.rehandleLimit).toBe(1);
  });

  it("applies a jurisdiction's override per deadline kind, keeping the rest", () => {
    const p = parsePolicyOverride({
      id: "city-x",
      rehandleLimit: 2,
      deadlines: { reply: { duration: { months: 2 } } },
    });
    expect(p.id).toBe("city-x");
    expect(p.rehandleLimit).toBe(2);
    expect(p.deadlines.reply.duration).toEqual({ months: 2 });
    expect(p.deadlines.reply.escalations).toEqual(defaultPolicy.deadlines.reply.escalations);
    expect(p.deadlines.review).toEqual(defaultPolicy.deadlines.review);
  });

  it("rejects unknown keys, bad durations and out-of-order escalation levels", () => {
    expect(() => parsePolicyOverride({ rehandleLimt: 2 })).toThrow(ZodError);
    expect(() => parsePolicyOverride({ deadlines: { reply: { duration: { weeks: 2 } } } })).toThrow(ZodError);
    expect(() => parsePolicyOverride({ deadlines: { nope: {} } })).toThrow(ZodError);
    const skip = [{ level: 2, after: { days: 0 }, recipientRole: "unit-head" }];
    expect(() => parsePolicyOverride({ deadlines: { check: { escalations: skip } } })).toThrow(/levels must be/);
  });
});

describe("deadline schedule", () => {
  it("computes due, reminders and escalations in policy time", () => {
    // Assigned Friday 26 September 2025: 15 working days cross National Day (1–8 Oct) and the 调休 days.
    const s = scheduleDeadline(defaultPolicy.deadlines.firstContact, "2025-09-26T02:00:00Z", defaultPolicy);
    // Working days: Sun 28 Sep (调休), Mon 29, Tue 30, Thu 9 Oct, Fri 10, Sat 11 (调休), 13–17, 20–23 → 15th = Thu 23 Oct.
    expect(s.dueAt).toBe("2025-10-23T15:59:59.999Z");
    // 3 working days before: Mon 20 Oct, at 09:00 Shanghai.
    expect(s.reminders).toEqual([{ at: "2025-10-20T01:00:00.000Z", offset: { workingDays: 3 } }]);
    expect(s.escalations).toEqual([{ level: 1, at: s.dueAt, recipientRole: "unit-head" }]);
  });

  it("compresses everything towards the origin with the time scale", () => {
    const origin = "2025-03-03T02:00:00.000Z";
    const real = scheduleDeadline(defaultPolicy.deadlines.reply, origin, defaultPolicy);
    const fast = scheduleDeadline(defaultPolicy.deadlines.reply, origin, { ...defaultPolicy, timeScale: 1 / 86_400 });
    expect(fast.dueAt).toBe(scaleInstant(origin, real.dueAt, 1 / 86_400).toISOString());
    // Three months last about 92 seconds.
    expect((Date.parse(fast.dueAt) - Date.parse(origin)) / 1000).toBeCloseTo(92.58, 1);
    expect(fast.escalations.map((e) => e.level)).toEqual([1, 2, 3]);
  });

  it("drops reminders that would fire before the deadline was opened", () => {
    const s = scheduleDeadline(defaultPolicy.deadlines.reply, "2025-03-03T02:00:00Z", defaultPolicy, {
      notBefore: "2025-05-25T00:00:00Z",
    });
    expect(s.reminders.map((r) => r.offset)).toEqual([{ days: 3 }]);
  });

  it("uses the calendar's data files (CN mainland: the notices of 2025 and 2026, then provisional years)", () => {
    const official = cnMainlandCalendar.years.filter((y) => (y.status ?? "official") === "official");
    expect(official.map((y) => y.year)).toEqual([2025, 2026]);
    expect(cnMainlandCalendar.years.find((y) => y.year === 2027)?.status).toBe("provisional");
  });
});

describe("event schemas and content checks", () => {
  it("validates bodies by type, including assignment modes", () => {
    expect(proposalEventSchema.safeParse({ type: "evaluate", result: "satisfied", comment: "" }).success).toBe(true);
    expect(proposalEventSchema.safeParse({ type: "evaluate", result: "happy", comment: "" }).success).toBe(false);
    expect(proposalEventSchema.safeParse({ type: "nope" }).success).toBe(false);
    const leadCo = { type: "assign", mode: "lead-co", units: [{ unitId: "a", role: "lead" }] };
    expect(proposalEventSchema.safeParse(leadCo).success).toBe(false);
    expect(
      proposalEventSchema.safeParse({ ...leadCo, units: [...leadCo.units, { unitId: "b", role: "co" }] }).success,
    ).toBe(true);
  });

  it("flags incomplete content and titles with several matters", () => {
    const ok = { title: "关于加快老旧小区加装电梯的提案", reasons: "r", suggestions: ["s"], category: "livelihood" };
    expect(checkContent(ok, 60)).toBeUndefined();
    expect(checkContent({ ...ok, reasons: " " }, 60)?.code).toBe("CONTENT_INCOMPLETE");
    // Several matters are staff's judgement at review: a warning, not a refusal; a long title has its own code.
    expect(checkContent({ ...ok, title: "1、加装电梯 2、改造管网" }, 60)).toBeUndefined();
    expect(contentWarnings({ title: "1、加装电梯 2、改造管网" }).map((w) => w.code)).toEqual(["SEVERAL_MATTERS"]);
    expect(contentWarnings({ title: "关于养老；关于交通" }).map((w) => w.code)).toEqual(["SEVERAL_MATTERS"]);
    expect(contentWarnings(ok)).toEqual([]);
    expect(checkContent({ ...ok, title: "电".repeat(61) }, 60)?.code).toBe("TITLE_TOO_LONG");
  });
});
