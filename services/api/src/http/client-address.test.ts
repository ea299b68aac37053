import { describe, expect, it } from "vitest";
import { addressBucket } from "./client-address.ts";

describe("addressBucket", () => {
  it("keeps an IPv4 address whole, also when the socket reports it IPv4-mapped", () => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("::FFFF:127.0.0.1")).toBe("127.0.0.1");
  });

  it("puts every address of one IPv6 /64 in one bucket, however it is written", () => {
    const bucket = "2001:db8:a:b::/64";
    expect(addressBucket("2001:db8:a:b::1")).toBe(bucket);
    expect(addressBucket("2001:0DB8:000a:000b:ffff:1:2:3")).toBe(bucket);
    expect(addressBucket("2001:db8:a:b:0:0:0:9%eth0")).toBe(bucket);
    expect(addressBucket("2001:db8:a:c::1")).not.toBe(bucket);
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
    expect(addressBucket("2001:db8::")).toBe("2001:db8:0:0::/64");
  });

  it("passes anything else through as its own bucket", () => {
    expect(addressBucket("unknown")).toBe("unknown");
  });
});
