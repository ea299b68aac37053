import { describe, expect, it } from "vitest";
import { type ProposalFacts, publicationOf, REDACTED } from "./publication.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 8, minute));
const unit = (unitId: string) => ({ id: `clerk-${unitId}`, role: "unit", unitId });
const staff = { id: "office-li", role: "staff" };

/** Separate handling: water's first reply returned and replaced, roads' first reply accepted then re-handled. */
const facts: ProposalFacts = {
  content: {
    title: "关于河道整治的建议",
    reasons: "河道淤塞，联系人张三，张三电话123。",
    suggestions: ["清淤张三", "修堤"],
    category: "environment",
  },
  unitNames: new Map([["water", "市水务局"]]),
  history: [
    { seq: 1, type: "create", actor: { id: "m", role: "proposer" }, payload: {}, at: at(0) },
    { seq: 2, type: "submit", actor: { id: "m", role: "proposer" }, payload: {}, at: at(1) },
    { seq: 3, type: "handle.reply", actor: unit("water"), payload: { classification: "A", text: "草稿" }, at: at(2) },
    { seq: 4, type: "supervise.returnReply", actor: staff, payload: { unitId: "water", reason: "不全" }, at: at(3) },
    { seq: 5, type: "handle.reply", actor: unit("roads"), payload: { classification: "C", text: "第一次" }, at: at(4) },
    { seq: 6, type: "supervise.acceptReply", actor: staff, payload: { unitId: "roads" }, at: at(5) },
    {
      seq: 7,
      type: "handle.reply",
      actor: unit("water"),
      payload: { classification: "B", text: "计划清淤" },
      at: at(6),
    },
    { seq: 8, type: "supervise.acceptReply", actor: staff, payload: { unitId: "water" }, at: at(7) },
    { seq: 9, type: "handle.reply", actor: unit("roads"), payload: { classification: "A", text: "已修堤" }, at: at(8) },
    { seq: 10, type: "supervise.acceptReply", actor: staff, payload: { unitId: "roads" }, at: at(9) },
  ],
};

describe("the public copy of a proposal", () => {
  it("publishes the latest accepted reply per unit, never a returned one, by the unit's name or id", () => {
    const outcome = publicationOf(facts, []);
    if (!outcome.ok) throw new Error(outcome.code);
    expect(outcome.content.replies).toEqual([
      { unitName: "市水务局", classification: "B", text: "计划清淤", repliedAt: at(6).toISOString() },
      { unitName: "roads", classification: "A", text: "已修堤", repliedAt: at(8).toISOString() },
    ]);
    expect(outcome.content.submittedAt).toBe(at(1).toISOString());
    expect(JSON.stringify(outcome)).not.toContain("草稿");
    // Before water's second reply: its returned draft is not published, roads' accepted reply is.
    const earlier = publicationOf({ ...facts, history: facts.history.slice(0, 6) }, []);
    expect(earlier.ok && earlier.content.replies.map((reply) => reply.text)).toEqual(["第一次"]);
  });

  it("removes every occurrence of a redaction from its field only, and records its size, not its text", () => {
    const outcome = publicationOf(facts, [
      { field: "reasons", find: "张三", reason: "个人姓名" },
      { field: "suggestions", find: "张三", reason: "个人姓名" },
    ]);
    if (!outcome.ok) throw new Error(outcome.code);
    expect(outcome.content.reasons).toBe(`河道淤塞，联系人${REDACTED}，${REDACTED}电话123。`);
    expect(outcome.content.suggestions).toEqual([`清淤${REDACTED}`, "修堤"]);
    expect(outcome.content.title).toBe("关于河道整治的建议");
    expect(outcome.redactions).toEqual([
      { field: "reasons", length: 2, occurrences: 2, reason: "个人姓名" },
      { field: "suggestions", length: 2, occurrences: 1, reason: "个人姓名" },
    ]);
    expect(JSON.stringify(outcome.redactions)).not.toContain("张三");
  });

  it("refuses a redaction whose text is not in its field, naming which", () => {
    const outcome = publicationOf(facts, [
      { field: "replies", find: "修堤", reason: "x" },
      { field: "title", find: "张三", reason: "x" },
    ]);
    expect(outcome).toEqual({ ok: false, code: "REDACTION_NOT_FOUND", index: 1 });
  });

  it("has nothing to publish without an accepted reply", () => {
    const unaccepted = { ...facts, history: facts.history.slice(0, 4) };
    expect(publicationOf(unaccepted, [])).toEqual({ ok: false, code: "NOT_PUBLISHABLE" });
  });

  it("publishes the files of the submission and of the published replies, and withholds a redacted one whole", () => {
    const file = (id: string) => ({ id, filename: `${id}.pdf`, contentType: "application/pdf", size: 9, sha256: id });
    const history = facts.history.map((entry) => {
      const ids = { 2: ["att_submit"], 3: ["att_draft"], 5: ["att_first"], 7: ["att_water"], 9: ["att_roads"] }[
        entry.seq
      ];
      return ids ? { ...entry, payload: { ...(entry.payload as object), attachmentIds: ids } } : entry;
    });
    const withFiles: ProposalFacts = {
      ...facts,
      history,
      attachments: ["att_submit", "att_draft", "att_first", "att_water", "att_roads", "att_unsent"].map(file),
    };
    const outcome = publicationOf(withFiles, []);
    if (!outcome.ok) throw new Error(outcome.code);
    // Not the returned draft's, not roads' superseded first reply's, not a file no event carries.
    expect(outcome.content.attachments).toEqual([
      { ...file("att_submit"), of: "proposal", unitName: null },
      { ...file("att_water"), of: "reply", unitName: "市水务局" },
      { ...file("att_roads"), of: "reply", unitName: "roads" },
    ]);
    const redacted = publicationOf(withFiles, [{ field: "attachments", find: "att_submit", reason: "个人信息" }]);
    if (!redacted.ok) throw new Error(redacted.code);
    expect(redacted.content.attachments?.map((attachment) => attachment.id)).toEqual(["att_water", "att_roads"]);
    expect(redacted.redactions).toEqual([
      { field: "attachments", length: "att_submit".length, occurrences: 1, reason: "个人信息" },
    ]);
    expect(publicationOf(withFiles, [{ field: "attachments", find: "att_draft", reason: "x" }])).toEqual({
      ok: false,
      code: "REDACTION_NOT_FOUND",
      index: 0,
    });
  });
});
