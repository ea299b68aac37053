// Writes the OpenAPI document the api serves (`openApiDocument()`, the object behind GET /v1/openapi.json) to the
// file given, or to stdout: what generators of typed clients read (packages/client, an integrator's own).
import { writeFileSync } from "node:fs";
import { openApiDocument } from "../src/openapi.ts";

const text = `${JSON.stringify(openApiDocument(), null, 2)}\n`;
const target = process.argv[2];
if (target) writeFileSync(target, text);
else process.stdout.write(text);
