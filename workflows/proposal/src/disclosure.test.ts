import { PROPOSAL_EVENT_TYPES } from "@huiyin/domain";
import { describe, expect, it } from "vitest";
import { acceptedReplies, disclose, type HistoryEntryFacts, leadUnitOf, maySeePayload } from "./disclosure.ts";

const unit = (unitId: string) => ({ role: "unit", id: `clerk-${unitId}`, unitId });
const staff = { role: "staff", id: "office" };
const entry = (seq: number, type: string, actor: unknown, payload: unknown = {}): HistoryEntryFacts => ({
  seq,
  type,
  actor,
  payload,
});

describe("acceptedReplies", () => {
  it("accepts a unit's replies before its acceptance, never one returned first, and a unit-less acceptance takes all", () => {
    const history = [
      entry(1, "handle.reply", unit("a")),
      entry(2, "supervise.returnReply", staff, { unitId: "a" }),
      entry(3, "handle.reply", unit("a")),
      entry(4, "handle.reply", unit("b")),
      entry(5, "supervise.acceptReply", staff, { unitId: "a" }),
      entry(6, "handle.reply", unit("c")),
    ];
    expect([...acceptedReplies(history)].sort()).toEqual([3]);
    expect([...acceptedReplies([...history, entry(7, "supervise.acceptReply", staff, {})])].sort()).toEqual([3, 4, 6]);
  });
});

describe("maySeePayload", () => {
  it("decides every event type of the domain for every audience (a new type is internal until decided)", () => {
    for (const type of PROPOSAL_EVENT_TYPES) {
      const e = entry(1, type, unit("a"), { unitId: "a" });
      expect(maySeePayload({ audience: "back-office" }, e, new Set()), type).toBe(true);
      expect(maySeePayload({ audience: "leader" }, e, new Set()), type).toBe(true);
    }
    const unknown = entry(1, "something.new", staff);
    expect(maySeePayload({ audience: "proposer" }, unknown, new Set())).toBe(false);
    expect(maySeePayload({ audience: "unit", unitId: "a" }, unknown, new Set())).toBe(false);
  });

  it("keeps internal notes from proposers and units, and one unit's part from another but the opinions sent to the lead", () => {
    const note = entry(1, "supervise.record", staff, { note: "x" });
    const opinion = entry(2, "handle.coOpinion", unit("b"), { opinion: "y" });
    expect(maySeePayload({ audience: "proposer" }, note, new Set())).toBe(false);
    expect(maySeePayload({ audience: "unit", unitId: "a" }, note, new Set())).toBe(false);
    expect(maySeePayload({ audience: "unit", unitId: "a" }, opinion, new Set())).toBe(false);
    expect(maySeePayload({ audience: "unit", unitId: "b" }, opinion, new Set())).toBe(true);
    expect(maySeePayload({ audience: "proposer" }, opinion, new Set())).toBe(false);
    // Co-units send their opinion to the lead unit (主办): it reads it; being the lead opens nothing else.
    const lead = { audience: "unit", unitId: "a", leadsProposal: true } as const;
    expect(maySeePayload(lead, opinion, new Set())).toBe(true);
    expect(maySeePayload(lead, note, new Set())).toBe(false);
    expect(maySeePayload(lead, entry(4, "handle.requestExtension", unit("b"), { reason: "r" }), new Set())).toBe(false);
    expect(maySeePayload({ audience: "proposer", leadsProposal: true }, opinion, new Set())).toBe(false);
    // Why a proposal was not registered is the proposer's to know, not a unit's.
    const rejected = entry(3, "review.reject", staff, { reason: "z" });
    expect(maySeePayload({ audience: "proposer" }, rejected, new Set())).toBe(true);
    expect(maySeePayload({ audience: "unit", unitId: "a" }, rejected, new Set())).toBe(false);
  });

  it("shows a regrade and its reason to the proposers and the regraded unit, not to another unit", () => {
    const regrade = entry(5, "supervise.reclassify", staff, { unitId: "a", classification: "B", reason: "planned" });
    expect(maySeePayload({ audience: "proposer" }, regrade, new Set())).toBe(true);
    expect(maySeePayload({ audience: "unit", unitId: "a" }, regrade, new Set())).toBe(true);
    expect(maySeePayload({ audience: "unit", unitId: "b" }, regrade, new Set())).toBe(false);
  });

  it("hides a payload by nulling it and saying so, and keeps the entry", () => {
    const reply = entry(4, "handle.reply", unit("a"), { text: "答复" });
    const [hidden] = disclose({ audience: "proposer" }, [reply], new Set());
    expect(hidden).toMatchObject({ seq: 4, type: "handle.reply", payload: null, payloadHidden: true });
    const [shown] = disclose({ audience: "proposer" }, [reply], new Set([4]));
    expect(shown).toMatchObject({ payload: { text: "答复" }, payloadHidden: false });
    // An acknowledgement carries nothing: nothing is hidden (the reader is not told there was something).
    const [acknowledged] = disclose({ audience: "proposer" }, [entry(5, "unit.acknowledge", unit("a"), {})], new Set());
    expect(acknowledged).toMatchObject({ payload: {}, payloadHidden: false });
  });
});

describe("leadUnitOf", () => {
  it("names the lead of a lead + co assignment, nobody for other assignments or none", () => {
    const assigned = (units: { unitId: string; role: string }[]) => ({ assignment: { mode: "x", units } });
    expect(
      leadUnitOf(
        assigned([
          { unitId: "housing", role: "co" },
          { unitId: "finance", role: "lead" },
        ]),
      ),
    ).toBe("finance");
    expect(leadUnitOf(assigned([{ unitId: "housing", role: "separate" }]))).toBeUndefined();
    expect(leadUnitOf({ assignment: null })).toBeUndefined();
    expect(leadUnitOf(undefined)).toBeUndefined();
  });
});
