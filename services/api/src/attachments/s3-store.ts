import { createHash, createHmac } from "node:crypto";
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AttachmentMissing, type AttachmentStore } from "./store.ts";

export interface S3Options {
  /** The service's base URL (`https://s3.example.com`); objects are addressed path-style under it. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Where uploads are received before they are checked; default: the system's temporary folder. */
  stagingDirectory?: string;
}

const EMPTY_SHA256 = createHash("sha256").update("").digest("hex");

const hmac = (key: Buffer | string, text: string): Buffer => createHmac("sha256", key).update(text).digest();
const sha256Hex = (text: string): string => createHash("sha256").update(text).digest("hex");

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, `/` kept in paths. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface SignedRequest {
  url: URL;
  headers: Record<string, string>;
}

export interface Credentials {
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * AWS Signature Version 4 of one S3 request to `url` (no query), for a payload whose SHA-256 is known (an upload's
 * is computed while it is received): the headers to send, `authorization` included. Pure, given `now`.
 */
export function signV4(
  credentials: Credentials,
  method: string,
  url: URL,
  payloadSha256: string,
  now: Date,
  extraHeaders: Record<string, string> = {},
): Record<string, string> {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(extraHeaders).map(([name, value]) => [name.toLowerCase(), value.trim()])),
    host: url.host,
    "x-amz-content-sha256": payloadSha256,
    "x-amz-date": amzDate,
  };
  const names = Object.keys(headers).sort();
  const canonicalRequest = [
    method,
    url.pathname,
    "",
    ...names.map((name) => `${name}:${headers[name]}`),
    "",
    names.join(";"),
    payloadSha256,
  ].join("\n");
  const scope = `${day}/${credentials.region}/s3/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const dayKey = hmac(`AWS4${credentials.secretAccessKey}`, day);
  const signingKey = hmac(hmac(hmac(dayKey, credentials.region), "s3"), "aws4_request");
  const signature = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(";")}, Signature=${signature}`;
  return headers;
}

/** The path-style URL of `key` in the bucket, each segment encoded as SigV4's canonical URI wants it. */
export function objectUrl(endpoint: string, bucket: string, key: string): URL {
  const base = new URL(endpoint);
  const basePath = base.pathname.replace(/\/+$/, "");
  return new URL(`${basePath}/${uriEncode(bucket)}/${key.split("/").map(uriEncode).join("/")}`, base);
}

function signS3Request(
  options: Credentials & { endpoint: string; bucket: string },
  method: string,
  key: string,
  payloadSha256: string,
  now: Date,
  extraHeaders: Record<string, string> = {},
): SignedRequest {
  const url = objectUrl(options.endpoint, options.bucket, key);
  return { url, headers: signV4(options, method, url, payloadSha256, now, extraHeaders) };
}

function send(signed: SignedRequest, method: string, body?: Readable): Promise<IncomingMessage> {
  const client = signed.url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(signed.url, { method, headers: signed.headers }, resolve);
    request.on("error", reject);
    if (body) pipeline(body, request).catch(reject);
    else request.end();
  });
}

async function failure(response: IncomingMessage, what: string): Promise<Error> {
  let text = "";
  for await (const chunk of response) text += String(chunk);
  // S3's error document names a code (NoSuchBucket, SignatureDoesNotMatch); never the request's credentials.
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] ?? "unknown";
  return new Error(`S3 ${what}: HTTP ${response.statusCode} ${code}`);
}

/**
 * The S3-compatible store: PUT, GET and DELETE of one object per attachment, path-style, signed with AWS Signature
 * V4 by hand (node:crypto): three requests do not justify the AWS SDK's some 100 packages. The payload hash signed
 * is the SHA-256 the upload computed, so the service checks the bytes it received against it.
 */
export function s3Store(options: S3Options, now: () => Date = () => new Date()): AttachmentStore {
  return {
    kind: "s3",
    stagingDirectory: options.stagingDirectory ?? path.join(tmpdir(), "huiyin-attachments"),
    async put(key, file) {
      const signed = signS3Request(options, "PUT", key, file.sha256, now(), {
        "content-length": String(file.size),
        "content-type": file.contentType,
      });
      const response = await send(signed, "PUT", createReadStream(file.path));
      if (response.statusCode !== 200) throw await failure(response, "PUT");
      response.resume();
      await rm(file.path, { force: true });
    },
    async open(key) {
      const response = await send(signS3Request(options, "GET", key, EMPTY_SHA256, now()), "GET");
      if (response.statusCode === 404) {
        response.resume();
        throw new AttachmentMissing(key);
      }
      if (response.statusCode !== 200) throw await failure(response, "GET");
      return response;
    },
    async remove(key) {
      const response = await send(signS3Request(options, "DELETE", key, EMPTY_SHA256, now()), "DELETE");
      if (response.statusCode !== 204 && response.statusCode !== 200 && response.statusCode !== 404) {
        throw await failure(response, "DELETE");
      }
      response.resume();
    },
  };
}
