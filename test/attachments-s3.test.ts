import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3Store } from "../services/api/src/index.ts";
import { startApi } from "./support/api.ts";

/**
 * The S3-compatible attachment store against an S3 protocol server on loopback (s3rver): put, read back the same
 * bytes, remove, a missing object. s3rver parses the Authorization header but does not verify Signature V4; the
 * signing itself is checked against AWS's documented examples (services/api/src/attachments/s3-store.test.ts).
 */
let server: S3rver;
let dir: string;
let endpoint: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "huiyin-s3-"));
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: path.join(dir, "server"),
    configureBuckets: [{ name: "huiyin-attachments", configs: [] }],
  });
  const address = await server.run();
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const options = () => ({
  endpoint,
  bucket: "huiyin-attachments",
  region: "us-east-1",
  // s3rver's fixed credentials.
  accessKeyId: "S3RVER",
  secretAccessKey: "S3RVER",
  stagingDirectory: path.join(dir, "staging"),
});

async function staged(bytes: Buffer) {
  const file = path.join(dir, `staged-${Math.random().toString(16).slice(2)}`);
  await writeFile(file, bytes);
  return {
    path: file,
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    contentType: "application/pdf",
  };
}

async function read(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe("the S3-compatible store", () => {
  it("stores, serves back the same bytes, and removes (path-style, signed requests)", async () => {
    const store = s3Store(options());
    const bytes = Buffer.from("%PDF-1.7\n% 答复函\n%%EOF\n", "utf8");
    const key = "proposals/p_1/att_0123456789abcdef0123456789abcdef";
    await store.put(key, await staged(bytes));
    expect((await read(await store.open(key))).equals(bytes)).toBe(true);
    await store.remove(key);
    await expect(store.open(key)).rejects.toThrow(/No attachment bytes/);
    // Removing what is not there is not an error.
    await store.remove(key);
  });

  it("serves an upload through the api with the bucket as its store", async () => {
    const api = await startApi({ overrides: { attachments: { store: s3Store(options()), maxBytes: 100_000 } } });
    try {
      const created = await api.call("POST", "/v1/proposals", {
        body: {
          title: "关于S3的建议",
          reasons: "理由",
          suggestions: ["建议"],
          category: "c",
          proposers: [{ id: "m" }],
        },
      });
      expect(created.status).toBe(201);
      const bytes = Buffer.from("%PDF-1.4\n% 照片说明\n%%EOF\n", "utf8");
      const uploaded = await fetch(`${api.base}/v1/proposals/${created.body.id}/attachments?filename=a.pdf`, {
        method: "POST",
        headers: { authorization: `Bearer ${api.adminKey}`, "content-type": "application/pdf" },
        body: bytes,
      });
      expect(uploaded.status).toBe(201);
      const { id } = (await uploaded.json()) as { id: string };
      const got = await fetch(`${api.base}/v1/attachments/${id}`, {
        headers: { authorization: `Bearer ${api.adminKey}` },
      });
      expect(got.status).toBe(200);
      expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
      // Nothing is left in the staging folder: the bytes are in the bucket only.
      expect(await readdir(path.join(dir, "staging"))).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
