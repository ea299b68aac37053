import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: infra/local/src → ../../.. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * The one project-local folder that holds all state of the embedded default (git-ignored):
 * `postgres/`, `redis/`, `logs/`, `secrets/`, `tools/`. `HUIYIN_DATA_DIR` moves it.
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.HUIYIN_DATA_DIR ?? path.join(repoRoot, ".huiyin"));
}

/**
 * Whether a user other than the owner can reach `target`: every ancestor directory needs the execute bit
 * for "others". PostgreSQL refuses to run as root, so when we are root it runs as the `postgres` user,
 * which cannot enter a checkout under a mode-700 home such as /root.
 */
export function traversableByOthers(target: string): boolean {
  let current = path.resolve(target);
  for (;;) {
    const parent = path.dirname(current);
    if (parent === current) return true;
    try {
      if ((statSync(parent).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    current = parent;
  }
}

/** A stable folder outside the checkout for one project path, used when the checkout is not traversable. */
export function externalStateDir(projectDataDir: string): string {
  const digest = createHash("sha256").update(projectDataDir).digest("hex").slice(0, 12);
  return path.join("/var/lib/huiyin", digest);
}
