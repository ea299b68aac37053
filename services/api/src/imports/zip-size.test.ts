import exceljs from "exceljs";
import { describe, expect, it } from "vitest";
import { zipExpandedSize } from "./zip-size.ts";

describe("zipExpandedSize", () => {
  it("reads what a workbook expands to from its central directory", async () => {
    const workbook = new exceljs.Workbook();
    const sheet = workbook.addWorksheet("s");
    for (let row = 0; row < 2000; row++) sheet.addRow(["同一段文字".repeat(20), row]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const expanded = zipExpandedSize(bytes);
    // Repetitive XML compresses many times over: the directory knows the real size.
    expect(expanded).toBeGreaterThan(bytes.length * 5);
  });

  it("knows nothing of bytes that are not a zip", () => {
    expect(zipExpandedSize(new TextEncoder().encode("PK\u0003\u0004 not really a zip"))).toBeUndefined();
    expect(zipExpandedSize(new Uint8Array(0))).toBeUndefined();
  });
});
