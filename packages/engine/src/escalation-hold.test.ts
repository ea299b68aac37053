import { describe, expect, it } from "vitest";
import { acknowledgedBelow, type EscalationNoticeAck } from "./escalation-hold.ts";

const notice = (level: number, acknowledgedAt: string | null, id = `n${level}`): EscalationNoticeAck => ({
  id,
  level,
  acknowledgedAt: acknowledgedAt === null ? null : new Date(acknowledgedAt),
  acknowledgedBy: acknowledgedAt === null ? null : "person:wang",
});

describe("acknowledgedBelow: whether an escalation level is held back", () => {
  it("never holds level 1, nor a level whose earlier notices nobody acknowledged", () => {
    expect(acknowledgedBelow(1, [notice(1, "2026-01-01T00:00:00Z")])).toBeUndefined();
    expect(acknowledgedBelow(2, [])).toBeUndefined();
    expect(acknowledgedBelow(3, [notice(1, null), notice(2, null)])).toBeUndefined();
  });

  it("holds a level when any lower level was acknowledged, naming the lowest one", () => {
    expect(acknowledgedBelow(2, [notice(1, "2026-01-01T00:00:00Z")])?.id).toBe("n1");
    // Level 2 never went out because level 1 was acknowledged: level 3 is held by the same acknowledgement.
    expect(acknowledgedBelow(3, [notice(1, "2026-01-01T00:00:00Z")])?.id).toBe("n1");
    expect(acknowledgedBelow(3, [notice(1, null), notice(2, "2026-01-02T00:00:00Z")])?.id).toBe("n2");
    expect(acknowledgedBelow(3, [notice(2, "2026-01-01T00:00:00Z"), notice(1, "2026-01-03T00:00:00Z")])?.level).toBe(1);
  });

  it("ignores an acknowledgement of the same or a higher level", () => {
    expect(acknowledgedBelow(2, [notice(2, "2026-01-01T00:00:00Z"), notice(3, "2026-01-01T00:00:00Z")])).toBe(
      undefined,
    );
  });

  it("takes the earliest acknowledgement among notices of one level", () => {
    const notices = [notice(1, "2026-01-02T00:00:00Z", "later"), notice(1, "2026-01-01T00:00:00Z", "first")];
    expect(acknowledgedBelow(2, notices)?.id).toBe("first");
  });
});
