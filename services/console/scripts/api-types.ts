// The console's typed API client is generated from the document the api serves (`openApiDocument()`, the same
// object behind GET /v1/openapi.json), so a change of the API changes the console's types and `tsc` shows every
// page it breaks. `pnpm --filter @huiyin/console generate:api` rewrites the file; a unit test
// (src/api/generated.test.ts) fails when the checked-in file differs from a fresh generation.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openApiDocument } from "@huiyin/api";
import openapiTS, { astToString } from "openapi-typescript";

export const GENERATED_TYPES = fileURLToPath(new URL("../src/generated/api.d.ts", import.meta.url));

const HEADER =
  "// Generated from the api's OpenAPI document by services/console/scripts/api-types.ts. Do not edit:\n" +
  "// run `pnpm --filter @huiyin/console generate:api`.\n\n";

/** The TypeScript types (`paths`, `components`, `operations`) of the served document, as text. */
export async function apiTypes(): Promise<string> {
  const document = openApiDocument() as unknown as Parameters<typeof openapiTS>[0];
  return HEADER + astToString(await openapiTS(document, { alphabetize: true }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GENERATED_TYPES, await apiTypes());
  process.stdout.write(`wrote ${GENERATED_TYPES}\n`);
}
