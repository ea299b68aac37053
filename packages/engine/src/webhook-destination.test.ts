import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postPinned } from "./webhook-destination.ts";

/**
 * The pinned POST against a real listener on 127.0.0.1: the connection goes to the checked address even for a
 * name no resolver knows (nothing asks DNS again), the name still travels in the Host header, and a redirect is
 * answered, not followed.
 */
let server: Server;
let port: number;
const seen: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    seen.push({ path: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
    if (request.url === "/moved") {
      response.statusCode = 302;
      response.setHeader("location", `http://127.0.0.1:${port}/elsewhere`);
    } else response.statusCode = 204;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
});

const post = (url: string) =>
  postPinned({ url, address: "127.0.0.1", family: 4, headers: { "x-test": "1" }, body: '{"a":1}', timeoutMs: 5_000 });

describe("postPinned", () => {
  it("connects to the checked address, whatever DNS would say of the name, and keeps the name as Host", async () => {
    // `.invalid` never resolves (RFC 6761): only the pinned address can have carried this request.
    expect(await post(`http://hooks.invalid:${port}/hook`)).toBe(204);
    const request = seen.at(-1);
    expect(request?.path).toBe("/hook");
    expect(request?.headers.host).toBe(`hooks.invalid:${port}`);
    expect(request?.headers["content-length"]).toBe("7");
    expect(request?.body).toBe('{"a":1}');
  });

  it("does not follow a redirect", async () => {
    const before = seen.length;
    expect(await post(`http://hooks.invalid:${port}/moved`)).toBe(302);
    expect(seen.slice(before).map((request) => request.path)).toEqual(["/moved"]);
  });

  it("fails on a refused connection and on a timeout", async () => {
    await expect(
      postPinned({
        url: "http://hooks.invalid:1/",
        address: "127.0.0.1",
        family: 4,
        headers: {},
        body: "",
        timeoutMs: 2_000,
      }),
    ).rejects.toThrow(/ECONNREFUSED/);
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const silentPort = (silent.address() as AddressInfo).port;
    try {
      await expect(
        postPinned({
          url: `http://x.invalid:${silentPort}/`,
          address: "127.0.0.1",
          family: 4,
          headers: {},
          body: "",
          timeoutMs: 200,
        }),
      ).rejects.toMatchObject({ name: expect.stringMatching(/AbortError|TimeoutError/) });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
