/** One repetition: every target measured once, in this order. */
export interface ScheduledRepetition {
  /** 1-based. */
  readonly repetition: number;
  readonly order: readonly string[];
}

/**
 * Interleaves the targets across repetitions: every repetition measures each target once, and the order rotates by
 * one each time (A B C, B C A, C A B, ...), so over a multiple of the target count each target runs in every
 * position equally often. A machine that slows down (or speeds up) during the run then shifts every target alike
 * instead of favouring whichever always ran first.
 */
export function interleavedSchedule(names: readonly string[], repetitions: number): ScheduledRepetition[] {
  if (!Number.isInteger(repetitions) || repetitions < 1)
    throw new Error(`repetitions must be a whole number of at least 1, got ${repetitions}`);
  return Array.from({ length: repetitions }, (_, r) => ({
    repetition: r + 1,
    order: names.map((_, i) => names[(i + r) % names.length]),
  }));
}
