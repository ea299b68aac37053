// The TypeScript types (`paths`, `components`, `operations`, `webhooks`) of an OpenAPI document, as text: the one
// generation the typed clients share (this package's, and the console's, whose script can call `apiTypesOf` with
// its own header). `pnpm --filter @huiyin/client generate` writes openapi.json from the api's document and
// src/generated/api.d.ts from it; test/client.test.ts fails when either differs from a fresh generation.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

export const CLIENT_HEADER =
  "// Generated from the api's OpenAPI document by packages/client/scripts/api-types.ts. Do not edit:\n" +
  "// run `pnpm --filter @huiyin/client generate`.\n\n";

export async function apiTypesOf(document: unknown, header = CLIENT_HEADER): Promise<string> {
  return header + astToString(await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [source, target] = process.argv.slice(2);
  if (!source || !target) throw new Error("usage: api-types.ts <openapi.json> <api.d.ts>");
  writeFileSync(target, await apiTypesOf(JSON.parse(readFileSync(source, "utf8"))));
  process.stdout.write(`wrote ${target}\n`);
}
