import { randomUUID } from "node:crypto";
import { chmod, link, mkdir, readFile, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Database } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import { generateKey, hashKey, prefixOf } from "./keys.ts";

export interface AdminKeySource {
  /** HUIYIN_ADMIN_KEY: a key chosen by the operator. */
  key?: string | undefined;
  /** HUIYIN_ADMIN_KEY_FILE: where a generated key is kept. */
  file?: string | undefined;
}

export type AdminKeyOutcome =
  | { source: "env"; prefix: string }
  | { source: "file"; prefix: string; file: string; generated: boolean }
  | { source: "none" };

/**
 * Makes sure the first admin key exists. A key from HUIYIN_ADMIN_KEY is registered (its hash); otherwise the
 * key in HUIYIN_ADMIN_KEY_FILE is, and when that file does not exist yet a new key is generated into it, owner-only.
 * Safe to run in N api processes at once: the file is published with link() (fails if another process won) and
 * the row is inserted with ON CONFLICT DO NOTHING. A revoked admin key stays revoked.
 */
export async function ensureAdminKey(
  database: Database,
  source: AdminKeySource,
  logger: Logger,
): Promise<AdminKeyOutcome> {
  if (source.key) {
    await register(database, source.key);
    return { source: "env", prefix: prefixOf(source.key) };
  }
  if (!source.file) {
    const admins = await database.prisma.apiKey.count({ where: { role: "admin", revokedAt: null } });
    if (admins === 0) logger.warn("no admin API key: set HUIYIN_ADMIN_KEY or HUIYIN_ADMIN_KEY_FILE");
    return { source: "none" };
  }
  const { key, generated } = await readOrCreateKeyFile(source.file, logger);
  await register(database, key);
  return { source: "file", prefix: prefixOf(key), file: source.file, generated };
}

async function register(database: Database, key: string): Promise<void> {
  await database.prisma.apiKey.createMany({
    data: [{ id: randomUUID(), prefix: prefixOf(key), hash: hashKey(key), role: "admin", actorId: "admin" }],
    skipDuplicates: true,
  });
}

async function readOrCreateKeyFile(file: string, logger: Logger): Promise<{ key: string; generated: boolean }> {
  const existing = await readKey(file, logger);
  if (existing) return { key: existing, generated: false };
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const { key } = generateKey();
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${key}\n`, { mode: 0o600, flag: "wx" });
  try {
    // link() publishes the complete file atomically and fails if it exists: of two processes, one key wins.
    await link(temporary, file);
    return { key, generated: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = await readKey(file, logger);
    if (!winner) throw new Error(`${file} exists but holds no key`);
    return { key: winner, generated: false };
  } finally {
    await unlink(temporary).catch(() => {});
  }
}

async function readKey(file: string, logger: Logger): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const { mode } = await stat(file);
  if ((mode & 0o077) !== 0) {
    // Someone widened it; a key others can read is a key others have. Narrow it back and say so.
    await chmod(file, 0o600);
    logger.warn({ file }, "the admin key file was readable by others; its mode is now 0600");
  }
  const key = text.trim();
  if (key.length < 32) throw new Error(`${file} does not hold an API key`);
  return key;
}
