import { median } from './median.ts';

/** How a figure varied over the rounds of one run. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** `(max − min) / median`: 0.1 means the rounds lay within 10% of the median's size. */
  readonly relative: number;
  readonly rounds: number;
}

/** The spread of `values` (one per round). */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('no rounds to summarize');
  const mid = median(values);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { median: mid, min, max, relative: mid === 0 ? 0 : (max - min) / mid, rounds: values.length };
}

/** A minimum below the median by more than this share makes a target unproven, however good the median. */
export const MIN_WITHIN = 0.1;

/** Whether a ratio meets its target by the bench's rule. */
export type Verdict = 'met' | 'missed' | 'unstable';

/**
 * `met` only when the median holds the target and the worst round is within
 * 10% of the median (a target that holds in one run and not the next is not
 * met); `unstable` when the median holds but the worst round fell further;
 * `missed` when the median does not hold.
 */
export function verdict(spread: Spread, target: number): Verdict {
  if (spread.median < target) return 'missed';
  return spread.min >= spread.median * (1 - MIN_WITHIN) ? 'met' : 'unstable';
}
