import type { Request } from "express";
import { refuse } from "../http/error-codes.ts";

/**
 * The request's bytes, up to `maxBytes`: a larger body is refused as soon as it passes the limit (413
 * `IMPORT_TOO_LARGE`), without reading the rest into memory. A declared Content-Length over the limit is refused
 * before anything is read.
 */
export async function readBody(request: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    refuse("IMPORT_TOO_LARGE", `The file is larger than ${maxBytes} bytes: split it, or import it in parts.`);
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Read and dropped (nothing kept), so that the client, still sending, can read the 413 instead of a reset.
    request.resume();
    throw tooLarge();
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        // The rest is read and dropped (nothing kept), so the client can read the 413 instead of a reset.
        request.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
  });
}
