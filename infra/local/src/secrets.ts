import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Reads a generated secret from `<dir>/<name>`, creating it (owner-only, 0600) on first use with `generate`
 * (24 random bytes by default; a caller whose secret has a format of its own passes its maker). The embedded
 * servers listen on loopback only, but on a shared machine every local user can reach loopback: a password
 * keeps them out.
 */
export function localSecret(
  dir: string,
  name: string,
  generate: () => string = () => randomBytes(24).toString("base64url"),
): string {
  const file = path.join(dir, name);
  if (existsSync(file)) {
    const kept = readFileSync(file, "utf8").trim();
    // An empty file (a write cut short, a hand edit) would silently mean "no secret": an unguarded server or
    // acknowledge links turned off. Say so instead of guessing which.
    if (kept === "") throw new Error(`${file} is empty: delete it to have a new secret generated`);
    return kept;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = generate();
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
