import { proposalEventSchema } from "@huiyin/domain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ERROR_CODES, ERRORS } from "./http/error-codes.ts";
import { openApiDocument } from "./openapi.ts";
import { createProposalSchema } from "./proposals/schemas.ts";

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

  it("gives every operation a unique operationId and a declared tag", () => {
    const declared = new Set(document.tags.map((tag: { name: string }) => tag.name));
    const ids: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(
        item as Record<string, { operationId: string; tags: string[] }>,
      )) {
        expect(operation.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
        ids.push(operation.operationId);
        expect(operation.tags.length, `${method} ${path}`).toBeGreaterThan(0);
        for (const tag of operation.tags) expect(declared.has(tag), `${method} ${path}: ${tag}`).toBe(true);
      }
    }
    expect(ids.length).toBeGreaterThan(30);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("describes every code of the error catalogue, each under its status where an operation answers it", () => {
    const text = JSON.stringify(document);
    for (const code of ERROR_CODES) expect(text, code).toContain(code);
    const described = new Map<string, string[]>();
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(
        item as Record<string, { responses: Record<string, { description: string }> }>,
      )) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) < 400) continue;
          for (const code of response.description.match(/\(([A-Z_]+)\)/g) ?? []) {
            described.set(code.slice(1, -1), [...(described.get(code.slice(1, -1)) ?? []), status]);
          }
        }
      }
    }
    for (const [code, statuses] of described) {
      expect(ERROR_CODES, code).toContain(code);
      expect(new Set(statuses), code).toEqual(new Set([String(ERRORS[code as keyof typeof ERRORS].status)]));
    }
    // Every code but the 500 is answered by some operation; INTERNAL is in the Error schema's list.
    expect(ERROR_CODES.filter((code) => !described.has(code))).toEqual(["INTERNAL"]);
  });
});
