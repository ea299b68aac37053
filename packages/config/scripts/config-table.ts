// Writes the configuration table of README.md from the config schemas (`pnpm config:table`). The unit test
// `packages/config/src/variables.test.ts` fails while the README differs from what this would write.
import { readFileSync, writeFileSync } from "node:fs";
import { withConfigTable } from "../src/variables.ts";

const readmePath = new URL("../../../README.md", import.meta.url);
const readme = readFileSync(readmePath, "utf8");
const updated = withConfigTable(readme);
if (updated === readme) process.stdout.write("README.md: the configuration table is up to date\n");
else {
  writeFileSync(readmePath, updated);
  process.stdout.write("README.md: configuration table rewritten\n");
}
