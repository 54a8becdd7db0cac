/** One figure over several repetitions: its median and the range it moved in, plus every value in run order. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly values: readonly number[];
}

/** Median of the values (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile of ascending values: the smallest value with at least p% of values at or below it. */
export function percentile(sortedAscending: readonly number[], p: number): number | null {
  if (sortedAscending.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], got ${p}`);
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[rank - 1];
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new Error('mean of no values');
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Median and min-max range of a figure measured once per repetition. */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spread of no values');
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), values: [...values] };
}

/**
 * Whether two figures' ranges overlap: if they do, the repetitions cannot tell the two apart, whatever the medians
 * say. With five repetitions per figure, ranges that do not overlap are a difference noise rarely produces.
 */
export function rangesOverlap(a: Spread, b: Spread): boolean {
  return a.min <= b.max && b.min <= a.max;
}

/** Relative difference of b to a, in percent (`+5.0` when b is 5% larger). */
export function percentChange(a: number, b: number): number {
  return a === 0 ? 0 : ((b - a) / a) * 100;
}

/**
 * The distribution as 101 points: index i holds the i-th percentile (nearest rank, as `percentile` computes it),
 * index 0 the minimum. The same shape `ab -e` writes, so both load generators chart alike.
 */
export function percentileCurve(sortedAscending: readonly number[]): number[] {
  if (sortedAscending.length === 0) return [];
  return Array.from({ length: 101 }, (_, i) =>
    i === 0 ? sortedAscending[0] : (percentile(sortedAscending, i) as number),
  );
}
