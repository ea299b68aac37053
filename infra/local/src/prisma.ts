import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { repoRoot } from "./paths.ts";

const dbPackage = path.join(repoRoot, "packages", "db");

/**
 * Runs the Prisma CLI of packages/db (its prisma.config.ts points the CLI at the offline schema engine
 * stand-in unless the user set a native one) against `databaseUrl`. Returns stdout; throws with the
 * output when the command fails.
 */
export function runPrisma(args: string[], databaseUrl: string): string {
  const requireFromDb = createRequire(path.join(dbPackage, "package.json"));
  const cli = requireFromDb.resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: dbPackage,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(" ")} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}
