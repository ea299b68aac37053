/**
 * Where a person goes after signing in with the identity platform: a page of the console, given as the console's own
 * path (`/proposals/p-1?tab=history`, as the sign-in page's `next`). Only a path inside the console is taken, so the
 * sign-in cannot be used to send someone to another site (no open redirect): no scheme, no host (`//evil`), no
 * backslash (browsers read `/\evil` as `//evil`), no control characters, nothing that leaves /console once resolved.
 */
export const CONSOLE_BASE = "/console";

/** The default landing page: My work. */
export const DEFAULT_NEXT = "/work";

/** The console path to land on, or undefined when `next` is not a path inside the console. */
export function consoleNext(next: string | undefined): string | undefined {
  if (next === undefined || next === "") return DEFAULT_NEXT;
  if (next.length > 2000 || !next.startsWith("/") || next.startsWith("//")) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return undefined;
  const probe = "http://console.invalid";
  const resolved = new URL(`${CONSOLE_BASE}${next}`, probe);
  if (resolved.origin !== probe) return undefined;
  if (!resolved.pathname.startsWith(`${CONSOLE_BASE}/`)) return undefined;
  // The sign-in page itself is no destination (it would loop).
  if (resolved.pathname.startsWith(`${CONSOLE_BASE}/sign-in`)) return DEFAULT_NEXT;
  return `${resolved.pathname.slice(CONSOLE_BASE.length)}${resolved.search}`;
}
