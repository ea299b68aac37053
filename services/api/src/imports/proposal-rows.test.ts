import { describe, expect, it } from "vitest";
import { proposalRows } from "./proposal-rows.ts";

const headers = ["外部编号", "标题", "理由", "建议", "提案者编号", "提案者", "提案者类型", "来源渠道"];
const row = (line: number, cells: string[]) => ({ line, cells });

describe("proposalRows", () => {
  it("reads the office's words and codes alike", () => {
    const { proposals, errors } = proposalRows(headers, [
      row(2, ["oa-1", "关于A的建议", "理由", "一\n二", "m-1;m-2", "张三;李四", "联名", "提案线索"]),
      row(3, ["oa-2", "关于B的建议", "理由", "一", "m-3", "", "party-group", ""]),
    ]);
    expect(errors).toEqual([]);
    expect(proposals[0]).toMatchObject({
      externalId: "oa-1",
      suggestions: ["一", "二"],
      proposers: [
        { id: "m-1", name: "张三" },
        { id: "m-2", name: "李四" },
      ],
      proposerType: "joint",
      channel: "public-platform",
    });
    expect(proposals[1]).toMatchObject({ proposers: [{ id: "m-3" }], proposerType: "party-group" });
    expect(proposals[1]?.channel).toBeUndefined();
  });

  it("reports every problem of every row, by line and column", () => {
    const { proposals, errors } = proposalRows(headers, [
      row(2, ["oa-1", "", "理由", "一", "m-1", "", "", ""]),
      row(3, ["oa-1", "关于B的建议", "理由", "一", "bad id!", "", "神仙", "电报"]),
      row(5, ["oa-3", "x".repeat(501), "理由", "一", "", "", "", ""]),
    ]);
    expect(proposals).toEqual([]);
    expect(errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
      { line: 2, column: "标题", code: "REQUIRED" },
      { line: 3, column: "外部编号", code: "DUPLICATE_KEY" },
      { line: 3, column: "提案者编号", code: "INVALID_VALUE" },
      { line: 3, column: "提案者类型", code: "INVALID_VALUE" },
      { line: 3, column: "来源渠道", code: "INVALID_VALUE" },
      { line: 5, column: "标题", code: "TOO_LONG" },
      { line: 5, column: "提案者编号", code: "REQUIRED" },
    ]);
  });

  it("names the columns a file lacks", () => {
    const { errors } = proposalRows(["名字"], [row(2, ["x"])]);
    expect(errors.map((error) => [error.line, error.code, error.column])).toEqual([
      [1, "MISSING_COLUMN", "外部编号"],
      [1, "MISSING_COLUMN", "标题"],
      [1, "MISSING_COLUMN", "提案者编号"],
    ]);
  });
});
