/** The arithmetic of the figures: shares and the spread of working days. Pure. */

/** `part / whole` (0..1), or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The mean, or null for no values. */
export function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * The p-th percentile by the nearest-rank method: the smallest value with at least p% of the values at or below
 * it (so p90 of 10 values is the 9th smallest). Always one of the values; null for none.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], not ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1] ?? null;
}

/** The working days to reply of a group: how many replies, their mean (one decimal) and p90. */
export function replyDays(values: readonly number[]): { replies: number; average: number | null; p90: number | null } {
  const mean = average(values);
  return {
    replies: values.length,
    average: mean === null ? null : Math.round(mean * 10) / 10,
    p90: percentile(values, 90),
  };
}
