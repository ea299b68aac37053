/**
 * Which files a proposal may carry, and what a file is, judged by its bytes: the pure core of uploads. A declared
 * Content-Type is a claim; the magic bytes (and, for the zip-based formats, the names inside the archive) decide.
 * The list is what a committee's office exchanges: PDF (the sealed reply letter 答复函), OFD (the national standard
 * for sealed electronic documents, GB/T 33190), photos, and Word/Excel documents. HTML, SVG, scripts and archives
 * in general are not on it: whatever is served, is served as a download, and what could run in a browser is not
 * accepted in the first place.
 */
export const ATTACHMENT_TYPES = {
  "application/pdf": { extensions: [".pdf"] },
  "application/ofd": { extensions: [".ofd"] },
  "image/jpeg": { extensions: [".jpg", ".jpeg"] },
  "image/png": { extensions: [".png"] },
  "image/webp": { extensions: [".webp"] },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { extensions: [".docx"] },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { extensions: [".xlsx"] },
  "application/msword": { extensions: [".doc"] },
  "application/vnd.ms-excel": { extensions: [".xls"] },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_TYPE_NAMES = Object.keys(ATTACHMENT_TYPES) as AttachmentType[];

/** Other names clients send for the same types. */
const ALIASES: Readonly<Record<string, AttachmentType>> = {
  "application/x-pdf": "application/pdf",
  "application/vnd.ofd": "application/ofd",
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
};

/** "Any of the list, let the bytes say": what a client sends when it does not know the type. */
export const UNKNOWN_TYPE = "application/octet-stream";

/**
 * The allowed type a Content-Type header names (parameters and case ignored), `unknown` for
 * application/octet-stream or no header, or `refused` for anything off the list.
 */
export function declaredType(header: string | undefined): AttachmentType | "unknown" | "refused" {
  const essence = (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (essence === "" || essence === UNKNOWN_TYPE) return "unknown";
  if (essence in ATTACHMENT_TYPES) return essence as AttachmentType;
  return ALIASES[essence] ?? "refused";
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

const PDF = ascii("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The OLE compound file (CFB) of the old Word and Excel formats. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What the first bytes say: a type, a container to look into (`zip`, `cfb`), or nothing allowed. */
export type Magic = AttachmentType | "zip" | "cfb" | undefined;

/** The magic of `head` (the first bytes of the file; 16 are enough). */
export function magicOf(head: Uint8Array): Magic {
  if (startsWith(head, PDF)) return "application/pdf";
  if (startsWith(head, PNG)) return "image/png";
  if (startsWith(head, JPEG)) return "image/jpeg";
  if (startsWith(head, RIFF) && startsWith(head, WEBP, 8)) return "image/webp";
  if (startsWith(head, ZIP)) return "zip";
  if (startsWith(head, CFB)) return "cfb";
  return undefined;
}

/** Which zip-based format an archive is, by the names of its entries. */
export function zipFormatOf(entryNames: readonly string[]): AttachmentType | undefined {
  const names = new Set(entryNames);
  if (names.has("OFD.xml")) return "application/ofd";
  if (!names.has("[Content_Types].xml")) return undefined;
  if (entryNames.some((name) => name.startsWith("word/"))) {
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  if (entryNames.some((name) => name.startsWith("xl/"))) {
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return undefined;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
export const ZIP_TAIL_BYTES = 22 + 65_535;

/**
 * Where a zip's central directory lies, from the last `ZIP_TAIL_BYTES` of a file of `fileSize` bytes: the end
 * record, searched from the end. Undefined when there is none or it points outside the file (a truncated or
 * forged archive, or a ZIP64 one, which no office document of an allowed size needs).
 */
export function centralDirectoryOf(tail: Uint8Array, fileSize: number): { offset: number; size: number } | undefined {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let at = tail.length - 22; at >= 0; at -= 1) {
    if (view.getUint32(at, true) !== END_OF_CENTRAL_DIRECTORY) continue;
    const size = view.getUint32(at + 12, true);
    const offset = view.getUint32(at + 16, true);
    if (offset === 0xffffffff || size === 0xffffffff || offset + size > fileSize) return undefined;
    return { offset, size };
  }
  return undefined;
}

/** The entry names of a zip's central directory (the bytes `centralDirectoryOf` locates). */
export function zipEntryNames(directory: Uint8Array): string[] {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const names: string[] = [];
  const decoder = new TextDecoder("utf-8");
  let at = 0;
  while (at + 46 <= directory.length && view.getUint32(at, true) === CENTRAL_FILE_HEADER) {
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > directory.length) break;
    names.push(decoder.decode(directory.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

export type TypeVerdict =
  | { ok: true; type: AttachmentType }
  | { ok: false; detected: AttachmentType | undefined; declared: AttachmentType | "unknown" };

/**
 * The type a file is stored and served as: what its bytes are (`magic`, and the zip's entry names when it is a
 * zip), which must be what was declared. The old Word and Excel formats share one container whose kind only a full
 * parse would tell, so a CFB file is taken as whichever of the two was declared (and refused when undeclared).
 */
export function judgeType(
  declared: AttachmentType | "unknown",
  magic: Magic,
  zipEntries: readonly string[] = [],
): TypeVerdict {
  let detected: AttachmentType | undefined;
  if (magic === "zip") detected = zipFormatOf(zipEntries);
  else if (magic === "cfb") {
    detected = declared === "application/msword" || declared === "application/vnd.ms-excel" ? declared : undefined;
  } else detected = magic;
  if (detected === undefined) return { ok: false, detected, declared };
  if (declared !== "unknown" && declared !== detected) return { ok: false, detected, declared };
  return { ok: true, type: detected };
}

/** A file name the uploader gave, made safe to store and to put in a Content-Disposition; undefined when empty. */
export function cleanFilename(given: string, type?: AttachmentType): string | undefined {
  // The last path segment only, without control characters (no header injection, no directories).
  const base = given.split(/[/\\]/).at(-1) ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes.
  let name = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  if (name === "" || name === "." || name === "..") return undefined;
  name = [...name].slice(0, 200).join("");
  if (!type) return name;
  // The name's extension follows the type, so that a saved file opens as what it is (a PDF named x.html would
  // open in a browser from the disk, and a file that is both PDF and HTML would run there).
  const extensions: readonly string[] = ATTACHMENT_TYPES[type].extensions;
  const lower = name.toLowerCase();
  return extensions.some((extension) => lower.endsWith(extension)) ? name : `${name}${extensions[0]}`;
}
