#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, backed by Prisma's own WebAssembly schema engine
// and @prisma/adapter-pg. The Prisma 7 CLI downloads the native binary from a host this project's machines
// cannot reach; prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here unless the user set it.
//
// The CLI runs it three ways (see node_modules/prisma/build/cli.js, class of "starting Schema engine"):
//   schema-engine --version                      → prints `schema-engine-cli <engine hash>`
//   schema-engine --datasource JSON cli <cmd>    → can-connect-to-database | create-database | drop-database
//   schema-engine [--datamodels FILE]... [--datasource JSON] → JSON-RPC 2.0, one JSON object per line on
//                                                  stdin/stdout, logs as JSON lines on stderr, until stdin closes.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createAdapterFactory, databaseName, quoteIdent, runOnce, withDatabase } from "./adapter.mjs";
import { runCliCommand } from "./cli-commands.mjs";
import { describeError, log, rpcError } from "./protocol.mjs";
import { loadSchemaEngineWasm } from "./wasm.mjs";

/**
 * @typedef {{ url?: string, shadowDatabaseUrl?: string }} DatasourceArg
 * @typedef {{ version: boolean, datamodels: string[], datasource: DatasourceArg, cli: string[] | undefined }} Args
 */

/**
 * @param {string[]} argv
 * @returns {Args}
 */
function parseArgs(argv) {
  /** @type {Args} */
  const args = { version: false, datamodels: [], datasource: {}, cli: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datamodels") args.datamodels.push(String(argv[++i]));
    else if (arg === "--datasource") args.datasource = JSON.parse(String(argv[++i]));
    // Preview features and extension types do not change anything the wasm engine accepts; skip the value.
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else if (arg === "cli") {
      args.cli = argv.slice(i + 1);
      break;
    } else throw new Error(`schema-engine stand-in: unknown argument ${arg}`);
  }
  return args;
}

/**
 * CLI method names that differ from the wasm engine's, and methods the wasm engine does not have.
 * Every other method is forwarded as is: the wasm engine's methods and params follow the native JSON-RPC API.
 * @type {Record<string, (engine: any, params: any, datasource: DatasourceArg) => Promise<unknown>>}
 */
const SPECIAL_METHODS = {
  getDatabaseVersion: (engine, params) => engine.version(params ?? null),
  // Only reached when the CLI asks for a database it was told to create; the wasm engine cannot do it.
  createDatabase: async (_engine, _params, datasource) => {
    if (!datasource.url) throw new Error("No datasource url to create a database for.");
    await runOnce(
      withDatabase(datasource.url, "postgres"),
      `CREATE DATABASE ${quoteIdent(databaseName(datasource.url))}`,
    );
    return { databaseName: databaseName(datasource.url) };
  },
};

/**
 * The wasm engine's `evaluateDataLoss` and `createMigration` are not given the adapter factory, so they
 * cannot create a shadow database: they rely on the schema that `devDiagnostic` cached for the migration
 * history, and fail with "PostgreSQL shadow DB must be provided through an external factory" when it is not
 * there (e.g. `migrate dev` right after `migrate dev --create-only`, where the CLI first applies the pending
 * migration). `diagnoseMigrationHistory` does get the factory and fills the same cache, so we ask it first;
 * when the cache is already filled this costs one query.
 * @param {any} engine
 * @param {any} params
 */
async function warmMigrationSchemaCache(engine, params) {
  await engine.diagnoseMigrationHistory({
    migrationsList: params.migrationsList,
    optInToShadowDatabase: true,
    filters: params.filters,
  });
}
const NEEDS_WARM_CACHE = new Set(["evaluateDataLoss", "createMigration"]);

/**
 * Serves JSON-RPC on stdin/stdout until stdin closes, then exits (the wasm engine leaves a timer pending
 * that would otherwise keep the process alive for ~10 s after the CLI is done).
 * @param {Args} args
 */
async function serve(args) {
  const glue = await loadSchemaEngineWasm();
  /** @type {[string, string][]} path and content of each schema file */
  const datamodels = args.datamodels.map((file) => [file, readFileSync(file, "utf8")]);
  const { url, shadowDatabaseUrl } = args.datasource;
  const factory = createAdapterFactory({ url, shadowDatabaseUrl });
  // The wasm engine connects when it starts; the native one connects on first use. If starting fails
  // (database unreachable), keep serving and answer each request with that error, as the native engine
  // would, so the CLI reports it instead of "engine exited".
  /** @type {Promise<any>} */
  const starting = glue.SchemaEngine.new(
    { datamodels: datamodels.length > 0 ? datamodels : undefined },
    (/** @type {string} */ line) => forwardEngineLog(line),
    factory,
  );
  starting.catch(() => {});

  let nextOwnId = 0;
  /** @type {Map<string, () => void>} answers the CLI owes us (to our `print` requests) */
  const awaitingCli = new Map();
  const send = (/** @type {object} */ message) => process.stdout.write(`${JSON.stringify(message)}\n`);

  /**
   * The native engine prints `diff` output through a `print` request to the CLI, and returns stdout: null.
   * @param {string} content
   */
  const printThroughCli = (content) =>
    new Promise((resolve) => {
      const id = `print-${++nextOwnId}`;
      awaitingCli.set(id, () => resolve(undefined));
      // The CLI appends a newline itself.
      send({ jsonrpc: "2.0", id, method: "print", params: { content: content.replace(/\n$/, "") } });
    });

  /** @param {any} request */
  const handle = async (request) => {
    const { id, method, params } = request;
    try {
      const engine = await starting;
      const special = SPECIAL_METHODS[method];
      if (!special && typeof engine[method] !== "function")
        throw new Error(`Unknown schema engine method '${method}'.`);
      if (NEEDS_WARM_CACHE.has(method)) await warmMigrationSchemaCache(engine, params);
      // Called as engine[method](…): the wasm-bindgen methods need `this`.
      let result = special ? await special(engine, params, args.datasource) : await engine[method](params);
      if (method === "diff" && result && typeof result.stdout === "string") {
        await printThroughCli(result.stdout);
        result = { ...result, stdout: null };
      }
      // Methods without output (reset, dbExecute) resolve to undefined; JSON-RPC needs a result.
      send({ jsonrpc: "2.0", id, result: result ?? {} });
    } catch (error) {
      const described = describeError(error, factory.errorRegistry);
      if (described.isPanic) log("ERROR", { message: described.message, backtrace: described.backtrace ?? "" });
      send({ jsonrpc: "2.0", id, error: rpcError(described) });
    }
  };

  // One request at a time, in order, like the native engine's stdio server.
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    /** @type {any} */
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    // A response of the CLI to one of our own requests.
    if (message.method === undefined && awaitingCli.has(message.id)) {
      awaitingCli.get(message.id)?.();
      awaitingCli.delete(message.id);
      return;
    }
    if (message.id === undefined) return; // a notification: nothing to answer
    queue = queue.then(() => handle(message));
  });
  lines.on("close", () => {
    queue.then(() => process.exit(0));
  });
}

/**
 * The wasm engine logs JSON strings (or plain text); the CLI expects one JSON object per stderr line.
 * @param {string} line
 */
function forwardEngineLog(line) {
  try {
    const parsed = JSON.parse(line);
    if (parsed && typeof parsed === "object" && parsed.fields) {
      process.stderr.write(`${JSON.stringify(parsed)}\n`);
      return;
    }
  } catch {
    // not JSON: wrap it below
  }
  log("INFO", { message: String(line) });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    const glue = await loadSchemaEngineWasm();
    process.stdout.write(`schema-engine-cli ${glue.version()}\n`);
    process.exit(0);
  }
  if (args.cli) process.exit(await runCliCommand(args.cli[0], args.datasource.url));
  await serve(args);
}

main().catch((error) => {
  log("ERROR", { message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
