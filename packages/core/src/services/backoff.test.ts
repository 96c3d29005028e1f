import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.ts';

describe('backoffDelay', () => {
  const policy = { initial: 500, max: 30_000 };

  it('doubles per attempt between half and all of the ceiling', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy, () => 0))).toEqual([250, 500, 1000, 2000]);
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy, () => 1))).toEqual([500, 1000, 2000, 4000]);
  });

  it('never exceeds max', () => {
    expect(backoffDelay(20, policy, () => 1)).toBe(30_000);
    expect(backoffDelay(20, policy, () => 0)).toBe(15_000);
  });

  it('spreads concurrent retries with jitter', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(5, policy)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(4000);
  });
});
