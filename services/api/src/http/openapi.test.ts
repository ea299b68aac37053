import { proposalEventSchema } from "@huiyin/domain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createProposalSchema } from "../proposals/schemas.ts";
import { openApiDocument } from "./openapi.ts";

// biome-ignore lint/suspicious/noExplicitAny: walking a JSON document
const document = openApiDocument() as any;

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) => (key === "$ref" ? [String(inner)] : refsIn(inner)));
  }
  return [];
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 whose request schemas are the validating zod schemas themselves", () => {
    expect(document.openapi).toBe("3.1.0");
    const { $schema: _a, ...create } = z.toJSONSchema(createProposalSchema, { io: "input" });
    expect(document.components.schemas.CreateProposal).toEqual(create);
    const { $schema: _b, ...event } = z.toJSONSchema(proposalEventSchema, { io: "input" });
    expect(document.components.schemas.ProposalEvent).toEqual(event);
  });

  it("resolves every $ref, and documents the list filters as query parameters", () => {
    for (const ref of refsIn(document.paths)) {
      const name = ref.replace("#/components/schemas/", "");
      expect(document.components.schemas[name], ref).toBeDefined();
    }
    const names = document.paths["/v1/proposals"].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(["stage", "unit", "q", "overdue", "cursor", "limit"]));
    expect(document.paths["/v1/proposals/{id}/events"].post.responses).toHaveProperty("412");
  });
});
