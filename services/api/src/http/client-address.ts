import { isIPv4, isIPv6 } from "node:net";

/**
 * The rate-limit bucket of a client address. IPv4 (also IPv4-mapped IPv6, as Node reports IPv4 clients on a
 * dual-stack socket) by the whole address; IPv6 by its /64, since one host usually holds a whole /64 and could
 * otherwise take a fresh address, and a fresh budget, for every request.
 */
export function addressBucket(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(ip)) return ip;
  const bare = ip.split("%")[0] ?? ip;
  if (!isIPv6(bare)) return ip;
  return `${expandIPv6(bare).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros ("::" expanded). */
function expandIPv6(ip: string): string[] {
  const [head = "", tail] = ip.split("::");
  const groupsOf = (part: string) => (part ? part.split(":") : []);
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  // An embedded IPv4 tail (…:1.2.3.4) is two groups; only the first four groups matter here, so count it as two.
  const width = (groups: string[]) => groups.reduce((sum, group) => sum + (group.includes(".") ? 2 : 1), 0);
  const zeros = Array.from({ length: 8 - width(left) - width(right) }, () => "0");
  return [...left, ...zeros, ...right].map((group) =>
    group.includes(".") ? group : group.replace(/^0+(?=.)/, "").toLowerCase(),
  );
}
