import { describe, expect, it } from "vitest";
import {
  type AllowList,
  classifyAddress,
  ipBytes,
  mayConnect,
  NOTHING_ALLOWED,
  normalHost,
} from "./outbound-policy.ts";
import { type Resolver, vetDestination } from "./webhook-destination.ts";

describe("classifyAddress", () => {
  it.each([
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "shared"],
    ["100.100.100.200", "shared"], // a cloud metadata service inside CGNAT space
    ["169.254.169.254", "link-local"], // the cloud metadata service
    ["169.254.0.1", "link-local"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.10", "reserved"],
    ["198.18.0.1", "reserved"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["fe80::1", "link-local"],
    ["febf::1", "link-local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["::ffff:10.1.2.3", "private"],
    ["::127.0.0.1", "loopback"], // IPv4-compatible (deprecated)
    ["64:ff9b::7f00:1", "loopback"], // NAT64 of 127.0.0.1
    ["64:ff9b::169.254.169.254", "link-local"],
    ["64:ff9b:1::1", "reserved"], // local-use NAT64
    ["2002:7f00:1::1", "loopback"], // 6to4 of 127.0.0.1
    ["2002:c0a8:101::1", "private"], // 6to4 of 192.168.1.1
    ["2001:0:4136:e378::1", "reserved"], // Teredo
    ["2001:db8::1", "reserved"],
    ["100::1", "reserved"],
    ["::2", "unspecified"], // compatible form of 0.0.0.2
  ])("%s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "172.32.0.1",
    "192.169.0.1",
    "100.128.0.1",
    "2606:4700::1111",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("%s is public", (address) => {
    expect(classifyAddress(address)).toBe("public");
  });

  it("is null for what is not an IP literal (names, WHATWG-only spellings)", () => {
    for (const text of ["localhost", "example.org", "127.1", "0x7f.0.0.1", "2130706433", "[::1]", ""])
      expect(classifyAddress(text)).toBeNull();
  });

  it("reads IPv6 in every compression", () => {
    expect([...(ipBytes("1:2::7:8") ?? [])]).toEqual([0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 8]);
    expect([...(ipBytes("::ffff:1.2.3.4") ?? [])].slice(10)).toEqual([255, 255, 1, 2, 3, 4]);
    expect(ipBytes("1:2:3:4:5:6:7:8")?.[15]).toBe(8);
  });
});

describe("mayConnect", () => {
  const allow: AllowList = {
    cidrs: [{ address: "10.20.0.0", prefix: 16 }],
    hostPorts: [
      { host: "127.0.0.1", port: 9000 },
      { host: "oa.intranet", port: 8443 },
    ],
  };

  it("lets public addresses through without an allow-list, nothing internal", () => {
    expect(mayConnect("93.184.216.34", { host: "example.org", port: 443 }, NOTHING_ALLOWED)).toBe(true);
    expect(mayConnect("127.0.0.1", { host: "127.0.0.1", port: 9000 }, NOTHING_ALLOWED)).toBe(false);
    expect(mayConnect("not-an-ip", { host: "x", port: 80 }, NOTHING_ALLOWED)).toBe(false);
  });

  it("admits a CIDR on any port, an IP:port only on its port, a name:port for any address of that name", () => {
    expect(mayConnect("10.20.3.4", { host: "10.20.3.4", port: 1 }, allow)).toBe(true);
    expect(mayConnect("::ffff:10.20.3.4", { host: "x.intranet", port: 80 }, allow)).toBe(true);
    expect(mayConnect("10.21.0.1", { host: "10.21.0.1", port: 80 }, allow)).toBe(false);
    expect(mayConnect("127.0.0.1", { host: "127.0.0.1", port: 9000 }, allow)).toBe(true);
    expect(mayConnect("::ffff:7f00:1", { host: "::ffff:7f00:1", port: 9000 }, allow)).toBe(true);
    expect(mayConnect("127.0.0.1", { host: "127.0.0.1", port: 6379 }, allow)).toBe(false);
    expect(mayConnect("192.168.5.5", { host: "oa.intranet", port: 8443 }, allow)).toBe(true);
    expect(mayConnect("192.168.5.5", { host: "oa.intranet", port: 22 }, allow)).toBe(false);
    expect(mayConnect("192.168.5.5", { host: "other.intranet", port: 8443 }, allow)).toBe(false);
  });
});

describe("vetDestination", () => {
  const nowhere: Resolver = async () => {
    throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
  };
  const dns =
    (answers: Record<string, string[]>): Resolver =>
    async (host) => {
      const addresses = answers[host];
      if (!addresses) return nowhere(host);
      return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    };
  const strict = (resolve: Resolver = nowhere) => ({ allow: NOTHING_ALLOWED, resolve });

  // Each of these is loopback, private, link-local or unspecified however it is written; WHATWG URL parsing
  // turns the IPv4 shorthands into dotted quads, and the IPv6 forms carry an IPv4 inside.
  it.each([
    "http://127.0.0.1/",
    "http://2130706433/",
    "http://0x7f000001/",
    "http://0x7f.1/",
    "http://127.1/",
    "http://0177.0.0.1/",
    "http://0/",
    "http://0.0.0.0:6379/",
    "http://[::1]/",
    "http://[::]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[0:0:0:0:0:ffff:127.0.0.1]/",
    "http://[64:ff9b::7f00:1]/",
    "http://[fe80::1]/",
    "http://[fd00::1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0xa9fea9fe/",
    "http://10.0.0.1/",
    "http://192.168.0.1/",
    "http://172.16.0.1/",
    "http://100.64.0.1/",
    "http://224.0.0.1/",
    "http://255.255.255.255/",
    "https://127.0.0.1:5432/",
    "http://LOCALHOST./",
    "http://localhost/",
    "http://api.localhost/",
  ])("refuses %s", async (url) => {
    expect(await vetDestination(url, strict())).toEqual({ ok: false, reason: "forbidden" });
  });

  it("refuses a name that resolves to a forbidden address, or to one among public ones", async () => {
    const resolve = dns({
      "rebind.example": ["127.0.0.1"],
      "mixed.example": ["93.184.216.34", "10.0.0.5"],
      "mapped.example": ["::ffff:169.254.169.254"],
      "public.example": ["93.184.216.34", "2606:4700::1111"],
    });
    for (const host of ["rebind.example", "mixed.example", "mapped.example"])
      expect(await vetDestination(`https://${host}/hook`, strict(resolve))).toEqual({ ok: false, reason: "forbidden" });
    expect(await vetDestination("https://PUBLIC.example./hook", strict(resolve))).toEqual({
      ok: true,
      host: "public.example",
      port: 443,
      address: "93.184.216.34",
      family: 4,
    });
  });

  it("says unresolved for a name no resolver knows, and refuses what is not http(s)", async () => {
    expect(await vetDestination("https://nowhere.example/", strict())).toEqual({ ok: false, reason: "unresolved" });
    expect(await vetDestination("ftp://93.184.216.34/", strict())).toEqual({ ok: false, reason: "forbidden" });
    expect(await vetDestination("not a url", strict())).toEqual({ ok: false, reason: "forbidden" });
  });

  it("lets the allow-list admit its receivers and nothing beside them", async () => {
    const allow: AllowList = { cidrs: [], hostPorts: [{ host: "127.0.0.1", port: 9000 }] };
    const policy = { allow, resolve: dns({ localhost: ["127.0.0.1"] }) };
    expect(await vetDestination("http://127.0.0.1:9000/hook", policy)).toMatchObject({
      ok: true,
      address: "127.0.0.1",
    });
    expect(await vetDestination("http://2130706433:9000/hook", policy)).toMatchObject({ ok: true });
    expect(await vetDestination("http://localhost:9000/hook", policy)).toMatchObject({ ok: true, host: "localhost" });
    expect(await vetDestination("http://127.0.0.1:9001/hook", policy)).toMatchObject({ ok: false });
    expect(await vetDestination("http://127.0.0.2:9000/hook", policy)).toMatchObject({ ok: false });
  });

  it("normalises hosts the way the allow-list is written", () => {
    expect(normalHost("[::1]")).toBe("::1");
    expect(normalHost("OA.Intranet.")).toBe("oa.intranet");
  });
});
