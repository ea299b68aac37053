// Loads Prisma's WebAssembly schema engine by hand.
//
// The entry of @prisma/schema-engine-wasm does a bundler-style `import * as wasm from "x.wasm"`, which
// Node 20 rejects, so we instantiate the module ourselves and hand it to the wasm-bindgen glue.
//
// Which .wasm: the `prisma` package ships `build/schema_engine_bg.wasm` built from the exact engine
// hash of its CLI (7.10.1 → d1b3f377…), while the npm @prisma/schema-engine-wasm we can install is built
// from another hash (59be4fda…). Both export and import the same symbols (checked: identical import and
// export lists), so we run the CLI's own wasm with the npm package's glue, and fall back to the npm
// package's wasm only if the CLI's file is missing.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);

/** @returns {string} the path of the .wasm file to run, preferring the one shipped with the CLI. */
export function schemaEngineWasmPath() {
  const cliWasm = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm");
  if (existsSync(cliWasm)) return cliWasm;
  const npmDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/package.json"));
  return path.join(npmDir, "schema_engine_bg.wasm");
}

/** @type {Promise<typeof glue> | undefined} */
let loading;

/**
 * Instantiates the wasm once and returns the glue module, whose `SchemaEngine` and `version` are then usable.
 * @returns {Promise<typeof glue>}
 */
export function loadSchemaEngineWasm() {
  loading ??= (async () => {
    const bytes = readFileSync(schemaEngineWasmPath());
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    /** @type {any} */ (instance.exports).__wbindgen_start();
    return glue;
  })();
  return loading;
}
