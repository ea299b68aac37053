import type { HistoryEntryFacts, Viewer } from "@huiyin/workflow-proposal";
import { acceptedReplies } from "@huiyin/workflow-proposal";
import { describe, expect, it } from "vitest";
import { eventsByAttachment, isUploader, maySeeAttachment, type Uploader } from "./visibility.ts";

const unit = (unitId: string) => ({ role: "unit", id: `clerk-${unitId}`, unitId });
const entry = (seq: number, type: string, actor: object, payload: object = {}): HistoryEntryFacts => ({
  seq,
  type,
  actor,
  payload,
});

const HOUSING_LETTER: Uploader = { uploaderRole: "unit", uploaderId: "clerk-a", uploaderUnitId: "housing" };
const PROPOSERS_FILE: Uploader = { uploaderRole: "proposer", uploaderId: "member-1", uploaderUnitId: null };

const viewers: Record<string, Viewer> = {
  staff: { audience: "back-office" },
  leader: { audience: "leader" },
  // The lead unit (主办) of a lead + co assignment, `finance` its co-unit.
  housing: { audience: "unit", unitId: "housing", leadsProposal: true },
  finance: { audience: "unit", unitId: "finance" },
  proposer: { audience: "proposer" },
};

/** Who of `viewers` may see a file `uploader` uploaded, carried by the `carriers` of `history`. */
function seers(uploader: Uploader, history: HistoryEntryFacts[], id: string): string[] {
  const carriers = eventsByAttachment(history).get(id) ?? [];
  const accepted = acceptedReplies(history);
  return Object.entries(viewers)
    .filter(([, viewer]) => maySeeAttachment(viewer, uploader, carriers, accepted))
    .map(([name]) => name);
}

describe("who sees an attachment", () => {
  const submit = entry(2, "submit", { role: "proposer", id: "member-1" }, { attachmentIds: ["att_s"] });
  const reply = entry(9, "handle.reply", unit("housing"), { text: "…", attachmentIds: ["att_r"] });
  const opinion = entry(8, "handle.coOpinion", unit("finance"), { opinion: "…", attachmentIds: ["att_o"] });

  it("a submission's file: everyone who sees the proposal", () => {
    expect(seers(PROPOSERS_FILE, [submit], "att_s")).toEqual(["staff", "leader", "housing", "finance", "proposer"]);
  });

  it("a reply letter: its unit and the back office at once, the proposers once staff accept, never another unit", () => {
    expect(seers(HOUSING_LETTER, [submit, reply], "att_r")).toEqual(["staff", "leader", "housing"]);
    const accepted = entry(10, "supervise.acceptReply", { role: "staff", id: "s" });
    expect(seers(HOUSING_LETTER, [submit, reply, accepted], "att_r")).toEqual([
      "staff",
      "leader",
      "housing",
      "proposer",
    ]);
    // A returned reply's letter stays hidden from the proposers, whatever is accepted after it.
    const returned = entry(10, "supervise.returnReply", { role: "staff", id: "s" }, { reason: "…" });
    const second = entry(11, "handle.reply", unit("housing"), { text: "…" });
    const acceptedLater = entry(12, "supervise.acceptReply", { role: "staff", id: "s" });
    expect(seers(HOUSING_LETTER, [submit, reply, returned, second, acceptedLater], "att_r")).not.toContain("proposer");
  });

  it("a co-unit's opinion: that unit, the lead unit it is sent to and the back office", () => {
    const finance: Uploader = { uploaderRole: "unit", uploaderId: "clerk-f", uploaderUnitId: "finance" };
    expect(seers(finance, [submit, opinion], "att_o")).toEqual(["staff", "leader", "housing", "finance"]);
    // A unit that is not the lead (another co-unit, a unit handling separately) does not read it.
    const other: Viewer = { audience: "unit", unitId: "transport" };
    expect(maySeeAttachment(other, finance, [opinion], new Set())).toBe(false);
  });

  it("a file no event carries: its uploader's side and the back office", () => {
    expect(seers(HOUSING_LETTER, [submit], "att_new")).toEqual(["staff", "leader", "housing"]);
    expect(seers(PROPOSERS_FILE, [submit], "att_new")).toEqual(["staff", "leader", "proposer"]);
    const unitless: Viewer = { audience: "unit", unitId: null };
    const orphan: Uploader = { uploaderRole: "unit", uploaderId: "x", uploaderUnitId: null };
    expect(maySeeAttachment(unitless, orphan, [], new Set())).toBe(false);
  });

  it("only its uploader's party may attach a file to an event: the unit as a whole, anyone else as itself", () => {
    expect(isUploader({ role: "unit", id: "another-clerk", unitId: "housing" }, HOUSING_LETTER)).toBe(true);
    expect(isUploader(unit("finance"), HOUSING_LETTER)).toBe(false);
    expect(isUploader({ role: "proposer", id: "member-1" }, PROPOSERS_FILE)).toBe(true);
    expect(isUploader({ role: "proposer", id: "member-2" }, PROPOSERS_FILE)).toBe(false);
    expect(isUploader({ role: "staff", id: "member-1" }, PROPOSERS_FILE)).toBe(false);
  });
});
