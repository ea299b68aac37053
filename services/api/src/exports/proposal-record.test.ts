import { describe, expect, it } from "vitest";
import { type Names, type ProposalSource, proposalRecord } from "./proposal-record.ts";

const names: Names = {
  unit: (id) => ({ water: "水务局", roads: "交通局" })[id],
  person: (id) => ({ "member-2": "李四" })[id],
  session: (id) => ({ s1: "十四届三次会议" })[id],
};

const source: ProposalSource = {
  id: "p_1",
  title: "关于治理城市内涝的建议",
  category: "environment",
  stage: "supervise",
  isKey: false,
  proposerId: "member-1",
  unitIds: ["water", "roads"],
  sessionId: "s1",
  plenary: true,
  numberLabel: "第0007号",
  proposerType: "joint",
  sourceChannel: "plenary",
  createdAt: new Date("2026-03-01T00:00:00Z"),
  updatedAt: new Date("2026-05-01T00:00:00Z"),
  snapshot: {
    context: {
      content: { reasons: "雨季积水。", suggestions: ["改造管网", "建设海绵城市"], category: "environment" },
      proposers: [{ id: "member-1", name: "张三" }, { id: "member-2" }],
      submittedAt: "2026-03-02T01:00:00Z",
      review: { outcome: "registered", at: "2026-03-10T01:00:00Z", note: "内部：请尽快" },
      assignment: {
        units: [
          { unitId: "water", role: "lead" },
          { unitId: "roads", role: "co" },
        ],
        assignedAt: "2026-03-12T01:00:00Z",
      },
      parts: [
        {
          unitId: "water",
          status: "accepted",
          dueAt: "2026-06-12T01:00:00Z",
          reply: { classification: "A", text: "已采纳。", at: "2026-04-01T01:00:00Z" },
        },
        {
          unitId: "roads",
          status: "replied",
          dueAt: "2026-06-12T01:00:00Z",
          reply: { classification: "B", text: "草稿答复", at: "2026-04-02T01:00:00Z" },
        },
      ],
      supervision: [{ mode: "note", note: "内部督办意见", at: "2026-04-03T00:00:00Z" }],
      evaluations: [],
    },
  },
};

describe("proposalRecord", () => {
  it("writes a proposal in the office's words, with names from the directory", () => {
    const record = proposalRecord(source, names, { audience: "back-office" });
    expect(record).toMatchObject({
      number: "第0007号",
      session: "十四届三次会议",
      period: "大会期间",
      proposers: "张三;李四",
      proposerIds: "member-1;member-2",
      proposerType: "联名",
      channel: "大会期间",
      units: "水务局(主办);交通局(协办)",
      unitIds: "water;roads",
      stage: "督办",
      submittedAt: "2026-03-02",
      registeredAt: "2026-03-10",
      assignedAt: "2026-03-12",
      replyDue: "2026-06-12",
      repliedAt: "2026-04-02",
      grade: "水务局:A;交通局:B",
      suggestions: "改造管网\n建设海绵城市",
    });
    expect(record.replies).toContain("草稿答复");
    // Internal notes are no column of any file.
    expect(JSON.stringify(record)).not.toContain("内部");
  });

  it("gives a unit its own reply only, and the proposers only the accepted one", () => {
    const unit = proposalRecord(source, names, { audience: "unit", unitId: "roads" });
    expect(unit.grade).toBe("B");
    expect(unit.replies).toBe("草稿答复");
    const proposer = proposalRecord(source, names, { audience: "proposer" });
    expect(proposer.grade).toBe("A");
    expect(proposer.replies).toBe("已采纳。");
    expect(JSON.stringify(proposer)).not.toContain("草稿答复");
  });

  it("reads a row without a context (bulk-seeded, or from before the context had it)", () => {
    const bare = proposalRecord({ ...source, snapshot: {}, sessionId: null, plenary: null }, names, {
      audience: "back-office",
    });
    expect(bare).toMatchObject({ proposerIds: "member-1", units: "水务局;交通局", session: "", period: "", grade: "" });
  });
});
