import type { z } from "zod";
import { refuse } from "./error-codes.ts";

/** One failing field of a request: where (a dotted path, "" for the whole body) and why. */
export interface FieldProblem {
  path: string;
  message: string;
}

export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/**
 * Parses `value` with `schema`, or throws 422 `VALIDATION_FAILED` listing every failing field. (400 is kept
 * for requests that are not even JSON, `MALFORMED_JSON`, and for malformed headers and query strings.)
 */
export function parseBody<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw refuse("VALIDATION_FAILED", "The request body is not valid.", {
      fields: problemsOf(result.error),
    });
  }
  return result.data;
}

/** Like `parseBody`, for the query string: 400 `INVALID_QUERY`. */
export function parseQuery<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw refuse("INVALID_QUERY", "The query string is not valid.", { fields: problemsOf(result.error) });
  }
  return result.data;
}
