import { describe, expect, it } from "vitest";
import { KeyCache } from "./key-cache.ts";
import type { Caller } from "./keys.ts";

const caller = (keyId: string): Caller => ({
  keyId,
  prefix: `hy_${keyId}`,
  role: "staff",
  actorId: "staff-1",
  unitId: null,
  committeeId: "default",
});

describe("the API-key cache", () => {
  it("serves nothing before its channel is up, and keeps a key for its TTL once it is", () => {
    const cache = new KeyCache(5);
    cache.store("h1", caller("k1"), cache.generation, 0);
    expect(cache.get("h1", 1)).toBeUndefined();
    cache.resume();
    cache.store("h1", caller("k1"), cache.generation, 0);
    expect(cache.get("h1", 4_999)?.keyId).toBe("k1");
    expect(cache.get("h1", 5_000)).toBeUndefined();
  });

  it("drops a changed key by its id, and the other keys stay", () => {
    const cache = new KeyCache(5);
    cache.resume();
    cache.store("h1", caller("k1"), cache.generation, 0);
    cache.store("h2", caller("k2"), cache.generation, 0);
    cache.drop("k1");
    expect(cache.get("h1", 1)).toBeUndefined();
    expect(cache.get("h2", 1)?.keyId).toBe("k2");
  });

  it("does not keep a read that began before a change was published (it may be the revoked key)", () => {
    const cache = new KeyCache(5);
    cache.resume();
    const before = cache.generation;
    cache.drop("k1");
    cache.store("h1", caller("k1"), before, 0);
    expect(cache.get("h1", 1)).toBeUndefined();
  });

  it("empties and stops serving when its channel drops, and starts empty when it is back", () => {
    const cache = new KeyCache(5);
    cache.resume();
    cache.store("h1", caller("k1"), cache.generation, 0);
    cache.suspend();
    expect(cache.serving).toBe(false);
    expect(cache.get("h1", 1)).toBeUndefined();
    cache.resume();
    expect(cache.size).toBe(0);
  });

  it("caches nothing with a TTL of zero", () => {
    const cache = new KeyCache(0);
    cache.resume();
    cache.store("h1", caller("k1"), cache.generation, 0);
    expect(cache.get("h1", 0)).toBeUndefined();
  });
});
