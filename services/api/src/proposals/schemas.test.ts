import { describe, expect, it } from "vitest";
import { createProposalSchema, listQuerySchema, parseIfMatch } from "./schemas.ts";

describe("If-Match", () => {
  it("reads a version bare, quoted or weak, and tells a malformed header from a missing one", () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch("3")).toBe(3);
    expect(parseIfMatch('"12"')).toBe(12);
    expect(parseIfMatch('W/"7"')).toBe(7);
    expect(parseIfMatch("*")).toBeNull();
    expect(parseIfMatch('"3", "4"')).toBeNull();
  });
});

describe("request schemas", () => {
  it("let a draft be incomplete but require a title and a proposer", () => {
    const draft = createProposalSchema.parse({ title: "关于X的建议", proposers: [{ id: "m" }] });
    expect(draft).toMatchObject({ reasons: "", suggestions: [], category: "" });
    expect(createProposalSchema.safeParse({ title: " ", proposers: [{ id: "m" }] }).success).toBe(false);
    expect(createProposalSchema.safeParse({ title: "t", proposers: [] }).success).toBe(false);
  });

  it("turn list filters from strings into types, with defaults", () => {
    const query = listQuerySchema.parse({
      key: "true",
      overdue: "false",
      limit: "5",
      createdFrom: "2026-01-01T00:00:00Z",
    });
    expect(query).toMatchObject({ key: true, overdue: false, limit: 5, order: "desc" });
    expect(query.createdFrom).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(listQuerySchema.safeParse({ limit: "1000" }).success).toBe(false);
  });
});
