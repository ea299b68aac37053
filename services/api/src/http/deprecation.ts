import type { RequestHandler } from "express";
import type { JsonSchema } from "./openapi-kit.ts";

/**
 * Deprecation notices on the wire (docs/versioning.md): an operation, or a query parameter, marked
 * `deprecated: true` in the OpenAPI document with an `x-deprecation` extension is answered with
 * - `Deprecation: @<unix seconds>` (RFC 9745): since when it is deprecated;
 * - `Sunset: <HTTP-date>` (RFC 8594), once a removal date is set: not before, and at least 12 months after;
 * - `Link: <…>; rel="deprecation"` (RFC 9745): where the replacement is described (the API reference).
 * The document is the one place a deprecation is declared: the headers, the reference page and the generated client's
 * `@deprecated` all follow from it.
 */
export interface Deprecation {
  since: Date;
  sunset?: Date;
}

/** The `x-deprecation` extension beside `deprecated: true` (dates as `YYYY-MM-DD`, or full instants). */
export interface DeprecationExtension {
  since: string;
  sunset?: string;
}

/** What versioning.md promises: a deprecated operation keeps working at least this long. */
const MIN_NOTICE_MS = 365 * 24 * 60 * 60 * 1000;

interface Rule {
  method: string;
  pattern: RegExp;
  where: string;
  operation?: Deprecation;
  parameters: Map<string, Deprecation>;
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

/** The extension as an OpenAPI fragment: `{ deprecated: true, "x-deprecation": … }`, for operations and schemas. */
export function deprecated(extension: DeprecationExtension): {
  deprecated: true;
  "x-deprecation": DeprecationExtension;
} {
  return { deprecated: true, "x-deprecation": extension };
}

function parse(where: string, node: JsonSchema): Deprecation | undefined {
  if (node.deprecated !== true) return undefined;
  const extension = node["x-deprecation"] as Partial<DeprecationExtension> | undefined;
  const since = new Date(extension?.since ?? Number.NaN);
  if (Number.isNaN(since.getTime())) {
    throw new Error(`${where} is deprecated without x-deprecation.since (a date): the Deprecation header needs it.`);
  }
  if (extension?.sunset === undefined) return { since };
  const sunset = new Date(extension.sunset);
  if (Number.isNaN(sunset.getTime()) || sunset.getTime() - since.getTime() < MIN_NOTICE_MS) {
    throw new Error(`${where}: x-deprecation.sunset must be a date at least 12 months after its since.`);
  }
  return { since, sunset };
}

/** Reads every deprecation the document declares; throws at start-up on one it cannot announce. */
export function deprecationRules(document: JsonSchema): Rule[] {
  const rules: Rule[] = [];
  for (const [template, item] of Object.entries((document.paths ?? {}) as Record<string, Record<string, JsonSchema>>)) {
    const pattern = new RegExp(
      `^${template
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
        .join("[^/]+")}/?$`,
    );
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${template}`;
      const parameters = new Map<string, Deprecation>();
      for (const parameter of (operation.parameters ?? []) as JsonSchema[]) {
        if (parameter.in !== "query") continue;
        const found = parse(`${where} ?${parameter.name}`, parameter);
        if (found) parameters.set(parameter.name as string, found);
      }
      const own = parse(where, operation);
      if (own || parameters.size > 0)
        rules.push({ method: method.toUpperCase(), pattern, where, ...(own ? { operation: own } : {}), parameters });
    }
  }
  return rules;
}

/** The deprecation a request runs into: its operation's, else the earliest of the deprecated parameters it sends. */
export function deprecationOf(
  rules: readonly Rule[],
  method: string,
  path: string,
  query: Record<string, unknown>,
): Deprecation | undefined {
  const rule = rules.find((candidate) => candidate.method === method && candidate.pattern.test(path));
  if (!rule) return undefined;
  if (rule.operation) return rule.operation;
  const used = [...rule.parameters].filter(([name]) => query[name] !== undefined).map(([, found]) => found);
  return used.sort((a, b) => a.since.getTime() - b.since.getTime())[0];
}

/** The response headers that announce a deprecation. */
export function deprecationHeaders(found: Deprecation, link: string): Record<string, string> {
  return {
    Deprecation: `@${Math.floor(found.since.getTime() / 1000)}`,
    ...(found.sunset ? { Sunset: found.sunset.toUTCString() } : {}),
    Link: `<${link}>; rel="deprecation"; type="text/html"`,
  };
}

/** Middleware of the `/v1` router: sets the headers on every answer to a deprecated operation or parameter. */
export function deprecationNotices(document: JsonSchema, link: string): RequestHandler {
  const rules = deprecationRules(document);
  return (request, response, next) => {
    if (rules.length > 0) {
      // Express answers HEAD with the GET route: so does the notice.
      const method = request.method === "HEAD" ? "GET" : request.method;
      const found = deprecationOf(rules, method, request.baseUrl + request.path, request.query);
      if (found) {
        for (const [name, value] of Object.entries(deprecationHeaders(found, link))) response.append(name, value);
      }
    }
    next();
  };
}
