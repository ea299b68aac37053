/**
 * What an .xlsx (a zip) says it expands to, read from its central directory without inflating anything: the sum
 * of its entries' uncompressed sizes, or undefined when the bytes are not a zip whose directory can be read
 * (ZIP64, a directory past the end). A small .xlsx can expand to gigabytes of XML (a zip bomb) that the parser
 * would hold in memory; the importer refuses one whose declared size is beyond its limit before parsing it.
 * (Declared sizes are what a well-formed file says; the row limit still bounds what a parsed file may hold.)
 */
export function zipExpandedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const END = 0x06054b50;
  const ENTRY = 0x02014b50;
  // The end-of-central-directory record is the last 22 bytes, before a comment of at most 65,535.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === END) {
      end = at;
      break;
    }
  }
  if (end === -1) return undefined;
  const entries = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  let at = view.getUint32(end + 16, true);
  if (entries === 0xffff || at === 0xffffffff || at + directorySize > end) return undefined;
  let total = 0;
  for (let index = 0; index < entries; index++) {
    if (at + 46 > end || view.getUint32(at, true) !== ENTRY) return undefined;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return undefined;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}
