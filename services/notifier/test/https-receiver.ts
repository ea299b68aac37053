import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A self-signed certificate for 127.0.0.1, made by Debian's `openssl` for this test run only. */
export interface TestCertificate {
  cert: string;
  key: string;
}

export function selfSignedCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), "huiyin-cert-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    return { cert: readFileSync(join(dir, "cert.pem"), "utf8"), key: readFileSync(join(dir, "key.pem"), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One request the receiver got. */
export interface ReceivedRequest {
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: unknown;
}

export interface Answer {
  status: number;
  body: unknown;
}

export interface HttpsReceiver {
  /** `https://127.0.0.1:<port>` */
  base: string;
  /** `127.0.0.1:<port>`, for WEBHOOK_ALLOWED_DESTINATIONS. */
  host: string;
  /** The certificate to trust (the adapters' `ca`). */
  ca: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * An HTTPS server on 127.0.0.1 that records each POST and answers with what `answer` says for it (a robot's
 * `{"errcode": 0}` by default).
 */
export async function startHttpsReceiver(
  certificate: TestCertificate,
  answer: (request: ReceivedRequest) => Answer = () => ({ status: 200, body: { errcode: 0, errmsg: "ok" } }),
): Promise<HttpsReceiver> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer({ cert: certificate.cert, key: certificate.key }, (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const request = { url: new URL(incoming.url ?? "/", "https://127.0.0.1"), headers: incoming.headers, body, json };
      requests.push(request);
      const { status, body: reply } = answer(request);
      outgoing.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `https://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    ca: certificate.cert,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
