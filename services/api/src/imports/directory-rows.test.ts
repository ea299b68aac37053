import { describe, expect, it } from "vitest";
import { directoryRows } from "./directory-rows.ts";

const headers = ["类型", "编号", "姓名", "邮箱", "语言", "角色", "负责人编号", "分管领导编号"];

describe("directoryRows", () => {
  it("reads people with their roles and units with their head", () => {
    const { people, units, errors } = directoryRows(headers, [
      { line: 2, cells: ["人员", "p-1", "王五", "wang@example.org", "", "staff;unit:water", "", ""] },
      { line: 3, cells: ["unit", "water", "水务局", "", "", "", "p-1", "l-1"] },
    ]);
    expect(errors).toEqual([]);
    expect(people).toEqual([
      {
        line: 2,
        id: "p-1",
        name: "王五",
        email: "wang@example.org",
        language: "zh-CN",
        roles: [
          { role: "staff", scope: "" },
          { role: "unit", scope: "water" },
        ],
      },
    ]);
    expect(units).toEqual([{ line: 3, id: "water", name: "水务局", headPersonId: "p-1", supervisorLeaderId: "l-1" }]);
  });

  it("reports each bad row", () => {
    const { errors } = directoryRows(headers, [
      { line: 2, cells: ["人员", "p 1", "", "not-mail", "fr", "unit-head;boss", "", ""] },
      { line: 3, cells: ["机构", "x", "名", "", "", "", "", ""] },
      { line: 4, cells: ["单位", "water", "水务局", "", "", "", "", ""] },
      { line: 5, cells: ["单位", "water", "水务局", "", "", "", "", ""] },
    ]);
    expect(errors.map((error) => `${error.line}:${error.column}:${error.code}`)).toEqual([
      "2:编号:INVALID_VALUE",
      "2:姓名:REQUIRED",
      "2:邮箱:INVALID_VALUE",
      "2:语言:INVALID_VALUE",
      "2:角色:INVALID_VALUE",
      "2:角色:INVALID_VALUE",
      "3:类型:INVALID_VALUE",
      "5:编号:DUPLICATE_KEY",
    ]);
  });
});
