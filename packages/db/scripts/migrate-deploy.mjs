#!/usr/bin/env node
// `huiyin-migrate`: applies the migrations to DATABASE_URL (`prisma migrate deploy`) from wherever @huiyin/db is
// installed — the repository, or a service bundle made by `pnpm deploy --prod` (the compose file's one-shot
// `migrate`, the systemd `huiyin-migrate.service`). The Prisma CLI and the schema-engine stand-in it needs are
// runtime dependencies of @huiyin/db for that reason. Plain JavaScript, so it needs no TypeScript loader.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
if (!process.env.DATABASE_URL) {
  process.stderr.write("huiyin-migrate: DATABASE_URL is not set.\n");
  process.exit(2);
}
const result = spawnSync(
  process.execPath,
  [prismaCli, "migrate", "deploy", "--config", path.join(packageDir, "prisma.config.ts")],
  { cwd: packageDir, stdio: "inherit" },
);
process.exit(result.status ?? 1);
