/**
 * When a webhook delivery is tried again after a failed attempt: the n-th delay follows the n-th failure. Spread
 * over about a day (5 s, 1 min, 10 min, 1 h, 3 h, 6 h, 12 h: 8 attempts over 22 h 16 min), so that a receiver
 * down for a night's maintenance still gets everything; after the last, the delivery is `failed` and waits for a
 * redelivery.
 */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  60_000,
  10 * 60_000,
  3_600_000,
  3 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
];

/** What follows failed attempt number `attempt` (1-based): the time of the next one, or null when it was the last. */
export function nextAttemptAfter(attempt: number, at: Date, delaysMs: readonly number[]): Date | null {
  const delay = delaysMs[attempt - 1];
  return delay === undefined ? null : new Date(at.getTime() + delay);
}
