import { describe, expect, it } from "vitest";
import { cellText, safeCell, unescapeCell } from "./cells.ts";

describe("cells", () => {
  it("marks every cell a spreadsheet would read as a formula, and only those", () => {
    for (const formula of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      expect(safeCell(formula)).toBe(`'${formula}`);
      expect(unescapeCell(safeCell(formula))).toBe(formula);
    }
    for (const text of ["关于加强社区养老服务的建议", "1+1", "it's", "'quoted"]) {
      expect(safeCell(text)).toBe(text);
      expect(unescapeCell(text)).toBe(text);
    }
  });

  it("writes flags and nothing in the office's words", () => {
    expect(cellText(true)).toBe("是");
    expect(cellText(false)).toBe("否");
    expect(cellText(null)).toBe("");
    expect(cellText(-3)).toBe("'-3");
  });
});
