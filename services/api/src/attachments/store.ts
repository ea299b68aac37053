import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

/** A received file on the local disk, checked, with what the checks measured. */
export interface StagedFile {
  path: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  contentType: string;
}

/**
 * Where attachments' bytes are kept: a directory or an S3-compatible bucket (`ATTACHMENT_STORE`). Keys are made by
 * the api (`proposals/<proposal id>/<attachment id>`), never by a client. The database row is what makes an
 * attachment exist; the store only holds bytes.
 */
export interface AttachmentStore {
  readonly kind: "directory" | "s3";
  /** A local folder to receive uploads into before they are checked (and, for the directory, moved in place). */
  readonly stagingDirectory: string;
  /** Keeps the staged file's bytes under `key`; the staged file may be gone afterwards. */
  put(key: string, file: StagedFile): Promise<void>;
  /** The bytes under `key`; rejects with `AttachmentMissing` when there are none. */
  open(key: string): Promise<Readable>;
  /** Removes `key` (nothing when it is not there). */
  remove(key: string): Promise<void>;
}

export class AttachmentMissing extends Error {
  constructor(key: string) {
    super(`No attachment bytes under ${key}.`);
    this.name = "AttachmentMissing";
  }
}

const KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/** The keys are the api's own, but a key that could leave the folder is refused all the same. */
function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Not an attachment key: ${key}`);
  return key;
}

/**
 * The directory store: `<root>/<key>`, received into `<root>/.staging` on the same file system, so that storing is
 * a rename (atomic: a file is there whole or not at all). Files are owner-only (0600 through the umask-proof mode of
 * the staging write).
 */
export function directoryStore(root: string): AttachmentStore {
  const absolute = path.resolve(root);
  const staging = path.join(absolute, ".staging");
  const fileOf = (key: string) => path.join(absolute, ...checkedKey(key).split("/"));
  return {
    kind: "directory",
    stagingDirectory: staging,
    async put(key, file) {
      const target = fileOf(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await rename(file.path, target);
    },
    async open(key) {
      const file = fileOf(key);
      try {
        await stat(file);
      } catch {
        throw new AttachmentMissing(key);
      }
      return createReadStream(file);
    },
    async remove(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
