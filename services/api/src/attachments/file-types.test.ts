import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  centralDirectoryOf,
  cleanFilename,
  declaredType,
  judgeType,
  magicOf,
  ZIP_TAIL_BYTES,
  zipEntryNames,
} from "./file-types.ts";
import { receive, sweepStaging, TooLarge, zipEntriesOf } from "./receive.ts";

/** A minimal valid zip of empty stored entries, as an office suite or an OFD writer would lay it out. */
function zipOf(names: readonly string[], comment = ""): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const encoded = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(encoded.length, 26);
    locals.push(local, encoded);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(encoded.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, encoded);
    offset += 30 + encoded.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const trailer = Buffer.from(comment, "utf8");
  end.writeUInt16LE(trailer.length, 20);
  return Buffer.concat([...locals, directory, end, trailer]);
}

const PDF = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", "latin1");
const HTML = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const WEBP = Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WEBPVP8 ")]);
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const DOCX = zipOf(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
const XLSX = zipOf(["[Content_Types].xml", "xl/workbook.xml"]);
const OFD = zipOf(["OFD.xml", "Doc_0/Document.xml", "Doc_0/Signs/Signatures.xml"], "sealed");

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function entriesOf(zip: Buffer): string[] {
  const tail = zip.subarray(Math.max(0, zip.length - ZIP_TAIL_BYTES));
  const located = centralDirectoryOf(tail, zip.length);
  return located ? zipEntryNames(zip.subarray(located.offset, located.offset + located.size)) : [];
}

const judge = (declared: string, bytes: Buffer) => {
  const type = declaredType(declared);
  if (type === "refused") return { refused: true } as const;
  const magic = magicOf(bytes);
  return judgeType(type, magic, magic === "zip" ? entriesOf(bytes) : []);
};

describe("what a file is, by its bytes", () => {
  it("recognises every allowed type from its bytes, declared or not", () => {
    const cases: [string, Buffer, string][] = [
      ["application/pdf", PDF, "application/pdf"],
      ["image/png", PNG, "image/png"],
      ["image/jpg", JPEG, "image/jpeg"],
      ["image/webp", WEBP, "image/webp"],
      [DOCX_TYPE, DOCX, DOCX_TYPE],
      [XLSX_TYPE, XLSX, XLSX_TYPE],
      ["application/ofd", OFD, "application/ofd"],
      ["application/vnd.ofd", OFD, "application/ofd"],
      ["application/msword", CFB, "application/msword"],
      ["application/vnd.ms-excel", CFB, "application/vnd.ms-excel"],
    ];
    for (const [declared, bytes, stored] of cases) {
      expect(judge(declared, bytes), declared).toEqual({ ok: true, type: stored });
      if (declared !== "application/msword" && declared !== "application/vnd.ms-excel") {
        expect(judge("application/octet-stream", bytes), `undeclared ${stored}`).toEqual({ ok: true, type: stored });
      }
    }
  });

  it("refuses HTML dressed as a PDF, a type that is not the bytes, and bytes of no allowed type", () => {
    expect(judge("application/pdf", HTML)).toEqual({ ok: false, detected: undefined, declared: "application/pdf" });
    expect(judge("application/octet-stream", HTML)).toMatchObject({ ok: false, detected: undefined });
    expect(judge("image/png", PDF)).toEqual({ ok: false, detected: "application/pdf", declared: "image/png" });
    expect(judge(DOCX_TYPE, XLSX)).toEqual({ ok: false, detected: XLSX_TYPE, declared: DOCX_TYPE });
    // A zip that is neither an office document nor an OFD, and an old-format file whose kind was not declared.
    expect(judge("application/octet-stream", zipOf(["payload.exe"]))).toMatchObject({ ok: false });
    expect(judge("application/octet-stream", CFB)).toMatchObject({ ok: false });
    expect(judge("application/pdf", Buffer.alloc(0))).toMatchObject({ ok: false });
    // " %PDF" is not a PDF's first bytes: the magic is at the start or nowhere.
    expect(judge("application/pdf", Buffer.concat([Buffer.from(" "), PDF]))).toMatchObject({ ok: false });
  });

  it("refuses a declared type off the list before looking at the bytes", () => {
    for (const type of ["text/html", "image/svg+xml", "application/zip", "application/javascript", "text/plain"]) {
      expect(declaredType(type), type).toBe("refused");
    }
    expect(declaredType("Application/PDF; charset=binary")).toBe("application/pdf");
    expect(declaredType(undefined)).toBe("unknown");
  });

  it("reads a zip's central directory past a comment, and nothing from a truncated or non-zip file", () => {
    expect(entriesOf(OFD)).toEqual(["OFD.xml", "Doc_0/Document.xml", "Doc_0/Signs/Signatures.xml"]);
    expect(entriesOf(DOCX.subarray(0, DOCX.length - 10))).toEqual([]);
    expect(entriesOf(PDF)).toEqual([]);
  });
});

describe("file names", () => {
  it("keeps the last path segment without control characters or quotes, with the type's extension", () => {
    expect(cleanFilename("答复函（盖章）.pdf", "application/pdf")).toBe("答复函（盖章）.pdf");
    expect(cleanFilename("..\\..\\etc/passwd", "application/pdf")).toBe("passwd.pdf");
    expect(cleanFilename('a"\r\nSet-Cookie: x.PDF', "application/pdf")).toBe("aSet-Cookie: x.PDF");
    expect(cleanFilename("photo.html", "image/jpeg")).toBe("photo.html.jpg");
    expect(cleanFilename("/", "application/pdf")).toBeUndefined();
    expect(cleanFilename("..", "application/pdf")).toBeUndefined();
  });
});

describe("receiving an upload", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "huiyin-receive-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const chunks = (...parts: Buffer[]) => Readable.from(parts);

  it("streams to a file with its size, SHA-256 and magic", async () => {
    const received = await receive(chunks(PDF.subarray(0, 3), PDF.subarray(3)), dir, PDF.length);
    expect(received).toMatchObject({ size: PDF.length, magic: "application/pdf" });
    expect(received.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));
    expect(await readFile(received.path)).toEqual(PDF);
    await rm(received.path);
  });

  it("stops at one byte over the limit and leaves nothing behind", async () => {
    await expect(receive(chunks(PDF, Buffer.from("x")), dir, PDF.length)).rejects.toBeInstanceOf(TooLarge);
    expect(await readdir(dir)).toEqual([]);
  });

  it("reads the entry names of a received zip from its end", async () => {
    const file = path.join(dir, "a.docx");
    await writeFile(file, DOCX);
    expect(await zipEntriesOf(file, DOCX.length)).toEqual(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
    await rm(file);
  });

  it("sweeps the parts of uploads a process died receiving, not those still arriving", async () => {
    const old = path.join(dir, "old.part");
    const fresh = path.join(dir, "fresh.part");
    await writeFile(old, "x");
    await writeFile(fresh, "x");
    const now = new Date();
    const twoHoursAgo = new Date(now.getTime() - 2 * 60 * 60 * 1000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    expect(await sweepStaging(dir, 60 * 60 * 1000, now)).toBe(1);
    expect(await readdir(dir)).toEqual(["fresh.part"]);
    await rm(fresh);
    expect(await sweepStaging(path.join(dir, "missing"), 0, now)).toBe(0);
  });
});
