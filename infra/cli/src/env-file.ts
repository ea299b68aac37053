import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";

/**
 * The environment with a `.env` file's variables under it: `file` when given (it must exist), else `.env` in
 * `cwd` when there is one. What the environment sets wins over the file, as with Node's `--env-file`.
 *
 * Node's own parser (`util.parseEnv`, the one behind `--env-file` and `process.loadEnvFile`) rather than the dotenv
 * package: the same syntax as `node --env-file=.env`, which the services can use for local runs with nothing to
 * install, and no dependency to keep. Parsed into a copy rather than loaded into `process.env`, so nothing else in
 * the process sees the file's secrets by accident.
 */
export function withEnvFile(
  env: Readonly<Record<string, string | undefined>>,
  options: { file?: string | undefined; cwd: string },
): Record<string, string | undefined> {
  const file = options.file ?? path.join(options.cwd, ".env");
  if (!options.file && !existsSync(file)) return { ...env };
  const parsed = parseEnv(readFileSync(path.resolve(options.cwd, file), "utf8"));
  return { ...parsed, ...Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)) };
}
