import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { centralDirectoryOf, type Magic, magicOf, ZIP_TAIL_BYTES, zipEntryNames } from "./file-types.ts";

/** The bytes of one upload on the local disk, before any check of what they are. */
export interface Received {
  path: string;
  size: number;
  sha256: string;
  magic: Magic;
}

/** The body was larger than the limit; the part received is already deleted. */
export class TooLarge extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

/** Head bytes kept for the magic: enough for every signature of file-types.ts. */
const HEAD_BYTES = 16;

/**
 * Streams `body` into a new file of `directory`, counting and hashing as it goes: memory stays flat whatever the
 * size, and the limit is enforced on the bytes that arrive, not on a Content-Length a client may send falsely. Over
 * the limit, the stream is stopped and the partial file removed. The caller removes the file when it refuses the
 * upload for another reason, or hands it to the store.
 */
export async function receive(body: NodeJS.ReadableStream, directory: string, limit: number): Promise<Received> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const file = path.join(directory, `${randomUUID()}.part`);
  const hash = createHash("sha256");
  let size = 0;
  let head = Buffer.alloc(0);
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) return done(new TooLarge(limit));
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { path: file, size, sha256: hash.digest("hex"), magic: magicOf(head) };
}

/** The entry names of the zip at `file` (empty when it is not a readable zip), from its central directory. */
export async function zipEntriesOf(file: string, size: number): Promise<string[]> {
  const handle = await open(file, "r");
  try {
    const tailLength = Math.min(size, ZIP_TAIL_BYTES);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const located = centralDirectoryOf(tail, size);
    // An office document's directory is a few kilobytes; a far larger one is not worth reading to judge a type.
    if (!located || located.size > 4 * 1024 * 1024) return [];
    const directory = Buffer.alloc(located.size);
    await handle.read(directory, 0, located.size, located.offset);
    return zipEntryNames(directory);
  } finally {
    await handle.close();
  }
}

/**
 * Removes the parts of uploads that a process died receiving (`*.part` in the staging folder older than
 * `olderThanMs`): at start, so they do not pile up. Several api processes may share the folder; an upload older
 * than the server's request timeout (5 minutes) is nobody's, so an hour is safe. Returns how many it removed.
 */
export async function sweepStaging(directory: string, olderThanMs: number, now: Date): Promise<number> {
  const names = await readdir(directory).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names.filter((entry) => entry.endsWith(".part"))) {
    const file = path.join(directory, name);
    const info = await stat(file).catch(() => undefined);
    if (info && now.getTime() - info.mtimeMs > olderThanMs) {
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}
