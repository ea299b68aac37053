import { describe, expect, it } from "vitest";
import { alarmsOf, nextAlarmOf } from "./write-effects.ts";

const schedule = {
  deadlineId: "reply-1",
  dueAt: "2027-03-10T10:00:00.000Z",
  reminders: [
    { at: "2027-03-08T10:00:00.000Z", offset: { days: 2 } },
    { at: "2027-03-03T10:00:00.000Z", offset: { days: 7 } },
  ],
  escalations: [
    { level: 1, at: "2027-03-11T10:00:00.000Z", recipientRole: "unit-head" as const },
    { level: 2, at: "2027-03-15T10:00:00.000Z", recipientRole: "supervising-leader" as const },
  ],
};

describe("a deadline's alarm chain", () => {
  it("rings in fire-time order: reminders, the due moment, each escalation level", () => {
    expect(alarmsOf("p_1", schedule).map((alarm) => [alarm.kind, alarm.level, alarm.fire_at])).toEqual([
      ["remind", 2, "2027-03-03T10:00:00.000Z"],
      ["remind", 1, "2027-03-08T10:00:00.000Z"],
      ["due", 0, "2027-03-10T10:00:00.000Z"],
      ["escalate", 1, "2027-03-11T10:00:00.000Z"],
      ["escalate", 2, "2027-03-15T10:00:00.000Z"],
    ]);
  });

  it("arms the level after the ringing one, and nothing after the last or for an unknown schedule", () => {
    const chain = alarmsOf("p_1", schedule);
    for (const [index, alarm] of chain.entries())
      expect(nextAlarmOf("p_1", schedule, alarm.id)).toEqual(chain[index + 1]);
    expect(nextAlarmOf("p_1", schedule, "p_1.reply-1.escalate.2")).toBeUndefined();
    expect(nextAlarmOf("p_1", schedule, "p_1.other.due.0")).toBeUndefined();
    expect(nextAlarmOf("p_1", null, "p_1.reply-1.due.0")).toBeUndefined();
  });
});
