import { Ajv2020 } from "ajv/dist/2020.js";
import { expect } from "vitest";
import type { ApiHarness, ApiResponse } from "./api.ts";

const DOCUMENT_ID = "https://huiyin.invalid/openapi.json";

export interface Contract {
  // biome-ignore lint/suspicious/noExplicitAny: walking a JSON document
  document: any;
  ajv: Ajv2020;
  /** The schema a `$ref` of the document names, compiled. */
  schemaRef(ref: string): string;
  /** Checks one real answer against the schema the document declares for that operation and status. */
  expectConforms(method: string, path: string, response: ApiResponse): void;
}

/**
 * The OpenAPI document the running API serves, as a contract: each real answer a test gets can be checked
 * against the response schema the document declares for its operation and status, error shape included.
 */
export async function openApiContract(api: ApiHarness): Promise<Contract> {
  const served = await api.call("GET", "/v1/openapi.json", { key: null });
  expect(served.status).toBe(200);
  const document = served.body;
  // The document is also a JSON Schema 2020-12 resource, so `#/components/schemas/…` refs resolve inside it.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat("date-time", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  // Compiled once per schema: the fuzz checks thousands of answers against a few dozen schemas.
  const validators = new Map<string, ReturnType<Ajv2020["compile"]>>();
  const compiled = (ref: string) => {
    const known = validators.get(ref) ?? ajv.compile({ $ref: `${DOCUMENT_ID}${ref}` });
    validators.set(ref, known);
    return known;
  };
  return {
    document,
    ajv,
    schemaRef: (ref) => `${DOCUMENT_ID}${ref}`,
    expectConforms(method, path, response) {
      const operation = document.paths[path]?.[method.toLowerCase()];
      expect(operation, `${method} ${path} is documented`).toBeDefined();
      const declared = operation.responses[String(response.status)];
      expect(declared, `${method} ${path} documents ${response.status}`).toBeDefined();
      if (response.status === 204) return;
      const content = declared.content ?? {};
      if (Object.keys(content).length > 0 && !content["application/json"]) {
        // A file (a download, an export) is its bytes: it must be of a media type the document declares.
        const type = response.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
        expect(Object.keys(content), `${method} ${path} ${response.status} answers ${type}`).toContain(type);
        return;
      }
      const schema = declared.content?.["application/json"]?.schema;
      expect(schema, `${method} ${path} ${response.status} has a schema`).toBeDefined();
      const validate = compiled(schema.$ref);
      const valid = validate(response.body);
      expect(validate.errors ?? [], `${method} ${path} ${response.status}`).toEqual([]);
      expect(valid).toBe(true);
    },
  };
}
