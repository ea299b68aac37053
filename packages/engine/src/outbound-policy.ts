import { isIPv4, isIPv6 } from "node:net";

/**
 * Which network destinations the server may send requests to on behalf of an integrator (webhooks). Pure: no
 * DNS, no sockets; `webhook-destination.ts` resolves names and applies this to every address.
 *
 * The rule: only public unicast addresses. Loopback, private, shared (CGNAT), link-local (cloud metadata
 * 169.254.169.254 among them), multicast, broadcast, unspecified, documentation and reserved ranges are refused,
 * in IPv4 and IPv6, including IPv4 carried inside IPv6 (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`, NAT64
 * `64:ff9b::/96`, 6to4 `2002::/16`). An operator may open holes with an allow-list (CIDRs, or host:port pairs)
 * for an intranet system that must be called.
 */

export type AddressClass =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "shared"
  | "link-local"
  | "multicast"
  | "broadcast"
  | "reserved";

/** A CIDR as the configuration gives it (`10.1.0.0/16`, `fd00::/8`). */
export interface CidrEntry {
  address: string;
  prefix: number;
}

/** A host (IP literal or DNS name, lower case, no trailing dot, IPv6 without brackets) and a port. */
export interface HostPortEntry {
  host: string;
  port: number;
}

/** WEBHOOK_ALLOWED_DESTINATIONS, parsed by the configuration. */
export interface AllowList {
  cidrs: readonly CidrEntry[];
  hostPorts: readonly HostPortEntry[];
}

export const NOTHING_ALLOWED: AllowList = { cidrs: [], hostPorts: [] };

/** An IP address as bytes: 4 for IPv4, 16 for IPv6. `null` for anything that is not an IP literal. */
export function ipBytes(text: string): Uint8Array | null {
  if (isIPv4(text)) return Uint8Array.from(text.split(".").map(Number));
  if (!isIPv6(text)) return null;
  let head = text;
  let v4: number[] = [];
  // A dotted-quad tail (`::ffff:127.0.0.1`) stands for the last two groups.
  const lastColon = head.lastIndexOf(":");
  const tail = head.slice(lastColon + 1);
  if (tail.includes(".")) {
    v4 = tail.split(".").map(Number);
    head = `${head.slice(0, lastColon + 1)}0:0`;
  }
  const [left = "", right] = head.split("::") as [string, string | undefined];
  const groups = (part: string) => (part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16)));
  const leftGroups = groups(left);
  const rightGroups = right === undefined ? [] : groups(right);
  const missing = 8 - leftGroups.length - rightGroups.length;
  const all = [...leftGroups, ...Array(right === undefined ? 0 : missing).fill(0), ...rightGroups];
  const bytes = new Uint8Array(16);
  all.forEach((group, index) => {
    bytes[index * 2] = group >> 8;
    bytes[index * 2 + 1] = group & 0xff;
  });
  if (v4.length === 4) bytes.set(v4, 12);
  return bytes;
}

function inPrefix(bytes: Uint8Array, network: Uint8Array, prefix: number): boolean {
  if (bytes.length !== network.length) return false;
  for (let bit = 0; bit < prefix; bit += 8) {
    const bits = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - bits)) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((network[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

const net = (cidr: string): [Uint8Array, number] => {
  const [address = "", prefix = ""] = cidr.split("/");
  return [ipBytes(address) as Uint8Array, Number(prefix)];
};

const IPV4_RANGES: [Uint8Array, number, AddressClass][] = [
  [...net("0.0.0.0/8"), "unspecified"],
  [...net("10.0.0.0/8"), "private"],
  [...net("100.64.0.0/10"), "shared"],
  [...net("127.0.0.0/8"), "loopback"],
  [...net("169.254.0.0/16"), "link-local"],
  [...net("172.16.0.0/12"), "private"],
  [...net("192.0.0.0/24"), "reserved"],
  [...net("192.0.2.0/24"), "reserved"],
  [...net("192.88.99.0/24"), "reserved"],
  [...net("192.168.0.0/16"), "private"],
  [...net("198.18.0.0/15"), "reserved"],
  [...net("198.51.100.0/24"), "reserved"],
  [...net("203.0.113.0/24"), "reserved"],
  [...net("224.0.0.0/4"), "multicast"],
  [...net("255.255.255.255/32"), "broadcast"],
  [...net("240.0.0.0/4"), "reserved"],
];

const IPV6_RANGES: [Uint8Array, number, AddressClass][] = [
  [...net("::/128"), "unspecified"],
  [...net("::1/128"), "loopback"],
  [...net("fc00::/7"), "private"],
  [...net("fe80::/10"), "link-local"],
  [...net("fec0::/10"), "private"],
  [...net("ff00::/8"), "multicast"],
  [...net("2001::/32"), "reserved"], // Teredo: reaches an IPv4 host through a relay
  [...net("2001:2::/48"), "reserved"],
  [...net("2001:db8::/32"), "reserved"],
];

/** IPv6 forms that carry an IPv4 address, and where it sits: such an address is judged by its IPv4. */
const EMBEDDING_IPV4: [Uint8Array, number, number][] = [
  [...net("::ffff:0:0/96"), 12], // mapped
  [...net("64:ff9b::/96"), 12], // NAT64, well-known prefix
  [...net("::/96"), 12], // compatible (deprecated), after :: and ::1 above
  [...net("2002::/16"), 2], // 6to4
];
const GLOBAL_UNICAST = net("2000::/3");

function classifyBytes(bytes: Uint8Array): AddressClass {
  if (bytes.length === 4) {
    for (const [network, prefix, kind] of IPV4_RANGES) if (inPrefix(bytes, network, prefix)) return kind;
    return "public";
  }
  for (const [network, prefix, kind] of IPV6_RANGES) if (inPrefix(bytes, network, prefix)) return kind;
  const embedded = embeddedIpv4(bytes);
  if (embedded) return classifyBytes(embedded);
  // Everything outside 2000::/3 is unassigned or special-purpose (100::/64 discard, 64:ff9b:1::/48 local NAT64…).
  if (!inPrefix(bytes, ...GLOBAL_UNICAST)) return "reserved";
  return "public";
}

function embeddedIpv4(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length !== 16) return null;
  for (const [network, prefix, at] of EMBEDDING_IPV4)
    if (inPrefix(bytes, network, prefix)) return bytes.slice(at, at + 4);
  return null;
}

/** The class of an IP literal (as `net.isIP` accepts it); `null` when the text is not one. */
export function classifyAddress(address: string): AddressClass | null {
  const bytes = ipBytes(address);
  return bytes ? classifyBytes(bytes) : null;
}

/** The address as an allow-list compares it: an IPv4 inside an IPv6 form counts as that IPv4. */
function comparable(bytes: Uint8Array): Uint8Array {
  return embeddedIpv4(bytes) ?? bytes;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/** A URL's host as the allow-list and the resolver see it: no brackets, lower case, no trailing dot. */
export function normalHost(hostname: string): string {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return bare.toLowerCase().replace(/\.$/, "");
}

export interface Destination {
  /** The URL's host (normalised by `normalHost`). */
  host: string;
  port: number;
}

/**
 * Whether the server may connect to `address` for a request to `destination`. The allow-list admits an address
 * in one of its CIDRs (any port), an IP entry's address on its port, or any address of a named entry's host on
 * its port (the operator vouches for that name). Otherwise only public addresses pass.
 */
export function mayConnect(address: string, destination: Destination, allow: AllowList): boolean {
  const bytes = ipBytes(address);
  if (!bytes) return false;
  const mine = comparable(bytes);
  for (const cidr of allow.cidrs) {
    const network = ipBytes(cidr.address);
    if (
      network &&
      inPrefix(mine, comparable(network), mine.length === 4 && network.length === 16 ? cidr.prefix - 96 : cidr.prefix)
    )
      return true;
  }
  for (const entry of allow.hostPorts) {
    if (entry.port !== destination.port) continue;
    const entryBytes = ipBytes(entry.host);
    if (entryBytes ? sameBytes(comparable(entryBytes), mine) : entry.host === destination.host) return true;
  }
  return classifyBytes(bytes) === "public";
}

/** Names that mean this machine whatever DNS says (RFC 6761): refused unless allow-listed by name. */
export function isLocalName(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost");
}

/** The default port of an http(s) URL when it names none. */
export function portOf(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}
