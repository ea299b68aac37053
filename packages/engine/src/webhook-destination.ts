import { lookup as dnsLookup } from "node:dns/promises";
import { request as httpRequest, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { type AllowList, isLocalName, mayConnect, normalHost, portOf } from "./outbound-policy.ts";

/** A name's addresses, as `dns.lookup(name, { all: true })` gives them. Injected so a test can play DNS. */
export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

/** The system resolver (getaddrinfo: /etc/hosts, then DNS), bounded so a hung DNS cannot hold a request. */
export function systemResolver(timeoutMs = 5_000): Resolver {
  return (host) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`resolving ${host} timed out`)), timeoutMs);
    });
    return Promise.race([dnsLookup(host, { all: true, verbatim: true }), timeout]).finally(() => clearTimeout(timer));
  };
}

/** Where webhooks may go: the allow-list and how names are resolved. */
export interface DestinationPolicy {
  allow: AllowList;
  resolve: Resolver;
}

export type Vetted =
  | { ok: true; host: string; port: number; address: string; family: 4 | 6 }
  | { ok: false; reason: "forbidden" | "unresolved" };

/**
 * Resolves a webhook URL's host and judges every address it resolves to: one forbidden address refuses the
 * whole destination (a name that answers with a public and a private address is not a name we connect to). The
 * address to connect to is returned, so the connection goes there and nowhere else (no second lookup that DNS
 * rebinding could answer differently).
 */
export async function vetDestination(url: string, policy: DestinationPolicy): Promise<Vetted> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: "forbidden" };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return { ok: false, reason: "forbidden" };
  const host = normalHost(parsed.hostname);
  const port = portOf(parsed);
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await policy.resolve(host);
    } catch {
      // `localhost` and its subdomains are this machine even when no resolver says so.
      return { ok: false, reason: isLocalName(host) ? "forbidden" : "unresolved" };
    }
    if (addresses.length === 0) return { ok: false, reason: "unresolved" };
  }
  if (!addresses.every(({ address }) => mayConnect(address, { host, port }, policy.allow)))
    return { ok: false, reason: "forbidden" };
  const first = addresses[0] as { address: string; family: number };
  return { ok: true, host, port, address: first.address, family: first.family === 6 ? 6 : 4 };
}

export interface PinnedPost {
  url: string;
  /** The vetted address the connection must go to. */
  address: string;
  family: 4 | 6;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/**
 * POSTs to a URL over a connection to `address` only: the host's name still goes into the Host header and, for
 * https, into SNI and the certificate check, but the socket never asks DNS again. No redirects are followed (node's
 * http client follows none), no connection is pooled (a kept-alive socket would outlive the check), and the
 * answer's body is not read. Resolves with the status code.
 */
export function postPinned(post: PinnedPost): Promise<number> {
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: post.address, family: post.family }]);
    else callback(null, post.address, post.family);
  };
  const url = new URL(post.url);
  const options: RequestOptions = {
    method: "POST",
    headers: { ...post.headers, "content-length": String(Buffer.byteLength(post.body)) },
    agent: false,
    lookup,
    signal: AbortSignal.timeout(post.timeoutMs),
  };
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const request = send(url, options, (response) => {
      const status = response.statusCode ?? 0;
      response.destroy();
      resolve(status);
    });
    request.on("error", reject);
    request.end(post.body);
  });
}
