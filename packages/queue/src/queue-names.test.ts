import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { queues } from "./catalog.ts";

/**
 * The queue catalog is the one place a queue is named: a name written elsewhere is a second copy of the contract
 * that can drift (a worker on "notice-emails" waits for ever). A string is not a module, so the dependency rules
 * cannot see it; this scan of every source file of the repository does, as part of `npm test`.
 *
 * A queue's name is a string literal equal to it, or a Redis key written with it (`${prefix}:alarms:${id}`). The
 * same word inside a list of other words (`["proposals", "alarms", "outbox"]`: tables) means something else.
 */
const root = path.resolve(import.meta.dirname, "../../..");
const ROOTS = ["packages", "workflows", "services", "infra", "test"];
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const NOT_SOURCE = new Set(["node_modules", "generated", "dist", "coverage"]);
/** The catalog; its own test, which checks the names against what Redis holds; this file, with its samples. */
const EXEMPT = new Set([
  "packages/queue/src/catalog.ts",
  "packages/queue/src/catalog.test.ts",
  "packages/queue/src/queue-names.test.ts",
]);

interface Naming {
  file: string;
  line: number;
  text: string;
}

/** Where `text` (a source file) names one of `names` as a queue. */
function queueNamings(file: string, text: string, names: readonly string[]): Naming[] {
  const known = new Set(names);
  const inKey = new RegExp(`:(${names.map(escaped).join("|")})(:|$)`);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindOf(file));
  const found: Naming[] = [];
  const report = (node: ts.Node, literal: string) =>
    found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: literal });
  const visit = (node: ts.Node) => {
    // A module name (`import { once } from "node:events"`) names a module, never a queue.
    const parent = node.parent as ts.Node | undefined;
    const moduleName =
      parent !== undefined &&
      (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) &&
      parent.moduleSpecifier === node;
    if (moduleName) return;
    if (ts.isStringLiteralLike(node)) {
      if (known.has(node.text) && !amongOtherWords(node, known)) report(node, node.text);
      else if (inKey.test(node.text)) report(node, node.text);
    } else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      if (inKey.test(node.text)) report(node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A literal in an array that also holds strings that are no queue's name: a list of tables, fields, words. */
function amongOtherWords(node: ts.Node, known: ReadonlySet<string>): boolean {
  const list = node.parent;
  return (
    ts.isArrayLiteralExpression(list) &&
    list.elements.some((element) => ts.isStringLiteralLike(element) && !known.has(element.text))
  );
}

function escaped(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function scriptKindOf(file: string): ts.ScriptKind {
  return /\.(js|mjs|cjs)$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(path.join(root, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(directory, entry.name);
    if (entry.isDirectory())
      return NOT_SOURCE.has(entry.name) || entry.name.startsWith(".") ? [] : sourceFiles(relative);
    return SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts") ? [relative] : [];
  });
}

const names = Object.values(queues);
/** A name between quotes or colons (or before `${`): the files worth parsing. */
const mentions = new RegExp(`["'\`:](${names.map(escaped).join("|")})["'\`:$]`);
/** Writes `${` into the samples of code below. */
const $ = "$";

describe("queue names outside the catalog", () => {
  it("finds a queue named in code, in a list of queues and in a Redis key", () => {
    const code = [
      'createQueue("alarms", connection, settings);',
      "new Worker('notice-email', null, options);",
      'const all = (["events", "webhooks"] as const).map(open);',
      `const key = \`${$}{prefix}:digests:${$}{id}\`;`,
      "const name = `digest-email`;",
    ].join("\n");
    expect(queueNamings("x.ts", code, names).map(({ line, text }) => [line, text])).toEqual([
      [1, "alarms"],
      [2, "notice-email"],
      [3, "events"],
      [3, "webhooks"],
      [4, ":digests:"],
      [5, "digest-email"],
    ]);
  });

  it("leaves alone the same words that name something else", () => {
    const code = [
      'import { once } from "node:events";',
      "// the alarms queue, then the notices",
      'const tables = ["proposals", "alarms", "outbox"];',
      'await pool.query("SELECT count(*) FROM alarms");',
      "const queue = deps.queues.alarms;",
      'const label = { notices: 1, "notice-emails": 2 };',
      `const key = \`${$}{prefix}:roundtrip:*\`;`,
    ].join("\n");
    expect(queueNamings("x.ts", code, names)).toEqual([]);
  });

  it("are nowhere in the repository: every queue is named in packages/queue/src/catalog.ts only", {
    timeout: 60_000,
  }, () => {
    const files = ROOTS.flatMap(sourceFiles).filter((file) => !EXEMPT.has(file));
    // The walk reached the code that uses queues (a scan of nothing would pass).
    expect(files).toEqual(
      expect.arrayContaining([
        "services/notifier/src/main.ts",
        "packages/engine/src/workers.ts",
        "test/redis-flush.test.ts",
      ]),
    );
    const found = files.flatMap((file) => {
      const text = readFileSync(path.join(root, file), "utf8");
      // Parsed only where a name stands next to a quote or a colon: most files never get that far.
      return mentions.test(text) ? queueNamings(file, text, names) : [];
    });
    expect(found.map(({ file, line, text }) => `${file}:${line} "${text}"`)).toEqual([]);
  });
});
