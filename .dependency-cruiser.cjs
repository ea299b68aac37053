/**
 * The dependency direction of ARCHITECTURE.md, enforced: `pnpm deps:check` (part of `npm test`).
 * Each internal package may import only the internal packages listed for it; nothing imports a service;
 * the domain and the machines import no Node built-ins; there are no import cycles.
 * Test files (`*.test.ts`) may also use the test infrastructure in infra/local.
 * A queue's name is a string, which no import rule can see: packages/queue/src/queue-names.test.ts (a unit test,
 * also part of `npm test`) fails on one written anywhere but the queue catalog.
 */
const internal = {
  "packages/domain": [],
  "workflows/[^/]+": ["packages/domain"],
  "packages/config": ["packages/domain"],
  "packages/logger": ["packages/config"],
  "packages/runtime": ["packages/config", "packages/logger", "packages/db", "packages/queue"],
  "packages/db": ["packages/domain", "packages/config"],
  "packages/queue": ["packages/domain", "packages/config"],
  // The notifier's pure parts (resolution, channels, templates); IO stays in services/notifier.
  "packages/notify": ["packages/domain", "packages/config", "packages/logger", "packages/db"],
  // Generic: runs any machine through its `Workflow` port, and imports none (see engine-knows-no-workflow).
  "packages/engine": ["packages/domain", "packages/config", "packages/logger", "packages/db", "packages/queue"],
  "services/([^/]+)": ["packages/[^/]+", "workflows/[^/]+"],
  // A program that composes the engine, the services (started as processes) and the embedded servers.
  "infra/bench": ["packages/[^/]+", "workflows/[^/]+", "infra/local"],
  "infra/local": [],
  // The operators' command line talks to the api over HTTP; it reads its settings through the configuration only.
  "infra/cli": ["packages/config"],
  // The demo is a composition root: it hands the proposal workflow to the engine.
  "infra/launcher": [
    "infra/local",
    "workflows/[^/]+",
    "packages/config",
    "packages/logger",
    "packages/domain",
    "packages/db",
    "packages/engine",
  ],
};
const allInternal = "^(packages|workflows|services|infra)/[^/]+/";
// Test code: `*.test.ts` / `*.int.test.ts` files and a package's own `test/` folder.
const tests = "(\\.(int\\.)?test\\.ts$)|(^(packages|workflows|services|infra)/[^/]+/test/)";

// The console's build-time script generates its API types from the api's OpenAPI document (a development
// dependency: nothing of the api reaches the browser bundle).
const buildScripts = "^services/console/scripts/";

const layerRules = Object.entries(internal).map(([from, allowed]) => ({
  name: `layer:${from}`,
  comment: `${from} may import only: ${allowed.join(", ") || "no other internal package"}`,
  severity: "error",
  from: { path: `^${from}/`, pathNot: [tests, buildScripts] },
  to: {
    path: allInternal,
    pathNot: [`^${from.replace("([^/]+)", "$1")}/`, ...allowed.map((dir) => `^${dir}/`)],
  },
}));

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
    {
      name: "nothing-imports-services",
      comment: "services are composition roots; share code through packages/*",
      severity: "error",
      from: { pathNot: "^(services|test)/" },
      to: { path: "^services/" },
    },
    {
      name: "pure-core-has-no-node-builtins",
      comment: "the domain and the machines are pure: no IO, no Node built-ins",
      severity: "error",
      from: { path: "^(packages/domain|workflows/[^/]+)/", pathNot: tests },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "machines-import-only-xstate-and-domain",
      severity: "error",
      from: { path: "^workflows/[^/]+/src/", pathNot: tests },
      to: {
        dependencyTypesNot: ["local"],
        pathNot: ["^packages/domain/", "/node_modules/xstate/"],
      },
    },
    {
      name: "engine-knows-no-workflow",
      comment:
        "the engine is generic: a workflow meets its Workflow port and is handed to it by a composition root " +
        "(services/*/src/main.ts); the proposal binding lives in workflows/proposal. Its tests may run one.",
      severity: "error",
      from: { path: "^packages/engine/", pathNot: tests },
      to: { path: "^workflows/" },
    },
    {
      name: "test-infrastructure-only-in-tests",
      severity: "error",
      from: { pathNot: `(${tests})|^infra/|^test/` },
      to: { path: "^infra/local/src/testing/" },
    },
    {
      name: "api-http-imports-no-feature",
      comment:
        "services/api/src/http is the api's plumbing (errors, validation, idempotency, rate limits, the OpenAPI kit): features import it, never the reverse; services/api/src/openapi.ts and app.ts compose them",
      severity: "error",
      from: { path: "^services/api/src/http/", pathNot: tests },
      // Every folder of services/api/src but http itself is a feature, so a new feature needs no edit here.
      to: { path: "^services/api/src/[^/]+/", pathNot: "^services/api/src/http/" },
    },
    ...layerRules,
    { name: "not-to-unresolvable", severity: "error", from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|src/generated|dist)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
