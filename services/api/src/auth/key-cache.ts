import type { Caller } from "./keys.ts";

/**
 * Verified API keys, kept in this process for a few seconds so that a request costs no key lookup (issue 18).
 * Revocation stays immediate: every change of an `api_keys` row is published by PostgreSQL (a trigger's NOTIFY,
 * sent when the change commits; ./key-revocations.ts listens) and drops the key here. The cache serves only while
 * that channel is known to be up: `suspend()` (the channel dropped) empties it and stops caching until `resume()`
 * (listening again), so a notification lost with the connection never leaves a revoked key cached.
 *
 * Pure bookkeeping: the clock is passed in, IO is the caller's.
 */
export class KeyCache {
  readonly #ttlMs: number;
  readonly #entries = new Map<string, { caller: Caller; expiresAt: number }>();
  /** Bumped by every drop: a lookup that began before a drop must not store what it read (it may be stale). */
  #generation = 0;
  #live = false;

  constructor(ttlSeconds: number) {
    this.#ttlMs = ttlSeconds * 1000;
  }

  /** Whether entries are served: the channel is up and the TTL is not zero. */
  get serving(): boolean {
    return this.#live && this.#ttlMs > 0;
  }

  /** The generation to hand back to `store`: taken before the lookup the entry will come from. */
  get generation(): number {
    return this.#generation;
  }

  get(hash: string, now: number): Caller | undefined {
    if (!this.serving) return undefined;
    const entry = this.#entries.get(hash);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.#entries.delete(hash);
      return undefined;
    }
    return entry.caller;
  }

  /** Keeps a key read at `generation`, unless something was dropped since (then the next request reads again). */
  store(hash: string, caller: Caller, generation: number, now: number): void {
    if (!this.serving || generation !== this.#generation) return;
    this.#entries.set(hash, { caller, expiresAt: now + this.#ttlMs });
  }

  /** Drops the key of this id (revoked, rebound, deleted). */
  drop(keyId: string): void {
    this.#generation += 1;
    for (const [hash, entry] of this.#entries) if (entry.caller.keyId === keyId) this.#entries.delete(hash);
  }

  /** The channel is up: start serving (from empty: whatever was published while it was down is unknown). */
  resume(): void {
    this.#generation += 1;
    this.#entries.clear();
    this.#live = true;
  }

  /** The channel dropped: serve nothing, keep nothing, until `resume()`. */
  suspend(): void {
    this.#generation += 1;
    this.#entries.clear();
    this.#live = false;
  }

  get size(): number {
    return this.#entries.size;
  }
}
