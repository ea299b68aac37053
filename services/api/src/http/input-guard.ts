import type { RequestHandler } from "express";
import { refuse } from "./error-codes.ts";
import type { HttpError } from "./errors.ts";

/**
 * How deep a JSON body may nest. No endpoint takes more than 4 levels; far deeper bodies (a few kilobytes of
 * `[[[[…`) overflow the stack of every recursive walk after the parser (hashing for Idempotency-Key, validation,
 * Prisma's serialisation), so they are refused before any of those runs.
 */
export const MAX_BODY_DEPTH = 32;

/** U+0000: PostgreSQL cannot store it in text or jsonb, so a value holding one could never be saved or matched. */
const NUL = "\u0000";
/**
 * NUL, or a lone UTF-16 surrogate (`"\ud800"` is valid JSON but not Unicode: jsonb refuses it, and text columns
 * would silently store U+FFFD instead). With the `u` flag a well-formed pair is one code point, never `\p{Cs}`.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this refuses.
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/** Whether PostgreSQL can store (and so compare) `text`: no NUL, no lone surrogate. */
export const isStorable = (text: string): boolean => !UNSTORABLE.test(text);

/**
 * Refuses, before routing and before anything reaches the database, a URL whose percent-encoding is not UTF-8
 * (`/v1/proposals/%E0%A4%A`: the router's decoding of a path parameter would throw) and a path or query
 * holding a NUL (`?q=a%00b`). Both are 400 in the error shape: `MALFORMED_URL`, `INVALID_CHARACTER`.
 */
export const refuseMalformedUrl: RequestHandler = (request, _response, next) => {
  const url = request.url;
  const mark = url.indexOf("?");
  const parts = {
    path: mark === -1 ? url : url.slice(0, mark),
    query: mark === -1 ? "" : url.slice(mark + 1).replaceAll("+", " "),
  };
  for (const [part, text] of Object.entries(parts)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return next(
        refuse("MALFORMED_URL", `The ${part} of the URL has a malformed percent-encoding (not UTF-8).`, {
          part,
        }),
      );
    }
    if (decoded.includes(NUL)) {
      return next(refuse("INVALID_CHARACTER", `The ${part} of the URL holds a NUL character (U+0000).`, { part }));
    }
  }
  next();
};

/** What is wrong with a parsed JSON body, if anything: too deep, or NUL or a lone surrogate in a string or key. */
export function bodyProblem(body: unknown): HttpError | undefined {
  // Iterative, so the walk itself cannot overflow on the bodies it exists to refuse.
  const pending: { value: unknown; depth: number; path: string }[] = [{ value: body, depth: 0, path: "" }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, depth, path } = next;
    if (typeof value === "string") {
      if (UNSTORABLE.test(value)) return unstorableIn(path);
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth + 1 > MAX_BODY_DEPTH) {
      return refuse("BODY_TOO_DEEP", `The request body nests deeper than ${MAX_BODY_DEPTH} levels.`, {
        maxDepth: MAX_BODY_DEPTH,
        path,
      });
    }
    for (const [key, inner] of Object.entries(value)) {
      const innerPath = path === "" ? key : `${path}.${key}`;
      if (UNSTORABLE.test(key)) return unstorableIn(innerPath);
      pending.push({ value: inner, depth: depth + 1, path: innerPath });
    }
  }
  return undefined;
}

function unstorableIn(path: string): HttpError {
  return refuse(
    "INVALID_CHARACTER",
    "The request body holds a NUL character (U+0000) or a lone surrogate (not Unicode).",
    { fields: [{ path, message: "no field may hold U+0000 or a lone surrogate" }] },
  );
}

/** After the JSON parser: refuses a body `bodyProblem` finds fault with, before any handler sees it. */
export const refuseHostileBody: RequestHandler = (request, _response, next) => {
  next(bodyProblem(request.body));
};
